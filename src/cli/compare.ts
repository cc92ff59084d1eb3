/**
 * The parts of the `gep` command that belong to GEEP, the ratios and the comparison of two years:
 * `gep compare <a> <b>` (each JSON, CSV or XLSX), and the GEEP and ratio sections that `gep run` prints when the
 * input has an `economy` (and `geep`) block. Kept here so that `main.ts` only dispatches.
 */
import { computeGep, type GepResult } from '../accounts/gep.js';
import { geepFromAccount, geepResultToJson } from '../accounts/geep.js';
import { ratiosFromAccount, ratiosToJson } from '../accounts/ratios.js';
import { compareGep, gepComparisonToJson, DEFAULT_DECLINE_THRESHOLD } from '../accounts/compare.js';
import { getPriceIndex, priceIndices } from '../coefficients/indices.js';
import { GepInputError, describeIssue } from '../errors/errors.js';
import type { Language } from '../errors/messages.js';
import { decimalArithmetic, isDecimalText, type GepDecimal } from '../numbers/arithmetic.js';
import type { ImportedInput } from '../io/table-input.js';
import { gepResultToJson } from '../accounts/serialize.js';
import { resultToHtml } from '../io/html-report.js';
import { formatGeepTable, formatRatiosTable } from '../io/geep-table.js';
import { formatComparisonTable } from '../io/compare-table.js';
import { getProfile } from '../profiles/profiles.js';
import type { CliIo } from './main.js';
import { terminalLine } from '../io/safe-text.js';
import { issuesOf, readInputFile } from './io-commands.js';
import type { Text } from '../errors/text.js';
import { reportOptions } from './report-options.js';
import type { OptionName, OptionValues } from './options.js';

export const COMPARE_HELP = `gep compare <a.json|csv|xlsx> <b.json|csv|xlsx> [options]

Compare the GEP of two years of one region: b against a, at current prices and at the constant
prices of a base year, with the change split into a quantity effect and a price effect per
indicator, category and in total, and the decline flag with the indicators that drove it. Each
input may be JSON, CSV (UTF-8 or GB18030) or XLSX in the layout of gep template, as for gep run.

Options:
  --base-year Y            year whose unit prices value both years (default: a's price year)
  --price-index ID         index for prices and values of another year (default: the profile's, e.g. cpi-national)
  --decline-threshold PCT  flag a fall at constant prices larger than PCT % (default ${Number(DEFAULT_DECLINE_THRESHOLD) * 100})
  --format FORMAT          table (default), json, or html (the report of b with the comparison, one page)
  --profile ID             accounting profile for both inputs
  --lang LANG              en (default) or zh
  --strict                 refuse coefficients whose status is to-verify
  --date DATE              with --format html: the report's date (YYYY-MM-DD)
  --prepared-by X          with --format html: who prepared the report

Exit codes: 0 success (also when the decline flag is raised; it is printed), 1 bad input, 2 bad usage.`;

/** The options `compare` reads (any other is refused: ./options.ts). */
export const COMPARE_OPTIONS = [
  'base-year',
  'price-index',
  'decline-threshold',
  'format',
  'profile',
  'lang',
  'strict',
  'date',
  'prepared-by',
] as const satisfies readonly OptionName[];
/** The values of `COMPARE_OPTIONS`. */
export type CompareValues = OptionValues<typeof COMPARE_OPTIONS>;

/**
 * GEEP and ratios of an account, when its input has the blocks: the JSON to add to the result and
 * the text to print after the account table.
 */
export function accountExtras<T>(result: GepResult<T>, input: unknown, lang: Language) {
  const geep = geepFromAccount(result, input);
  const ratios = ratiosFromAccount(result, input, geep);
  const json = { ...(geep ? { geep: geepResultToJson(geep) } : {}), ...(ratios ? { ratios: ratiosToJson(ratios) } : {}) };
  const text = [
    json.geep ? `\n\n${formatGeepTable(json.geep, lang)}` : '',
    json.ratios ? `\n\n${formatRatiosTable(json.ratios, lang)}` : '',
  ].join('');
  return { json, text };
}

