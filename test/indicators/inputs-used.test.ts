/**
 * Nothing given is lost without a word: every amount an input gives to an indicator either feeds
 * the calculation — its path is an `input:` reference of the result's trace, so an evaluator can
 * follow it — or is named by an `input-not-used` warning (a field the chosen method variant does
 * not read). Found: a recreation site's spending per visit under the travel-cost method, the
 * ecosystem areas of air purification when the emissions are taken as the purified amount, and
 * more, all silently left out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { formatPath, GepInputError } from '../../src/errors/errors.js';
import { getIndicator } from '../../src/indicators/registry.js';
import { decimalArithmetic } from '../../src/numbers/arithmetic.js';
import { runIndicator } from '../helpers/indicator.js';
import { traceReferences, valueAt } from '../helpers/trace.js';
import { listProfiles } from '../../src/profiles/profiles.js';

const samples = ['fixtures/sample-county/input.json', 'fixtures/sample-county/input-2021.json'].map((f) =>
  JSON.parse(readFileSync(f, 'utf8')),
);

/** Paths (`indicators.<id>.ecosystems[0].area`) of the amounts ({ value, unit }) under `node`. */
function amounts(node: unknown, path: string, out: string[] = []): string[] {
  if (node === null || typeof node !== 'object') return out;
  if (!Array.isArray(node) && 'value' in node && 'unit' in node) out.push(path);
  else if (Array.isArray(node)) node.forEach((v, i) => amounts(v, `${path}[${i}]`, out));
  else for (const [k, v] of Object.entries(node)) amounts(v, `${path}.${k}`, out);
  return out;
}

interface Warning {
  readonly code: string;
  readonly path?: readonly (string | number)[] | undefined;
  readonly message: string;
}

/** Warnings that leave out everything below their path (a block, a pollutant's load). */
const WHOLE_BLOCK = new Set(['urban-green-space-excluded', 'component-excluded', 'pollutant-not-in-profile']);

/**
 * The amounts of indicator `id`'s input `block` that neither a trace reference (`references`)
 * reaches nor one of its `warnings` names.
 */
function lostAmounts(id: string, block: unknown, references: readonly string[], warnings: readonly Warning[]): string[] {
  const inputs = references.filter((r) => r.startsWith('input:')).map((r) => r.slice('input:'.length));
  return amounts(block, `indicators.${id}`).filter((path) => {
    const used = inputs.some((r) => r === path || r.startsWith(`${path}.`) || r.startsWith(`${path}[`));
    const named = warnings.some((w) => {
      const at = formatPath(w.path ?? []);
      if (!path.startsWith(at)) return false;
      if (WHOLE_BLOCK.has(w.code)) return true;
      // The first field below the warning's place (`capacity` of ecosystems[0].capacity.cod) is the one it names.
      const field = path.slice(at.length).match(/[A-Za-z][\w-]*/)?.[0];
      return w.code === 'input-not-used' && field !== undefined && new RegExp(`\\b${field}\\b`).test(w.message);
    });
    // A line whose type has no unit rate for any pollutant: its area is named by no-unit-rate.
    const line = path.match(/^indicators\.[^[]*?(\.ecosystems\[\d+\])\.area$/)?.[1];
    const lineData = line ? (valueAt(block, line.slice(1)) as { item?: string; ecosystemType: string } | undefined) : undefined;
    const noRate =
      lineData !== undefined &&
      warnings.some((w) => w.code === 'no-unit-rate' && w.message.includes(lineData.item ?? lineData.ecosystemType));
    return !used && !named && !noRate;
  });
}

/** The amounts of `input` that neither the trace refers to nor a warning names, as "profile: path". */
function lost(input: { indicators: Record<string, unknown> }, profile: string): string[] {
  const result = JSON.parse(JSON.stringify(gepResultToJson(computeGep(input as unknown, { profile }))));
  const references = traceReferences(result);
  return (result.indicators as { id: string }[]).flatMap((indicator) =>
    lostAmounts(
      indicator.id,
      input.indicators[indicator.id],
      references,
      (result.warnings as (Warning & { indicator?: string })[]).filter((w) => w.indicator === indicator.id),
    ).map((path) => `${profile}: ${path}`),
  );
}

describe('every amount given to an indicator', () => {
  for (const profile of listProfiles().map((p) => p.id)) {
    it(`feeds the trace or is named as not used: the sample county 2022 and 2021 under ${profile}`, () => {
      let checked = 0;
      for (const input of samples) {
        let found: string[];
        try {
          found = lost(input, profile);
        } catch {
          continue; // a profile that refuses the input is tested elsewhere
        }
        expect(found).toEqual([]);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});

describe('every amount given to an indicator, under each option of each of its variants', () => {
  // The profiles choose few options; here each variant of each indicator of the sample county runs
  // with every option in turn (the others at their default), on the latest table of national-2022.
  for (const [id, block] of Object.entries(samples[0].indicators as Record<string, unknown>)) {
    const module = getIndicator(id);
    if (!module) continue;
    it(`${id}: each amount feeds the trace or is named as not used`, () => {
      let checked = 0;
      const lostHere: string[] = [];
      for (const v of module.spec.variants) {
        for (const option of Object.keys(v.options)) {
          let run: ReturnType<typeof runIndicator>;
          try {
            run = runIndicator(module, block, decimalArithmetic, { variant: { [v.name]: option }, table: 'national-2022/1.1.0' });
          } catch (e) {
            if (e instanceof GepInputError) continue; // this option needs inputs the sample does not give
            throw e;
          }
          checked++;
          const references = traceReferences([run.quantity.steps, run.quantity.lines, run.value.steps, run.value.lines]);
          const warnings = [...run.quantity.warnings, ...run.value.warnings];
          for (const path of lostAmounts(id, block, references, warnings)) lostHere.push(`${v.name}: ${option}: ${path}`);
        }
      }
      if (module.spec.variants.length) expect(checked).toBeGreaterThan(0);
      expect(lostHere).toEqual([]);
    });
  }
});
