/**
 * Net ecosystem productivity of one ecosystem line, shared by carbon sequestration and oxygen
 * release: as given, or NEP = NPP − R_h (forest-assets-2017 §1.2), in t C/a, with the reference the
 * trace gives as its origin.
 */
import { inputRef, readAmount, traced, type AmountText, type Tracer } from '../compute.js';
import type { Arithmetic } from '../../numbers/arithmetic.js';
import type { Measure } from '../../units/measure.js';

/** The NEP fields of an ecosystem line. */
export interface NepFields {
  readonly nep?: AmountText | undefined;
  readonly npp?: AmountText | undefined;
  readonly heterotrophicRespiration?: AmountText | undefined;
}

/** NEP of the line at `at`, or `null` when it gives neither NEP nor both NPP and R_h. */
export function nepOf<T>(A: Arithmetic<T>, tracer: Tracer<T>, e: NepFields, at: readonly (string | number)[], name: string): { nep: Measure<T>; from: string } | null {
  if (e.nep) return { nep: readAmount(A, e.nep, 't C/a'), from: inputRef([...at, 'nep']) };
  if (!e.npp || !e.heterotrophicRespiration) return null;
  const npp = readAmount(A, e.npp, 't C/a');
  const rh = readAmount(A, e.heterotrophicRespiration, 't C/a');
  const nep = tracer.record(`NEP of ${name}`, 'NEP = NPP − R_h', {
    NPP: traced(A, npp, inputRef([...at, 'npp'])),
    R_h: traced(A, rh, inputRef([...at, 'heterotrophicRespiration'])),
  }, { value: A.subtract(npp.value, rh.value), unit: 't C/a' });
  return { nep, from: `step:NEP of ${name}` };
}
