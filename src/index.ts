/** gep-accounting: the public API. Named exports only; IO lives in `gep-accounting/io`. */
export { computeGep, categoryTotals, type GepOptions, type GepResult, type NotAccounted } from './accounts/gep.js';
export { gepResultToJson, type GepResultJson, type MoneyJson } from './accounts/serialize.js';
export { accountEnvelopeSchema, accountInputSchema, coefficientOverrideSchema, type AccountInput } from './accounts/input.js';
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
export { LIBRARY_VERSION } from './version.js';
