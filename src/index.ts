/** gep-accounting: the public API. Named exports only; IO lives in `gep-accounting/io`.
 * @module gep-accounting
 */
export { computeGep, categoryTotals, type GepOptions, type GepResult, type NotAccounted } from './accounts/gep.js';
export { gepResultToJson, type GepResultJson, type MoneyJson } from './accounts/serialize.js';
export {
  computeGepBatch,
  streamGepBatch,
  checkHierarchy,
  levelOfCode,
  summarize,
  type BatchItem,
  type BatchOptions,
  type BatchReport,
  type BatchSummary,
  type BatchUnit,
  type HierarchyCheck,
  type HierarchyReport,
  type ResultForm,
  type StreamOptions,
} from './accounts/batch.js';
export { compileGepPlan, computeWithPlan, GepPlan, type PlanOptions } from './plan/plan.js';
export {
  computeGepUncertainty,
  type OutputSummary,
  type ParameterReport,
  type UncertaintyOptions,
  type UncertaintyResult,
} from './uncertainty/monte-carlo.js';
export { computeGepSensitivity, type SensitivityOptions, type SensitivityResult, type Swing } from './uncertainty/sensitivity.js';
export { uncertaintySpecSchema, type UncertaintySpec, type DistributionSpec } from './uncertainty/spec.js';
export {
  uncertaintyResultToJson,
  sensitivityResultToJson,
  type UncertaintyResultJson,
  type SensitivityResultJson,
} from './uncertainty/serialize.js';
export { Random } from './uncertainty/random.js';
export { UNCERTAINTY_DEFAULTS } from './uncertainty/defaults.js';
export {
  accountEnvelopeSchema,
  accountInputSchema,
  coefficientOverrideSchema,
  type AccountInput,
  type GepInput,
  type UntrustedInput,
} from './accounts/input.js';
export {
  computeGeep,
  geepFromAccount,
  geepResultToJson,
  GEEP_VARIANT_SPECS,
  type GeepComponent,
  type GeepOptions,
  type GeepParameters,
  type GeepResult,
  type GeepResultJson,
  type GeepTerm,
  type GeepTermId,
} from './accounts/geep.js';
export {
  economyInputSchema,
  geepInputSchema,
  GDP_BASES,
  GEEP_VARIANTS,
  PDC_MEDIA,
  ECDC_ECOSYSTEMS,
  RDC_RESOURCES,
  REALISATION_CHANNELS,
  type EconomyInput,
  type GdpBasis,
  type GeepInput,
  type GeepVariant,
} from './accounts/economy-input.js';
export {
  computeRatios,
  ratiosFromAccount,
  ratiosToJson,
  type Ratio,
  type RatioId,
  type RatioInputs,
  type RatiosJson,
  type RatiosResult,
} from './accounts/ratios.js';
export {
  compareGep,
  gepComparisonToJson,
  DECOMPOSITION_FORMULA,
  DEFAULT_DECLINE_THRESHOLD,
  type AccountRef,
  type Change,
  type CompareOptions,
  type DeclineDriver,
  type GepComparison,
  type GepComparisonJson,
  type IndicatorComparison,
  type LineComparison,
  type LineSide,
} from './accounts/compare.js';
// Applications of GEP results (核算结果应用): specific areas and projects, compensation, eco-compensation, audit, finance
export {
  toJsonData,
  amountInput,
  accountRef,
  type ApplicationTrace,
  type MethodRef,
  type Parameter,
  type ParameterStatus,
  type Standing,
  type Jsonified,
  type AccountRef as ApplicationAccountRef,
} from './applications/common.js';
export {
  presentValue,
  PRESENT_VALUE_FORMULA,
  type PresentValue,
  type PresentValueOptions,
  type ScheduleYear,
} from './applications/present-value.js';
export { payableParts, LARGEST_REMAINDER_RULE, type PayablePart } from './applications/allocate.js';
export {
  computeAreaAccount,
  ecosystemExtent,
  areaAccountToJson,
  areaSchema,
  areaFileSchema,
  extentSchema,
  AREA_KINDS,
  AREA_METHODS,
  type AreaAccount,
  type AreaAccountJson,
  type AreaFile,
  type AreaInput,
  type ExtentInput,
  type ExtentSource,
  type Extent,
  type AreaExtentRow,
  type TypeValue,
} from './applications/area.js';
export {
  computeProjectImpact,
  projectImpactToJson,
  projectOptionsOf,
  projectSchema,
  PROJECT_TYPES,
  PROJECT_METHODS,
  type ExtentChange,
  type IndicatorImpact,
  type ProjectImpact,
  type ProjectImpactJson,
  type ProjectInput,
  type ProjectOptions,
} from './applications/project.js';
export {
  computeCompensation,
  lossesFromImpact,
  compensationToJson,
  compensationSchema,
  COMPENSATION_RULES,
  COMPENSATION_METHODS,
  type Compensation,
  type CompensationInput,
  type CompensationJson,
  type CompensationRule,
  type CostItem,
  type Loss,
} from './applications/compensation.js';
export {
  allocateVerticalFund,
  verticalAllocationToJson,
  verticalSchema,
  VERTICAL_CRITERIA,
  VERTICAL_METHODS,
  type CountyAccounts,
  type CountyAllocation,
  type VerticalAllocation,
  type VerticalAllocationJson,
  type VerticalCriterion,
  type VerticalInput,
} from './applications/vertical.js';
export {
  waterCompensation,
  waterCompensationToJson,
  horizontalWaterSchema,
  HORIZONTAL_METHODS,
  APPLICATIONS_TABLE,
  type HorizontalWaterCompensation,
  type HorizontalWaterInput,
  type IndexTerm,
  type LoadTerm,
  type Transfer,
  type WaterCompensationJson,
} from './applications/horizontal.js';
export {
  compensationBounds,
  compensationBoundsToJson,
  boundsSchema,
  BOUNDS_METHODS,
  type BoundsInput,
  type CompensationBounds,
  type CompensationBoundsJson,
} from './applications/bounds.js';
export {
  settle,
  settlementToJson,
  settlementSchema,
  SETTLEMENT_METHODS,
  POOL,
  type PairNet,
  type Position,
  type Settlement,
  type SettlementInput,
  type SettlementJson,
} from './applications/settlement.js';
export { ecoCompensationSchema, type EcoCompensationInput } from './applications/eco-compensation.js';
export {
  auditTenure,
  doubleAssessment,
  gdpOf,
  parseAudit,
  tenureAuditToJson,
  scorecardToJson,
  auditSchema,
  AUDIT_METHODS,
  SCORECARD_METHODS,
  type AuditInput,
  type AuditOptions,
  type DeclineThreshold,
  type Scorecard,
  type ScorecardJson,
  type ScorecardOptions,
  type TenureAudit,
  type TenureAuditJson,
  type TermYear,
} from './applications/audit.js';
export {
  valueEcologicalAssets,
  annualValueOf,
  assetValuationToJson,
  financeSchema,
  FINANCE_METHODS,
  type EcologicalAssetValuation,
  type EcologicalAssetValuationJson,
  type FinanceInput,
} from './applications/finance.js';
export {
  decimalArithmetic,
  floatArithmetic,
  GepDecimal,
  GepArithmeticError,
  isDecimalText,
  type Arithmetic,
} from './numbers/arithmetic.js';
export { roundDecimal, allocateRounded, describeRounding, DEFAULT_ROUNDING, type RoundingRule } from './numbers/rounding.js';
export {
  convert,
  conversionRatio,
  multiplyInto,
  parseUnit,
  isKnownUnit,
  sameDimensionUnits,
  dimensionOf,
  asFlowUnit,
  GepUnitError,
  GepUnitParseError,
  type Dimension,
  type ParsedUnit,
} from './units/units.js';
export { addMeasures, addMoney, convertMeasure, measureToJson, type Measure, type MeasureJson, type Money } from './units/measure.js';
export {
  GepInputError,
  describeIssue,
  messageOf,
  formatPath,
  type GepIssue,
  type GepWarning,
  type IssueLocation,
} from './errors/errors.js';
export { MESSAGES, type IssueCode, type Language } from './errors/messages.js';
export { catalogue, catalogueEntry, ecosystemTypes, level1Type, type EcosystemType } from './indicators/catalogue.js';
export { INDICATORS, getIndicator, type IndicatorId, type IndicatorInput, type IndicatorInputs } from './indicators/registry.js';
export { getProfile, listProfiles, DEFAULT_PROFILE_ID, type Profile, type ProfileIndicator } from './profiles/profiles.js';
export type {
  Category,
  CatalogueEntry,
  ClauseRef,
  IndicatorContext,
  IndicatorModule,
  IndicatorResult,
  IndicatorSpec,
  InputFieldSpec,
  QuantityLine,
  QuantityResult,
  TraceStep,
  TracedValue,
  UnitPrice,
  ValueLine,
  ValueResult,
  VariantSpec,
} from './indicators/types.js';
export type {
  Coefficient,
  CoefficientOverride,
  CoefficientStatus,
  CoefficientTable,
  CoefficientUse,
  Source,
} from './coefficients/types.js';
// SEEA EA tables (SEEA 生态系统核算表): src/seea/
export {
  seeaTables,
  type SeeaOptions,
  type SeeaTables,
} from './seea/seea.js';
export { extentAccount, EXTENT_RULE, type ExtentAccount, type ExtentRow, type AreaSource } from './seea/extent.js';
export {
  serviceTables,
  checkAllocation,
  SEEA_USERS,
  NOT_STATED,
  type SeeaAllocation,
  type SeeaUser,
  type ServiceTables,
  type SupplyRow,
  type UseRow,
  type AllocationBasis,
  type SeeaRowService,
} from './seea/services.js';
export {
  assetAccount,
  annuityFactor,
  checkAssetParameters,
  ASSET_FORMULA,
  type AssetAccount,
  type AssetParameters,
  type AssetRow,
  type AssetValuation,
} from './seea/assets.js';
export {
  seeaMapping,
  serviceMapping,
  typeMapping,
  type SeeaMapping,
  type SeeaServiceMapping,
  type SeeaTypeMapping,
  type SeeaExtentSource,
  type SeeaUserRule,
  type SeeaLinePart,
} from './seea/mapping.js';
export { LIBRARY_VERSION } from './version.js';
