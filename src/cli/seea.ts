/**
 * `gep seea <input>`: an account as the UN SEEA Ecosystem Accounting tables (src/seea/) — extent,
 * supply and use (physical and monetary), the asset account — printed as text, JSON or HTML, or
 * written as CSV files and an XLSX workbook.
 */
import { join } from 'node:path';
import { computeGep } from '../accounts/gep.js';
import { gepResultToJson, type GepResultJson } from '../accounts/serialize.js';
import { GepInputError } from '../errors/errors.js';
import type { Language } from '../errors/messages.js';
import { decimalArithmetic as A, isDecimalText } from '../numbers/arithmetic.js';
import { parseJsonInput, withFile } from '../io/json-input.js';
import type { ImportedInput } from '../io/table-input.js';
import { seeaToCsvFiles, seeaToText, seeaToXlsx } from '../io/seea-export.js';
import { seeaToHtml } from '../io/seea-html.js';
import { seeaTables, type SeeaOptions } from '../seea/seea.js';
import type { SeeaAllocation } from '../seea/services.js';
import { cannotRead, issuesOf, printIssues, readInputFile, readJsonText, systemReason, type IoCommandsIo } from './io-commands.js';
import type { Text } from '../errors/text.js';
import type { OptionName, OptionValues } from './options.js';

/** The options `gep seea` reads (any other is refused: ./options.ts). */
export const SEEA_OPTIONS = [
  'format',
  'out',
  'opening',
  'asset-life',
  'discount-rate',
  'allocation',
  'profile',
  'lang',
  'strict',
] as const satisfies readonly OptionName[];
/** The values of `SEEA_OPTIONS`. */
export type SeeaValues = OptionValues<typeof SEEA_OPTIONS>;

export const SEEA_HELP = `gep seea <input.json|csv|xlsx> [options]

Show an account as the UN SEEA Ecosystem Accounting (SEEA EA) tables: the ecosystem extent account
(areas by ecosystem type from the input, with their IUCN Global Ecosystem Typology class), the
ecosystem services supply and use tables in physical and monetary terms (by level-1 ecosystem type;
users — industries, households, government — as far as the input tells, the rest "unallocated"),
and, with an asset life and a discount rate, the monetary ecosystem asset account (NPV of the
service flows). Every row names its SEEA EA service and how close the GEP indicator is to it
(close, partial, method differs, none); the mapping is to verify (src/seea/seea-ea-mapping.json).

Options:
  --format FORMAT       table (default: text tables), json (exact, with the mapping of every row),
                        html (one page), or, with --out, csv (one file per table) or xlsx
  --out DIR             also write seea.json and seea.txt into DIR, and the csv, xlsx or html files
  --opening FILE        the previous period's input: opening extent and opening asset value
  --asset-life YEARS    asset life L of the asset account, a whole number of years (1–1000)
  --discount-rate PCT   discount rate r in percent, e.g. 3 (from 0 to below 100); give both or neither
  --allocation FILE     JSON: shares of an indicator's supply by user, e.g.
                        {"cultural.recreation": {"households": "0.8", "industries": "0.2"}}
  --profile ID          accounting profile for both inputs
  --lang LANG           en (default) or zh
  --strict              refuse coefficients whose status is to-verify

Exit codes: 0 success, 1 bad input (every issue is listed), 2 bad usage.`;

const FORMATS = ['table', 'json', 'html', 'csv', 'xlsx'] as const;

