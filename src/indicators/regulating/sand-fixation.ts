/**
 * 防风固沙 — Windbreak and sand fixation: the wind erosion that vegetation prevents, potential
 * (bare surface) minus actual soil loss by the Revised Wind Erosion Equation (RWEQ), per ecosystem
 * type i and weather period k (ganzi-2017 §2.4 names RWEQ and "potential − actual"; the equations
 * are fryrear-1998 as written in gep-methods §4.4, recalled [R], and winderosion-2020 [C]):
 *   x_p,ik = WF_k · EF_i · SCF_i · K′_i          x_a,ik = x_p,ik · COG_i
 *   Q_max  = 109.8 · x                            kg/m, maximum transport capacity
 *   s      = 150.71 · x^(−0.3711)                 m, critical field length (winderosion-2020 writes 105.71)
 *   SL(x)  = (2z / s²) · Q_max · exp(−(z/s)²)     kg/m², z = 50 m; SL(0) = 0
 *   Q_sf   = Σ_i (Σ_k SL(x_p,ik) − Σ_k SL(x_a,ik)) · A_i      kg → t/a
 * Factors, each given or computed from primary data (gep-methods §4.4):
 *   WF  = Wf · ρ_a / g · SW · SD                   weather factor per period, kg/m by RWEQ convention
 *         (the formula is not dimensionally homogeneous: the day count inside Wf carries time);
 *         Wf = Σ U·(U − U_t)²·N_d/N from wind observations, m³/s³; SW soil wetness 0–1; SD = 1 −
 *         snow-cover probability; ρ_a = 1.293 · 273/(273 + T) · P_a/P_0 with T in °C and
 *         P_a/P_0 = (1 − 0.0255·h·(6357/(6357 + h)))^5.256, h elevation in km (winderosion-2020);
 *         g = 9.8 m/s²
 *   EF  = (29.09 + 0.31·Sa + 0.17·Si + 0.33·Sa/Cl − 2.59·OM − 0.95·CaCO₃) / 100   (% inputs)
 *   SCF = 1 / (1 + 0.0066·Cl² + 0.021·OM²)                                        (% inputs)
 *   K′  = exp(1.86·Kr − 2.41·Kr^0.934 − 0.127·Crr)  Kr ridge roughness, Crr random roughness, cm
 *   COG = exp(a · FVC)                              FVC vegetation cover in %; a = −0.00483
 *         (winderosion-2020 [C]); Chinese studies use land-cover-specific a: give it per type
 * Every constant above is a coefficient row (`rweq.*`, `standard-gravity`, `air-density.standard`,
 * `celsius-kelvin-offset`). RWEQ is non-linear: per-type means and coarse periods give a different
 * result from a per-cell, per-month run (src/kernels/rweq.ts), whose zonal sums enter as `reported`.
 * SL is not monotonic in x, so a type may lose more soil with its vegetation than without: its
 * negative retention is kept with its sign and warned about.
 *
 * Value (ganzi-2017 §2.4):
 *   V_sf = Q_sf / (ρ_s · h) · c_s     ρ_s sand bulk density 1.28 t/m³, h standard sand-cover depth
 *                                     0.1 m, c_s sand-control engineering cost 3.75 元/m² (2010)
 *   variant `price: vegetation-restoration-cost`: c_s replaced by a vegetation-restoration cost per m²
 *   (gep-methods §4.4 alternative [R]; no sourced value: it must be given).
 */
import { z } from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, readAmount, resolvePrice, sumIn, traced, Tracer, valueAt } from '../compute.js';
import { decimalText, ecosystemType, measure, price } from '../input-schema.js';
import { convert, multiplyInto } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import { rweqSoilLosses, type RweqConstants } from './physics.js';
import type { IndicatorContext, IndicatorSpec, QuantityLine, QuantityResult, TracedValue, UnitPrice, ValueLine, ValueResult } from '../types.js';

const ID = 'regulating.sand-fixation';

