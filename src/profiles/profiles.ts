/**
 * Profiles (核算方案): a standard as data — the enabled indicators, the method variant of each,
 * and the pinned coefficient-table version. Shipped as JSON under coefficients/profiles/.
 */
import * as z from 'zod';
import { localIndicatorsSchema } from '../indicators/local/schema.js';
import { PROFILES_DATA } from './generated/list.js';

export const profileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  title: z.strictObject({ zh: z.string(), en: z.string() }),
  source: z.string(),
  coefficientTable: z.string().regex(/^[a-z0-9-]+\/\d+\.\d+\.\d+$/),
  /** Price index that carries table prices of another year to the account's price year. */
  priceIndex: z.string().optional(),
  indicatorListStatus: z.enum(['verified', 'to-verify']),
  notes: z.array(z.string()),
  indicators: z.array(
    z.strictObject({
      id: z.string(),
      variant: z.record(z.string(), z.string()),
      /** How the indicator's membership in the standard is known: read, recalled, or uncertain (cross-standard matrix). */
      membership: z.enum(['verified', 'recalled', 'uncertain']).optional(),
    }),
  ),
  /**
   * GB/T 46869—2025: subtract the value of ecological products that originate outside the region
   * (the input's `outsideRegion` lines).
   */
  subtractOutsideRegion: z.boolean().optional(),
  /**
   * Regional adjustment coefficients (调节系数) applied to indicator values, as a documented layer:
   * V_adjusted = V × factor. Each names its source and status.
   */
  adjustments: z
    .array(
      z.strictObject({
        indicator: z.string(),
        factor: z.string().regex(/^\d+(\.\d+)?$/),
        source: z.string(),
        status: z.enum(['verified', 'derived', 'to-verify']),
        note: z.string(),
      }),
    )
    .optional(),
  /**
   * Local indicators (地方指标) defined as data, by id (`regulating.local.<name>`): inputs, coefficients
   * and formulas (src/indicators/local/schema.ts). Enabled like any indicator, in `indicators`;
   * compiled by `loadProfile` of `gep-accounting/local` (docs/local-indicators.md).
   */
  localIndicators: localIndicatorsSchema.optional(),
});

/** A profile: which indicators, which variant of each, which coefficient table. */
export type Profile = z.infer<typeof profileSchema>;
/** One indicator of a profile: its id, method variant and how its membership is known. */
export type ProfileIndicator = Profile['indicators'][number];

let cache: ReadonlyMap<string, Profile> | undefined;

function profiles(): ReadonlyMap<string, Profile> {
  cache ??= new Map(
    PROFILES_DATA.map((raw) => {
      const p = profileSchema.parse(raw);
      return [p.id, p] as const;
    }),
  );
  return cache;
}

/** Every shipped profile. */
export function listProfiles(): Profile[] {
  // The default first, then by id (the file order).
  return [...profiles().values()].sort((a, b) => Number(b.id === DEFAULT_PROFILE_ID) - Number(a.id === DEFAULT_PROFILE_ID));
}

/** A profile by id, or `undefined`. */
export function getProfile(id: string): Profile | undefined {
  return profiles().get(id);
}

/** The default profile: the national trial specification of 2022. */
export const DEFAULT_PROFILE_ID = 'national-2022';
