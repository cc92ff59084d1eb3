/** `gep-accounting/io`: reading inputs and writing results.
 * @module gep-accounting/io
 */
export { parseJsonInput, withFile } from './json-input.js';
export { formatAccountTable, displayWidth, groupThousands, readableQuantity } from './text-table.js';
// Importers: JSON, CSV and XLSX, every issue collected and located (./table-input.ts).
export { importAccountInput, importJson, inputFormatOf, type InputFormat } from './read-input.js';
export { importCsv, decodeText, parseCsvSheet, type TextEncodingName } from './csv-input.js';
export { importXlsx, readWorkbook, workbookSheets, numberCellText } from './xlsx-input.js';
export {
  importTables,
  locateIssues,
  validateInput,
  resolveIndicator,
  resolveEcosystemType,
  columnLetter,
  type ImportedInput,
  type TableCell,
  type TableSheet,
} from './table-input.js';
export {
  tableBlocks,
  tableBlock,
  resolveField,
  ACCOUNT_BLOCK,
  type BlockDef,
  type FieldDef,
  type FieldKind,
  type ListDef,
} from './fields.js';
export {
  normaliseNumber,
  normaliseUnit,
  normaliseInteger,
  normaliseBoolean,
  splitHeader,
  columnKey,
  neutraliseFormula,
  unneutraliseFormula,
  looksLikeFormula,
  COLUMN_TITLES,
  type ColumnKey,
} from './normalise.js';
export { checkRegionCode, regionCodes, levelOfCode, REGION_CODES_SOURCE } from './region-codes.js';
// Input tables and templates
export { inputToCsv, inputToXlsx, inputToRows, templateCsv, templateXlsx, templateRows, longFormHeader } from './input-export.js';
// Result exporters
export {
  resultToExportJson,
  resultToJsonText,
  resultToCsvFiles,
  resultToXlsx,
  resultToMarkdown,
  resultTables,
  type ResultExportOptions,
  type ResultTables,
} from './result-export.js';
export { gepResultExportSchema } from './result-schema.js';
export { inputHash, coefficientTableHash, canonicalJson, sha256Hex } from './hash.js';
export { DEFAULT_READ_LIMITS, readLimits, type ReadLimits, type ReadOptions } from './limits.js';
export { toCsv, toXlsx, type OutCell, type OutSheet } from './table-output.js';
// HTML reports: one self-contained page with SVG charts (./html-report.ts, ./reproduction-html.ts)
export { resultToHtml, type AccountReportJson, type HtmlReportOptions } from './html-report.js';
export { reproductionToHtml, type ReproductionHtmlOptions } from './reproduction-html.js';
export {
  uncertaintyToHtml,
  sensitivityToHtml,
  formatUncertaintyTable,
  formatSensitivityTable,
  type UncertaintyReportOptions,
} from './uncertainty-report.js';
export {
  barChart,
  stackedBar,
  type BarChartOptions,
  type ChartBar,
  type ChartRow,
  type LegendEntry,
  type StackSegment,
} from './svg-chart.js';
// Release bundles (发布包): build one, verify one (src/release/)
export {
  buildRelease,
  releaseAccountJson,
  isReleaseDate,
  RELEASE_PATHS,
  RELEASE_FORMAT_VERSION,
  type ReleaseBundle,
  type ReleaseFile,
  type ReleaseManifest,
  type ManifestEntry,
  type ReleaseOptions,
} from '../release/bundle.js';
export {
  verifyRelease,
  releaseSizeIssues,
  DEFAULT_RELEASE_LIMITS,
  type ReleaseVerification,
  type ReleaseLimits,
  type VerifyReleaseOptions,
} from '../release/verify.js';
export { methodPage, methodIndex, type MethodText } from '../release/method-pages.js';
// SEEA EA tables as CSV, XLSX, text and HTML (./seea-export.ts, ./seea-html.ts)
export {
  seeaSheets,
  seeaToCsvFiles,
  seeaToXlsx,
  seeaToText,
  SEEA_SHEETS,
  SEEA_LABELS,
  type SeeaExportOptions,
  type SeeaSheet,
} from './seea-export.js';
export { seeaToHtml, seeaHtmlSections } from './seea-html.js';
// Reports of the applications of GEP results (./application-report.ts): terminal, Markdown, HTML
export {
  applicationReport,
  shortExact,
  type ApplicationJson,
  type ApplicationReportOptions,
  type ReportBlock,
  type ReportChart,
  type ReportDoc,
  type ReportFigure,
  type ReportSection,
} from './application-report.js';
export { applicationToText, applicationToMarkdown, docToText, docToMarkdown } from './application-text.js';
export { applicationToHtml, docToHtml } from './application-html.js';
