/**
 * Units, cell formats, typed numbers and texts under generated input (issue 13). Whatever the unit
 * expression, the parser answers within its bounds, with a typed error or a unit whose conversion
 * to itself is the identity. Whatever the number format of an XLSX cell or the way a number is
 * typed in CSV, the importer reads exactly what the cell shows (a percentage as the percentage, a
 * multiplier as its power of ten, with a note) or refuses it, located; a date is never a number.
 * Texts made of the characters that break round trips come back unchanged through CSV and XLSX.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { utils, write, type CellObject } from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { importCsv } from '../../src/io/csv-input.js';
import { inputHash } from '../../src/io/hash.js';
import { inputToCsv, inputToXlsx } from '../../src/io/input-export.js';
import { importJson } from '../../src/io/read-input.js';
import { GepInputError } from '../../src/errors/errors.js';
import { importXlsx, numberCellText } from '../../src/io/xlsx-input.js';
import { decimalArithmetic as D } from '../../src/numbers/arithmetic.js';
import { convert, GepUnitParseError, parseUnit, UNIT_LIMITS, unitProblem } from '../../src/units/units.js';
import { LONG_RUN, onlyInputErrors, params, plainDecimal, tally, timeout } from './support.js';
import type { GepInput } from '../../src/accounts/input.js';

/** Count what a property saw, beside the accepted/refused tally of `onlyInputErrors`. */
function seen(name: string, ok: boolean) {
  const t = tally.get(name) ?? { ok: 0, refused: 0 };
  if (ok) t.ok++;
  else t.refused++;
  tally.set(name, t);
}

// ------------------------------------------------------------------------------------------------
// Units

