/**
 * Test helpers of the plan tests: the direct result of an input (JSON text, or its issues), and
 * inputs run through a plan as a batch runs them (slots read and checked, the checks outside the
 * arithmetic on each row, leftovers computed directly).
 */
import { expect } from 'vitest';
import { computeGep, type GepResult } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { GepInputError, type GepIssue } from '../../src/errors/errors.js';
import { decimalArithmetic, floatArithmetic } from '../../src/numbers/arithmetic.js';
import { evaluateDecimalRows, evaluateFloatRows, finishRow, type GepPlan, type RowEmit } from '../../src/plan/plan.js';
import { readSlots } from '../../src/plan/slots.js';

export const json = (r: GepResult<unknown>) => JSON.stringify(gepResultToJson(r), null, 2);

/** Issues as compared: every field of each (code, path, expected, found, message, location). */
export const issueList = (issues: readonly GepIssue[]) => `issues: ${JSON.stringify(issues, null, 2)}`;

/** The direct result as JSON text, or the issue list when computeGep refuses the input. */
export function direct(input: unknown, profile: string, float: boolean): string {
  try {
    return json(computeGep(input, { profile, ...(float ? { arithmetic: floatArithmetic } : {}) } as never));
  } catch (e) {
    if (e instanceof GepInputError) return issueList(e.issues);
    throw e;
  }
}

export function setAt(root: unknown, path: readonly (string | number)[], value: string): void {
  let o = root as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) o = o[p] as Record<string | number, unknown>;
  o[path.at(-1)!] = value;
}

/** Run `inputs` through the plan as a batch does (slots read and checked, leftovers computed directly). */
export function throughPlan(
  plan: GepPlan,
  inputs: readonly unknown[],
  profile: string,
  float: boolean,
): { results: string[]; byPlan: number; withExtraWarnings: number; onPlan: Set<number> } {
  const results: string[] = new Array(inputs.length);
  const rows: string[][] = [];
  const at: number[] = [];
  inputs.forEach((input, i) => {
    const texts: string[] = [];
    if (readSlots(plan.structure.root, input, texts) === 'ok') {
      rows.push(texts);
      at.push(i);
    } else results[i] = direct(input, profile, float);
  });
  let byPlan = 0;
  let withExtraWarnings = 0;
  const onPlan = new Set<number>();
  const emit: RowEmit = (r, tape, row) => {
    // As a batch does: the checks outside the arithmetic on the row's own input, else the direct path.
    const A = (float ? floatArithmetic : decimalArithmetic) as never;
    const done = finishRow(tape, row, inputs[at[r]!], A, 'object');
    if (!done) return;
    if ('issues' in done) {
      // Refused on the plan by a check, with computeGep's issues.
      results[at[r]!] = issueList(done.issues);
      onPlan.add(at[r]!);
      byPlan++;
      return;
    }
    results[at[r]!] = json(done.result as GepResult<unknown>);
    // The JSON text form (a batch's files), with the row's own plausibility warnings, is the same.
    const text = finishRow(tape, row, inputs[at[r]!], A, 'json');
    expect(text && 'result' in text ? text.result : text).toBe(results[at[r]!]);
    if (done.extraWarnings) withExtraWarnings++;
    onPlan.add(at[r]!);
    byPlan++;
  };
  float ? evaluateFloatRows(plan, rows, emit) : evaluateDecimalRows(plan, rows, emit);
  rows.forEach((_, r) => {
    results[at[r]!] ??= direct(inputs[at[r]!], profile, float);
  });
  return { results, byPlan, withExtraWarnings, onPlan };
}
