/**
 * Every refusal of a local definition, located: the file, the path to the indicator and the
 * formula, and the character in the formula; with its message in English and Chinese.
 */
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../../src/accounts/gep.js';
import { GepInputError, messageOf, type GepIssue } from '../../../src/errors/errors.js';
import { loadProfile } from '../../../src/indicators/local/compile.js';
import { getProfile } from '../../../src/profiles/profiles.js';
import type { GepInput } from '../../../src/accounts/input.js';

const ID = 'regulating.local.test-item';
const FILE = 'my-profile.json';

/** A small valid profile with one local indicator; `edit` changes its definition. */
function profile(edit: (def: Record<string, any>, p: Record<string, any>) => void = () => {}): Record<string, any> {
  const def: Record<string, any> = {
    zh: '测试指标',
    en: 'Test item',
    clauses: [{ source: 'test', clause: 'a test formula', status: 'to-verify' }],
    inputs: {
      area: { unit: 'hm²', description: 'area' },
      mass: { unit: 't', description: 'a mass' },
      money: { unit: '元', description: 'a sum of money' },
    },
    coefficients: { k: { id: 'local.test.k' } },
    rows: [
      {
        id: 'local.test.k',
        symbol: 'k',
        value: '2',
        unit: 't/(hm²·a)',
        source: 'test',
        clause: 'test',
        priceYear: null,
        status: 'to-verify',
        note: '',
      },
    ],
    quantity: { formula: 'area * k', unit: 't/a', name: { en: 'retained', zh: '保持量' } },
    value: { formula: 'Q * money / mass', name: { en: 'value', zh: '价值量' } },
  };
  const p: Record<string, any> = {
    id: 'my-profile',
    version: '1.0.0',
    title: { zh: '测试', en: 'test' },
    source: 'test',
    coefficientTable: 'national-2022/1.0.0',
    indicatorListStatus: 'to-verify',
    notes: [],
    indicators: [{ id: ID, variant: {} }],
    localIndicators: { [ID]: def },
  };
  edit(def, p);
  return p;
}

function issuesOf(raw: unknown): GepIssue[] {
  try {
    loadProfile(raw, { file: FILE });
  } catch (e) {
    if (e instanceof GepInputError) return [...e.issues];
    throw e;
  }
  throw new Error('expected the profile to be refused');
}

const formula = (where: 'quantity' | 'value') => ['localIndicators', ID, where, 'formula'];
const brief = (i: GepIssue) => ({ code: i.code, path: i.path, at: i.at, found: i.found, expected: i.expected });

