/**
 * The located issues of bad inputs read in Chinese (issue 16, "complete zh for every user-facing
 * string"): each bad input below — a bad unit, a negative amount, an unknown ecosystem type, a
 * missing field, a bad CSV header, a bad XLSX cell, and the cross-field checks of the indicator
 * modules — is imported and computed as `gep run` does, and every issue it gives, rendered by
 * `describeIssue(issue, 'zh')`, has no English sentence (./english.ts) beyond the input's own text.
 * Each case names the issue codes it must reach, so that none passes by giving no issue.
 */
import { readFileSync } from 'node:fs';
import { utils, write, type CellObject } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { describeIssue, GepInputError, type GepIssue } from '../../src/errors/errors.js';
import { importCsv } from '../../src/io/csv-input.js';
import { importAccountInput } from '../../src/io/read-input.js';
import { importXlsx } from '../../src/io/xlsx-input.js';
import { computeGepUncertainty, GENERATOR, QUANTILE_METHOD } from '../../src/uncertainty/monte-carlo.js';
import { uncertaintyResultToJson } from '../../src/uncertainty/serialize.js';
import { formatUncertaintyTable, methodIn, uncertaintyToHtml } from '../../src/io/uncertainty-report.js';
import { htmlVisibleText } from './english.js';
import { englishSentences, freeTextOf } from './english.js';
import { QUOTED_ISSUE_CODES } from './outputs.js';

type Json = Record<string, any>;

const SAMPLE = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8')) as Json;

/** The issues of importing and then computing `run`'s input, as `gep run` meets them. */
function issuesOf(run: () => Json): GepIssue[] {
  try {
    computeGep(run());
  } catch (e) {
    if (e instanceof GepInputError) return [...e.issues];
    throw e;
  }
  return [];
}

/** The sample county with one change, read from JSON text. */
function sampleWith(change: (j: Json) => void): () => Json {
  return () => {
    const j = structuredClone(SAMPLE);
    change(j);
    return importAccountInput(JSON.stringify(j), 'bad.json').input;
  };
}

const HEADER = 'indicator,item,ecosystem type,field,value,unit,price year';
const ACCOUNT_ROWS = [
  'account,,,region.name,示例县,,',
  'account,,,region.level,county,,',
  'account,,,accountingYear,2022,,',
  'account,,,priceYear,2022,,',
];

/** A long-form CSV of the account rows and `rows`, under `header`. */
const csv =
  (rows: string[], header = HEADER) =>
  () =>
    importCsv([header, ...ACCOUNT_ROWS, ...rows].join('\r\n'), 'bad.csv').input;

type Cell = string | CellObject | null;

/** A one-sheet workbook of the account rows and `rows`; a cell may be a SheetJS cell object. */
const xlsx = (rows: Cell[][]) => () => {
  const all: Cell[][] = [HEADER.split(','), ...ACCOUNT_ROWS.map((r) => r.split(',').map((c) => c || null)), ...rows];
  const ws = utils.aoa_to_sheet(all.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? null : c))));
  all.forEach((r, ri) =>
    r.forEach((c, ci) => {
      if (c !== null && typeof c === 'object') ws[utils.encode_cell({ r: ri, c: ci })] = c;
    }),
  );
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, 'data');
  return importXlsx(new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), 'bad.xlsx').input;
};

const AGRI = 'material.agriculture';
const WATER = 'regulating.water-conservation';

