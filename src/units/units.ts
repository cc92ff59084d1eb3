/**
 * Units (计量单位). One id per unit, parsed from expressions such as `元/m³`, `t/(hm²·a)` or
 * `MJ·mm/(hm²·h·a)`, with exact rational factors (1 亩 = 2000/3 m²), so a conversion on the
 * decimal path loses nothing. Carbon is never plain "t": `t C` and `t CO2` are distinct
 * dimensions, and turning one into the other is a formula (44/12), not a unit conversion.
 * Aliases (公顷, ha, CO₂) belong to the importers' normaliser, not here.
 */
import type { Arithmetic } from '../numbers/arithmetic.js';

/** Base dimensions. Counts of different things (visits, head of livestock) do not mix. */
export const BASE_DIMENSIONS = [
  'length',
  'mass',
  'carbon',
  'co2',
  'energy',
  'money',
  'time',
  'year',
  'visit',
  'head',
  'count',
  'person',
  'equivalent',
] as const;
export type BaseDimension = (typeof BASE_DIMENSIONS)[number];
/** A dimension as exponents of the base dimensions, e.g. `{ money: 1, length: -3 }` for 元/m³. */
export type Dimension = Readonly<Partial<Record<BaseDimension, number>>>;

/** An exact rational scale factor to the base unit of a dimension. */
interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

interface Atom {
  readonly dimension: Dimension;
  readonly factor: Ratio;
}

const r = (n: bigint, d = 1n): Ratio => ({ n, d });

/**
 * Atomic units. Base units: m, t, t C, t CO2, kWh, 元, s, a, 人次, 头, 个, 当量. The year `a` is its
 * own dimension: 365 or 366 days is a calendar fact, not a unit factor.
 */
const ATOMS: Readonly<Record<string, Atom>> = {
  m: { dimension: { length: 1 }, factor: r(1n) },
  mm: { dimension: { length: 1 }, factor: r(1n, 1000n) },
  cm: { dimension: { length: 1 }, factor: r(1n, 100n) },
  hm: { dimension: { length: 1 }, factor: r(100n) },
  km: { dimension: { length: 1 }, factor: r(1000n) },
  亩: { dimension: { length: 2 }, factor: r(2000n, 3n) },
  L: { dimension: { length: 3 }, factor: r(1n, 1000n) },
  g: { dimension: { mass: 1 }, factor: r(1n, 1_000_000n) },
  kg: { dimension: { mass: 1 }, factor: r(1n, 1000n) },
  t: { dimension: { mass: 1 }, factor: r(1n) },
  'kg C': { dimension: { carbon: 1 }, factor: r(1n, 1000n) },
  't C': { dimension: { carbon: 1 }, factor: r(1n) },
  'kg CO2': { dimension: { co2: 1 }, factor: r(1n, 1000n) },
  't CO2': { dimension: { co2: 1 }, factor: r(1n) },
  kWh: { dimension: { energy: 1 }, factor: r(1n) },
  J: { dimension: { energy: 1 }, factor: r(1n, 3_600_000n) },
  kJ: { dimension: { energy: 1 }, factor: r(1n, 3600n) },
  MJ: { dimension: { energy: 1 }, factor: r(10n, 36n) },
  元: { dimension: { money: 1 }, factor: r(1n) },
  s: { dimension: { time: 1 }, factor: r(1n) },
  min: { dimension: { time: 1 }, factor: r(60n) },
  h: { dimension: { time: 1 }, factor: r(3600n) },
  d: { dimension: { time: 1 }, factor: r(86_400n) },
  a: { dimension: { year: 1 }, factor: r(1n) },
  人次: { dimension: { visit: 1 }, factor: r(1n) },
  人: { dimension: { person: 1 }, factor: r(1n) },
  头: { dimension: { head: 1 }, factor: r(1n) },
  个: { dimension: { count: 1 }, factor: r(1n) },
  /** 污染当量 (pollution equivalent) of the Environmental Protection Tax Law: tax rates are 元/当量, equivalents kg/当量. */
  当量: { dimension: { equivalent: 1 }, factor: r(1n) },
  '%': { dimension: {}, factor: r(1n, 100n) },
  '1': { dimension: {}, factor: r(1n) },
};

