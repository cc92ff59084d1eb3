import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { cli } from '../helpers/cli.js';

const SAMPLE = 'fixtures/sample-county/input.json';
const SPEC = 'fixtures/sample-county/uncertainty.json';

describe('gep uncertainty', () => {
  it('reports an input that does not parse as located bad input (exit 1), for both commands, instead of crashing', () => {
    for (const verb of ['uncertainty', 'sensitivity']) {
      const r = cli([verb, 'bad.json'], { 'bad.json': '{bad' });
      expect(r.code, verb).toBe(1);
      expect(r.stderr, verb).toContain('1 input issue:\n  - bad.json, row 1, column 2: the file is not valid JSON');
    }
  });

  it('prints the intervals of the sample county with its specification, reproducibly', () => {
    const a = cli(['uncertainty', SAMPLE, '--spec', SPEC, '--draws', '1000', '--format', 'json']);
    expect(a.code).toBe(0);
    const json = JSON.parse(a.stdout);
    expect(json).toMatchObject({ kind: 'gep-uncertainty', draws: 1000, seed: 1, unit: '元' });
    expect(json.parameters.map((p: { key: string }) => p.key)).toContain('reservoir-storage-cost');
    expect(json.totals.gep.quantiles.map((q: { p: string }) => q.p)).toEqual(['0.025', '0.05', '0.5', '0.95', '0.975']);
    expect(cli(['uncertainty', SAMPLE, '--spec', SPEC, '--draws', '1000', '--format', 'json']).stdout).toBe(a.stdout);
    // The table's first column is the exact account without draws, in 万元 (2 places, half-up).
    const table = cli(['uncertainty', SAMPLE, '--spec', SPEC, '--draws', '500']).stdout;
    const exact = computeGep(JSON.parse(readFileSync(SAMPLE, 'utf8')))
      .totals.gep.value.div(1e4)
      .toFixed(2, 4);
    expect(table).toMatch(new RegExp(`^GEP\\s+${exact.replace(/\B(?=(\d{3})+(?!\d))/g, ',').replace('.', '\\.')}`, 'm'));
  });

  it('writes the HTML page with --out', () => {
    const { code, written } = cli(['uncertainty', SAMPLE, '--draws', '300', '--format', 'html', '--lang', 'zh', '--out', 'u.html']);
    expect(code).toBe(0);
    expect(written['u.html']).toContain('data-chart="uncertainty-histogram"');
    expect(written['u.html']).toContain('生态产品总值核算的不确定性');
  });

  it('reports a bad specification located in its file, and bad usage', () => {
    const spec = JSON.stringify({
      inputs: [{ path: 'indicators.material.agriculture.products[99].quantity', distribution: { type: 'normal', sd: { factor: '0.1' } } }],
    });
    const bad = cli(['uncertainty', SAMPLE, '--spec', 'spec.json'], { 'spec.json': spec });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('spec.json');
    expect(bad.stderr).toContain('spec.json: inputs[0].path');
    expect(cli(['uncertainty', SAMPLE, '--draws', 'many']).code).toBe(2);
  });
});

describe('gep sensitivity', () => {
  it('names the five coefficients that move GEP most', () => {
    const { code, stdout } = cli(['sensitivity', SAMPLE, '--samples', '256', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.topCoefficients).toHaveLength(5);
    expect(json.swings[0].key).toBe(json.topCoefficients[0]);
    expect(cli(['sensitivity', SAMPLE, '--samples', '256']).stdout).toContain('The five coefficients that move GEP most');
  });
});