/** Bad inputs, each with the issue codes it must give. */
const CASES: [string, () => Json, string[]][] = [
  [
    'a unit that does not exist',
    sampleWith((j) => {
      j.indicators[AGRI].products[0].quantity.unit = '斤';
    }),
    ['input.unit-unknown'],
  ],
  [
    'a unit of the wrong dimension',
    sampleWith((j) => {
      j.indicators[WATER].ecosystems[0].area.unit = 'kg';
    }),
    ['input.unit-dimension'],
  ],
  [
    "a price per a unit that is not the quantity's",
    sampleWith((j) => {
      j.indicators[AGRI].products[0].price.unit = '元/m³';
    }),
    ['input.unit-dimension'],
  ],
  [
    'a negative quantity',
    sampleWith((j) => {
      j.indicators[AGRI].products[0].quantity.value = '-5';
    }),
    ['input.out-of-range'],
  ],
  [
    'a region area of 0',
    sampleWith((j) => {
      j.region.area = { value: '0', unit: 'km²' };
    }),
    ['input.out-of-range'],
  ],
  [
    'a negative price override',
    sampleWith((j) => {
      j.coefficientOverrides = [{ id: 'reservoir-storage-cost', value: '-7.06', unit: '元/m³', reason: '县水利局' }];
    }),
    ['input.out-of-range'],
  ],
  [
    'an override of the other sign than the table value',
    sampleWith((j) => {
      j.coefficientOverrides = [{ id: 'sediment-deposition-ratio', value: '-0.24', unit: '1', reason: '县水利局' }];
    }),
    ['input.out-of-range'],
  ],
  [
    'an unknown ecosystem type',
    sampleWith((j) => {
      j.indicators[WATER].ecosystems[0].ecosystemType = 'jungle';
    }),
    ['input.out-of-range'],
  ],
  [
    'a number where decimal text is required',
    sampleWith((j) => {
      j.indicators[AGRI].products[0].quantity.value = 5;
    }),
    ['input.type'],
  ],
  [
    'text that is not a number',
    sampleWith((j) => {
      j.indicators[AGRI].products[0].quantity.value = 'about 5';
    }),
    ['input.not-a-number'],
  ],
  [
    'a missing field',
    sampleWith((j) => {
      delete j.indicators[AGRI].products[0].quantity;
    }),
    ['input.required'],
  ],
  [
    'a missing unit price',
    sampleWith((j) => {
      delete j.indicators[AGRI].products[0].price;
    }),
    ['input.required'],
  ],
  [
    'both a price and an output value',
    sampleWith((j) => {
      j.indicators[AGRI].products[0].outputValue = { value: '1', unit: '元' };
    }),
    ['input.type'],
  ],
  [
    'a missing NEP (carbon sequestration)',
    sampleWith((j) => {
      delete j.indicators['regulating.carbon-sequestration'].ecosystems[0].nep;
    }),
    ['input.required'],
  ],
  [
    'no basis at all (flood regulation)',
    sampleWith((j) => {
      j.indicators['regulating.flood-regulation'] = {};
    }),
    ['input.missing-basis'],
  ],
  [
    'a missing travel expenditure (recreation)',
    sampleWith((j) => {
      delete j.indicators['cultural.recreation'].sites[0].travelExpenditure;
    }),
    ['input.required'],
  ],
  [
    'a missing elevation (sand fixation)',
    sampleWith((j) => {
      delete j.indicators['regulating.sand-fixation'].elevation;
    }),
    ['input.required'],
  ],
  [
    'a temperature below absolute zero (sand fixation)',
    sampleWith((j) => {
      j.indicators['regulating.sand-fixation'].weatherPeriods[0].airTemperatureCelsius = '-300';
    }),
    ['input.out-of-range'],
  ],
  // The plausibility checks (src/accounts/plausibility.ts): a negative price, hectare figures in the km² rows
  // (2 208 km² of rows × 100 against the 2 208 km² county, with the hint), a negative GEP from outside the region.
  [
    'a negative price',
    sampleWith((j) => {
      j.indicators[AGRI].products[0].price.value = '-1';
    }),
    ['input.out-of-range'],
  ],
  [
    'hectares typed into km² rows',
    sampleWith((j) => {
      for (const e of j.indicators[WATER].ecosystems) e.area.value = String(Number(e.area.value) * 100);
    }),
    ['input.area-exceeds-region'],
  ],
  [
    'a negative GEP',
    sampleWith((j) => {
      // A profile that subtracts products from outside the region (the sample's does not).
      j.profile = 'gbt-46869-2025';
      j.outsideRegion = [{ item: '上游来水', value: { value: '10000', unit: '亿元' }, method: '调水量 × 单价' }];
    }),
    ['account.negative-total'],
  ],
  [
    'a duplicate water use',
    sampleWith((j) => {
      const u = j.indicators['material.water-supply'].uses;
      u.push(structuredClone(u[0]));
    }),
    ['input.duplicate'],
  ],
  [
    'a bad CSV header: an unknown column',
    csv([`${AGRI},maize,cropland,products[].quantity,1,t,`], `${HEADER},colour`),
    ['input.unknown-column'],
  ],
  ['a bad CSV header: no value column', csv([], 'indicator,item,ecosystem type,field,unit'), ['input.missing-column']],
  [
    'a CSV cell with no header and an item where the field has none',
    csv([`${AGRI},maize,,intermediateConsumption,1,万元,,stray`]),
    ['input.stray-cell', 'input.not-applicable'],
  ],
  ['a CSV percentage with another unit', csv([`${WATER},,cropland,ecosystems[].runoffCoefficient,12%,mm,`]), ['input.percent-unit']],
  [
    'bad XLSX cells: a date, an error and a formula without a value',
    xlsx([
      [AGRI, 'maize', 'cropland', 'products[].quantity', { t: 'n', v: 44927, z: 'yyyy-mm-dd' }, 't', null],
      [AGRI, 'maize', 'cropland', 'products[].price', { t: 'e', v: 7, f: 'A1/0' }, '元/t', null],
      [AGRI, 'millet', 'cropland', 'products[].quantity', { t: 'n', f: 'A1*2' } as CellObject, 't', null],
    ]),
    ['input.date-cell', 'input.error-cell', 'input.formula-cell'],
  ],
  [
    'XLSX numbers whose format shows another number: 6.2万 storing 6.2, 12,346 storing 12 345 678, a unit word other than the unit',
    xlsx([
      [AGRI, 'maize', 'cropland', 'products[].quantity', { t: 'n', v: 6.2, z: '0.0"万"' }, 't', null],
      [AGRI, 'maize', 'cropland', 'products[].outputValue', { t: 'n', v: 12345678, z: '#,##0,' }, '元', null],
      [AGRI, 'wheat', 'cropland', 'products[].quantity', { t: 'n', v: 6.2, z: '0.0"t"' }, 'kg', null],
      [AGRI, 'wheat', 'cropland', 'products[].price', { t: 'n', v: -2400, z: '0;0' }, '元/t', null],
    ]),
    ['input.number-format'],
  ],
];