/** Metadata, inputs, variants and coefficients of windbreak and sand fixation. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'weatherPeriods[].item', unit: null, required: false, description: 'name of a weather period (a month or season), for RWEQ per period' },
    { path: 'weatherPeriods[].weatherFactor', unit: 'kg/m', required: false, description: 'weather factor WF of the period, when computed elsewhere' },
    { path: 'weatherPeriods[].windFactor', unit: 'm³/s³', required: false, description: 'wind factor Wf = Σ U·(U − U_t)²·N_d/N of the period (U_t threshold wind speed, usually 5 m/s), to compute WF' },
    { path: 'weatherPeriods[].airTemperatureCelsius', unit: null, required: false, description: 'mean air temperature of the period in °C (a plain number; °C is not a ratio unit), to compute WF' },
    { path: 'weatherPeriods[].soilWetness', unit: '1', required: false, description: 'soil wetness factor SW of the period, 0–1, to compute WF' },
    { path: 'weatherPeriods[].snowCoverFactor', unit: '1', required: false, description: 'snow factor SD = 1 − probability of snow cover, 0–1, to compute WF' },
    { path: 'elevation', unit: 'm', required: false, description: 'mean elevation of the region, for the air density when WF is computed' },
    { path: 'ecosystems[].ecosystemType', unit: null, required: true, description: 'ecosystem type id' },
    { path: 'ecosystems[].item', unit: null, required: false, description: 'name of the line, when a type has several lines' },
    { path: 'ecosystems[].area', unit: 'hm²', required: true, description: 'area of the type in the region' },
    { path: 'ecosystems[].weatherFactor', unit: 'kg/m', required: false, description: 'annual weather factor WF of the type, instead of the weather periods' },
    { path: 'ecosystems[].erodibleFraction', unit: '1', required: false, description: 'soil erodible fraction EF, 0–1; computed from soilTexture otherwise' },
    { path: 'ecosystems[].crustFactor', unit: '1', required: false, description: 'soil crust factor SCF, 0–1; computed from soilTexture otherwise' },
    { path: 'ecosystems[].soilTexture.sand', unit: '1', required: false, description: 'sand content (%), for EF' },
    { path: 'ecosystems[].soilTexture.silt', unit: '1', required: false, description: 'silt content (%), for EF' },
    { path: 'ecosystems[].soilTexture.clay', unit: '1', required: false, description: 'clay content (%), for EF and SCF; must be > 0' },
    { path: 'ecosystems[].soilTexture.organicMatter', unit: '1', required: false, description: 'organic-matter content (%), for EF and SCF' },
    { path: 'ecosystems[].soilTexture.calciumCarbonate', unit: '1', required: false, description: 'CaCO₃ content (%), for EF; 0 when not given' },
    { path: 'ecosystems[].roughnessFactor', unit: '1', required: false, description: 'surface roughness factor K′; computed from ridgeRoughness and randomRoughness otherwise' },
    { path: 'ecosystems[].ridgeRoughness', unit: 'cm', required: false, description: 'ridge (terrain) roughness Kr, for K′' },
    { path: 'ecosystems[].randomRoughness', unit: 'cm', required: false, description: 'random roughness Crr, for K′' },
    { path: 'ecosystems[].vegetationFactor', unit: '1', required: false, description: 'vegetation factor COG of the actual cover, 0–1; computed from vegetationCover otherwise' },
    { path: 'ecosystems[].vegetationCover', unit: '1', required: false, description: 'fractional vegetation cover FVC (% or fraction), for COG' },
    { path: 'ecosystems[].vegetationCoefficient', unit: null, required: false, description: 'coefficient a of COG = exp(a·FVC) with FVC in %, a plain number; rweq.vegetation.fvc-coefficient otherwise' },
    { path: 'reported[].item', unit: null, required: false, description: 'name of a reported line (ecosystem type or region), instead of ecosystems' },
    { path: 'reported[].ecosystemType', unit: null, required: false, description: 'ecosystem type id of the reported line, if any' },
    { path: 'reported[].quantity', unit: 't/a', required: false, description: 'sand fixed as printed by a published account (or a zonal sum of the RWEQ kernel), instead of ecosystems' },
    { path: 'sandBulkDensity', unit: 't/m³', required: false, description: 'sand bulk density ρ_s; the table value otherwise' },
    { path: 'coverDepth', unit: 'm', required: false, description: 'standard sand-cover depth h of desertified land; the table value otherwise' },
    { path: 'sandControlCost', unit: '元/m²', required: false, description: 'sand-control engineering cost per m² at the account price year (variant sand-control-cost); the table value otherwise' },
    { path: 'restorationCost', unit: '元/m²', required: false, description: 'vegetation-restoration cost per m² at the account price year (variant vegetation-restoration-cost; required there, no table value)' },
  ],
  variants: [{
    name: 'price',
    options: {
      'sand-control-cost': 'V = Q/(ρ_s·h) × sand-control engineering cost per m² (ganzi-2017 §2.4)',
      'vegetation-restoration-cost': 'V = Q/(ρ_s·h) × vegetation-restoration cost per m², given as input (gep-methods §4.4 alternative, recalled)',
    },
    default: 'sand-control-cost',
  }],
  coefficients: [
    'rweq.*', 'standard-gravity', 'air-density.standard', 'celsius-kelvin-offset',
    'sand-bulk-density', 'sand-cover-depth', 'sand-control-cost',
  ],
};

const fraction = () => measure('1', { max: '1' });

/** Input: weather periods and RWEQ factors per ecosystem type (or reported quantities), and optional prices. */
export const inputSchema = z.strictObject({
  weatherPeriods: z.array(z.strictObject({
    item: z.string().min(1),
    weatherFactor: measure('kg/m').optional(),
    windFactor: measure('m³/s³').optional(),
    airTemperatureCelsius: decimalText.optional(),
    soilWetness: fraction().optional(),
    snowCoverFactor: fraction().optional(),
  })).min(1).optional(),
  elevation: measure('m', { nonNegative: false }).optional(),
  ecosystems: z.array(z.strictObject({
    ecosystemType,
    item: z.string().min(1).optional(),
    area: measure('hm²'),
    weatherFactor: measure('kg/m').optional(),
    erodibleFraction: fraction().optional(),
    crustFactor: fraction().optional(),
    soilTexture: z.strictObject({
      sand: fraction(),
      silt: fraction(),
      clay: fraction(),
      organicMatter: fraction(),
      calciumCarbonate: fraction().optional(),
    }).optional(),
    roughnessFactor: measure('1').optional(),
    ridgeRoughness: measure('cm').optional(),
    randomRoughness: measure('cm').optional(),
    vegetationFactor: fraction().optional(),
    vegetationCover: fraction().optional(),
    vegetationCoefficient: decimalText.optional(),
  })).min(1).optional(),
  reported: z.array(z.strictObject({ item: z.string().min(1), ecosystemType: ecosystemType.optional(), quantity: measure('t/a', { nonNegative: false }) })).min(1).optional(),
  sandBulkDensity: measure('t/m³').optional(),
  coverDepth: measure('m').optional(),
  sandControlCost: price('元/m²').optional(),
  restorationCost: price('元/m²').optional(),
}).check((c) => {
  if (!c.value.ecosystems === !c.value.reported) {
    c.issues.push({ code: 'custom', input: c.value, message: 'one of', params: { gepCode: 'input.missing-basis', expected: 'either ecosystems (RWEQ factors) or reported (quantities as printed), not both' } });
  }
});
export type SandFixationInput = z.infer<typeof inputSchema>;
type EcosystemInput = NonNullable<SandFixationInput['ecosystems']>[number];

