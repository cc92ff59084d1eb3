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

/** The amounts of `input` that neither the trace refers to nor a warning names, as "profile: path". */
function lost(input: { indicators: Record<string, unknown> }, profile: string): string[] {
  const result = JSON.parse(JSON.stringify(gepResultToJson(computeGep(input as unknown, { profile }))));
  const references: string[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'from' && typeof value === 'string') {
        for (const r of value.split(', ')) if (r.startsWith('input:')) references.push(r.slice('input:'.length));
      } else walk(value);
    }
  };
  walk(result);
  // input-not-used names fields below its path; the others leave out everything below theirs.
  const wholeBlock = new Set(['urban-green-space-excluded', 'component-excluded', 'pollutant-not-in-profile']);
  const notUsed = (result.warnings as { code: string; path?: (string | number)[]; message: string }[])
    .filter((w) => w.code === 'input-not-used' || wholeBlock.has(w.code))
    .map((w) => ({ at: formatPath(w.path ?? []), message: w.code === 'input-not-used' ? w.message : null }));
  const out: string[] = [];
  for (const indicator of result.indicators as { id: string }[]) {
    for (const path of amounts(input.indicators[indicator.id], `indicators.${indicator.id}`)) {
      const used = references.some((r) => r === path || r.startsWith(`${path}.`) || r.startsWith(`${path}[`));
      // The first field below the warning's place (`capacity` of ecosystems[0].capacity.cod) is the one it names.
      const named = notUsed.some((w) => {
        if (!path.startsWith(w.at)) return false;
        const field = path.slice(w.at.length).match(/[A-Za-z][\w-]*/)?.[0];
        return w.message === null || (field !== undefined && new RegExp(`\\b${field}\\b`).test(w.message));
      });
      // A line whose type has no unit rate for any pollutant: its area is named by no-unit-rate.
      const line = path.match(/^(.*\.ecosystems\[\d+\])\.area$/)?.[1];
      const lineData = line ? at(input, line) : undefined;
      const noRate =
        lineData !== undefined &&
        result.warnings.some(
          (w: { code: string; indicator?: string; message: string }) =>
            w.code === 'no-unit-rate' && w.indicator === indicator.id && w.message.includes(lineData.item ?? lineData.ecosystemType),
        );
      if (!used && !named && !noRate) out.push(`${profile}: ${path}`);
    }
  }
  return out;
}

/** The object at `path` (`indicators.regulating.air-purification.ecosystems[2]`; keys may hold dots) of `root`. */
function at(root: unknown, path: string): { item?: string; ecosystemType: string } | undefined {
  const [, id, rest] = path.match(/^indicators\.((?:material|regulating|cultural)\.[^.[]+)(.*)$/) ?? [];
  let node = (root as { indicators: Record<string, unknown> }).indicators[id!];
  for (const part of rest!.match(/[^.[\]]+/g) ?? []) node = (node as Record<string, unknown>)?.[part];
  return node as { item?: string; ecosystemType: string } | undefined;
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
          const references: string[] = [];
          const walk = (node: unknown): void => {
            if (node === null || typeof node !== 'object') return;
            for (const [key, value] of Object.entries(node)) {
              if (key === 'from' && typeof value === 'string') {
                for (const r of value.split(', ')) if (r.startsWith('input:')) references.push(r.slice('input:'.length));
              } else walk(value);
            }
          };
          walk([run.quantity.steps, run.quantity.lines, run.value.steps, run.value.lines]);
          const warnings = [...run.quantity.warnings, ...run.value.warnings];
          for (const path of amounts(block, `indicators.${id}`)) {
            const used = references.some((r) => r === path || r.startsWith(`${path}.`) || r.startsWith(`${path}[`));
            const named = warnings.some((w) => {
              const at = formatPath(w.path ?? []);
              if (!path.startsWith(at)) return false;
              if (['urban-green-space-excluded', 'component-excluded', 'pollutant-not-in-profile', 'no-unit-rate'].includes(w.code))
                return true;
              const field = path.slice(at.length).match(/[A-Za-z][\w-]*/)?.[0];
              return w.code === 'input-not-used' && field !== undefined && new RegExp(`\\b${field}\\b`).test(w.message);
            });
            if (!used && !named) lostHere.push(`${v.name}: ${option}: ${path}`);
          }
        }
      }
      if (module.spec.variants.length) expect(checked).toBeGreaterThan(0);
      expect(lostHere).toEqual([]);
    });
  }
});