/** Chinese multiplier prefixes, applied to the whole following term: 万m³ = 10⁴ m³, not (10⁴ m)³. */
const PREFIXES: Readonly<Record<string, bigint>> = { 万亿: 1_000_000_000_000n, 万: 10_000n, 亿: 100_000_000n };
const PREFIX_NAMES = Object.keys(PREFIXES).sort((a, b) => b.length - a.length);

const ATOM_NAMES = Object.keys(ATOMS).sort((a, b) => b.length - a.length);
const SUPERSCRIPTS: Readonly<Record<string, number>> = { '¹': 1, '²': 2, '³': 3 };

/** A unit expression that could not be parsed. */
export class GepUnitParseError extends Error {
  override readonly name = 'GepUnitParseError';
  constructor(
    readonly unit: string,
    readonly reason: string,
  ) {
    super(`[gep] unknown unit "${unit.length > 64 ? `${unit.slice(0, 61)}...` : unit}": ${reason}`);
  }
}

/** Two units of different dimensions met where one was to be converted into the other. */
export class GepUnitError extends Error {
  override readonly name = 'GepUnitError';
  constructor(
    readonly from: string,
    readonly to: string,
    readonly fromDimension: string,
    readonly toDimension: string,
  ) {
    super(`[gep] cannot convert "${from}" (${fromDimension}) to "${to}" (${toDimension}): the dimensions differ`);
  }
}

/** A parsed unit: its dimension and exact factor to the base units. */
export interface ParsedUnit {
  readonly id: string;
  readonly dimension: Dimension;
  readonly factor: Ratio;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
}

function normalise(x: Ratio): Ratio {
  const g = gcd(x.n, x.d);
  return { n: x.n / g, d: x.d / g };
}

function ratioPow(x: Ratio, e: number): Ratio {
  const k = BigInt(Math.abs(e));
  return e >= 0 ? { n: x.n ** k, d: x.d ** k } : { n: x.d ** k, d: x.n ** k };
}

function ratioMul(a: Ratio, b: Ratio): Ratio {
  return normalise({ n: a.n * b.n, d: a.d * b.d });
}

function dimensionCombine(a: Dimension, b: Dimension, sign: 1 | -1): Dimension {
  const out: Partial<Record<BaseDimension, number>> = { ...a };
  for (const [k, v] of Object.entries(b) as [BaseDimension, number][]) {
    const next = (out[k] ?? 0) + sign * v;
    if (next === 0) delete out[k];
    else out[k] = next;
  }
  return out;
}

function dimensionScale(a: Dimension, e: number): Dimension {
  const out: Partial<Record<BaseDimension, number>> = {};
  for (const [k, v] of Object.entries(a) as [BaseDimension, number][]) out[k] = v * e;
  return out;
}

/** A readable dimension, e.g. `money·length^-3`; `dimensionless` for pure numbers. */
export function describeDimension(d: Dimension): string {
  const parts = BASE_DIMENSIONS.filter((k) => d[k]).map((k) => (d[k] === 1 ? k : `${k}^${d[k]}`));
  return parts.length ? parts.join('·') : 'dimensionless';
}

