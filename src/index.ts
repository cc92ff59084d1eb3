/** gep-accounting: the public API. Named exports only; IO lives in `gep-accounting/io`.
 * @module gep-accounting
 */
export { computeGep, categoryTotals, type GepOptions, type GepResult, type NotAccounted } from './accounts/gep.js';
export { gepResultToJson, type GepResultJson, type MoneyJson } from './accounts/serialize.js';
export {
  computeGepBatch, checkHierarchy, levelOfCode, summarize,
  type BatchItem, type BatchOptions, type BatchReport, type BatchSummary, type BatchUnit, type HierarchyCheck, type HierarchyReport,
} from './accounts/batch.js';
export { accountEnvelopeSchema, accountInputSchema, coefficientOverrideSchema, type AccountInput } from './accounts/input.js';
export {
  computeGeep, geepFromAccount, geepResultToJson, GEEP_VARIANT_SPECS,
  type GeepComponent, type GeepOptions, type GeepParameters, type GeepResult, type GeepResultJson, type GeepTerm, type GeepTermId,
} from './accounts/geep.js';
export {
  economyInputSchema, geepInputSchema, GDP_BASES, GEEP_VARIANTS, PDC_MEDIA, ECDC_ECOSYSTEMS, RDC_RESOURCES, REALISATION_CHANNELS,
  type EconomyInput, type GdpBasis, type GeepInput, type GeepVariant,
} from './accounts/economy-input.js';
export { computeRatios, ratiosFromAccount, ratiosToJson, type Ratio, type RatioId, type RatioInputs, type RatiosJson, type RatiosResult } from './accounts/ratios.js';
export {
  compareGep, gepComparisonToJson, DECOMPOSITION_FORMULA, DEFAULT_DECLINE_THRESHOLD,
  type AccountRef, type Change, type CompareOptions, type DeclineDriver, type GepComparison, type GepComparisonJson, type IndicatorComparison, type LineComparison, type LineSide,
} from './accounts/compare.js';
export { decimalArithmetic, floatArithmetic, GepDecimal, GepArithmeticError, isDecimalText, type Arithmetic } from './numbers/arithmetic.js';
export { roundDecimal, allocateRounded, describeRounding, DEFAULT_ROUNDING, type RoundingRule } from './numbers/rounding.js';
export {
  convert, conversionRatio, multiplyInto, parseUnit, isKnownUnit, sameDimensionUnits, dimensionOf, asFlowUnit,
  GepUnitError, GepUnitParseError, type Dimension, type ParsedUnit,
} from './units/units.js';
export { addMeasures, addMoney, convertMeasure, measureToJson, type Measure, type MeasureJson, type Money } from './units/measure.js';
export { GepInputError, describeIssue, messageOf, formatPath, type GepIssue, type GepWarning, type IssueLocation } from './errors/errors.js';
export { MESSAGES, type IssueCode, type Language } from './errors/messages.js';
export { catalogue, catalogueEntry, ecosystemTypes, level1Type, type EcosystemType } from './indicators/catalogue.js';
export { INDICATORS, getIndicator } from './indicators/registry.js';
export { getProfile, listProfiles, DEFAULT_PROFILE_ID, type Profile, type ProfileIndicator } from './profiles/profiles.js';
export type {
  Category, CatalogueEntry, ClauseRef, IndicatorContext, IndicatorModule, IndicatorResult, IndicatorSpec, InputFieldSpec,
  QuantityLine, QuantityResult, TraceStep, TracedValue, UnitPrice, ValueLine, ValueResult, VariantSpec,
} from './indicators/types.js';
export type { Coefficient, CoefficientOverride, CoefficientStatus, CoefficientTable, CoefficientUse, Source } from './coefficients/types.js';
// SEEA EA tables (SEEA 生态系统核算表): src/seea/
export {
  seeaTables, type SeeaOptions, type SeeaTables,
} from './seea/seea.js';
export { extentAccount, EXTENT_RULE, type ExtentAccount, type ExtentRow, type AreaSource } from './seea/extent.js';
export {
  serviceTables, checkAllocation, SEEA_USERS, NOT_STATED,
  type SeeaAllocation, type SeeaUser, type ServiceTables, type SupplyRow, type UseRow, type AllocationBasis, type SeeaRowService,
} from './seea/services.js';
export { assetAccount, annuityFactor, checkAssetParameters, ASSET_FORMULA, type AssetAccount, type AssetParameters, type AssetRow, type AssetValuation } from './seea/assets.js';
export {
  seeaMapping, serviceMapping, typeMapping,
  type SeeaMapping, type SeeaServiceMapping, type SeeaTypeMapping, type SeeaExtentSource, type SeeaUserRule, type SeeaLinePart,
} from './seea/mapping.js';
export { LIBRARY_VERSION } from './version.js';