function printIssues(e: GepInputError, file: string, imported: ImportedInput | null, lang: Language, io: CliIo): void {
  const issues = issuesOf(e, file, imported);
  io.stderr(
    `${lang === 'zh' ? `${file}：输入有 ${issues.length} 个问题` : `${file}: ${issues.length} input issue${issues.length === 1 ? '' : 's'}`}:\n`,
  );
  for (const issue of issues) io.stderr(`  - ${terminalLine(describeIssue(issue, lang))}\n`);
}

/** `gep compare <a> <b>` (JSON, CSV or XLSX, read as `gep run` reads them); `usage` throws the CLI's usage error. */
export function compareCommand(positionals: readonly string[], values: CompareValues, io: CliIo, usage: (message: Text) => never): number {
  if (positionals.length !== 2)
    usage({
      en: 'gep compare takes two input files: the earlier year, then the later',
      zh: 'gep compare 需要两个输入文件：先较早年份，后较晚年份',
    });
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json' && format !== 'html')
    usage({
      en: `--format must be one of table, json, html, not "${format}"`,
      zh: `--format 应为 table、json、html 之一，而不是 "${format}"`,
    });
  const lang = (values.lang ?? 'en') as Language;
  if (lang !== 'en' && lang !== 'zh')
    usage({ en: `--lang must be one of en, zh, not "${values.lang}"`, zh: `--lang 应为 en 或 zh，而不是 "${values.lang}"` });
  const baseText = values['base-year'];
  if (baseText !== undefined && !/^\d{4}$/.test(baseText))
    usage({ en: `--base-year must be a year such as 2021, not "${baseText}"`, zh: `--base-year 应为年份，如 2021，而不是 "${baseText}"` });
  const thresholdText = values['decline-threshold'];
  if (thresholdText !== undefined && (!isDecimalText(thresholdText) || thresholdText.trim().startsWith('-')))
    usage({
      en: `--decline-threshold must be a percentage ≥ 0 such as 5, not "${thresholdText}"`,
      zh: `--decline-threshold 应为不小于 0 的百分数，如 5，而不是 "${thresholdText}"`,
    });
  const report = reportOptions(values, usage);
  const indexId = values['price-index'];
  if (indexId !== undefined && !priceIndices().has(indexId))
    usage({
      en: `--price-index must be one of ${[...priceIndices().keys()].join(', ')}, not "${indexId}"`,
      zh: `--price-index 应为 ${[...priceIndices().keys()].join('、')} 之一，而不是 "${indexId}"`,
    });

  const results: GepResult<GepDecimal>[] = [];
  const inputs: unknown[] = [];
  for (const file of positionals) {
    let imported: ImportedInput | null = null;
    try {
      imported = readInputFile(file, io, undefined, lang);
      if (!imported) return 1;
      inputs.push(imported.input);
      results.push(computeGep(imported.input, { ...(values.profile ? { profile: values.profile } : {}), strict: values.strict ?? false }));
    } catch (e) {
      if (!(e instanceof GepInputError)) throw e;
      printIssues(e, file, imported, lang, io);
      return 1;
    }
  }
  const [a, b] = results as [GepResult<GepDecimal>, GepResult<GepDecimal>];
  const profileIndex = getProfile(a.profile.id)?.priceIndex;
  const priceIndex = indexId ?? profileIndex;
  const comparison = compareGep(a, b, {
    ...(baseText ? { baseYear: Number(baseText) } : {}),
    ...(priceIndex ? { priceIndex: getPriceIndex(priceIndex) } : {}),
    ...(thresholdText
      ? {
          declineThreshold: decimalArithmetic.toString(
            decimalArithmetic.divide(decimalArithmetic.fromString(thresholdText), decimalArithmetic.fromString('100')),
          ),
        }
      : {}),
  });
  const json = gepComparisonToJson(comparison);
  if (format === 'html') {
    io.stdout(resultToHtml({ ...gepResultToJson(b), ...accountExtras(b, inputs[1], lang).json }, { lang, ...report, comparison: json }));
    return 0;
  }
  io.stdout(format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : `${formatComparisonTable(json, lang)}\n`);
  return 0;
}