const lineName = (e: EcosystemInput) => e.item ?? e.ecosystemType;

/** A coefficient read as a plain value in `unit`, with its trace entry. */
function coefficient<T>(ctx: IndicatorContext<T>, id: string, unit: string, path: readonly (string | number)[]): { value: T; traced: TracedValue } {
  const c = ctx.coefficients.get(id, path);
  const value = convert(ctx.A, c.value, c.unit, unit);
  return { value, traced: { value: ctx.A.toString(value), unit, from: `coefficient:${id}` } };
}

/** Sand fixed per ecosystem type and in total, t/a. */
export function quantity<T>(input: SandFixationInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const lines: QuantityLine<T>[] = [];

  (input.reported ?? []).forEach((r, i) => {
    const q = readAmount(A, r.quantity, 't/a');
    if (A.compare(q.value, A.zero) < 0) {
      warnings.push({ code: 'negative-sand-fixation', indicator: ID, path: [...ctx.path, 'reported', i], message: `${r.item}: the reported sand fixation is negative (${A.toString(q.value)} t/a); kept with its sign` });
    }
    lines.push({
      item: r.item,
      ...(r.ecosystemType ? { ecosystemType: r.ecosystemType } : {}),
      quantity: tracer.record(`sand fixed by ${r.item}`, 'Q_i as reported', { Q: traced(A, q, inputRef([...ctx.path, 'reported', i, 'quantity'])) }, q),
    });
  });

  const ecosystems = input.ecosystems ?? [];
  if (ecosystems.length) {
    const k: RweqConstants<T> = {
      a: coefficient(ctx, 'rweq.qmax-coefficient', '1', ctx.path).value,
      b: coefficient(ctx, 'rweq.critical-length-coefficient', 'm', ctx.path).value,
      c: coefficient(ctx, 'rweq.critical-length-exponent', '1', ctx.path).value,
      z: coefficient(ctx, 'rweq.downwind-distance', 'm', ctx.path).value,
    };
    const needPeriods = ecosystems.some((e) => !e.weatherFactor);
    const periods = needPeriods ? weatherFactors(input, ctx, tracer, issues) : [];

    ecosystems.forEach((e, i) => {
      const at = [...ctx.path, 'ecosystems', i];
      const name = lineName(e);
      const factors = soilFactors(e, name, at, ctx, tracer, issues, warnings);
      if (!factors) return;
      const wfs: { value: T; from: string }[] = e.weatherFactor
        ? [{ value: readAmount(A, e.weatherFactor, 'kg/m').value, from: inputRef([...at, 'weatherFactor']) }]
        : periods;
      if (!wfs.length) return;
      const base = A.multiply(A.multiply(factors.ef.value, factors.scf.value), factors.kr.value);
      const factorInputs = { EF: factors.ef.traced, SCF: factors.scf.traced, 'K′': factors.kr.traced };
      const wfNote = e.weatherFactor ? 'one annual weather factor' : `${wfs.length} weather period(s): ${wfs.map((w) => w.from).join(', ')}`;
      const losses = wfs.map((w) => rweqSoilLosses(A, w.value, base, factors.cog.value, k));
      const potential = tracer.record(`potential soil loss of ${name}`, 'SL_p = Σ_k SL(WF_k × EF × SCF × K′)', factorInputs,
        { value: A.sum(losses.map((l) => l.potential)), unit: 'kg/(m²·a)' }, wfNote);
      const actual = tracer.record(`actual soil loss of ${name}`, 'SL_a = Σ_k SL(WF_k × EF × SCF × K′ × COG)', { ...factorInputs, COG: factors.cog.traced },
        { value: A.sum(losses.map((l) => l.actual)), unit: 'kg/(m²·a)' }, wfNote);
      const area = readAmount(A, e.area, 'hm²');
      const q = tracer.record(`sand fixed by ${name}`, 'Q_i = (SL_p − SL_a) × A_i', {
        SL_p: traced(A, potential, `step:potential soil loss of ${name}`),
        SL_a: traced(A, actual, `step:actual soil loss of ${name}`),
        A: traced(A, area, inputRef([...at, 'area'])),
      }, { value: multiplyInto(A, A.subtract(potential.value, actual.value), 'kg/(m²·a)', area.value, 'hm²', 't/a'), unit: 't/a' });
      if (A.compare(q.value, A.zero) < 0) {
        warnings.push({ code: 'negative-sand-fixation', indicator: ID, path: at, message: `${name}: the actual RWEQ soil loss exceeds the potential one (SL is not monotonic in the factors); sand fixation ${A.toString(q.value)} t/a kept with its sign` });
      }
      lines.push({ item: name, ecosystemType: e.ecosystemType, quantity: q });
    });
  }
  if (issues.length) throw new GepInputError(issues);
  const total = tracer.record('sand fixation', 'Q_sf = Σ_i Q_i', {}, sumIn(A, lines.map((l) => l.quantity), 't/a'));
  return { lines, total, steps: tracer.steps, warnings };
}