/** `gep seea <input>`. */
export function seeaCommand(positionals: readonly string[], values: SeeaValues, io: IoCommandsIo, usage: (m: Text) => never): number {
  if (positionals.length !== 1) usage({ en: 'gep seea takes exactly one input file', zh: 'gep seea 只接受一个输入文件' });
  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format))
    usage({
      en: `--format must be one of ${FORMATS.join(', ')}, not "${format}"`,
      zh: `--format 应为 ${FORMATS.join('、')} 之一，而不是 "${format}"`,
    });
  if ((format === 'csv' || format === 'xlsx') && !values.out)
    usage({ en: `--format ${format} writes files: give --out DIR`, zh: `--format ${format} 输出文件：请给出 --out 文件夹` });
  const lang = (values.lang ?? 'en') as Language;
  if (lang !== 'en' && lang !== 'zh')
    usage({ en: `--lang must be one of en, zh, not "${values.lang}"`, zh: `--lang 应为 en 或 zh，而不是 "${values.lang}"` });
  const life = values['asset-life'];
  const rate = values['discount-rate'];
  if ((life === undefined) !== (rate === undefined))
    usage({ en: 'give both --asset-life and --discount-rate, or neither', zh: '--asset-life 与 --discount-rate 须同时给出或都不给出' });
  if (life !== undefined && (!/^\d{1,4}$/.test(life) || Number(life) < 1 || Number(life) > 1000))
    usage({
      en: `--asset-life must be a whole number of years from 1 to 1000, not "${life}"`,
      zh: `--asset-life 应为 1 至 1000 的整数年数，而不是 "${life}"`,
    });
  if (
    rate !== undefined &&
    (!isDecimalText(rate) ||
      rate.includes('/') ||
      A.compare(A.fromString(rate), A.zero) < 0 ||
      A.compare(A.fromString(rate), A.fromString('100')) >= 0)
  ) {
    usage({
      en: `--discount-rate must be a percentage from 0 to below 100 such as 3, not "${rate}"`,
      zh: `--discount-rate 应为 0 至 100（不含）之间的百分数，如 3，而不是 "${rate}"`,
    });
  }

  const options = { ...(values.profile ? { profile: values.profile } : {}), strict: values.strict ?? false };
  const account = (file: string): { input: unknown; result: GepResultJson } | number => {
    let imported: ImportedInput | null = null;
    try {
      imported = readInputFile(file, io, undefined, lang);
      if (!imported) return 1;
      return { input: imported.input, result: gepResultToJson(computeGep(imported.input, options)) };
    } catch (e) {
      if (!(e instanceof GepInputError)) throw e;
      printIssues(issuesOf(e, file, imported), lang, io);
      return 1;
    }
  };
  const closing = account(positionals[0]!);
  if (typeof closing === 'number') return closing;
  const opening = values.opening ? account(values.opening) : undefined;
  if (typeof opening === 'number') return opening;

  let allocation: SeeaAllocation | undefined;
  if (values.allocation) {
    const file = values.allocation;
    try {
      allocation = parseJsonInput(readJsonText(file, io), file) as SeeaAllocation;
    } catch (e) {
      if (e instanceof GepInputError) {
        printIssues(withFile(e, file).issues, lang, io);
        return 1;
      }
      io.stderr(`${cannotRead(file, lang)}${lang === 'zh' ? '：' : ': '}${systemReason(e, lang)}\n`);
      return 1;
    }
    if (typeof allocation !== 'object' || allocation === null || Array.isArray(allocation)) {
      io.stderr(
        lang === 'zh'
          ? `gep：${file}：应为“指标 → { 使用者: 份额 }”形式的对象\n`
          : `gep: ${file}: expected an object of indicator → { user: share }\n`,
      );
      return 1;
    }
  }

  const seeaOptions: SeeaOptions = {
    ...(allocation ? { allocation } : {}),
    ...(opening ? { opening } : {}),
    ...(life !== undefined && rate !== undefined
      ? { asset: { lifeYears: Number(life), discountRate: A.toString(A.divide(A.fromString(rate), A.fromString('100'))) } }
      : {}),
  };
  let tables: ReturnType<typeof seeaTables>;
  try {
    tables = seeaTables(closing.input, closing.result, seeaOptions);
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    printIssues(values.allocation ? withFile(e, values.allocation).issues : e.issues, lang, io);
    return 1;
  }
  const text = seeaToText(tables, { lang });
  const json = `${JSON.stringify(tables, null, 2)}\n`;
  io.stdout(format === 'json' ? json : format === 'html' ? seeaToHtml(tables, { lang }) : text);
  if (values.out) {
    io.mkdir(values.out);
    io.writeFile(join(values.out, 'seea.json'), json);
    io.writeFile(join(values.out, 'seea.txt'), text);
    if (format === 'csv')
      for (const [name, csv] of Object.entries(seeaToCsvFiles(tables, { lang }))) io.writeFile(join(values.out, name), csv);
    if (format === 'xlsx') {
      if (!io.writeBytes) throw new Error('[gep] this environment cannot write binary files');
      io.writeBytes(join(values.out, 'seea.xlsx'), seeaToXlsx(tables, { lang }));
    }
    if (format === 'html') io.writeFile(join(values.out, 'seea.html'), seeaToHtml(tables, { lang }));
  }
  return 0;
}
