/**
 * What carbon sequestration (固碳) and oxygen release (释氧) share: the productivity fields of an
 * ecosystem line, each schema written once; the line's net ecosystem productivity, as given or
 * NEP = NPP − R_h (forest-assets-2017 §1.2), in t C/a; the fields a variant leaves unread; and the
 * warning about a net carbon source (a negative NEP, rate or quantity, kept with its sign).
 */
import * as z from 'zod';
import type { GepWarning } from '../../errors/errors.js';
import { makeWarning } from '../../errors/warnings/index.js';
import { ecosystemTypeName } from '../catalogue.js';
import { inputRef, readAmount, traced, type AmountText, type Tracer } from '../compute.js';
import { about, ecosystemType, type FieldText, measure } from '../input-schema.js';
import type { Arithmetic } from '../../numbers/arithmetic.js';
import type { Measure } from '../../units/measure.js';

/** An amount of carbon per year that may be negative (a net source). */
const carbonFlow = (text: FieldText) => measure('t C/a', { nonNegative: false }).optional().meta(text);

/** The fields of an ecosystem line that both modules read. */
export const productivityFields = {
  ecosystemType: ecosystemType.meta(about('ecosystem type id', '生态系统类型代码')),
  item: z
    .string()
    .min(1)
    .optional()
    .meta(about('name of the line (stand, forest type), when a type has several lines', '行名称（林分、森林类型；同一类型有多行时）')),
  nep: carbonFlow(about('net ecosystem productivity of the type (variant nep)', '该类型净生态系统生产力 NEP（方法 nep）')),
  npp: carbonFlow(
    about(
      'net primary productivity as carbon, with heterotrophicRespiration, when NEP is not given (variant nep)',
      '以碳计的净初级生产力 NPP，与 heterotrophicRespiration 一并填写，未给 NEP 时使用（方法 nep）',
    ),
  ),
  heterotrophicRespiration: carbonFlow(about('soil heterotrophic respiration R_h (variant nep)', '土壤异养呼吸 R_h（方法 nep）')),
};

/** Net primary productivity as dry matter, read by the `variants` named. */
export const nppDryMatter = (variants: string) =>
  measure('t/a')
    .optional()
    .meta(
      about(
        `net primary productivity as dry matter (${variants})`,
        `以干物质计的净初级生产力 NPP（${variants.replace(/^variants /, '方法 ').replace(/ and |, /g, '、')}）`,
      ),
    );

/** A line's name in English (the reference of `step:` ids) and Chinese. */
export interface Name {
  readonly en: string;
  readonly zh: string;
}

/** The NEP fields of an ecosystem line. */
export interface NepFields {
  readonly nep?: AmountText | undefined;
  readonly npp?: AmountText | undefined;
  readonly heterotrophicRespiration?: AmountText | undefined;
}

/** A line's name in English and Chinese: its `item`, else its ecosystem type. */
export function lineName(e: { readonly item?: string | undefined; readonly ecosystemType: string }): Name {
  return e.item ? { en: e.item, zh: e.item } : { en: e.ecosystemType, zh: ecosystemTypeName(e.ecosystemType, 'zh') };
}

/** NEP of the line at `at`, or `null` when it gives neither NEP nor both NPP and R_h. */
export function nepOf<T>(
  A: Arithmetic<T>,
  tracer: Tracer<T>,
  e: NepFields,
  at: readonly (string | number)[],
  name: Name,
): { nep: Measure<T>; from: string } | null {
  if (e.nep) return { nep: readAmount(A, e.nep, 't C/a'), from: inputRef([...at, 'nep']) };
  if (!e.npp || !e.heterotrophicRespiration) return null;
  const npp = readAmount(A, e.npp, 't C/a');
  const rh = readAmount(A, e.heterotrophicRespiration, 't C/a');
  const nep = tracer.record(
    { en: `NEP of ${name.en}`, zh: `${name.zh}净生态系统生产力` },
    'NEP = NPP − R_h',
    {
      NPP: traced(A, npp, inputRef([...at, 'npp'])),
      R_h: traced(A, rh, inputRef([...at, 'heterotrophicRespiration'])),
    },
    { value: A.subtract(npp.value, rh.value), unit: 't C/a' },
  );
  return { nep, from: `step:NEP of ${name.en}` };
}

export { notUsedWarning } from '../compute.js';

/** The warning that a line is a net carbon source (`what` is negative: NEP, a rate, a quantity), kept with its sign. */
export function netSourceWarning(
  indicator: string,
  at: readonly (string | number)[],
  name: Name,
  what: Name,
  value: string,
  unit: string,
): GepWarning {
  return makeWarning('net-carbon-source', { indicator, path: at, params: { name, what, value, unit } });
}
