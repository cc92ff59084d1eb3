/**
 * Generators of account inputs for the fuzz tests. The bundled sample county exercises every
 * implemented indicator but one; its blocks (plus a coastal-protection block) are the templates.
 * A generated input takes 1–4 of them and mutates them field by field: numbers replaced by other
 * decimals (zero, tiny, huge, negative, hostile text), units by other units, ecosystem types by
 * other types, texts by hostile text, list lines dropped or repeated, fields dropped or added.
 * Most generated inputs stay valid, so the core's arithmetic is reached, not only its validation.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { GepOptions } from '../../src/accounts/gep.js';
import { ecosystemTypes } from '../../src/indicators/catalogue.js';
import { INDICATORS } from '../../src/indicators/registry.js';
import { floatArithmetic, isDecimalText } from '../../src/numbers/arithmetic.js';
import { getProfile, listProfiles, type Profile } from '../../src/profiles/profiles.js';
import { hostileNumber, hostileText, plainDecimal } from './support.js';

type Json = Record<string, unknown>;

export const SAMPLE = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8')) as Json;

/** Indicator blocks to start from: the sample's, plus coastal protection (the sample is inland). */
export const TEMPLATES: Readonly<Record<string, unknown>> = {
  ...(SAMPLE.indicators as Json),
  'regulating.coastal-protection': {
    coastlines: [
      { item: '红树林 mangrove', ecosystemType: 'wetland', length: { value: '12.5', unit: 'km' } },
      {
        item: '沿海防护林 shelter forest',
        ecosystemType: 'forest',
        length: { value: '800', unit: 'm' },
        dykeCost: { value: '2000', unit: '万元/km', priceYear: 2022 },
      },
    ],
    dykeCost: { value: '30000000', unit: '元/km', priceYear: 2022 },
  },
};

/** Every unit the templates use. */
const UNITS = [
  ...new Set(
    JSON.stringify(TEMPLATES)
      .match(/"unit":"[^"]*"/g)!
      .map((u) => JSON.parse(`{${u}}`).unit as string),
  ),
].sort();
const TYPES = [...ecosystemTypes().keys()];

/** A decimal in scientific notation across many orders of magnitude: "3.1e-12", "7e25". */
const scaled = fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: -30, max: 30 })).map(([m, e]) => `${m}e${e}`);

/** A number field: kept, replaced by a plain decimal, zero, a scaled value; when hostile, also negative values, hostile text, JSON numbers. */
function numberArb(original: string, hostile: boolean): fc.Arbitrary<unknown> {
  const valid = [
    { weight: 8, arbitrary: fc.constant(original) },
    { weight: 8, arbitrary: plainDecimal },
    { weight: 1, arbitrary: fc.constantFrom('0', '0.0', '1', '1/3', '44/12') },
    { weight: 1, arbitrary: scaled },
  ];
  if (!hostile) return fc.oneof(...valid);
  return fc.oneof(
    ...valid,
    { weight: 1, arbitrary: plainDecimal.map((d) => `-${d}`) },
    { weight: 1, arbitrary: hostileNumber },
    { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer(), fc.constant(null)) },
  );
}

/**
 * Generated values shaped like `template`. Not hostile: only numbers change (to valid decimals)
 * and list lines are dropped or repeated, so the input stays valid in most runs. Hostile: any
 * field may also become hostile text, another unit or type, or go missing; fields are added.
 */
