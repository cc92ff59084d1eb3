import { describe, expect, it } from 'vitest';
import { waterCompensation, horizontalWaterSchema } from '../../src/applications/horizontal.js';
import { parseInput } from '../../src/applications/common.js';
import type { GepInputError } from '../../src/errors/errors.js';

const mgl = (v: string) => ({ value: v, unit: 'mg/L' });
const wan = (v: string) => ({ value: v, unit: '万元' });
const base = {
  method: 'horizontal-water',
  year: 2022,
  priceYear: 2022,
  upstream: { name: 'Up' },
  downstream: { name: 'Down' },
  section: { name: 'S' },
};
const quality = (indicators: unknown[], extra: Record<string, unknown> = {}) =>
  parseInput(horizontalWaterSchema, {
    ...base,
    rule: 'quality-index',
    qualityIndex: { indicators, amounts: { downstreamPays: wan('1000'), upstreamPays: wan('800') }, ...extra },
  });
const fixture = [
  { name: 'CODMn', concentration: mgl('2.1'), baseline: mgl('2.4') },
  { name: 'NH3-N', concentration: mgl('0.18'), baseline: mgl('0.20') },
  { name: 'TN', concentration: mgl('1.05'), baseline: mgl('1.10') },
  { name: 'TP', concentration: mgl('0.032'), baseline: mgl('0.030') },
];

describe('waterCompensation, quality index (新安江 P, recalled)', () => {
  it('computes P = k0 · Σ k_i C_i/C_i0 with the table’s k0 and equal weights; P ≤ 1: the downstream region pays', () => {
    // C/C0 = 0.875, 0.9, 0.954545…, 1.066666…; Σ = 3.796212…; × 0.25 × 0.85 = 0.806695…
    const h = waterCompensation(quality(fixture));
    expect(h.qualityIndex!.terms.map((t) => t.ratio.toFixed(6))).toEqual(['0.875000', '0.900000', '0.954545', '1.066667']);
    expect(h.qualityIndex!.p.toFixed(6)).toBe('0.806695');
    expect(h.transfer).toMatchObject({ from: 'Down', to: 'Up' });
    expect(h.transfer!.amount.toString()).toBe('10000000');
    expect(h.trace.coefficients.map((c) => [c.id, c.value, c.status])).toEqual([
      ['xinan.stability-coefficient', '0.85', 'to-verify'],
      ['xinan.index-limit', '1', 'to-verify'],
    ]);
    expect(h.trace.methods.find((m) => m.source === 'xinan-2011-pilot')!.standing).toBe('recalled');
    expect(h.warnings.map((w) => w.code)).toEqual(['coefficient-to-verify']);
  });

  it('P > 1: the upstream region pays its agreed amount', () => {
    // every C/C0 = 1.5: P = 0.85 × 1.5 = 1.275
    const h = waterCompensation(
      quality([
        { name: 'a', concentration: mgl('3'), baseline: mgl('2') },
        { name: 'b', concentration: mgl('0.3'), baseline: mgl('0.2') },
      ]),
    );
    expect(h.qualityIndex!.p.toString()).toBe('1.275');
    expect([h.transfer!.from, h.transfer!.amount.toString()]).toEqual(['Up', '8000000']);
  });

  it('uses the input’s k0, limit and weights instead of the table’s, and refuses the to-verify table values in strict mode', () => {
    // k0 = 1, weights 0.75 / 0.25: P = 0.75 × 0.875 + 0.25 × 0.9 = 0.88125 ≤ 0.85? no → upstream pays
    const h = waterCompensation(
      quality(
        [
          { name: 'a', concentration: mgl('2.1'), baseline: mgl('2.4'), weight: { value: '75', unit: '%' } },
          { name: 'b', concentration: { value: '0.00018', unit: 'g/L' }, baseline: mgl('0.2'), weight: { value: '0.25', unit: '1' } },
        ],
        { stabilityCoefficient: { value: '1', unit: '1' }, indexLimit: { value: '0.85', unit: '1' } },
      ),
    );
    expect([h.qualityIndex!.p.toString(), h.transfer!.from, h.trace.coefficients.length]).toEqual(['0.88125', 'Up', 0]);
    expect(() => waterCompensation(quality(fixture), { strict: true })).toThrow(/to-verify|to verify/);
  });

  it('refuses weights for some indicators only, weights not adding up to 1, a zero baseline and a missing block', () => {
    const codes = (f: () => unknown) => {
      try {
        f();
        return [];
      } catch (e) {
        return (e as GepInputError).issues.map((i) => i.path.join('.'));
      }
    };
    expect(codes(() => waterCompensation(quality([{ ...fixture[0], weight: { value: '1', unit: '1' } }, fixture[1]])))).toEqual([
      'qualityIndex.indicators.1.weight',
    ]);
    expect(
      codes(() =>
        waterCompensation(
          quality([
            { ...fixture[0], weight: { value: '0.5', unit: '1' } },
            { ...fixture[1], weight: { value: '0.4', unit: '1' } },
          ]),
        ),
      ),
    ).toEqual(['qualityIndex.indicators']);
    expect(codes(() => waterCompensation(quality([{ name: 'a', concentration: mgl('1'), baseline: mgl('0') }])))).toEqual([
      'qualityIndex.indicators.0.baseline.value',
    ]);
    expect(codes(() => waterCompensation(parseInput(horizontalWaterSchema, { ...base, rule: 'quality-index' })))).toEqual(['qualityIndex']);
  });
});

describe('waterCompensation, excess load (not a standard)', () => {
  const load = (reward?: boolean) =>
    parseInput(horizontalWaterSchema, {
      ...base,
      rule: 'excess-load',
      excessLoad: {
        flow: { value: '3.2', unit: '亿m³/a' },
        pollutants: [
          { name: 'COD', concentration: mgl('18'), target: mgl('20'), unitCost: { value: '3000', unit: '元/t' } },
          { name: 'NH3-N', concentration: mgl('1.2'), target: mgl('1.0'), unitCost: { value: '15000', unit: '元/t' } },
        ],
        ...(reward === undefined ? {} : { rewardBelowTarget: reward }),
      },
    });

  it('values the load above target at its treatment cost: the upstream region pays', () => {
    // NH3-N: (1.2 − 1.0) g/m³ × 3.2 × 10⁸ m³ = 6.4 × 10⁷ g = 64 t × 15 000 = 960 000 元; COD below target (−640 t) not counted
    const h = waterCompensation(load());
    expect(h.excessLoad!.terms.map((t) => [t.excessLoad.toString(), t.amount.toString(), t.counted])).toEqual([
      ['-640', '0', false],
      ['64', '960000', true],
    ]);
    expect([h.transfer!.from, h.transfer!.amount.toString()]).toEqual(['Up', '960000']);
  });

  it('with rewardBelowTarget the net may turn: the downstream region pays', () => {
    // 960 000 − 640 × 3 000 = −960 000 → Down pays Up 960 000
    const h = waterCompensation(load(true));
    expect([h.excessLoad!.net.toString(), h.transfer!.from, h.transfer!.amount.toString()]).toEqual(['-960000', 'Down', '960000']);
  });
});