/** WF of each weather period: given, or Wf · ρ_a / g · SW · SD with ρ_a from temperature and elevation. */
function weatherFactors<T>(input: SandFixationInput, ctx: IndicatorContext<T>, tracer: Tracer<T>, issues: GepIssue[]): { value: T; from: string }[] {
  const { A } = ctx;
  if (!input.weatherPeriods) {
    issues.push(makeIssue('input.required', [...ctx.path, 'weatherPeriods'], { expected: 'weather periods (or a weatherFactor on every ecosystem line)' }));
    return [];
  }
  let air: { rho0: ReturnType<typeof coefficient<T>>; t0: ReturnType<typeof coefficient<T>>; g: ReturnType<typeof coefficient<T>>; pressureRatio: Measure<T> } | undefined;
  const airConstants = () => {
    if (air) return air;
    if (!input.elevation) {
      issues.push(makeIssue('input.required', [...ctx.path, 'elevation'], { expected: 'the mean elevation of the region, to compute the air density of WF' }));
      return undefined;
    }
    const at = [...ctx.path, 'elevation'];
    const h = readAmount(A, input.elevation, 'km');
    const lapse = coefficient(ctx, 'rweq.air-pressure.lapse-coefficient', '1/km', at);
    const radius = coefficient(ctx, 'rweq.air-pressure.earth-radius', 'km', at);
    const n = coefficient(ctx, 'rweq.air-pressure.exponent', '1', at);
    const inner = A.subtract(A.one, A.multiply(A.multiply(lapse.value, h.value), A.divide(radius.value, A.add(radius.value, h.value))));
    if (A.compare(inner, A.zero) <= 0) {
      issues.push(makeIssue('input.out-of-range', [...at, 'value'], { expected: 'an elevation inside the atmosphere model (1 − k·h·r/(r + h) > 0)', found: `${input.elevation.value} ${input.elevation.unit}` }));
      return undefined;
    }
    const pressureRatio = tracer.record('air pressure ratio', 'P_a/P_0 = (1 − k·h·r/(r + h))^n', {
      h: traced(A, h, inputRef(at)), k: lapse.traced, r: radius.traced, n: n.traced,
    }, { value: A.pow(inner, n.value), unit: '1' });
    air = {
      rho0: coefficient(ctx, 'air-density.standard', 'kg/m³', at),
      t0: coefficient(ctx, 'celsius-kelvin-offset', '1', at),
      g: coefficient(ctx, 'standard-gravity', 'm/s²', at),
      pressureRatio,
    };
    return air;
  };

  const out: { value: T; from: string }[] = [];
  input.weatherPeriods.forEach((p, i) => {
    const at = [...ctx.path, 'weatherPeriods', i];
    if (p.weatherFactor) {
      out.push({ value: readAmount(A, p.weatherFactor, 'kg/m').value, from: inputRef([...at, 'weatherFactor']) });
      return;
    }
    const missing = (['windFactor', 'airTemperatureCelsius', 'soilWetness', 'snowCoverFactor'] as const).filter((f) => p[f] === undefined);
    if (missing.length) {
      for (const f of missing) issues.push(makeIssue('input.required', [...at, f], { expected: `${f}, or the period's weatherFactor` }));
      return;
    }
    const a = airConstants();
    if (!a) return;
    const t = A.fromString(p.airTemperatureCelsius!);
    const kelvin = A.add(a.t0.value, t);
    if (A.compare(kelvin, A.zero) <= 0) {
      issues.push(makeIssue('input.out-of-range', [...at, 'airTemperatureCelsius'], { expected: 'a temperature above −273 °C', found: p.airTemperatureCelsius! }));
      return;
    }
    const rho = tracer.record(`air density of ${p.item}`, 'ρ_a = ρ_0 × T_0/(T_0 + T) × P_a/P_0', {
      ρ_0: a.rho0.traced, T_0: a.t0.traced,
      T: { value: p.airTemperatureCelsius!, unit: '°C', from: inputRef([...at, 'airTemperatureCelsius']) },
      'P_a/P_0': traced(A, a.pressureRatio, 'step:air pressure ratio'),
    }, { value: A.multiply(A.multiply(a.rho0.value, A.divide(a.t0.value, kelvin)), a.pressureRatio.value), unit: 'kg/m³' });
    const wf = readAmount(A, p.windFactor!, 'm³/s³');
    const sw = readAmount(A, p.soilWetness!, '1');
    const sd = readAmount(A, p.snowCoverFactor!, '1');
    const weather = tracer.record(`weather factor of ${p.item}`, 'WF = Wf × ρ_a / g × SW × SD', {
      Wf: traced(A, wf, inputRef([...at, 'windFactor'])),
      ρ_a: traced(A, rho, `step:air density of ${p.item}`),
      g: a.g.traced,
      SW: traced(A, sw, inputRef([...at, 'soilWetness'])),
      SD: traced(A, sd, inputRef([...at, 'snowCoverFactor'])),
    }, { value: A.multiply(A.divide(A.multiply(wf.value, rho.value), a.g.value), A.multiply(sw.value, sd.value)), unit: 'kg/m' },
    'numbers of m³/s³ × kg/m³ ÷ m/s² read as kg/m (RWEQ convention, fryrear-1998)');
    out.push({ value: weather.value, from: `step:weather factor of ${p.item}` });
  });
  return out;
}