const atom = fc.constantFrom(
  'm',
  'mm',
  'km',
  'hm',
  '亩',
  'L',
  'g',
  'kg',
  't',
  't C',
  't CO2',
  'kWh',
  'kJ',
  'MJ',
  '元',
  's',
  'h',
  'd',
  'a',
  '人次',
  '头',
  '当量',
  '%',
  '1',
  'furlong',
  '斤',
  '',
  ' ',
);
const prefix = fc.constantFrom('', '', '万', '亿', '万亿');
const exponent = fc.constantFrom('', '', '²', '³', '^2', '^-1', '^9', '^0', '^', '^x', '^-9');
/** Unit expressions: atoms with prefixes and exponents, joined by · / * , nested in brackets, sometimes very deep or very long. */
const unitExpr: fc.Arbitrary<string> = fc.letrec((tie) => ({
  term: fc.oneof(
    { weight: 4, arbitrary: fc.tuple(prefix, atom, exponent).map(([p, a, e]) => `${p}${a}${e}`) },
    { weight: 1, arbitrary: fc.tuple(tie('expr'), exponent).map(([x, e]) => `(${x as string})${e}`) },
  ),
  expr: fc
    .tuple(tie('term'), fc.array(fc.tuple(fc.constantFrom('·', '/', '*', ' / ', '•'), tie('term')), { maxLength: 3 }))
    .map(([t, rest]) => `${t as string}${(rest as [string, string][]).map(([op, x]) => `${op}${x}`).join('')}`),
})).expr;
const hostileUnit = fc.oneof(
  { weight: 6, arbitrary: unitExpr },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 40 }), atom, fc.constantFrom('^9', '^-9', '³', ''))
      .map(([n, a, e]) => `${'('.repeat(n)}${a}${`)${e}`.repeat(n)}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('m^2·', 'km²/', '(', ')', '万', ' '))
      .map(([n, s]) => s.repeat(n)),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

describe('unit parser', () => {
  it(
    'answers any unit expression within its bounds: a typed error, or a unit whose conversion to itself is the identity',
    () => {
      fc.assert(
        fc.property(hostileUnit, (u) => {
          const t0 = performance.now();
          const problem = unitProblem(u);
          let parsed = false;
          try {
            parseUnit(u);
            parsed = true;
          } catch (e) {
            if (!(e instanceof GepUnitParseError)) throw e;
          }
          expect(performance.now() - t0, u.slice(0, 80)).toBeLessThan(250);
          if (problem === null) {
            expect(parsed).toBe(true);
            expect(u.length).toBeLessThanOrEqual(UNIT_LIMITS.written.maxChars);
            expect(convert(D, D.fromString('1.5'), u, u).toString()).toBe('1.5');
          }
          seen('units: known', problem === null);
        }),
        params(300, 0.03),
      );
    },
    timeout(300, 0.03, 2),
  );

  it(
    'turns any region.area unit into a located input issue or a computed account, never another error; an account whose units are all valid is computed',
    () => {
      // Each field takes a unit of its dimension (then the account must be computed) or a generated
      // expression. The same expression everywhere, as before, could fit no field: 500 of 500 refused.
      const valid = (units: readonly string[]) => fc.constantFrom(...units).map((u) => ({ u, valid: true }));
      const field = (units: readonly string[]) =>
        fc.oneof({ weight: 3, arbitrary: valid(units) }, { weight: 1, arbitrary: hostileUnit.map((u) => ({ u, valid: false })) });
      const AREA = ['km²', 'hm²', 'm²', '亩', 'km^2', '万m²'];
      const MASS = ['t', 'kg', '万t', 'g'];
      const VOLUME_PRICE = ['元/m³', '元/m^3', '万元/万m³', '元/L'];
      const units = fc.record({ area: field(AREA), override: field(VOLUME_PRICE), quantity: field(MASS), price: fc.boolean() });
      const input = ({ area, override, quantity, price }: typeof units extends fc.Arbitrary<infer R> ? R : never): GepInput => ({
        region: { name: '测试县', level: 'county', area: { value: '2208', unit: area.u } },
        accountingYear: 2022,
        priceYear: 2022,
        coefficientOverrides: [{ id: 'reservoir-storage-cost', value: '9.1', unit: override.u, reason: 'fuzz' }],
        indicators: {
          'material.agriculture': {
            // The price per unit of the quantity's own unit, or per the area's unit (another dimension: refused).
            products: [
              {
                item: '玉米',
                quantity: { value: '1250', unit: quantity.u },
                price: { value: '2400', unit: `元/(${price ? quantity.u : area.u})` },
              },
            ],
          },
        },
      });
      fc.assert(
        fc.property(units, (x) => {
          const result = onlyInputErrors('units: in an account', () => computeGep(input(x)));
          if (x.area.valid && x.override.valid && x.quantity.valid && x.price) {
            expect(result, JSON.stringify(x)).not.toBeNull();
            seen('units: in an account, all valid', true);
          }
        }),
        params(60, 0.005),
      );
    },
    timeout(60, 0.005, 20),
  );
});

// ------------------------------------------------------------------------------------------------
// XLSX number formats

const percentFormat = fc.constantFrom('0%', '0.00%', '#,##0.0%', '0%;[Red]-0%', '0.0%"*"');
const dateFormat = fc.constantFrom('yyyy-mm-dd', 'm/d/yy', 'yyyy"年"m"月"d"日"', 'dd/mm/yyyy h:mm', 'h:mm:ss', 'mmm yy');
/** Formats that only change the look of the same number: read as stored. */
const lookFormat = fc.constantFrom(
  'General',
  'G/通用格式',
  '0.00',
  '#,##0',
  '@',
  '"¥"#,##0.00',
  '[$¥-804]#,##0.00',
  '#,##0.00_);[Red](#,##0.00)',
  '0.00;[Red]-0.00',
  '0.0000E+00',
);
/** Formats that show another magnitude (a multiplier word, Excel's trailing-comma scaling): always refused. */
const scaledFormat = fc.constantFrom('0.0"万"', '0.0,"万"', '#,##0,', '0.0,,"百万"', '0"千"', 'General"亿"', '0.00,"K"');
/** Formats that show a unit word: read as stored where the unit is that word, refused elsewhere. */
const wordFormat = fc.constantFrom(
  ['0" %"', '%'] as const,
  ['0\\%', '%'] as const,
  ['0.0"mm"', 'mm'] as const,
  ['#,##0.0 "t"', 't'] as const,
);
const numberCell = fc.tuple(
  fc.oneof(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
  ),
  fc.oneof(
    { weight: 3, arbitrary: percentFormat.map((z) => ['percent', z, ''] as const) },
    { weight: 2, arbitrary: dateFormat.map((z) => ['date', z, ''] as const) },
    { weight: 2, arbitrary: lookFormat.map((z) => ['look', z, ''] as const) },
    { weight: 1, arbitrary: scaledFormat.map((z) => ['scaled', z, ''] as const) },
    { weight: 1, arbitrary: wordFormat.map(([z, word]) => ['word', z, word] as const) },
  ),
);
const unitCell = fc.constantFrom('%', '1', '', 't', 'mm', '元');

/** A workbook whose water-conservation line has a runoff coefficient in a formatted numeric cell. */
function workbook(v: number, z: string, unit: string): Uint8Array {
  const W = 'regulating.water-conservation';
  const rows: (string | CellObject | null)[][] = [
    ['indicator', 'item', 'ecosystem type', 'field', 'value', 'unit'],
    ['account', null, null, 'region.name', '测试县', null],
    ['account', null, null, 'region.level', 'county', null],
    ['account', null, null, 'accountingYear', '2022', null],
    ['account', null, null, 'priceYear', '2022', null],
    [W, null, 'cropland', 'ecosystems[].area', '620', 'km²'],
    [W, null, 'cropland', 'ecosystems[].precipitation', '510', 'mm'],
    [W, null, 'cropland', 'ecosystems[].evapotranspiration', '420', 'mm'],
    [W, null, 'cropland', 'ecosystems[].runoffCoefficient', { t: 'n', v, z }, unit || null],
  ];
  const ws = utils.aoa_to_sheet(rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? null : c))));
  ws.E9 = rows[8]![4] as CellObject;
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, 'data');
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('XLSX number formats', () => {
  it(
    'reads a percentage as the percentage it shows, never a date as a number, another number never as stored, and refuses what does not fit, located',
    () => {
      fc.assert(
        fc.property(numberCell, unitCell, ([v, [kind, z, word]], unit) => {
          // The issues at the cell itself (E9), when the workbook is refused.
          let atCell: string[] = [];
          const read = () => {
            try {
              return importXlsx(workbook(v, z, unit), 'fmt.xlsx');
            } catch (e) {
              if (e instanceof GepInputError)
                atCell = e.issues.filter((i) => i.location?.row === 9 && i.location.column === 'E').map((i) => i.code);
              throw e;
            }
          };
          const imported = onlyInputErrors(`formats: ${kind}`, read, 'fmt.xlsx');
          // What the cell shows is another number than it stores, or in another unit: refused at the cell, never read.
          const shownOtherwise = kind === 'scaled' || (kind === 'word' && word !== unit);
          expect(atCell.includes('input.number-format'), `${v} ${z} ${unit}: ${atCell}`).toBe(shownOtherwise);
          if (!imported) return;
          const rc = (
            imported.input.indicators as Record<string, { ecosystems: { runoffCoefficient: { value: string; unit: string } }[] }>
          )['regulating.water-conservation']!.ecosystems[0]!.runoffCoefficient;
          expect(kind, `${v} ${z} ${unit}`).not.toBe('date');
          const stored = new Decimal(numberCellText(v));
          if (kind === 'percent') {
            // 12% shown, 0.12 stored: 12 in %, or 0.12 in 1.
            expect(
              new Decimal(rc.value).equals(rc.unit === '1' ? stored : stored.times(100)),
              `${v} ${z} ${unit}: ${rc.value} ${rc.unit}`,
            ).toBe(true);
            expect(['%', '1']).toContain(rc.unit);
            expect(imported.notes.some((n) => n.code === 'note.read-as')).toBe(true);
          } else {
            expect(new Decimal(rc.value).equals(stored)).toBe(true);
          }
        }),
        params(80, 0.02),
      );
    },
    timeout(80, 0.02, 30),
  );
});

// ------------------------------------------------------------------------------------------------
// Numbers typed with % and Chinese multipliers

const MULT: Readonly<Record<string, number>> = { 万: 4, 亿: 8, 万亿: 12 };
const typedNumber = fc
  .tuple(
    plainDecimal,
    fc.constantFrom('%', '％', '万', '亿', '万亿', '万元', '%%', '千', ''),
    fc.constantFrom('', ' ', '\u3000'),
    fc.boolean(),
  )
  .map(([n, suffix, space, fullWidth]) => ({
    n,
    suffix,
    text: `${fullWidth ? n.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : n}${space}${suffix}`,
  }));

describe('typed numbers', () => {
  it(
    'reads n%, n万, n亿, n万亿 exactly (decimal point moved, never a float) with a note, and refuses other suffixes, located',
    () => {
      fc.assert(
        fc.property(typedNumber, ({ n, suffix, text }) => {
          const csv = [
            'indicator,item,ecosystem type,field,value,unit',
            'account,,,region.name,测试县,',
            'account,,,region.level,county,',
            'account,,,accountingYear,2022,',
            'account,,,priceYear,2022,',
            `material.agriculture,玉米,cropland,products[].quantity,${text},t`,
            'material.agriculture,玉米,cropland,products[].price,2400,元/t',
          ].join('\n');
          const imported = onlyInputErrors(`typed numbers: ${suffix || 'plain'}`, () => importCsv(csv, 'typed.csv'), 'typed.csv');
          const percent = suffix === '%' || suffix === '％';
          if (!imported) {
            // Refused: a suffix that is no number form, or a percentage where the unit is t.
            expect(percent || !(suffix in MULT || suffix === '')).toBe(true);
            return;
          }
          const q = (imported.input.indicators as Record<string, { products: { quantity: { value: string; unit: string } }[] }>)[
            'material.agriculture'
          ]!.products[0]!.quantity;
          expect(q.unit).toBe('t');
          expect(new Decimal(q.value).equals(new Decimal(n).times(new Decimal(10).pow(MULT[suffix] ?? 0))), `${text} → ${q.value}`).toBe(
            true,
          );
          expect(imported.notes.length).toBe(suffix === '' ? 0 : 1);
        }),
        params(150, 0.02),
      );
    },
    timeout(150, 0.02, 10),
  );
});

// ------------------------------------------------------------------------------------------------
// Round trip of tricky texts

const tricky = [
  "'",
  ' ',
  '\u3000',
  '\u00a0',
  '\t',
  '\n',
  '=',
  '+',
  '-',
  '@',
  '＝',
  '_',
  'x',
  '0',
  '4',
  '1',
  ',',
  '"',
  '玉',
  '万',
  '%',
  '\u202e',
  '\u0001',
  'a',
  '<',
  '#',
];
const trickyText = fc
  .array(fc.constantFrom(...tricky), { minLength: 1, maxLength: 10 })
  .map((c) => c.join(''))
  .filter((t) => t.trim() !== '');

describe('round trip of texts', () => {
  it(
    'gives back every text through CSV and XLSX, with the input hash of the JSON',
    () => {
      const input = fc.tuple(trickyText, fc.uniqueArray(trickyText, { minLength: 1, maxLength: 4 })).map(([name, items]) => ({
        region: { name, level: 'county' },
        accountingYear: 2022,
        priceYear: 2022,
        indicators: {
          'material.agriculture': {
            products: items.map((item, i) => ({
              item,
              quantity: { value: `+${i}1800`, unit: 't' },
              outputValue: { value: ` ${i}`, unit: '万元' },
            })),
          },
        },
      }));
      fc.assert(
        fc.property(input, (x) => {
          const hash = inputHash(importJson(JSON.stringify(x), 'x.json').input);
          const viaCsv = importCsv(inputToCsv(x, 'zh'), 'x.csv').input;
          const viaXlsx = importXlsx(inputToXlsx(x, 'en'), 'x.xlsx').input;
          expect(viaCsv).toEqual(x);
          expect(viaXlsx).toEqual(x);
          expect([inputHash(viaCsv), inputHash(viaXlsx)]).toEqual([hash, hash]);
          seen('round trip: texts', true);
        }),
        params(30, 0.01),
      );
    },
    timeout(30, 0.01, 40),
  );
});

afterAll(() => {
  if (LONG_RUN) console.log(`[fuzz] formats: ${JSON.stringify(Object.fromEntries([...tally]))}`);
});
