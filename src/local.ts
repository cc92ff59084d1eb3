/**
 * `gep-accounting/local`: local indicators (地方指标) defined as data in a profile — inputs with
 * units, coefficients by id, `quantity` and `value` formulas — compiled into indicator modules that
 * `computeGep`, the reports, the templates and the table importers treat like the built-in ones.
 * A subpath of its own because its expression parser (mathjs) would add about 40 kB (gzipped) to
 * the core, which a web app that only computes does not need. See docs/local-indicators.md.
 *
 * @example
 * import { computeGep } from 'gep-accounting';
 * import { loadProfile } from 'gep-accounting/local';
 * const profile = loadProfile(JSON.parse(profileText), { file: 'my-profile.json' });
 * computeGep(input, { profile });
 */
export { loadProfile, compileLocalIndicators } from './indicators/local/compile.js';
export {
  attachLocalIndicators,
  localIndicatorsOf,
  profileIndicator,
  profileIndicators,
  LOCAL_INDICATORS,
  type LocalIndicatorSet,
  type ProfileWithLocal,
} from './indicators/local/attach.js';
export { parseFormula, type Expr, type FormulaProblem } from './indicators/local/expression.js';
export { checkFormula, evaluate, FUNCTIONS, type Checked } from './indicators/local/formula.js';
export {
  localDefinitionSchema,
  localIndicatorsSchema,
  LOCAL_ID_PATTERN,
  SYMBOL_PATTERN,
  type LocalDefinition,
  type LocalField,
  type LocalInput,
  type LocalRow,
  type LocalStep,
} from './indicators/local/schema.js';
