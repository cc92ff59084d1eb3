/**
 * Profiles (核算方案): a standard as data — the enabled indicators, the method variant of each,
 * and the pinned coefficient-table version. Shipped as JSON under coefficients/profiles/.
 */
import { z } from 'zod';
import national2022 from '../../coefficients/profiles/national-2022.json';
import gbt468692025 from '../../coefficients/profiles/gbt-46869-2025.json';
import caep2020 from '../../coefficients/profiles/caep-2020.json';
import zhejiang from '../../coefficients/profiles/zhejiang-db33-2274.json';
import shenzhen from '../../coefficients/profiles/shenzhen-db4403-141.json';
import rcees2013 from '../../coefficients/profiles/rcees-2013.json';
import shanxi from '../../coefficients/profiles/shanxi.json';

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
  indicators: z.array(z.strictObject({
    id: z.string(),
    variant: z.record(z.string(), z.string()),
    /** How the indicator's membership in the standard is known: read, recalled, or uncertain (cross-standard matrix). */
    membership: z.enum(['verified', 'recalled', 'uncertain']).optional(),
  })),
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
/** One indicator of a profile: its id, method variant and how its membership is known. */
export type ProfileIndicator = Profile['indicators'][number];

const RAW_PROFILES: readonly unknown[] = [national2022, gbt468692025, caep2020, zhejiang, shenzhen, rcees2013, shanxi];
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