describe('the issues of a bad input, in Chinese', () => {
  it.each(CASES)('%s: no English sentence', (_name, run, codes) => {
    const issues = issuesOf(run);
    for (const code of codes)
      expect(
        issues.map((i) => i.code),
        code,
      ).toContain(code);
    const allow = [...freeTextOf(SAMPLE), ...issues.flatMap((i) => (QUOTED_ISSUE_CODES.has(i.code) && i.found ? [i.found] : []))];
    const english = issues.flatMap((i) => englishSentences(describeIssue(i, 'zh'), allow).map((s) => `${describeIssue(i, 'zh')} — "${s}"`));
    expect(english).toEqual([]);
  });

  it('keeps the English beside the Chinese, and a required value says what is needed in both', () => {
    const [issue] = issuesOf(
      sampleWith((j) => {
        delete j.indicators[AGRI].products[0].price;
      }),
    );
    expect(issue!.code).toBe('input.required');
    expect(issue!.expected).toBe('a unit price or an outputValue');
    expect(issue!.expectedZh).toBe('单价或产值（outputValue）');
    // The message of input.required left `expected` out, in both languages: what was needed was never shown.
    expect(describeIssue(issue!, 'en')).toBe(
      'a value is required at indicators.material.agriculture.products[0].price (expected a unit price or an outputValue)',
    );
    expect(describeIssue(issue!, 'zh')).toBe(
      'indicators.material.agriculture.products[0].price 缺少必填值（应为 单价或产值（outputValue））',
    );
  });
});

