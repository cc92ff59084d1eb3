/**
 * The account input is typed for developers (issue 16): a misspelt indicator id, a misspelt field
 * or a number where decimal text is required fails to compile, while untrusted data (`unknown`,
 * parsed JSON, an importer's record) is accepted and validated at run time. Checked by `tsc --noEmit`.
 */
import { computeGep } from '../../src/accounts/gep.js';
import type { GepInput, IndicatorId, IndicatorInput } from '../../src/index.js';

const base = { region: { name: '示例县', level: 'county' }, accountingYear: 2022, priceYear: 2022 } as const;
const area = { value: '100', unit: 'km²' };

computeGep({
  ...base,
  indicators: { 'material.water-supply': { uses: [{ use: 'domestic', withdrawal: { value: '100', unit: '万m³' } }] } },
});

computeGep({
  ...base,
  indicators: {
    // @ts-expect-error -- a misspelt indicator id
    'regulating.water-conservaton': { ecosystems: [] },
  },
});

computeGep({
  ...base,
  indicators: {
    'material.water-supply': {
      // @ts-expect-error -- a number where decimal text is required
      uses: [{ use: 'domestic', withdrawal: { value: 100, unit: '万m³' } }],
    },
  },
});

computeGep({
  ...base,
  indicators: {
    'regulating.water-conservation': {
      ecosystems: [
        // @ts-expect-error -- a misspelt field (precipitaton)
        { ecosystemType: 'forest', area, precipitaton: { value: '600', unit: 'mm' }, evapotranspiration: { value: '400', unit: 'mm' } },
      ],
    },
  },
});

// A profile's local indicators are checked at run time.
const withLocal: GepInput = { ...base, indicators: { 'material.local.under-forest-fungi': { sites: [] } } };
computeGep(withLocal);

// Untrusted data: accepted, validated at run time.
const fromUser: unknown = {};
computeGep(fromUser);
computeGep(JSON.parse('{}'));
const imported: Record<string, unknown> = {};
computeGep(imported, { strict: true });

// One indicator's block built apart, typed from the package's entry (issue 16).
const water: IndicatorInput<'regulating.water-conservation'> = {
  ecosystems: [
    { ecosystemType: 'forest', area, precipitation: { value: '600', unit: 'mm' }, evapotranspiration: { value: '400', unit: 'mm' } },
  ],
};
computeGep({ ...base, indicators: { 'regulating.water-conservation': water } });
// @ts-expect-error -- not an implemented indicator's id
const notAnId: IndicatorId = 'regulating.water-conservaton';
// @ts-expect-error -- a misspelt field in a block built apart
const badBlock: IndicatorInput<'regulating.water-conservation'> = { ecosystem: [] };
void notAnId;
void badBlock;
