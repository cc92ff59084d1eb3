/** `gep-accounting/coefficients`: coefficient tables, the source register and overrides.
 * @module gep-accounting/coefficients
 */
export { coefficientTables, getCoefficientTable, sources } from './tables.js';
export { makeCoefficientSet, CoefficientReader, type CoefficientSet } from './resolve.js';
export type { Coefficient, CoefficientOverride, CoefficientStatus, CoefficientTable, CoefficientUse, Source } from './types.js';
export {
  diffProfiles,
  diffTables,
  type AdjustmentChange,
  type CoefficientChange,
  type ProfileDiff,
  type ProfileIndicatorChange,
  type SettingChange,
  type VariantChange,
} from './diff.js';
export { getProfile, listProfiles, type Profile, type ProfileIndicator } from '../profiles/profiles.js';
