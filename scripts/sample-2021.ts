/**
 * Derives the constructed 2021 input of the sample county (fixtures/sample-county/input-2021.json)
 * from the 2022 input, so that `gep compare` has two years to show. Run `npx tsx scripts/sample-2021.ts`
 * after adding a block to the 2022 input. CONSTRUCTED EXAMPLE: the factors below are made up to
 * give a readable comparison (a wet 2021 — Shanxi's record autumn rains — and a 2022 with fewer
 * visitors and falling house prices), not taken from any statistics.
 *
 * Rules, applied to every indicator block:
 *   - a price ({ value, unit, priceYear: 2022 }) becomes a 2021 price: value ÷ 1.02 (× a factor
 *     per indicator where given), rounded to 2 decimals, priceYear 2021;
 *   - a physical quantity in a field named in QUANTITY_FIELDS is multiplied by the indicator's
 *     quantity factor (default 1); precipitation and water-surface evaporation by WET_2021;
 *   - every other field is copied unchanged.
 * `economy` and `geep` are written out explicitly for 2021 below.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { GepDecimal } from '../src/numbers/arithmetic.js';

const SOURCE = 'fixtures/sample-county/input.json';
const TARGET = 'fixtures/sample-county/input-2021.json';

/** 2021 quantity = 2022 quantity × factor. */
const QUANTITY_FACTOR: Record<string, string> = {
  'material.agriculture': '0.97',
  'material.livestock': '0.95',
  'material.fishery': '1.02',
  'material.water-supply': '1.01',
  'material.eco-energy': '1.15',
  'material.other': '0.96',
  'regulating.carbon-sequestration': '1.03',
  'cultural.recreation': '1.18',
  'cultural.landscape': '0.97',
};
/** 2021 price = 2022 price ÷ 1.02 × factor (house prices fell in 2022). */
const PRICE_FACTOR: Record<string, string> = { 'cultural.landscape': '1.06' };
const WET_2021 = '1.05';
const QUANTITY_FIELDS = new Set([
  'quantity',
  'withdrawal',
  'electricity',
  'visits',
  'floorArea',
  'nep',
  'npp',
  'heterotrophicRespiration',
  'nppDryMatter',
  'outputValue',
]);
const WET_FIELDS = new Set(['precipitation', 'evaporation']);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const scaled = (value: string, factor: string, places?: number) => {
  const v = new GepDecimal(value).times(factor);
  return places === undefined ? v.toSignificantDigits(8).toString() : v.toDecimalPlaces(places, GepDecimal.ROUND_HALF_UP).toString();
};

function transform(node: Json, indicator: string, field: string | null): Json {
  if (Array.isArray(node)) return node.map((n) => transform(n, indicator, field));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.value === 'string' && typeof node.unit === 'string') {
    if (node.priceYear === 2022) {
      const factor = new GepDecimal(PRICE_FACTOR[indicator] ?? '1').dividedBy('1.02').toString();
      return { ...node, value: scaled(node.value, factor, 2), priceYear: 2021 };
    }
    if (field && QUANTITY_FIELDS.has(field)) return { ...node, value: scaled(node.value, QUANTITY_FACTOR[indicator] ?? '1') };
    if (field && WET_FIELDS.has(field)) return { ...node, value: scaled(node.value, WET_2021) };
    return node;
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, transform(v, indicator, k)]));
}

const money = (value: string, unit = '万元') => ({ value, unit, priceYear: 2021 });
const input = JSON.parse(readFileSync(SOURCE, 'utf8')) as Record<string, Json>;
const indicators = input.indicators as Record<string, Json>;
const out: Record<string, Json> = {};
for (const [k, v] of Object.entries(input)) {
  if (k === 'about') {
    out.about = {
      ...(v as Record<string, Json>),
      description:
        'CONSTRUCTED EXAMPLE — the 2021 account of the made-up sample county, derived from input.json by scripts/sample-2021.ts with made-up factors (a wet 2021, more visitors than in 2022). Not real data; do not cite.',
    };
  } else if (k === 'accountingYear' || k === 'priceYear') {
    out[k] = 2021;
  } else if (k === 'economy') {
    out.economy = {
      gdp: { value: '158.2', unit: '亿元', priceYear: 2021, basis: 'regional-statistics', source: 'constructed example' },
      population: { value: '30.4', unit: '万人', kind: 'resident', source: 'constructed example' },
      realisedValue: [
        {
          item: '生态农林牧渔产品销售 sales of farm, forest, livestock and fishery products',
          channel: 'market-sale',
          value: money('139500'),
        },
        {
          item: '生态保护补偿与重点生态功能区转移支付 ecological compensation and transfers',
          channel: 'compensation',
          value: money('20800'),
        },
        { item: '景区门票与经营收入 scenic-area ticket and business revenue', channel: 'tourism', value: money('16900') },
      ],
    };
  } else if (k === 'geep') {
    out.geep = transform(v, 'geep', null);
    const g = out.geep as Record<string, Json>;
    (g.pollutionLoss as Record<string, Json>[])[0]!.value = money('17400');
    (g.resourceDepletion as Record<string, Json>[])[0]!.value = money('30500');
  } else if (k === 'indicators') {
    out.indicators = Object.fromEntries(Object.entries(indicators).map(([id, block]) => [id, transform(block, id, null)]));
  } else {
    out[k] = v;
  }
}
writeFileSync(TARGET, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${TARGET}`);