describe('the warnings of an uncertainty run, in Chinese', () => {
  /** Two products: 12 000 t maize at 2 700 元/t and 5 000 t wheat at 2 400 元/t. */
  const small = {
    region: { name: '测试县', level: 'county' },
    accountingYear: 2022,
    priceYear: 2022,
    indicators: {
      [AGRI]: {
        products: [
          {
            item: '玉米',
            quantity: { value: '12000', unit: 't' },
            price: { value: '2700', unit: '元/t', priceYear: 2022 },
            ecosystemType: 'cropland',
          },
          {
            item: '小麦',
            quantity: { value: '5000', unit: 't' },
            price: { value: '2400', unit: '元/t', priceYear: 2022 },
            ecosystemType: 'cropland',
          },
        ],
      },
    },
  };
  const maize = `indicators.${AGRI}.products[0].quantity`;

  it.each([
    // normal(12 000 t, sd 12 000 t) is negative in 15.9 % of draws: the schema refuses them.
    [
      'draws the input schema refuses',
      () =>
        computeGepUncertainty(small, {
          spec: { inputs: [{ path: maize, distribution: { type: 'normal', sd: { factor: '1' } } }] },
          draws: 200,
          seed: 4,
        }),
      'uncertainty-refused',
      '输入校验不接受',
    ],
    // The forest line of 420 km² drawn up to 1 000 km² pushes the ecosystem areas past the region's.
    [
      'draws the plausibility check refuses',
      () =>
        computeGepUncertainty(SAMPLE, {
          spec: {
            defaults: 'none',
            inputs: [
              {
                path: `indicators.${WATER}.ecosystems[0].area`,
                distribution: { type: 'uniform', min: { value: '300', unit: 'km²' }, max: { value: '1000', unit: 'km²' } },
              },
            ],
          },
          draws: 100,
          seed: 5,
        }),
      'uncertainty-refused',
      '合理性检查',
    ],
    [
      'no distribution at all',
      () => computeGepUncertainty(small, { spec: { defaults: 'none' }, draws: 20 }),
      'uncertainty-none',
      '概率分布',
    ],
    // The account of two priced products reads no runoff coefficient.
    [
      'a coefficient the account does not read',
      () =>
        computeGepUncertainty(small, {
          spec: {
            defaults: 'none',
            coefficients: [
              { id: 'runoff-coefficient.mixed-forest', distribution: { type: 'uniform', min: { factor: '0.9' }, max: { factor: '1.1' } } },
            ],
          },
          draws: 20,
        }),
      'uncertainty-unused',
      '系数 runoff-coefficient.mixed-forest',
    ],
  ] as const)('%s: a catalogued warning with Chinese and no English sentence', (_name, run, code, zh) => {
    const w = run().warnings.find((x) => x.code === code);
    expect(w, code).toBeDefined();
    expect(w!.zh).toContain(zh);
    expect(englishSentences(w!.zh!, freeTextOf(SAMPLE))).toEqual([]);
  });

  it('the parameters of the report say where their distributions come from in Chinese', () => {
    // The sample county's to-verify coefficients get default distributions (one or several sources).
    const u = uncertaintyResultToJson(computeGepUncertainty(SAMPLE, { draws: 20, seed: 1 }));
    expect(u.parameters.length).toBeGreaterThan(0);
    expect(u.parameters.every((p) => /[\p{Script=Han}]/u.test(p.originZh))).toBe(true);
    const allow = freeTextOf(SAMPLE);
    expect(englishSentences(formatUncertaintyTable(u, 'zh'), allow)).toEqual([]);
    expect(englishSentences(htmlVisibleText(uncertaintyToHtml(u, { lang: 'zh' })), allow)).toEqual([]);
    // The report's Chinese names of the generator and the quantile method follow the engine's.
    for (const m of [GENERATOR, QUANTILE_METHOD]) expect(methodIn(m, 'zh')).not.toBe(m);
  });
});
