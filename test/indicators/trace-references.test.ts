/**
 * Every reference in a result's trace leads somewhere: an evaluator follows `from` texts back to
 * their origin (the guide's "traceable" bar), so `step:X` must name a step of the same indicator,
 * `input:path` a value present in the input, and `coefficient:id` a row listed in
 * `coefficientsUsed`. A net output printed beside a product list cited `step:gross output`, a step
 * no indicator recorded.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { listProfiles } from '../../src/profiles/profiles.js';
import { traceReferences, valueAt } from '../helpers/trace.js';

/** `from` texts that state an origin in words rather than pointing at one. */
const WORDED = new Set(['no CaCO₃ content given']);

const sample = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
const sample2021 = JSON.parse(readFileSync('fixtures/sample-county/input-2021.json', 'utf8'));
/** Net output as printed beside the product list (a deduction from the products' gross output). */
const netPrinted = structuredClone(sample);
netPrinted.indicators['material.agriculture'].reportedOutput = { 'net-output': { value: '500000000', unit: '元' } };
/** Net output from a printed gross output, without products. */
const grossPrinted = structuredClone(netPrinted);
grossPrinted.indicators['material.agriculture'] = {
  reportedOutput: { 'gross-output': { value: '900000000', unit: '元' }, 'net-output': { value: '500000000', unit: '元' } },
};

/** Every reference of the result that leads nowhere, as "indicator: reference". */
function danglingReferences(input: unknown, profile: string): string[] {
  const result = JSON.parse(JSON.stringify(gepResultToJson(computeGep(input, { profile }))));
  const coefficients = new Set((result.coefficientsUsed as { id: string }[]).map((c) => c.id));
  const dangling: string[] = [];
  for (const indicator of result.indicators as { id: string; trace: { steps: { name: string }[] } }[]) {
    const steps = new Set(indicator.trace.steps.map((s) => s.name));
    for (const reference of traceReferences(indicator)) {
      const colon = reference.indexOf(':');
      const [kind, target] = [reference.slice(0, colon), reference.slice(colon + 1)];
      const ok =
        (kind === 'step' && steps.has(target)) ||
        (kind === 'input' && valueAt(input, target) !== undefined) ||
        (kind === 'coefficient' && coefficients.has(target.replace(/ \(.*\)$/, ''))) ||
        kind === 'default' ||
        WORDED.has(reference);
      if (!ok) dangling.push(`${indicator.id}: ${reference}`);
    }
  }
  return dangling;
}

describe('trace references', () => {
  for (const profile of listProfiles().map((p) => p.id)) {
    it(`lead to a step, an input or a coefficient row: sample county 2022 and 2021 under ${profile}`, () => {
      let checked = 0;
      for (const input of [sample, sample2021]) {
        let dangling: string[];
        try {
          dangling = danglingReferences(input, profile);
        } catch {
          continue; // a profile that refuses the input is tested elsewhere
        }
        expect(dangling).toEqual([]);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('lead somewhere when a net output is printed beside the products or after a printed gross output', () => {
    expect(danglingReferences(netPrinted, 'rcees-2013')).toEqual([]);
    expect(danglingReferences(grossPrinted, 'rcees-2013')).toEqual([]);
  });
});
