/**
 * 洪水调蓄 — Flood regulation: the flood water that vegetation, lakes, reservoirs and marshes can
 * hold back, valued at the cost of building the same reservoir storage.
 *   Q_fm = C_v + C_l + C_r + C_m                                   (m³/a; ganzi-2017 §2.4.4 without C_v)
 *   C_v  = Σ_i (P_h − R_h,i) · A_i    vegetation: storm rainfall minus storm runoff over the area of
 *          type i, R_h,i given as a depth or as R_h,i = P_h · α_h,i (CAEP family, recalled:
 *          gep-methods §4.5 [R]; ganzi-2017 does not count it). Variant `vegetation: exclude` drops it.
 *   C_l  = e^a · A^b · T  per lake, i.e. ln C = a + b·ln A with C in 万m³ and the lake area A in km²
 *          (ganzi-2017 §2.4.4 after rao-2014); T water renewals per year (1, ganzi-2017). Applied
 *          lake by lake, never to the summed area (b ≠ 1; gep-methods §9 item 11). Regional pairs:
 *          Qinghai–Tibet a = 6.636, b = 0.678 (ganzi-2017, verified); eastern plain, Yunnan–Guizhou
 *          and Northeast recalled from rao-2014 (to verify); Mongolia–Xinjiang unknown, so a lake
 *          there needs a and b in the input. A lake below the area range of rao-2014 (lakes > 1 km²)
 *          is computed with a warning.
 *   C_r  = s · C_t                    reservoirs: flood-control share s = 0.35 of the total capacity
 *          C_t (ganzi-2017 §2.4.4); a reservoir's own share may be given
 *   C_m  = H · S                      marshes: surface retention depth H = 0.3 m over the marsh area S
 *          (ganzi-2017 §2.4.4 writes 0.3·S·10⁶ with S in km²)
 *   V_fm = Q_fm · C_we                C_we = reservoir construction cost per m³ of storage, as for water
 *          conservation (ganzi-2017 §2.4.4), or a given price.
 * Storage volumes (C_r, C_m, C_l with T = 1) are counted once per accounting year, as ganzi-2017
 * does. Any line may instead carry the storage volume as reported (a reservoir's 防洪库容, a surveyed
 * lake storage, a published account's row); it is then taken as given and the trace says so.
 */
import { z } from 'zod';
import { GepArithmeticError } from '../../numbers/arithmetic.js';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, readAmount, sumIn, traced, Tracer, valueItems } from '../compute.js';
import { decimalText, ecosystemType, measure, price } from '../input-schema.js';
import { convert, multiplyInto } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import type { IndicatorContext, IndicatorSpec, QuantityLine, QuantityResult, TracedValue, ValueResult } from '../types.js';

const ID = 'regulating.flood-regulation';

/** The five lake regions of rao-2014. */
const LAKE_REGIONS = [
  'eastern-plain',
  'northeast-plain-mountain',
  'yunnan-guizhou-plateau',
  'qinghai-tibet-plateau',
  'mongolia-xinjiang-plateau',
] as const;