export function mutate(template: unknown, hostile: boolean, key = ''): fc.Arbitrary<unknown> {
  if (typeof template === 'string') {
    if (key === 'unit')
      return hostile
        ? fc.oneof(
            { weight: 20, arbitrary: fc.constant(template) },
            { weight: 2, arbitrary: fc.constantFrom(...UNITS) },
            { weight: 1, arbitrary: hostileText },
          )
        : fc.constant(template);
    if (key === 'ecosystemType')
      return hostile
        ? fc.oneof(
            { weight: 12, arbitrary: fc.constant(template) },
            { weight: 3, arbitrary: fc.constantFrom(...TYPES) },
            { weight: 1, arbitrary: hostileText },
          )
        : fc.constant(template);
    if (isDecimalText(template) && !template.startsWith('-')) return numberArb(template, hostile);
    return hostile
      ? fc.oneof({ weight: 20, arbitrary: fc.constant(template) }, { weight: 1, arbitrary: hostileText })
      : fc.constant(template);
  }
  if (!hostile) {
    if (Array.isArray(template)) {
      if (template.length === 0) return fc.constant([]);
      return fc.array(fc.oneof(...template.map((t) => mutate(t, false))), { minLength: 1, maxLength: Math.min(4, template.length + 1) });
    }
    if (template !== null && typeof template === 'object') {
      const entries = Object.entries(template as Json);
      return fc
        .tuple(...entries.map(([k, v]) => mutate(v, false, k)))
        .map((values) => Object.fromEntries(entries.map(([k], i) => [k, values[i]])));
    }
    return fc.constant(template);
  }
  if (typeof template === 'number') {
    return fc.oneof(
      { weight: 20, arbitrary: fc.constant(template) },
      { weight: 1, arbitrary: fc.oneof(fc.integer({ min: 1900, max: 2200 }), fc.constantFrom(-1, 0, 1.5, 1e21, '2022')) },
    );
  }
  if (typeof template === 'boolean')
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant(template) },
      { weight: 2, arbitrary: fc.constant(!template) },
      { weight: 1, arbitrary: fc.constantFrom('true', 1, null) },
    );
  if (Array.isArray(template)) {
    if (template.length === 0) return fc.constant([]);
    const element = fc.oneof(...template.map((t) => mutate(t, true)));
    return fc.oneof(
      { weight: 20, arbitrary: fc.array(element, { minLength: 0, maxLength: Math.min(4, template.length + 1) }) },
      { weight: 1, arbitrary: fc.constantFrom({}, 'list', null) },
    );
  }
  if (template !== null && typeof template === 'object') {
    const entries = Object.entries(template as Json).map(
      ([k, v]) => [k, fc.option(mutate(v, true, k), { freq: 40, nil: undefined })] as const,
    );
    const extra = fc.option(
      fc.tuple(fc.constantFrom('note', 'bogus', 'unit', 'value', '__proto__', 'constructor', 'prototype'), hostileText),
      { freq: 40, nil: null },
    );
    return fc.tuple(fc.tuple(...entries.map(([, a]) => a)), extra).map(([values, more]) => {
      const o: Json = {};
      entries.forEach(([k], i) => {
        if (values[i] !== undefined) o[k] = values[i];
      });
      // An own property even for __proto__, as JSON.parse makes it.
      if (more) Object.defineProperty(o, more[0], { value: more[1], enumerable: true, writable: true, configurable: true });
      return o;
    });
  }
  return fc.constant(template);
}

const HOSTILE_ARBS = new Map(Object.entries(TEMPLATES).map(([id, block]) => [id, mutate(block, true)]));
const VALID_ARBS = new Map(Object.entries(TEMPLATES).map(([id, block]) => [id, mutate(block, false)]));

/** The account envelope of the sample, without its profile and extras. */
export const ENVELOPE = { region: SAMPLE.region, accountingYear: 2022, priceYear: 2022 };

/** A profile of the library, or one with method variants chosen at random. */
export const profileArb: fc.Arbitrary<Profile> = fc.constantFrom(...listProfiles().map((p) => p.id)).chain((id) => {
  const base = getProfile(id)!;
  const choices = base.indicators.map((p) => {
    const variants = INDICATORS.get(p.id)?.spec.variants ?? [];
    return fc
      .tuple(...variants.map((v) => fc.constantFrom(...Object.keys(v.options))))
      .map((picked) => ({ ...p, variant: Object.fromEntries(variants.map((v, i) => [v.name, picked[i]!])) }));
  });
  return fc.oneof(
    fc.constant(base),
    fc.tuple(...choices).map((indicators) => ({ ...base, indicators })),
  );
});

/** Generated valid inputs: 1–6 blocks with other decimals and list lengths, at the sample's years. */
export const validInputArb: fc.Arbitrary<Json> = fc
  .subarray(Object.keys(TEMPLATES), { minLength: 1, maxLength: 6 })
  .chain((ids) =>
    fc
      .tuple(...ids.map((id) => VALID_ARBS.get(id)!))
      .map((blocks) => ({ ...ENVELOPE, indicators: Object.fromEntries(ids.map((id, i) => [id, blocks[i]])) })),
  );

/** Generated hostile inputs: 1–4 blocks with any field possibly wrong, envelope years sometimes moved. */
export const hostileInputArb: fc.Arbitrary<Json> = fc
  .tuple(
    fc.subarray(Object.keys(TEMPLATES), { minLength: 1, maxLength: 4 }),
    fc.option(fc.integer({ min: 2005, max: 2030 }), { freq: 10, nil: undefined }),
  )
  .chain(([ids, year]) =>
    fc.tuple(...ids.map((id) => HOSTILE_ARBS.get(id)!)).map((blocks) => ({
      ...ENVELOPE,
      ...(year !== undefined ? { accountingYear: year, priceYear: year } : {}),
      indicators: Object.fromEntries(ids.map((id, i) => [id, blocks[i]])),
    })),
  );

/** Generated inputs: half valid, half hostile. */
export const inputArb: fc.Arbitrary<Json> = fc.oneof(validInputArb, hostileInputArb);

/** Options of `computeGep`: profile, arithmetic, strict, rebase. */
export const optionsArb: fc.Arbitrary<GepOptions<unknown>> = fc
  .record({
    profile: profileArb,
    float: fc.boolean(),
    strict: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    rebase: fc.boolean(),
  })
  .map(({ profile, float, strict, rebase }) => ({ profile, strict, rebase, ...(float ? { arithmetic: floatArithmetic as never } : {}) }));