function sameDimension(a: Dimension, b: Dimension): boolean {
  return BASE_DIMENSIONS.every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

/**
 * Bounds on a unit expression (单位表达式上限), so that no text can make the parser hang or
 * exhaust memory: `((((亩)^9)^9)^9)…` raised 2000/3 to the power 9⁸ and took 36 s and 0.5 GB.
 * `written` applies to a unit as a person or a file writes it (`isKnownUnit`, the input schemas);
 * `parsed` is the parser's hard bound, four times as wide, for the units the library composes from
 * written ones (`(万m³)/a`, `(元/当量)/(kg/当量)`). The longest unit of the bundled tables,
 * `t·hm²·h/(hm²·MJ·mm)`, has 19 characters, one level of brackets and exponents of 2.
 */
export const UNIT_LIMITS = {
  written: { maxChars: 64, maxDepth: 4, maxExponent: 12, maxFactorBits: 256 },
  parsed: { maxChars: 256, maxDepth: 16, maxExponent: 48, maxFactorBits: 1024 },
} as const;

/** Bit length of a positive bigint (an upper bound within 4 bits is enough here). */
const bits = (x: bigint): number => (x < 0n ? -x : x).toString(16).length * 4;

/** What a parse saw, for the written-unit bounds. */
interface ParseStats {
  depth: number;
  exponent: number;
  factorBits: number;
}

class Parser {
  private pos = 0;
  private depth = 0;
  readonly stats: ParseStats = { depth: 0, exponent: 0, factorBits: 0 };
  private readonly limits = UNIT_LIMITS.parsed;
  constructor(private readonly text: string) {}

  parse(): ParsedUnit {
    if (this.text.length > this.limits.maxChars) this.fail(`longer than ${this.limits.maxChars} characters`);
    const result = this.expression();
    this.skipSpaces();
    if (this.pos !== this.text.length) this.fail(`unexpected "${this.excerpt(this.pos)}"`);
    return { id: this.text, ...result };
  }

  private excerpt(from: number): string {
    const rest = this.text.slice(from, from + 24);
    return from + 24 < this.text.length ? `${rest}…` : rest;
  }

  private fail(reason: string): never {
    throw new GepUnitParseError(this.text, reason);
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  /** Refuse a unit whose dimension exponents or exact factor grow past the bounds; record what was seen. */
  private bounded(u: Omit<ParsedUnit, 'id'>): Omit<ParsedUnit, 'id'> {
    const exponent = Math.max(0, ...Object.values(u.dimension).map((v) => Math.abs(v ?? 0)));
    const factorBits = bits(u.factor.n) + bits(u.factor.d);
    if (exponent > this.limits.maxExponent) this.fail(`an exponent above ${this.limits.maxExponent}`);
    if (factorBits > this.limits.maxFactorBits) this.fail('a conversion factor too large to be a unit');
    this.stats.exponent = Math.max(this.stats.exponent, exponent);
    this.stats.factorBits = Math.max(this.stats.factorBits, factorBits);
    return u;
  }

  /** `x^e`, refused before the power is computed when its factor would pass the bound. */
  private power(u: Omit<ParsedUnit, 'id'>, e: number): Omit<ParsedUnit, 'id'> {
    if (e === 1) return u;
    if ((bits(u.factor.n) + bits(u.factor.d)) * Math.abs(e) > this.limits.maxFactorBits)
      this.fail('a conversion factor too large to be a unit');
    return this.bounded({ dimension: dimensionScale(u.dimension, e), factor: ratioPow(u.factor, e) });
  }

  private expression(): Omit<ParsedUnit, 'id'> {
    let acc = this.term();
    for (;;) {
      this.skipSpaces();
      const op = this.text[this.pos];
      if (op !== '/' && op !== '·' && op !== '*') return acc;
      this.pos++;
      const next = this.term();
      const sign = op === '/' ? -1 : 1;
      acc = this.bounded({
        dimension: dimensionCombine(acc.dimension, next.dimension, sign),
        factor: ratioMul(acc.factor, sign === 1 ? next.factor : ratioPow(next.factor, -1)),
      });
    }
  }

  private term(): Omit<ParsedUnit, 'id'> {
    this.skipSpaces();
    if (this.text[this.pos] === '(') {
      if (++this.depth > this.limits.maxDepth) this.fail(`brackets nested more than ${this.limits.maxDepth} deep`);
      this.stats.depth = Math.max(this.stats.depth, this.depth);
      this.pos++;
      const base = this.expression();
      this.skipSpaces();
      if (this.text[this.pos] !== ')') this.fail('a closing parenthesis is missing');
      this.pos++;
      this.depth--;
      return this.power(base, this.exponent());
    }
    let prefix = 1n;
    const p = PREFIX_NAMES.find((n) => this.text.startsWith(n, this.pos) && this.text.length > this.pos + n.length);
    if (p !== undefined) {
      prefix = PREFIXES[p]!;
      this.pos += p.length;
    }
    const name = ATOM_NAMES.find((n) => this.text.startsWith(n, this.pos) && !this.continuesWord(n));
    if (name === undefined) this.fail(`no unit known at "${this.excerpt(this.pos)}"`);
    this.pos += name.length;
    const atom = ATOMS[name]!;
    const powered = this.power({ dimension: atom.dimension, factor: atom.factor }, this.exponent());
    return this.bounded({ dimension: powered.dimension, factor: ratioMul(powered.factor, r(prefix)) });
  }

  /** An atom must not be followed by a letter that would make it another word ("m" in "mm"). */
  private continuesWord(name: string): boolean {
    const next = this.text[this.pos + name.length];
    return next !== undefined && /[A-Za-z0-9]/.test(next) && /[A-Za-z0-9]$/.test(name);
  }

  private exponent(): number {
    const c = this.text[this.pos];
    if (c !== undefined && SUPERSCRIPTS[c] !== undefined) {
      this.pos++;
      return SUPERSCRIPTS[c];
    }
    if (c === '^') {
      // Sticky, at the position: slicing the rest of the text for each exponent was quadratic.
      EXPONENT.lastIndex = this.pos;
      const m = EXPONENT.exec(this.text);
      if (!m) this.fail('an exponent must follow "^"');
      this.pos += m[0].length;
      return Number(m[1]);
    }
    return 1;
  }
}

const EXPONENT = /\^(-?\d)/y;

/**
 * A bounded cache (有界缓存) of two generations: a hit in the old generation moves the entry to the
 * new one; when the new one is full it becomes the old one and the oldest entries go. At most
 * `2 × size` entries, O(1) per look-up. The unit caches once kept every unit ever parsed
 * (200 000 distinct units held 90 MB).
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  constructor(readonly size: number) {}

  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.size) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Entries held (both generations; a key may be counted twice). */
  get entries(): number {
    return this.young.size + this.old.size;
  }
}

/** Entries per generation of each unit cache. */
export const UNIT_CACHE_SIZE = 2048;

const cache = new BoundedCache<string, { parsed: ParsedUnit; stats: ParseStats }>(UNIT_CACHE_SIZE);

function parseWithStats(unit: string): { parsed: ParsedUnit; stats: ParseStats } {
  let entry = cache.get(unit);
  if (!entry) {
    const parser = new Parser(unit);
    entry = { parsed: parser.parse(), stats: parser.stats };
    cache.set(unit, entry);
  }
  return entry;
}

/** Parse a unit id. Throws `GepUnitParseError` for an unknown unit, or one beyond `UNIT_LIMITS.parsed`. */
export function parseUnit(unit: string): ParsedUnit {
  return parseWithStats(unit).parsed;
}

/**
 * Why a unit as written is not accepted (unknown, or past `UNIT_LIMITS.written`), in words; `null`
 * when it is a known unit. Time is bounded by the limits whatever the text.
 */
export function unitProblem(unit: string): string | null {
  const w = UNIT_LIMITS.written;
  if (unit.length > w.maxChars) return `longer than ${w.maxChars} characters`;
  let stats: ParseStats;
  try {
    stats = parseWithStats(unit).stats;
  } catch (e) {
    if (e instanceof GepUnitParseError) return e.reason;
    throw e;
  }
  if (stats.depth > w.maxDepth) return `brackets nested more than ${w.maxDepth} deep`;
  if (stats.exponent > w.maxExponent) return `an exponent above ${w.maxExponent}`;
  if (stats.factorBits > w.maxFactorBits) return 'a conversion factor too large to be a unit';
  return null;
}

/** True when `unit` is a known unit within the bounds of a written unit (`UNIT_LIMITS.written`). */
export function isKnownUnit(unit: string): boolean {
  return unitProblem(unit) === null;
}

/** True when the two units measure the same dimension. */
export function sameDimensionUnits(a: string, b: string): boolean {
  return sameDimension(parseUnit(a).dimension, parseUnit(b).dimension);
}

/** The dimension of a unit, in words. */
export function dimensionOf(unit: string): string {
  return describeDimension(parseUnit(unit).dimension);
}

/**
 * A ratio's numerator and denominator in an arithmetic, parsed once per arithmetic and ratio. Weak
 * on both keys: an entry lives as long as the ratio does (the ratios live in the bounded caches).
 */
const FACTORS = new WeakMap<Arithmetic<unknown>, WeakMap<Ratio, { n: unknown; d: unknown }>>();

function factorsOf<T>(A: Arithmetic<T>, ratio: Ratio): { n: T; d: T } {
  let byRatio = FACTORS.get(A as Arithmetic<unknown>);
  if (!byRatio) FACTORS.set(A as Arithmetic<unknown>, (byRatio = new WeakMap()));
  let f = byRatio.get(ratio);
  if (!f) byRatio.set(ratio, (f = { n: A.fromString(ratio.n.toString()), d: A.fromString(ratio.d.toString()) }));
  return f as { n: T; d: T };
}

function applyRatio<T>(A: Arithmetic<T>, value: T, ratio: Ratio): T {
  if (ratio.n === 1n && ratio.d === 1n) return value;
  const f = factorsOf(A, ratio);
  const scaled = ratio.n === 1n ? value : A.multiply(value, f.n);
  return ratio.d === 1n ? scaled : A.divide(scaled, f.d);
}

const RATIOS = new BoundedCache<string, Ratio>(UNIT_CACHE_SIZE);

/** The exact factor that turns a value in `from` into a value in `to`. Throws `GepUnitError` across dimensions. */
export function conversionRatio(from: string, to: string): Ratio {
  const key = `${from}\u0000${to}`;
  const known = RATIOS.get(key);
  if (known) return known;
  const f = parseUnit(from);
  const t = parseUnit(to);
  if (!sameDimension(f.dimension, t.dimension)) {
    throw new GepUnitError(from, to, describeDimension(f.dimension), describeDimension(t.dimension));
  }
  const ratio = ratioMul(f.factor, ratioPow(t.factor, -1));
  RATIOS.set(key, ratio);
  return ratio;
}

/** Convert `value` from one unit to another of the same dimension: `convert(A, 1, '亩', 'm²')` → 666.66…7. */
export function convert<T>(A: Arithmetic<T>, value: T, from: string, to: string): T {
  return applyRatio(A, value, conversionRatio(from, to));
}

const PRODUCT_RATIOS = new BoundedCache<string, Ratio>(UNIT_CACHE_SIZE);

/**
 * Multiply two amounts and express the product in `to`, checking that the dimensions match:
 * `multiplyInto(A, 120, '万t', 2400, '元/t', '元')` = 2.88×10⁹. Used for every quantity × price.
 */
export function multiplyInto<T>(A: Arithmetic<T>, a: T, aUnit: string, b: T, bUnit: string, to: string): T {
  // Checked and reduced once per unit triple; every later product reuses the ratio.
  const key = `${aUnit}\u0000${bUnit}\u0000${to}`;
  let ratio = PRODUCT_RATIOS.get(key);
  if (!ratio) {
    const pa = parseUnit(aUnit);
    const pb = parseUnit(bUnit);
    const pt = parseUnit(to);
    const product = dimensionCombine(pa.dimension, pb.dimension, 1);
    if (!sameDimension(product, pt.dimension)) {
      throw new GepUnitError(`${aUnit} × ${bUnit}`, to, describeDimension(product), describeDimension(pt.dimension));
    }
    ratio = ratioMul(ratioMul(pa.factor, pb.factor), ratioPow(pt.factor, -1));
    PRODUCT_RATIOS.set(key, ratio);
  }
  return applyRatio(A, A.multiply(a, b), ratio);
}

/**
 * Annual flows: the accounts are yearly, so an amount for a flow field may be written either as a
 * rate (`万m³/a`) or as the total of the accounting year (`万m³`, as yearbooks print it). This
 * returns the unit to read `unit` in for a field whose reference unit is `reference`: `unit/a`
 * when the reference is per year and `unit` is the year's total, else `unit` unchanged.
 */
export function asFlowUnit(unit: string, reference: string): string {
  const ref = parseUnit(reference).dimension;
  const own = parseUnit(unit).dimension;
  return ref.year === -1 && own.year === undefined ? `(${unit})/a` : unit;
}

/** Entries held by each unit cache (parsed units, conversion ratios, product ratios), for tests and monitoring. */
export function unitCacheStats(): { parsed: number; ratios: number; products: number } {
  return { parsed: cache.entries, ratios: RATIOS.entries, products: PRODUCT_RATIOS.entries };
}