interface Factor<T> {
  readonly value: T;
  readonly traced: TracedValue;
}

/** EF, SCF, K′ and COG of one ecosystem line: given, or computed from soil texture, roughness and cover. */
function soilFactors<T>(
  e: EcosystemInput, name: string, at: readonly (string | number)[], ctx: IndicatorContext<T>, tracer: Tracer<T>,
  issues: GepIssue[], warnings: GepWarning[],
): { ef: Factor<T>; scf: Factor<T>; kr: Factor<T>; cog: Factor<T> } | undefined {
  const { A } = ctx;
  const given = (m: { value: string; unit: string }, field: string): Factor<T> => {
    const v = readAmount(A, m, '1');
    return { value: v.value, traced: traced(A, v, inputRef([...at, field])) };
  };
  const step = (label: string, formula: string, inputs: Record<string, TracedValue>, value: T, unit = '1'): Factor<T> => {
    const r = tracer.record(`${label} of ${name}`, formula, inputs, { value, unit });
    return { value: r.value, traced: traced(A, r, `step:${label} of ${name}`) };
  };
  const hundred = A.fromString('100');
  let ok = true;

  // Soil texture, in % numbers, for EF and SCF.
  const tex = e.soilTexture;
  const pct = (field: 'sand' | 'silt' | 'clay' | 'organicMatter' | 'calciumCarbonate') => {
    const m = tex?.[field];
    const v = m ? convert(A, readAmount(A, m, '1').value, '1', '%') : A.zero;
    return { value: v, traced: { value: A.toString(v), unit: '%', from: m ? inputRef([...at, 'soilTexture', field]) : 'default: 0' } };
  };
  if ((!e.erodibleFraction || !e.crustFactor) && !tex) {
    issues.push(makeIssue('input.required', [...at, 'soilTexture'], { expected: 'soilTexture (sand, silt, clay, organicMatter), or erodibleFraction and crustFactor' }));
    ok = false;
  }
  const clay = pct('clay');
  const om = pct('organicMatter');

  let ef: Factor<T> | undefined;
  if (e.erodibleFraction) ef = given(e.erodibleFraction, 'erodibleFraction');
  else if (tex) {
    if (A.compare(clay.value, A.zero) <= 0) {
      issues.push(makeIssue('input.out-of-range', [...at, 'soilTexture', 'clay', 'value'], { expected: 'a clay content > 0 (EF divides by it)', found: tex.clay.value }));
      ok = false;
    } else {
      const sand = pct('sand');
      const silt = pct('silt');
      const caco3 = pct('calciumCarbonate');
      const c = (id: string) => coefficient(ctx, `rweq.erodible-fraction.${id}`, '1', at);
      const [c0, cSa, cSi, cR, cOm] = ['intercept', 'sand', 'silt', 'sand-clay-ratio', 'organic-matter'].map(c) as [Factor<T>, Factor<T>, Factor<T>, Factor<T>, Factor<T>];
      // The CaCO₃ term is read only when a CaCO₃ content is given (0 otherwise, as winderosion-2020 does).
      const cCa: Factor<T> = tex.calciumCarbonate ? c('calcium-carbonate') : { value: A.zero, traced: { value: '0', unit: '1', from: 'no CaCO₃ content given' } };
      const sum = A.subtract(A.subtract(
        A.add(A.add(A.add(c0.value, A.multiply(cSa.value, sand.value)), A.multiply(cSi.value, silt.value)), A.multiply(cR.value, A.divide(sand.value, clay.value))),
        A.multiply(cOm.value, om.value)), A.multiply(cCa.value, caco3.value));
      let v = A.divide(sum, hundred);
      if (A.compare(v, A.zero) < 0 || A.compare(v, A.one) > 0) {
        const clamped = A.compare(v, A.zero) < 0 ? A.zero : A.one;
        warnings.push({ code: 'rweq-factor-clamped', indicator: ID, path: [...at, 'soilTexture'], message: `${name}: the erodible fraction from soil texture is ${A.toString(v)}, outside 0–1; ${A.toString(clamped)} used` });
        v = clamped;
      }
      ef = step('erodible fraction', 'EF = (29.09 + 0.31·Sa + 0.17·Si + 0.33·Sa/Cl − 2.59·OM − 0.95·CaCO₃)/100', {
        Sa: sand.traced, Si: silt.traced, Cl: clay.traced, OM: om.traced, CaCO3: caco3.traced,
        a0: c0.traced, aSa: cSa.traced, aSi: cSi.traced, aR: cR.traced, aOM: cOm.traced, aCa: cCa.traced,
      }, v);
    }
  }

  let scf: Factor<T> | undefined;
  if (e.crustFactor) scf = given(e.crustFactor, 'crustFactor');
  else if (tex) {
    const cCl = coefficient(ctx, 'rweq.crust.clay', '1', at);
    const cOm = coefficient(ctx, 'rweq.crust.organic-matter', '1', at);
    scf = step('crust factor', 'SCF = 1/(1 + 0.0066·Cl² + 0.021·OM²)', { Cl: clay.traced, OM: om.traced, aCl: cCl.traced, aOM: cOm.traced },
      A.divide(A.one, A.add(A.add(A.one, A.multiply(cCl.value, A.multiply(clay.value, clay.value))), A.multiply(cOm.value, A.multiply(om.value, om.value)))));
  }

  let kr: Factor<T> | undefined;
  if (e.roughnessFactor) kr = given(e.roughnessFactor, 'roughnessFactor');
  else if (e.ridgeRoughness && e.randomRoughness) {
    const ridge = readAmount(A, e.ridgeRoughness, 'cm');
    const random = readAmount(A, e.randomRoughness, 'cm');
    const [c1, c2, c3, c4] = ['kr-linear', 'kr-power', 'kr-exponent', 'crr'].map((id) => coefficient(ctx, `rweq.roughness.${id}`, '1', at)) as [Factor<T>, Factor<T>, Factor<T>, Factor<T>];
    const exponent = A.subtract(A.subtract(A.multiply(c1.value, ridge.value), A.multiply(c2.value, A.pow(ridge.value, c3.value))), A.multiply(c4.value, random.value));
    kr = step('roughness factor', "K′ = exp(1.86·Kr − 2.41·Kr^0.934 − 0.127·Crr)", {
      Kr: traced(A, ridge, inputRef([...at, 'ridgeRoughness'])), Crr: traced(A, random, inputRef([...at, 'randomRoughness'])),
      a1: c1.traced, a2: c2.traced, a3: c3.traced, a4: c4.traced,
    }, A.exp(exponent));
  } else {
    issues.push(makeIssue('input.required', [...at, 'roughnessFactor'], { expected: 'roughnessFactor K′, or ridgeRoughness and randomRoughness' }));
    ok = false;
  }

  let cog: Factor<T> | undefined;
  if (e.vegetationFactor) cog = given(e.vegetationFactor, 'vegetationFactor');
  else if (e.vegetationCover) {
    const fvc = convert(A, readAmount(A, e.vegetationCover, '1').value, '1', '%');
    const a = e.vegetationCoefficient !== undefined
      ? { value: A.fromString(e.vegetationCoefficient), traced: { value: e.vegetationCoefficient, unit: '1', from: inputRef([...at, 'vegetationCoefficient']) } }
      : coefficient(ctx, 'rweq.vegetation.fvc-coefficient', '1', at);
    if (A.compare(a.value, A.zero) > 0) {
      issues.push(makeIssue('input.out-of-range', [...at, 'vegetationCoefficient'], { expected: 'a coefficient ≤ 0 (COG = exp(a·FVC) must not exceed 1)', found: A.toString(a.value) }));
      ok = false;
    } else {
      cog = step('vegetation factor', 'COG = exp(a · FVC)', { a: a.traced, FVC: { value: A.toString(fvc), unit: '%', from: inputRef([...at, 'vegetationCover']) } }, A.exp(A.multiply(a.value, fvc)));
    }
  } else {
    issues.push(makeIssue('input.required', [...at, 'vegetationFactor'], { expected: 'vegetationFactor COG, or vegetationCover' }));
    ok = false;
  }
  return ok && ef && scf && kr && cog ? { ef, scf, kr, cog } : undefined;
}

