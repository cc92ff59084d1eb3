import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GepDecimal } from '../../src/numbers/arithmetic.js';
import { cli } from '../helpers/cli.js';

const F = 'fixtures/applications';
const json = (argv: string[]) => {
  const r = cli([...argv, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('gep area | project | compensation | eco-compensation | audit | scorecard | finance', () => {
  it('gep area: the restored mine area, GEP per km² of its 12 km²', () => {
    const r = json(['area', `${F}/area-mine-restored.json`]);
    expect(r.kind).toBe('area-account');
    expect(r.extent.total).toBe('12');
    expect(new GepDecimal(r.perKm2.gep).times(12).minus(r.totals.gep).abs().lt('1e-30')).toBe(true);
  });

  it('gep project: with − without per indicator, the sample county year on year with its price effect', () => {
    const mine = json(['project', `${F}/project-mine-restoration.json`]);
    expect(mine.design).toBe('with-without');
    expect(mine.grossLoss).toBe('0');
    const county = json(['project', `${F}/project-sample-county.json`]);
    // the net impact is the quantity effect of compareGep (gep compare prints the same −59,609.71 万元)
    expect(new GepDecimal(county.net).dividedBy(10000).toFixed(2)).toBe('-59609.71');
    expect(county.warnings.map((w: { code: string }) => w.code)).toContain('project-not-area');
  });

  it('gep compensation: the quarry’s losses from its project file, restoration plus interim loss', () => {
    const c = json(['compensation', `${F}/compensation-quarry.json`]);
    // R = 800 hm² × 45 000 + 1 200 000 = 37 200 000 元; C = R + PV(L)
    expect(c.restorationTotal).toBe('37200000');
    expect(new GepDecimal(c.compensation).minus(c.restorationTotal).minus(c.lostValue.value).isZero()).toBe(true);
    expect(c.losses.length).toBe(5);
  });

  it('gep eco-compensation: vertical payable amounts add up to the fund; water, bounds and settlement run', () => {
    const v = json(['eco-compensation', `${F}/eco-vertical.json`]);
    expect(v.counties.reduce((s: GepDecimal, c: { payable: string }) => s.plus(c.payable), new GepDecimal(0)).toString()).toBe('100000000');
    expect(json(['eco-compensation', `${F}/eco-water-quality.json`]).transfer.to).toBe('示例县 Sample County');
    expect(json(['eco-compensation', `${F}/eco-water-load.json`]).transfer.amount).toBe('960000');
    expect(json(['eco-compensation', `${F}/eco-bounds-sample.json`]).standard).toBe('1227500');
    expect(json(['eco-compensation', `${F}/eco-settlement.json`]).netSum).toBe('0');
  });

  it('gep audit prints the memo: flagged at the default threshold, marked as not a standard, in Chinese and as HTML', () => {
    const table = cli(['audit', `${F}/audit-sample-county.json`]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/GEP at constant 2021 prices changed by −5\.8 %, beyond the decline threshold of −5\.0 %/);
    expect(table.stdout).toContain('library default, not a standard');
    const md = cli(['audit', `${F}/audit-sample-county.json`, '--format', 'md', '--lang', 'zh', '--out', 'memo.md']);
    expect(md.stdout).toContain('## 一、审计参考结论');
    expect(md.stdout).toContain('为程序默认值，非标准');
    expect(md.written['memo.md']).toBe(md.stdout);
    const html = cli(['audit', `${F}/audit-sample-county.json`, '--format', 'html']);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(html.stdout).toContain('data-banner="bad"');
    expect(html.stdout).toContain('data-chart="drivers"');
  });

  it('gep scorecard and gep finance', () => {
    const s = json(['scorecard', 'fixtures/sample-county/input-2021.json', 'fixtures/sample-county/input.json']);
    expect(s.doubleGrowth.value).toBe(false);
    const f = json(['finance', `${F}/finance-mine-vep.json`]);
    expect(new GepDecimal(f.lendingBase).minus(new GepDecimal(f.assetValue.value).times('0.2')).isZero()).toBe(true);
    expect(cli(['finance', `${F}/finance-sample-county.json`, '--lang', 'zh']).stdout).toContain('授信基数');
  });

  it('has help for each verb and exits 2 on bad usage', () => {
    for (const verb of ['area', 'project', 'compensation', 'eco-compensation', 'audit', 'scorecard', 'finance']) {
      const h = cli([verb, '--help']);
      expect([h.code, h.stdout.startsWith(`gep ${verb}`)]).toEqual([0, true]);
    }
    for (const argv of [
      ['project'],
      ['project', 'a', 'b'],
      ['scorecard', 'a'],
      ['audit', `${F}/audit-sample-county.json`, '--format', 'xml'],
      ['finance', `${F}/finance-mine-vep.json`, '--lang', 'fr'],
    ]) {
      const r = cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage:');
    }
    expect(cli(['--help']).stdout).toContain('gep area|project|compensation|eco-compensation|audit|finance');
    // a parameter from the command line would not be in the file that records the computation: refused, not ignored
    const threshold = cli(['audit', `${F}/audit-sample-county.json`, '--decline-threshold', '3']);
    expect([threshold.code, threshold.stderr]).toEqual([2, expect.stringContaining('set declineThreshold (with its source) there')]);
    expect(cli(['finance', `${F}/finance-mine-vep.json`, '--workers', '2']).stderr).toContain('gep finance does not take --workers');
  });

  it('exits 1 with every issue located: in the file itself, at the path naming a missing account, and inside the account file', () => {
    const bad = JSON.stringify({
      method: 'vertical',
      fund: { name: 'f', amount: { value: '1', unit: 't' } },
      priceYear: 2022,
      basis: 'gep',
      weights: {},
      normalisation: 'share',
      counties: [],
    });
    const r1 = cli(['eco-compensation', 'bad.json'], { 'bad.json': bad });
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain('bad.json: fund.amount.unit: expected a unit of money');
    expect(r1.stderr).toContain('bad.json: counties: expected at least 2');

    const missing = JSON.stringify({
      project: { name: 'p', type: 'other' },
      design: 'with-without',
      baseline: { account: 'nowhere.json' },
      withProject: { account: '../sample-county/input.json' },
    });
    const r2 = cli(['project', `${F}/missing.json`], { [`${F}/missing.json`]: missing });
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(
      /fixtures\/applications\/missing\.json: baseline\.account: expected a readable account input file \(.*\), found "nowhere\.json"/,
    );

    const brokenAccount = JSON.stringify({
      region: { name: 'x', level: 'area' },
      accountingYear: 2022,
      priceYear: 2022,
      indicators: { 'material.forestry': { products: [{ item: 'w', quantity: { value: 'ten', unit: 't' } }] } },
    });
    const ref = JSON.stringify({
      area: {
        name: 'x',
        kind: 'park',
        boundary: { description: 'd' },
        extent: [{ ecosystemType: 'forest', area: { value: '1', unit: 'km²' } }],
      },
      account: 'broken.json',
    });
    const r3 = cli(['area', `${F}/ref.json`], { [`${F}/ref.json`]: ref, [`${F}/broken.json`]: brokenAccount });
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain('fixtures/applications/broken.json: indicators.material.forestry.products[0].quantity.value');

    const inline = JSON.stringify({
      area: {
        name: 'x',
        kind: 'park',
        boundary: { description: 'd' },
        extent: [{ ecosystemType: 'forest', area: { value: '1', unit: 'km²' } }],
      },
      account: { region: { name: 'x', level: 'county', code: '140100' }, accountingYear: 2022, priceYear: 2022, indicators: {} },
    });
    const r4 = cli(['area', 'inline.json', '--lang', 'zh'], { 'inline.json': inline });
    expect(r4.code).toBe(1);
    expect(r4.stderr).toContain('inline.json：account.region.level');
  });

  it('locates a problem of an account’s economy block, found by the audit’s scorecard, in that account’s file', () => {
    // realised value at 2021 prices in the 2022 account: the ratios refuse it
    const input = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
    input.economy.realisedValue[0].value.priceYear = 2021;
    const audit = JSON.stringify({
      official: { name: 'X', post: 'head' },
      unit: 'U',
      term: { start: '2021', end: '2022' },
      accounts: ['../sample-county/input-2021.json', 'late.json'],
    });
    const r = cli(['audit', `${F}/a.json`], { [`${F}/a.json`]: audit, [`${F}/late.json`]: JSON.stringify(input) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fixtures/applications/late.json: economy.realisedValue[0].value.priceYear: price year 2021 differs');
    const s = cli(['scorecard', 'fixtures/sample-county/input-2021.json', `${F}/late.json`], { [`${F}/late.json`]: JSON.stringify(input) });
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('fixtures/applications/late.json: economy.realisedValue[0].value.priceYear');
  });

  it('locates a region.level or region.code an area cannot have in the account file the area names', () => {
    const ref = JSON.stringify({
      area: {
        name: 'x',
        kind: 'park',
        boundary: { description: 'd' },
        extent: [{ ecosystemType: 'forest', area: { value: '1', unit: 'km²' } }],
      },
      account: '../sample-county/input.json',
    });
    const r = cli(['area', `${F}/county-as-area.json`], { [`${F}/county-as-area.json`]: ref });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fixtures/sample-county/input.json: region.level: expected "area"');
    expect(r.stderr).toContain('fixtures/sample-county/input.json: region.area: expected the sum of area.extent, 1 km²');
  });
});