/** Metadata, inputs, variants and coefficients of flood regulation. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'vegetation[].ecosystemType', unit: null, required: true, description: 'ecosystem type id of the vegetation' },
    { path: 'vegetation[].item', unit: null, required: false, description: 'name of the line, when a type has several lines' },
    { path: 'vegetation[].area', unit: 'km²', required: false, description: 'area of the type' },
    { path: 'vegetation[].stormRainfall', unit: 'mm', required: false, description: 'storm rainfall P_h of the year (rain of storm days, ≥ 50 mm per day)' },
    { path: 'vegetation[].stormRunoff', unit: 'mm', required: false, description: 'storm runoff depth R_h of the type; or give stormRunoffCoefficient' },
    { path: 'vegetation[].stormRunoffCoefficient', unit: '1', required: false, description: 'storm runoff coefficient α_h (0–1 or %), R_h = P_h·α_h' },
    { path: 'vegetation[].reported', unit: 'm³/a', required: false, description: 'storm water held by the type as reported, instead of the computation' },
    { path: 'lakes[].item', unit: null, required: true, description: 'name of the lake' },
    { path: 'lakes[].region', unit: null, required: false, description: 'lake region of rao-2014: eastern-plain, northeast-plain-mountain, yunnan-guizhou-plateau, qinghai-tibet-plateau or mongolia-xinjiang-plateau' },
    { path: 'lakes[].a', unit: '1', required: false, description: 'regression intercept a of ln C = a + b·ln A (C 万m³, A km²), with b; replaces the region\'s pair' },
    { path: 'lakes[].b', unit: '1', required: false, description: 'regression slope b, with a' },
    { path: 'lakes[].area', unit: 'km²', required: false, description: 'water surface area of the lake' },
    { path: 'lakes[].renewals', unit: '1/a', required: false, description: 'water renewals per year T; 1 (ganzi-2017) otherwise' },
    { path: 'lakes[].reported', unit: 'm³/a', required: false, description: 'flood storage of the lake as reported or surveyed, instead of the regression' },
    { path: 'reservoirs[].item', unit: null, required: true, description: 'name of the reservoir' },
    { path: 'reservoirs[].totalCapacity', unit: 'm³', required: false, description: 'total storage capacity (总库容)' },
    { path: 'reservoirs[].floodControlShare', unit: '1', required: false, description: 'share of the total capacity for flood control; 0.35 (ganzi-2017) otherwise' },
    { path: 'reservoirs[].reported', unit: 'm³/a', required: false, description: 'flood-control capacity (防洪库容) as reported, instead of share × total capacity' },
    { path: 'marshes[].item', unit: null, required: true, description: 'name of the marsh' },
    { path: 'marshes[].ecosystemType', unit: null, required: false, description: 'ecosystem type id of the marsh' },
    { path: 'marshes[].area', unit: 'km²', required: false, description: 'marsh area' },
    { path: 'marshes[].retentionDepth', unit: 'm', required: false, description: 'surface retention depth; 0.3 m (ganzi-2017) otherwise' },
    { path: 'marshes[].reported', unit: 'm³/a', required: false, description: 'flood storage of the marsh as reported, instead of depth × area' },
    { path: 'unitPrice', unit: '元/m³', required: false, description: 'price per m³ of storage at the account price year; the reservoir construction cost otherwise' },
  ],
  variants: [{
    name: 'vegetation',
    options: {
      include: 'Q = C_v + C_l + C_r + C_m: vegetation storm-water storage counted (CAEP family, recalled)',
      exclude: 'Q = C_l + C_r + C_m: lakes, reservoirs and marshes only, as ganzi-2017 §2.4.4',
    },
    default: 'include',
  }],
  coefficients: ['lake-regression.*', 'lake-water-renewals', 'reservoir-flood-control-share', 'marsh-retention-depth', 'reservoir-storage-cost'],
};

const reported = () => measure('m³/a').optional();

/** Input: the four components, each line computed or reported; at least one line. */
export const inputSchema = z.strictObject({
  vegetation: z.array(z.strictObject({
    ecosystemType,
    item: z.string().min(1).optional(),
    area: measure('km²').optional(),
    stormRainfall: measure('mm').optional(),
    stormRunoff: measure('mm').optional(),
    stormRunoffCoefficient: measure('1', { max: '1' }).optional(),
    reported: reported(),
  })).min(1).optional(),
  lakes: z.array(z.strictObject({
    item: z.string().min(1),
    region: z.enum(LAKE_REGIONS).optional(),
    a: decimalText.optional(),
    b: decimalText.optional(),
    area: measure('km²').optional(),
    renewals: measure('1/a').optional(),
    reported: reported(),
  })).min(1).optional(),
  reservoirs: z.array(z.strictObject({
    item: z.string().min(1),
    totalCapacity: measure('m³').optional(),
    floodControlShare: measure('1', { max: '1' }).optional(),
    reported: reported(),
  })).min(1).optional(),
  marshes: z.array(z.strictObject({
    item: z.string().min(1),
    ecosystemType: ecosystemType.optional(),
    area: measure('km²').optional(),
    retentionDepth: measure('m').optional(),
    reported: reported(),
  })).min(1).optional(),
  unitPrice: price('元/m³').optional(),
}).check((c) => {
  const v = c.value;
  if (!v.vegetation && !v.lakes && !v.reservoirs && !v.marshes) {
    c.issues.push({ code: 'custom', input: v, message: 'one of', params: { gepCode: 'input.missing-basis', expected: 'at least one of vegetation, lakes, reservoirs or marshes' } });
  }
});
export type FloodRegulationInput = z.infer<typeof inputSchema>;