/** Value in 元: the area the fixed sand would cover, Q/(ρ_s·h), × the sand-control (or restoration) cost per m². */
export function value<T>(input: SandFixationInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const restoration = ctx.variant.price === 'vegetation-restoration-cost';

  const physical = (given: { value: string; unit: string } | undefined, field: string, id: string, unit: string): Factor<T> | undefined => {
    const at = [...ctx.path, field];
    const f = given
      ? { value: readAmount(A, given, unit).value, traced: traced(A, readAmount(A, given, unit), inputRef(at)) }
      : coefficient(ctx, id, unit, at);
    if (A.compare(f.value, A.zero) <= 0) {
      issues.push(makeIssue('input.out-of-range', [...at, 'value'], { expected: 'a value > 0', found: f.traced.value }));
      return undefined;
    }
    return f;
  };
  const rho = physical(input.sandBulkDensity, 'sandBulkDensity', 'sand-bulk-density', 't/m³');
  const depth = physical(input.coverDepth, 'coverDepth', 'sand-cover-depth', 'm');

  let unitCost: UnitPrice<T> | undefined;
  if (restoration && !input.restorationCost) {
    issues.push(makeIssue('input.required', [...ctx.path, 'restorationCost'], { expected: 'a vegetation-restoration cost per m² (variant vegetation-restoration-cost; the table has no value)' }));
  } else {
    try {
      const r = restoration
        ? resolvePrice(ctx, input.restorationCost, null, [...ctx.path, 'restorationCost'], ID)
        : resolvePrice(ctx, input.sandControlCost, 'sand-control-cost', [...ctx.path, 'sandControlCost'], ID);
      warnings.push(...r.warnings);
      unitCost = r.price;
    } catch (e) {
      if (e instanceof GepInputError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length || !rho || !depth || !unitCost) throw new GepInputError(issues);

  const lines: ValueLine<T>[] = q.lines.map((l) => {
    const covered = tracer.record(`covered area of ${l.item}`, 'S = Q / (ρ_s × h)', {
      Q: traced(A, l.quantity, `step:sand fixed by ${l.item}`), ρ_s: rho.traced, h: depth.traced,
    }, { value: A.divide(l.quantity.value, A.multiply(rho.value, depth.value)), unit: 'm²/a' });
    const v = tracer.record(`value of ${l.item}`, restoration ? 'V = S × c_r' : 'V = S × c_s', {
      S: traced(A, covered, `step:covered area of ${l.item}`), c: traced(A, unitCost, unitCost.from),
    }, valueAt(A, covered, unitCost));
    return { item: l.item, ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}), quantity: covered, unitPrice: unitCost, value: v };
  });
  const total = tracer.record('total', 'V_sf = Σ V_i', {}, sumIn(A, lines.map((l) => l.value), '元'));
  return { lines, total, steps: tracer.steps, warnings };
}
