/**
 * The uncertainty specification (不确定性设定): which inputs and coefficients of an account are
 * uncertain, and how. A JSON document beside the account input (schemas/uncertainty.schema.json):
 *
 * ```json
 * {
 *   "draws": 10000, "seed": 1, "quantiles": ["0.05", "0.5", "0.95"],
 *   "defaults": "to-verify",
 *   "inputs": [
 *     { "path": "indicators.regulating.water-conservation.ecosystems[0].precipitation",
 *       "distribution": { "type": "normal", "sd": { "value": "40", "unit": "mm" } }, "shared": "rain" }
 *   ],
 *   "coefficients": [
 *     { "id": "carbon-price.afforestation",
 *       "distribution": { "type": "triangular", "min": { "factor": "0.5" }, "max": { "value": "2000", "unit": "元/t C" } } }
 *   ]
 * }
 * ```
 *
 * A parameter of a distribution is an amount with its unit (converted to the unit of the value it
 * describes: the input's own unit, or the coefficient row's) or a `factor` of the value the account
 * uses (`{ "factor": "0.1" }` as a normal's sd is a coefficient of variation of 10 %). An omitted
 * centre (normal mean, lognormal median, triangular mode) is that value. Items with the same
 * `shared` name take the same uniform draw: they move together (correlation by a shared draw).
 * `defaults: "to-verify"` (the default) adds a distribution for every coefficient the account reads
 * whose status is to-verify and that the specification does not name (./defaults.ts).
 */
import * as z from 'zod';
import { decimalText } from '../indicators/input-schema.js';

/** An amount with its unit, or a factor of the value the account uses. */
const parameter = z.union([z.strictObject({ value: decimalText, unit: z.string().min(1) }), z.strictObject({ factor: decimalText })]);

/** A distribution, its parameters as amounts or factors. */
export const distributionSchema = z.discriminatedUnion('type', [
  z
    .strictObject({ type: z.literal('normal'), mean: parameter.optional(), sd: parameter })
    .describe('normal: mean (default: the value used) and standard deviation'),
  z
    .strictObject({ type: z.literal('lognormal'), median: parameter.optional(), gsd: decimalText })
    .describe('lognormal: median (default: the value used) and geometric standard deviation gsd ≥ 1 (ln X has sd ln gsd)'),
  z
    .strictObject({ type: z.literal('triangular'), min: parameter, mode: parameter.optional(), max: parameter })
    .describe('triangular: min, mode (default: the value used) and max'),
  z.strictObject({ type: z.literal('uniform'), min: parameter, max: parameter }).describe('uniform between min and max'),
  z.strictObject({ type: z.literal('empirical'), values: z.array(parameter).min(1) }).describe('each listed value equally likely'),
]);
export type DistributionSpec = z.infer<typeof distributionSchema>;

const common = {
  distribution: distributionSchema,
  /** Items with the same name take the same uniform draw (they move together). */
  shared: z.string().min(1).optional(),
  /** Where the distribution comes from (a survey, a range of published values). */
  source: z.string().min(1).optional(),
  note: z.string().optional(),
};

/** The uncertainty specification (see the module comment). */
export const uncertaintySpecSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Number of draws (default 10 000). */
  draws: z.int().min(2).max(10_000_000).optional(),
  /** Seed of the generator (default 1); equal seeds give equal results. */
  seed: z.int().min(0).max(4_294_967_295).optional(),
  /** Quantiles to report besides 5 %, 50 % and 95 %, as probabilities: "0.025". */
  quantiles: z.array(decimalText).optional(),
  /** Default distributions for the to-verify coefficients the account reads ("to-verify", the default) or none. */
  defaults: z.enum(['to-verify', 'none']).optional(),
  /** Uncertain inputs: the path of an amount (or of a number) in the account input. */
  inputs: z.array(z.strictObject({ path: z.string().min(1), ...common })).optional(),
  /** Uncertain coefficients, by id (or by the id of an override given in the input). */
  coefficients: z.array(z.strictObject({ id: z.string().min(1), ...common })).optional(),
});

/** An uncertainty specification. */
export type UncertaintySpec = z.infer<typeof uncertaintySpecSchema>;

/** Parse an input path written with dots and brackets: `indicators.material.agriculture.products[0].quantity`. */
export function parsePath(path: string, indicatorIds: ReadonlySet<string>): (string | number)[] {
  // Indicator ids contain dots (`material.agriculture`): after `indicators`, the longest known id is one segment.
  const out: (string | number)[] = [];
  let rest = path.trim();
  const indicatorsPrefix = /^indicators\./;
  if (indicatorsPrefix.test(rest)) {
    rest = rest.replace(indicatorsPrefix, '');
    const id = [...indicatorIds]
      .filter((i) => rest === i || rest.startsWith(`${i}.`) || rest.startsWith(`${i}[`))
      .sort((a, b) => b.length - a.length)[0];
    if (id === undefined) return ['indicators', ...segments(rest)];
    out.push('indicators', id);
    rest = rest.slice(id.length).replace(/^\./, '');
  }
  return [...out, ...segments(rest)];
}

function segments(text: string): (string | number)[] {
  if (!text) return [];
  return text.split('.').flatMap((part) => {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return [part];
    const indices = [...m[2]!.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]));
    return [...(m[1] ? [m[1]] : []), ...indices];
  });
}