type Component = 'vegetation' | 'lakes' | 'reservoirs' | 'marshes';
const COMPONENT_NAME: Readonly<Record<Component, string>> = { vegetation: 'vegetation', lakes: 'lake', reservoirs: 'reservoir', marshes: 'marsh' };
const SUBTOTAL: Readonly<Record<Component, string>> = { vegetation: 'C_v', lakes: 'C_l', reservoirs: 'C_r', marshes: 'C_m' };

/** Flood storage per line and in total, m³/a. */
export function quantity<T>(input: FloodRegulationInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const lines: QuantityLine<T>[] = [];
  const subtotals: Partial<Record<Component, Measure<T>[]>> = {};

  /** A coefficient, or the input's value when given, as a traced measure in `unit`. */
  const param = (given: { value: string; unit: string } | undefined, id: string, unit: string, at: readonly (string | number)[]): { m: Measure<T>; t: TracedValue } => {
    if (given) {
      const m = readAmount(A, given, unit);
      return { m, t: traced(A, m, inputRef(at)) };
    }
    const c = ctx.coefficients.get(id, at);
    const m = { value: convert(A, c.value, c.unit, unit), unit };
    return { m, t: traced(A, m, `coefficient:${id}`) };
  };

  /** Record a line; a reported volume replaces the computation (`compute` returns null on a missing field). */
  const line = (component: Component, name: string, at: readonly (string | number)[], rep: { value: string; unit: string } | undefined,
    computeFields: readonly string[], compute: () => Measure<T> | null, ecosystemTypeId?: string) => {
    const item = `${COMPONENT_NAME[component]} · ${name}`;
    let q: Measure<T> | null;
    if (rep) {
      if (computeFields.length) {
        warnings.push({ code: 'reported-quantity-used', indicator: ID, path: at, message: `${item}: the reported storage is used as given; ${computeFields.join(', ')} not used` });
      }
      const r = readAmount(A, rep, 'm³/a');
      q = tracer.record(`flood storage of ${item}`, 'C as reported', { C: traced(A, r, inputRef([...at, 'reported'])) }, r);
    } else {
      q = compute();
    }
    if (q === null) return;
    (subtotals[component] ??= []).push(q);
    lines.push({ item, ...(ecosystemTypeId ? { ecosystemType: ecosystemTypeId } : {}), quantity: q });
  };
  const given = <O extends object>(o: O, keys: readonly (keyof O & string)[]) => keys.filter((k) => o[k] !== undefined);
  const need = (at: readonly (string | number)[], field: string, expected: string) => issues.push(makeIssue('input.required', [...at, field], { expected }));

  if (input.vegetation && ctx.variant.vegetation === 'exclude') {
    warnings.push({ code: 'component-excluded', indicator: ID, path: [...ctx.path, 'vegetation'], message: 'vegetation storm-water storage is not counted: the profile excludes it (variant vegetation: exclude, as ganzi-2017)' });
  } else {
    input.vegetation?.forEach((v, i) => {
      const at = [...ctx.path, 'vegetation', i];
      const name = v.item ?? v.ecosystemType;
      line('vegetation', name, at, v.reported, given(v, ['area', 'stormRainfall', 'stormRunoff', 'stormRunoffCoefficient']), () => {
        const missing = !v.area || !v.stormRainfall || (!v.stormRunoff && !v.stormRunoffCoefficient);
        if (!v.area) need(at, 'area', 'the area of the type (or a reported storage)');
        if (!v.stormRainfall) need(at, 'stormRainfall', 'the storm rainfall of the year (or a reported storage)');
        if (!v.stormRunoff && !v.stormRunoffCoefficient) need(at, 'stormRunoff', 'a storm runoff depth or a storm runoff coefficient');
        if (missing) return null;
        const ph = readAmount(A, v.stormRainfall!, 'mm');
        const area = readAmount(A, v.area!, 'km²');
        let rh: Measure<T>;
        if (v.stormRunoff) {
          rh = readAmount(A, v.stormRunoff, 'mm');
        } else {
          const alpha = readAmount(A, v.stormRunoffCoefficient!, '1');
          rh = tracer.record(`storm runoff of ${name}`, 'R_h = P_h × α_h', {
            P_h: traced(A, ph, inputRef([...at, 'stormRainfall'])),
            α_h: traced(A, alpha, inputRef([...at, 'stormRunoffCoefficient'])),
          }, { value: A.multiply(ph.value, alpha.value), unit: 'mm' });
        }
        if (A.compare(rh.value, ph.value) > 0) {
          issues.push(makeIssue('input.out-of-range', [...at, 'stormRunoff'], { expected: `a storm runoff no larger than the storm rainfall (${A.toString(ph.value)} mm)`, found: `${A.toString(rh.value)} mm` }));
          return null;
        }
        return tracer.record(`flood storage of vegetation · ${name}`, 'C_v,i = (P_h − R_h,i) × A_i', {
          P_h: traced(A, ph, inputRef([...at, 'stormRainfall'])),
          R_h: traced(A, rh, v.stormRunoff ? inputRef([...at, 'stormRunoff']) : `step:storm runoff of ${name}`),
          A: traced(A, area, inputRef([...at, 'area'])),
        }, { value: multiplyInto(A, area.value, 'km²', A.subtract(ph.value, rh.value), 'mm/a', 'm³/a'), unit: 'm³/a' });
      }, v.ecosystemType);
    });
  }

  input.lakes?.forEach((l, i) => {
    const at = [...ctx.path, 'lakes', i];
    line('lakes', l.item, at, l.reported, given(l, ['region', 'a', 'b', 'area', 'renewals']), () => {
      let a: { m: Measure<T>; t: TracedValue } | undefined;
      let b: { m: Measure<T>; t: TracedValue } | undefined;
      if (l.a !== undefined || l.b !== undefined) {
        if (l.a === undefined) need(at, 'a', 'the intercept a, given with b');
        if (l.b === undefined) need(at, 'b', 'the slope b, given with a');
        if (l.a !== undefined && l.b !== undefined) {
          a = param({ value: l.a, unit: '1' }, '', '1', [...at, 'a']);
          b = param({ value: l.b, unit: '1' }, '', '1', [...at, 'b']);
        }
      } else if (!l.region) {
        need(at, 'region', 'the lake region of rao-2014, or the coefficients a and b');
      } else if (!ctx.coefficients.has(`lake-regression.${l.region}.a`) || !ctx.coefficients.has(`lake-regression.${l.region}.b`)) {
        issues.push(makeIssue('input.required', [...at, 'a'], { expected: `the coefficients a and b: the table has no lake regression for region "${l.region}" (its pair is not known); give a and b` }));
      } else {
        a = param(undefined, `lake-regression.${l.region}.a`, '1', [...at, 'region']);
        b = param(undefined, `lake-regression.${l.region}.b`, '1', [...at, 'region']);
      }
      if (!l.area) need(at, 'area', 'the lake area (or a reported storage)');
      if (!a || !b || !l.area) return null;
      const area = readAmount(A, l.area, 'km²');
      const t = param(l.renewals, 'lake-water-renewals', '1/a', [...at, 'renewals']);
      const inputs = { a: a.t, b: b.t, A: traced(A, area, inputRef([...at, 'area'])), T: t.t };
      const formula = 'C_l = e^a × A^b × T (C_l in 万m³, A in km²)';
      if (A.compare(area.value, A.zero) === 0) {
        return tracer.record(`flood storage of lake · ${l.item}`, formula, inputs, { value: A.zero, unit: 'm³/a' }, 'no water surface, no storage');
      }
      const min = ctx.coefficients.get('lake-regression.min-area', [...at, 'area']);
      const minKm2 = convert(A, min.value, min.unit, 'km²');
      if (A.compare(area.value, minKm2) < 0) {
        warnings.push({ code: 'lake-below-regression-range', indicator: ID, path: [...at, 'area'],
          message: `lake ${l.item}: ${A.toString(area.value)} km² is below the ${A.toString(minKm2)} km² of the lakes rao-2014 assessed; the regression is extrapolated` });
      }
      let wan: T;
      try {
        wan = A.multiply(A.exp(a.m.value), A.pow(area.value, b.m.value));
      } catch (e) {
        if (!(e instanceof GepArithmeticError)) throw e;
        issues.push(makeIssue('input.out-of-range', [...at, l.a !== undefined ? 'a' : 'region'], { expected: 'regression coefficients that give a finite storage', found: `a = ${A.toString(a.m.value)}, b = ${A.toString(b.m.value)}` }));
        return null;
      }
      return tracer.record(`flood storage of lake · ${l.item}`, formula, inputs,
        { value: multiplyInto(A, wan, '万m³', t.m.value, '1/a', 'm³/a'), unit: 'm³/a' });
    });
  });

  input.reservoirs?.forEach((r, i) => {
    const at = [...ctx.path, 'reservoirs', i];
    line('reservoirs', r.item, at, r.reported, given(r, ['totalCapacity', 'floodControlShare']), () => {
      if (!r.totalCapacity) {
        need(at, 'totalCapacity', 'the total capacity of the reservoir (or its reported flood-control capacity)');
        return null;
      }
      const ct = readAmount(A, r.totalCapacity, 'm³');
      const s = param(r.floodControlShare, 'reservoir-flood-control-share', '1', [...at, 'floodControlShare']);
      return tracer.record(`flood storage of reservoir · ${r.item}`, 'C_r = s × C_t', { s: s.t, C_t: traced(A, ct, inputRef([...at, 'totalCapacity'])) },
        { value: A.multiply(s.m.value, ct.value), unit: 'm³/a' }, 'a storage volume, counted once per accounting year');
    });
  });

  input.marshes?.forEach((m, i) => {
    const at = [...ctx.path, 'marshes', i];
    line('marshes', m.item, at, m.reported, given(m, ['area', 'retentionDepth']), () => {
      if (!m.area) {
        need(at, 'area', 'the marsh area (or a reported storage)');
        return null;
      }
      const area = readAmount(A, m.area, 'km²');
      const h = param(m.retentionDepth, 'marsh-retention-depth', 'm', [...at, 'retentionDepth']);
      return tracer.record(`flood storage of marsh · ${m.item}`, 'C_m = H × S', { H: h.t, S: traced(A, area, inputRef([...at, 'area'])) },
        { value: multiplyInto(A, h.m.value, 'm', area.value, 'km²', 'm³'), unit: 'm³/a' }, 'a storage volume, counted once per accounting year');
    }, m.ecosystemType);
  });

  if (issues.length) throw new GepInputError(issues);
  for (const c of Object.keys(SUBTOTAL) as Component[]) {
    const parts = subtotals[c];
    if (parts) tracer.record(SUBTOTAL[c], `${SUBTOTAL[c]} = Σ of the ${c} lines`, {}, sumIn(A, parts, 'm³/a'));
  }
  const used = (Object.keys(SUBTOTAL) as Component[]).filter((c) => subtotals[c]).map((c) => SUBTOTAL[c]);
  const total = tracer.record('flood regulation', `Q_fm = ${used.length ? used.join(' + ') : '0'}`, {}, sumIn(A, lines.map((l) => l.quantity), 'm³/a'));
  return { lines, total, steps: tracer.steps, warnings };
}

/** Value of flood regulation in 元: Q × the reservoir construction cost per m³ (or a given price). */
export function value<T>(input: FloodRegulationInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  return valueItems(ctx, ID, q.lines.map((l) => ({
    item: l.item,
    ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
    quantity: l.quantity,
    quantityFrom: `step:flood storage of ${l.item}`,
    price: input.unitPrice,
    coefficientId: 'reservoir-storage-cost',
    pricePath: [...ctx.path, 'unitPrice'],
  })));
}
