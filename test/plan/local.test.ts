/**
 * A profile's local indicators (defined from data, gep-accounting/local) go through the compiled
 * plan like built-in ones: a batch on the plan gives the direct account's numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { computeGepBatch } from '../../src/accounts/batch.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { loadProfile } from '../../src/indicators/local/compile.js';
import { computeGepUncertainty } from '../../src/uncertainty/monte-carlo.js';

const PROFILE_FILE = 'fixtures/local-indicator/profile.json';
const profile = loadProfile(JSON.parse(readFileSync(PROFILE_FILE, 'utf8')), { file: PROFILE_FILE });
const input = JSON.parse(readFileSync('fixtures/local-indicator/input.json', 'utf8')) as {
  indicators: Record<string, { sites?: { area: { value: string } }[] }>;
};

describe('a local indicator on the plan', () => {
  it('gives the direct numbers for every unit of a batch, the local block included', () => {
    // Three units of one structure (the plan is compiled on the second); the local sites' areas scaled per unit.
    const units = [1, 2, 3].map((k) => {
      const u = structuredClone(input);
      for (const s of u.indicators['material.local.under-forest-fungi']!.sites!) s.area.value = String(Number(s.area.value) * k);
      return u;
    });
    const report = computeGepBatch(units, { profile });
    expect(report.items.every((i) => i.ok)).toBe(true);
    units.forEach((u, k) => {
      const data: unknown = u; // the unit as data: its local block is checked at run time
      const direct = gepResultToJson(computeGep(data, { profile }));
      const item = report.items[k]!;
      expect(item.ok && gepResultToJson(item.result)).toEqual(direct);
    });
    expect(report.onPlans).toBeGreaterThan(0);
  });

  it("takes a distribution on a local block's input in a Monte Carlo run", () => {
    // The first site's area (1 200 亩) uniform on 1 000–1 400 亩: its value moves, the crop's does not.
    const spec = {
      draws: 200,
      seed: 3,
      defaults: 'none',
      inputs: [
        {
          path: 'indicators.material.local.under-forest-fungi.sites[0].area',
          distribution: { type: 'uniform', min: { value: '1000', unit: '亩' }, max: { value: '1400', unit: '亩' } },
        },
      ],
    };
    const r = computeGepUncertainty(input, { profile, spec });
    const local = r.indicators.find((i) => i.id === 'material.local.under-forest-fungi')!;
    const crop = r.indicators.find((i) => i.id === 'material.agriculture')!;
    expect(local.p95 - local.p5).toBeGreaterThan(0);
    expect(crop.p95 - crop.p5).toBe(0);
  });
});
