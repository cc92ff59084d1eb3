/**
 * Profiles (核算方案): a standard as data — the enabled indicators, the method variant of each,
 * and the pinned coefficient-table version. Shipped as JSON under coefficients/profiles/.
 */
import { z } from 'zod';
import national2022 from '../../coefficients/profiles/national-2022.json';

const profileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  title: z.strictObject({ zh: z.string(), en: z.string() }),
  source: z.string(),
  coefficientTable: z.string().regex(/^[a-z0-9-]+\/\d+\.\d+\.\d+$/),
  /** Price index that carries table prices of another year to the account's price year. */
  priceIndex: z.string().optional(),
  indicatorListStatus: z.enum(['verified', 'to-verify']),
  notes: z.array(z.string()),
  indicators: z.array(z.strictObject({ id: z.string(), variant: z.record(z.string(), z.string()) })),
  /**
   * GB/T 46869—2025: subtract the value of ecological products that originate outside the region
   * (the input's `outsideRegion` lines).
   */
  subtractOutsideRegion: z.boolean().optional(),
  /**
   * Regional adjustment coefficients (调节系数) applied to indicator values, as a documented layer:
   * V_adjusted = V × factor. Each names its source and status.
   */
  adjustments: z.array(z.strictObject({
    indicator: z.string(),
    factor: z.string().regex(/^\d+(\.\d+)?$/),
    source: z.string(),
    status: z.enum(['verified', 'derived', 'to-verify']),
    note: z.string(),
  })).optional(),
});

/** A profile: which indicators, which variant of each, which coefficient table. */
export type Profile = z.infer<typeof profileSchema>;
export type ProfileIndicator = Profile['indicators'][number];

const RAW_PROFILES: readonly unknown[] = [national2022];
let cache: ReadonlyMap<string, Profile> | undefined;

function profiles(): ReadonlyMap<string, Profile> {
  cache ??= new Map(RAW_PROFILES.map((raw) => {
    const p = profileSchema.parse(raw);
    return [p.id, p] as const;
  }));
  return cache;
}

/** Every shipped profile. */
export function listProfiles(): Profile[] {
  return [...profiles().values()];
}

/** A profile by id, or `undefined`. */
export function getProfile(id: string): Profile | undefined {
  return profiles().get(id);
}

/** The default profile: the national trial specification of 2022. */
export const DEFAULT_PROFILE_ID = 'national-2022';
