/**
 * The worked local indicator of docs/local-indicators.md (fixtures/local-indicator/): a profile file
 * defining `material.local.under-forest-fungi`, computed end to end on both paths, with its trace,
 * Chinese text, template rows and a filled template read back.
 *
 * Hand computation (the fixture's numbers):
 *   东山乡 Dongshan  Q = 1200 亩 × 150 kg/(亩·a) = 180 000 kg/a = 180 t/a
 *                   V = 180 t/a × 12 元/kg (the site's price) = 180 000 kg × 12 = 2 160 000 元
 *   西河镇 Xihe      area 20 hm² = 20 × 15 亩 = 300 亩 (1 hm² = 10 000 m², 1 亩 = 2000/3 m²)
 *                   Q = 300 亩 × 800 kg/(亩·a) = 240 000 kg/a = 240 t/a
 *                   V = 240 t/a × 8.5 元/kg (carried reference price, no site price) = 2 040 000 元
 *   local total     Q = 180 + 240 = 420 t/a;  V = 2 160 000 + 2 040 000 = 4 200 000 元
 *   agriculture     玉米 1000 t × 2700 元/t = 2 700 000 元
 *   GEP = M = 2 700 000 + 4 200 000 = 6 900 000 元
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../../src/accounts/gep.js';
import { gepResultToJson } from '../../../src/accounts/serialize.js';
import { loadProfile } from '../../../src/indicators/local/compile.js';
import { floatArithmetic } from '../../../src/numbers/arithmetic.js';
import { importCsv } from '../../../src/io/csv-input.js';
import { inputToCsv, templateCsv } from '../../../src/io/input-export.js';
import { tableBlock } from '../../../src/io/fields.js';
import { describeIssue, GepInputError } from '../../../src/errors/errors.js';
import { cli } from '../../helpers/cli.js';

const PROFILE_FILE = 'fixtures/local-indicator/profile.json';
const INPUT_FILE = 'fixtures/local-indicator/input.json';
const ID = 'material.local.under-forest-fungi';
const profile = () => loadProfile(JSON.parse(readFileSync(PROFILE_FILE, 'utf8')), { file: PROFILE_FILE });
const input = () => JSON.parse(readFileSync(INPUT_FILE, 'utf8')) as Record<string, unknown>;

describe('the worked local indicator (fixtures/local-indicator)', () => {
  it('computes the hand-worked quantities and values exactly on the decimal path', () => {
    const r = computeGep(input(), { profile: profile() });
    const local = r.indicators.find((i) => i.id === ID)!;
    expect(local.category).toBe('material');
    expect(local.quantity.lines.map((l) => [l.item, l.quantity.value.toString(), l.quantity.unit])).toEqual([
      ['东山乡 Dongshan', '180', 't/a'],
      ['西河镇 Xihe', '240', 't/a'],
    ]);
    expect(local.quantity.total!.value.toString()).toBe('420');
    expect(local.value.lines.map((l) => l.value.value.toString())).toEqual(['2160000', '2040000']);
    expect(local.value.total.value.toString()).toBe('4200000');
    expect(r.totals.material.value.toString()).toBe('6900000');
    expect(r.totals.gep.value.toString()).toBe('6900000');
    // The lines name ecosystem type forest, so the value by ecosystem type has it.
    expect(r.byEcosystemType.forest!.value.toString()).toBe('4200000');
  });

  it('gives the same numbers on the float path', () => {
    const r = computeGep(input(), { profile: profile(), arithmetic: floatArithmetic });
    const local = r.indicators.find((i) => i.id === ID)!;
    expect(local.quantity.lines.map((l) => l.quantity.value)).toEqual([180, 240]);
    expect(local.value.total.value).toBe(4_200_000);
    expect(r.totals.gep.value).toBe(6_900_000);
  });

  it('traces each formula with its inputs, units, origins and Chinese names, and the carried coefficient with its origin', () => {
    const json = gepResultToJson(computeGep(input(), { profile: profile() }));
    const local = json.indicators.find((i) => i.id === ID)!;
    expect(local.trace.steps.map((s) => [s.name, s.zh?.name, s.formula, `${s.result.value} ${s.result.unit}`])).toEqual([
      ['fungi harvested of 东山乡 Dongshan', '东山乡 Dongshan食用菌产量', 'Q = area * yieldPerArea', '180 t/a'],
      ['fungi harvested of 西河镇 Xihe', '西河镇 Xihe食用菌产量', 'Q = area * yieldPerArea', '240 t/a'],
      ['Under-forest edible fungi (example)', '林下食用菌（示例）', 'Q = Σ_i Q_i', '420 t/a'],
      ['value of 东山乡 Dongshan', '东山乡 Dongshan价值量', 'V = Q * price', '2160000 元'],
      ['value of 西河镇 Xihe', '西河镇 Xihe价值量', 'V = Q * price', '2040000 元'],
      ['total', '合计', 'V = Σ_i V_i', '4200000 元'],
    ]);
    // The area given in hm² is traced as read, in the field's unit 亩.
    expect(local.trace.steps[1]!.inputs).toEqual({
      area: { value: '300', unit: '亩', from: `input:indicators.${ID}.sites[1].area` },
      yieldPerArea: { value: '800', unit: 'kg/(亩·a)', from: `input:indicators.${ID}.sites[1].yieldPerArea` },
    });
    expect(local.trace.steps[3]!.inputs.price).toEqual({ value: '12', unit: '元/kg', from: `input:indicators.${ID}.sites[0].price` });
    expect(local.trace.steps[4]!.inputs).toEqual({
      Q: { value: '240', unit: 't/a', from: 'step:fungi harvested of 西河镇 Xihe' },
      price: { value: '8.5', unit: '元/kg', from: 'coefficient:local.example.fungi-reference-price' },
    });
    expect(local.trace.coefficients).toEqual([
      expect.objectContaining({
        id: 'local.example.fungi-reference-price',
        value: '8.5',
        unit: '元/kg',
        priceYear: 2022,
        status: 'to-verify',
        table: `profile:example-local-fungi/1.0.0 ${ID}`,
        source: 'constructed example',
      }),
    ]);
    expect(json.coefficientTable).toBe('shanxi/1.0.0');
    expect(local.clauses.map((c) => c.source)).toEqual(['ganzi-2017', 'shanxi-2022-182']);
  });

  it("warns, in English and Chinese, that the indicator is the profile's own and that its carried price is to verify", () => {
    const r = computeGep(input(), { profile: profile() });
    const w = r.warnings.find((x) => x.code === 'local-indicator')!;
    expect(w.zh).toBe(
      `${ID}（林下食用菌（示例））是核算方案 example-local-fungi 自定义的地方指标，不属于本库内置指标：其公式与自带系数由该方案负责`,
    );
    expect(r.warnings.find((x) => x.code === 'coefficient-to-verify')!.message).toContain(
      'local.example.fungi-reference-price = 8.5 元/kg',
    );
  });

  it('refuses a site price at another price year, located at the line', () => {
    const i = input();
    const sites = (i.indicators as Record<string, { sites: Record<string, unknown>[] }>)[ID]!.sites;
    sites[0]!.price = { value: '12', unit: '元/kg', priceYear: 2020 };
    expect(() => computeGep(i, { profile: profile() })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'input.price-year', path: ['indicators', ID, 'sites', 0, 'price', 'priceYear'] })],
      }),
    );
  });

  it('applies a user override of the carried row, shown in the trace', () => {
    const r = computeGep(input(), {
      profile: profile(),
      overrides: [
        { id: 'local.example.fungi-reference-price', value: '10', unit: '元/kg', priceYear: 2022, reason: 'county price survey' },
      ],
    });
    const local = r.indicators.find((x) => x.id === ID)!;
    // 240 t/a × 10 元/kg = 2 400 000 元
    expect(local.value.lines[1]!.value.value.toString()).toBe('2400000');
    expect(local.coefficients[0]).toMatchObject({ status: 'user-override', overridden: { tableValue: '8.5' } });
  });

  it('refuses the carried to-verify row in strict mode', () => {
    expect(() => computeGep(input(), { profile: profile(), strict: true })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'coefficient.to-verify', found: 'local.example.fungi-reference-price' })],
      }),
    );
  });

  it('runs from the CLI with --profile FILE.json, in the table and as JSON', () => {
    const table = cli(['run', INPUT_FILE, '--profile', PROFILE_FILE]);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/material\.local\.under-forest-fungi +林下食用菌（示例）.*420 t\/a .*420\.00/);
    const json = JSON.parse(cli(['run', INPUT_FILE, '--profile', PROFILE_FILE, '--format', 'json']).stdout) as {
      totals: { gep: { value: string } };
    };
    expect(json.totals.gep.value).toBe('6900000');
  });

  it('lists the local indicator with gep indicators --profile FILE.json', () => {
    const r = cli(['indicators', '--profile', PROFILE_FILE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^L material\.local\.under-forest-fungi +t\/a +林下食用菌（示例） Under-forest edible fungi \(example\)$/m);
    expect(cli(['indicators']).stdout).not.toContain('local');
  });

  it('puts its input fields in the template, and reads a filled template back', () => {
    const rows = parse(templateCsv(profile(), 'en'), { bom: true, relax_column_count: true }) as string[][];
    const local = rows.filter((r) => r[0] === ID).map((r) => [r[3], r[5]]);
    expect(local).toEqual([
      ['sites[].area', '亩'],
      ['sites[].yieldPerArea', 'kg/(亩·a)'],
      ['sites[].price', '元/kg'],
    ]);
    expect(tableBlock(ID)).toBeUndefined();
    // The input written as a long-form table and read back under the profile is the same input.
    const csv = inputToCsv(input(), 'zh', profile());
    const read = importCsv(csv, 'filled.csv', { profile: profile() }).input;
    const r = computeGep(read, { profile: profile() });
    expect(r.totals.gep.value.toString()).toBe('6900000');
  });

  it("notes its fields in the template's language: descriptionZh in zh, with the fallback said in Chinese (issue 16)", () => {
    const notes = (lang: 'en' | 'zh') =>
      (parse(templateCsv(profile(), lang), { bom: true, relax_column_count: true }) as string[][])
        .filter((r) => r[3] === 'sites[].area' || r[3] === 'sites[].price')
        .map((r) => r[7]);
    expect(notes('zh')).toEqual([
      expect.stringMatching(/^必填 · 该地点林下种植食用菌的林地面积( · 示例：.*)?$/),
      expect.stringMatching(
        /^选填 · 该地点鲜菌出场价格（核算价格年份）；不填则取系数 local\.example\.fungi-reference-price( · 示例：.*)?$/,
      ),
    ]);
    expect(notes('en')).toEqual([
      expect.stringMatching(/^required · forest area under fungus cultivation at the site/),
      expect.stringMatching(
        /^optional · farm-gate price of the site's fungi at the account price year; the coefficient local\.example\.fungi-reference-price when left out/,
      ),
    ]);
  });

  it("is the profile fragment docs/local-indicators.md shows, field for field, and its code's imports exist (issue 16)", async () => {
    const doc = readFileSync('docs/local-indicators.md', 'utf8');
    const section = doc.slice(doc.indexOf('## The profile file'));
    const fragment = /```json\n([\s\S]*?)```/.exec(section)![1]!;
    const { indicators, localIndicators } = JSON.parse(readFileSync(PROFILE_FILE, 'utf8')) as Record<string, unknown>;
    expect(JSON.parse(`{${fragment}}`)).toEqual({ indicators, localIndicators });
    // "From code": computeGep from the package's entry, loadProfile from its `local` subpath.
    const code = /```ts\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(code).toContain("import { computeGep } from 'gep-accounting';");
    expect(code).toContain("import { loadProfile } from 'gep-accounting/local';");
    expect(typeof (await import('../../../src/index.js')).computeGep).toBe('function');
    expect((await import('../../../src/local.js')).loadProfile).toBe(loadProfile);
  });

  it('refuses a misspelt symbol with the messages docs/local-indicators.md quotes', () => {
    const raw = JSON.parse(readFileSync(PROFILE_FILE, 'utf8'));
    raw.localIndicators[ID].quantity.formula = 'area * yeild';
    let issues: readonly import('../../../src/errors/errors.js').GepIssue[] = [];
    try {
      loadProfile(raw, { file: 'my-profile.json' });
    } catch (e) {
      if (e instanceof GepInputError) issues = e.issues;
    }
    const doc = readFileSync('docs/local-indicators.md', 'utf8');
    expect(issues).toHaveLength(1);
    expect(doc).toContain(describeIssue(issues[0]!, 'en'));
    expect(doc).toContain(describeIssue(issues[0]!, 'zh'));
  });
});