describe('a local definition is refused, located, when', () => {
  it('a formula uses an unknown symbol: every one, with the character and the known symbols', () => {
    const issues = issuesOf(
      profile((d) => {
        d.quantity.formula = 'area * kk';
        d.value.formula = 'Q * money / mas';
      }),
    );
    expect(issues.map(brief)).toEqual([
      { code: 'local.unknown-symbol', path: formula('quantity'), at: 8, found: 'kk', expected: 'area, mass, money, k' },
      { code: 'local.unknown-symbol', path: formula('value'), at: 13, found: 'mas', expected: 'area, mass, money, k, Q' },
    ]);
    expect(issues[0]!.location).toEqual({ file: FILE });
    expect(messageOf(issues[0]!, 'en')).toBe(
      `localIndicators.${ID}.quantity.formula, character 8: unknown symbol "kk"; known here: area, mass, money, k`,
    );
    expect(messageOf(issues[0]!, 'zh')).toBe(
      `localIndicators.${ID}.quantity.formula 第 8 个字符处：未知符号 "kk"；此处可用：area, mass, money, k`,
    );
  });

  it('a formula calls an unknown function, or a function with the wrong number of arguments', () => {
    expect(
      issuesOf(
        profile((d) => {
          d.quantity.formula = 'sqrt(area) * k';
        }),
      ).map(brief),
    ).toEqual([{ code: 'local.unknown-function', path: formula('quantity'), at: 1, found: 'sqrt', expected: 'min, max, abs, exp, ln' }]);
    expect(
      issuesOf(
        profile((d) => {
          d.quantity.formula = 'abs(area, k)';
        }),
      ).map(brief),
    ).toEqual([{ code: 'local.arity', path: formula('quantity'), at: 1, found: 'abs', expected: '1' }]);
  });

  it('a formula adds t to 元, pointing at the +', () => {
    const issues = issuesOf(
      profile((d) => {
        d.value.formula = 'Q * (mass + money) / mass';
      }),
    );
    expect(issues.map(brief)).toEqual([{ code: 'local.dimension', path: formula('value'), at: 11, found: '元', expected: 't' }]);
    expect(messageOf(issues[0]!, 'zh')).toBe(`localIndicators.${ID}.value.formula 第 11 个字符处：此处应为与 t 同量纲的量，实际为 元`);
  });

  it('a value formula is not in 元 or 元/a', () => {
    expect(
      issuesOf(
        profile((d) => {
          d.value.formula = 'Q * money';
        }),
      ).map(brief),
    ).toEqual([{ code: 'local.dimension', path: formula('value'), at: 1, found: 't·元/a', expected: '元 | 元/a' }]);
  });

  it("a quantity formula is not in the declared unit's dimension", () => {
    expect(
      issuesOf(
        profile((d) => {
          d.quantity.formula = 'area * k * area';
        }),
      ).map(brief),
    ).toEqual([{ code: 'local.dimension', path: formula('quantity'), at: 1, found: 'm²·t/a', expected: 't/a' }]);
  });

  it('a formula cannot be read: a syntax error, a character or construct no formula holds, a missing *', () => {
    const one = (f: string) =>
      issuesOf(
        profile((d) => {
          d.quantity.formula = f;
        }),
      ).map(brief);
    expect(one('area * * k')).toEqual([{ code: 'local.syntax', path: formula('quantity'), at: 8, found: '* k', expected: undefined }]);
    expect(one('(area * k')).toEqual([{ code: 'local.syntax', path: formula('quantity'), at: 9, found: 'k', expected: undefined }]);
    expect(one('area % k')).toEqual([
      { code: 'local.not-allowed', path: formula('quantity'), at: 6, found: '%', expected: '+ - * / ^ ( ) ,' },
    ]);
    expect(one('Q = area * k')).toEqual([
      { code: 'local.not-allowed', path: formula('quantity'), at: 3, found: '=', expected: '+ - * / ^ ( ) ,' },
    ]);
    expect(one('面积 * k')).toEqual([
      { code: 'local.not-allowed', path: formula('quantity'), at: 1, found: '面', expected: '+ - * / ^ ( ) ,' },
    ]);
    expect(one('2 area * k / 2')).toEqual([
      { code: 'local.implicit-multiplication', path: formula('quantity'), at: 3, found: '2 area', expected: undefined },
    ]);
    expect(one('area mod 2')).toEqual([
      { code: 'local.not-allowed', path: formula('quantity'), at: 6, found: 'mod', expected: '+ - * / ^ ( ) ,' },
    ]);
  });

  it('a quantity with a unit is raised to a power that is not a whole number written out', () => {
    expect(
      issuesOf(
        profile((d) => {
          d.quantity.formula = 'area ^ 0.5 * k';
        }),
      ).map(brief),
    ).toEqual([{ code: 'local.exponent', path: formula('quantity'), at: 6, found: 'hm²', expected: undefined }]);
  });

  it("a step's formula is wrong: located at the step", () => {
    const issues = issuesOf(
      profile((d) => {
        d.quantity.steps = [{ symbol: 'r', formula: 'area * kx', unit: 't/a', name: { en: 'r', zh: 'r' } }];
        d.quantity.formula = 'r';
      }),
    );
    expect(issues.map(brief)).toEqual([
      {
        code: 'local.unknown-symbol',
        path: ['localIndicators', ID, 'quantity', 'steps', 0, 'formula'],
        at: 8,
        found: 'kx',
        expected: 'area, mass, money, k',
      },
    ]);
  });

  it('a name is reserved, taken twice, or not a formula name', () => {
    const issues = issuesOf(
      profile((d) => {
        d.inputs.Q = { unit: 't', description: 'clashes with the line quantity' };
        d.inputs.max = { unit: 't', description: 'clashes with a function' };
        d.coefficients.area = { id: 'local.test.k' };
        d.inputs['unit price'] = { unit: '元/t', description: 'a space in the name' };
      }),
    );
    expect(issues.map((i) => [i.code, i.path.slice(2).join('.'), i.found])).toEqual([
      ['local.reserved-name', 'inputs.Q', 'Q'],
      ['local.reserved-name', 'inputs.max', 'max'],
      ['input.type', 'inputs.unit price', '"unit price"'],
      ['input.duplicate', 'coefficients.area', 'area'],
    ]);
  });

  it('a coefficient is unknown, or read in a unit of another dimension', () => {
    const issues = issuesOf(
      profile((d) => {
        d.coefficients.k = { id: 'no-such-coefficient' };
        d.coefficients.c = { id: 'dredging-cost', unit: 't' };
      }),
    );
    expect(issues.map(brief).slice(0, 2)).toEqual([
      {
        code: 'coefficient.unknown',
        path: ['localIndicators', ID, 'coefficients', 'k', 'id'],
        at: undefined,
        found: 'no-such-coefficient',
        expected: 'national-2022/1.0.0 or the rows of the definition',
      },
      {
        code: 'input.unit-dimension',
        path: ['localIndicators', ID, 'coefficients', 'c', 'unit'],
        at: undefined,
        found: 't',
        expected: 'the dimension of 元/m³ (the unit of dredging-cost)',
      },
    ]);
  });

  it("a carried row repeats a row of the profile's table", () => {
    const issues = issuesOf(
      profile((d) => {
        d.rows.push({ ...d.rows[0], id: 'dredging-cost' });
      }),
    );
    expect(issues.map(brief)).toEqual([
      {
        code: 'local.row-collides',
        path: ['localIndicators', ID, 'rows', 1, 'id'],
        at: undefined,
        found: 'dredging-cost',
        expected: 'national-2022/1.0.0',
      },
    ]);
  });

  it('the indicator is not enabled, or enabled with a variant', () => {
    expect(
      issuesOf(
        profile((_, p) => {
          p.indicators = [];
        }),
      ).map(brief),
    ).toEqual([{ code: 'local.not-enabled', path: ['localIndicators', ID], at: undefined, found: ID, expected: undefined }]);
    expect(
      issuesOf(
        profile((_, p) => {
          p.indicators = [{ id: ID, variant: { basis: 'x' } }];
        }),
      ).map((i) => [i.code, i.path]),
    ).toEqual([['profile.variant-unknown', ['indicators', 0, 'variant', 'basis']]]);
  });

  it("its id is outside the local namespace, and the profile reuses a shipped profile's id", () => {
    const issues = issuesOf(
      profile((d, p) => {
        p.id = 'shanxi';
        p.localIndicators = { 'regulating.test-item': d };
        p.indicators = [{ id: 'regulating.test-item', variant: {} }];
      }),
    );
    expect(issues.map((i) => [i.code, i.path, i.found])).toEqual([
      ['profile.id-taken', ['id'], 'shanxi'],
      ['local.id', ['localIndicators', 'regulating.test-item'], 'regulating.test-item'],
    ]);
  });

  it('it has two lists, an optional input without fallback, or a list with amount options', () => {
    const issues = issuesOf(
      profile((d) => {
        d.inputs.a = { description: 'list a', lines: { x: { unit: 't', description: 'x' } } };
        d.inputs.b = { description: 'list b', unit: 't', lines: { y: { unit: 't', description: 'y', optional: true } } };
      }),
    );
    expect(issues.map((i) => [i.code, i.path.slice(2).join('.')])).toEqual([
      ['input.not-applicable', 'inputs.b.unit'],
      ['local.fallback', 'inputs.b.lines.y'],
      ['local.list', 'inputs'],
    ]);
  });

  it("the profile file is malformed: the schema's issues, located in the file", () => {
    const issues = issuesOf(
      profile((d) => {
        delete d.quantity.unit;
      }),
    );
    expect(issues.map((i) => [i.code, i.path, i.location])).toEqual([
      ['input.required', ['localIndicators', ID, 'quantity', 'unit'], { file: FILE }],
    ]);
  });

  it('a profile object with local indicators reaches computeGep without being compiled', () => {
    const raw = profile();
    const input: GepInput = { region: { name: 'x', level: 'county' }, accountingYear: 2022, priceYear: 2022, indicators: {} };
    expect(() => computeGep(input, { profile: raw as never })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'local.not-compiled', path: ['profile', 'localIndicators'], found: 'my-profile' })],
      }),
    );
    // A compiled profile edited afterwards is compiled again, not run with stale modules.
    const loaded = loadProfile(raw);
    expect(() => computeGep(input, { profile: { ...loaded, localIndicators: { ...loaded.localIndicators } } })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'local.not-compiled' })],
      }),
    );
  });

  it('an input names a local indicator its profile does not define', () => {
    const input: GepInput = { region: { name: 'x', level: 'county' }, accountingYear: 2022, priceYear: 2022, indicators: { [ID]: {} } };
    expect(() => computeGep(input, { profile: getProfile('national-2022')! })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'input.unknown-indicator', path: ['indicators', ID] })],
      }),
    );
  });
});

describe('a valid small definition', () => {
  it('computes Q = area × k and V = Q × money ÷ mass on a given input', () => {
    // Q = 10 hm² × 2 t/(hm²·a) = 20 t/a; V = 20 t/a × 300 元 ÷ 4 t = 1500 元/a → 1500 元
    const input: GepInput = {
      region: { name: 'x', level: 'county' },
      accountingYear: 2022,
      priceYear: 2022,
      indicators: { [ID]: { area: { value: '10', unit: 'hm²' }, mass: { value: '4', unit: 't' }, money: { value: '300', unit: '元' } } },
    };
    const r = computeGep(input, { profile: loadProfile(profile()) });
    expect(r.indicators[0]!.quantity.total!.value.toString()).toBe('20');
    expect(r.totals.regulating.value.toString()).toBe('1500');
    // The single line of an indicator without a list is named by the indicator, in both languages.
    expect(r.indicators[0]!.quantity.lines[0]!).toMatchObject({ item: 'Test item', itemZh: '测试指标' });
    expect(r.indicators[0]!.value.lines[0]!).toMatchObject({ item: 'Test item', itemZh: '测试指标' });
  });
});
