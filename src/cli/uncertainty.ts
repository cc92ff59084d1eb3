/**
 * `gep uncertainty <input>` and `gep sensitivity <input>`: Monte Carlo intervals of GEP, its
 * categories and indicators, and the parameters that move GEP most (src/uncertainty/).
 */
import { GepInputError } from '../errors/errors.js';
import type { Language } from '../errors/messages.js';
import { parseJsonInput, withFile } from '../io/json-input.js';
import { formatSensitivityTable, formatUncertaintyTable, sensitivityToHtml, uncertaintyToHtml } from '../io/uncertainty-report.js';
import { computeGepSensitivity } from '../uncertainty/sensitivity.js';
import { computeGepUncertainty } from '../uncertainty/monte-carlo.js';
import { sensitivityResultToJson, uncertaintyResultToJson } from '../uncertainty/serialize.js';
import { cannotRead, issuesOf, printIssues, readInputFile, readJsonText, systemReason, type IoCommandsIo } from './io-commands.js';
import type { Text } from '../errors/text.js';
import { profileOption } from './profile-option.js';
import type { OptionName, OptionValues } from './options.js';

const COMMON = `  --spec FILE       uncertainty specification (JSON, schemas/uncertainty.schema.json): the inputs and
                    coefficients with a distribution; without it, the default ranges of the
                    to-verify coefficients the account reads (docs/uncertainty.md)
  --seed N          seed of the generator (default: the specification's, else 1)
  --profile ID      accounting profile, or a profile file with local indicators (default: the
                    input's "profile", else national-2022)
  --strict          refuse coefficients whose status is to-verify
  --format FORMAT   table (default), json or html (one self-contained page)
  --lang LANG       en (default) or zh
  --out FILE        write the report to FILE instead of the terminal`;

export const UNCERTAINTY_HELP = `gep uncertainty <input.json|csv|xlsx> [options]

Monte Carlo uncertainty of the account: every uncertain input and coefficient drawn from its
distribution, the account computed for each draw (float64, on the compiled plan), and for GEP, each
category and each indicator the mean, standard deviation, median, 5 % and 95 % and chosen quantiles,
beside the exact value without draws; a histogram of GEP in the HTML report.

Options:
  --draws N         number of draws (default: the specification's, else 10000)
  --quantiles LIST  more quantiles, e.g. 0.025,0.975
${COMMON}

Exit codes: 0 success, 1 bad input or specification, 2 bad usage.`;

export const SENSITIVITY_HELP = `gep sensitivity <input.json|csv|xlsx> [options]

Which parameters move GEP most: each parameter at the 5th and 95th percentile of its distribution
(one at a time; a tornado chart in the HTML report), the five coefficients with the largest swings,
and variance-based first-order indices of the top ones. Coefficients without a stated uncertainty
vary by ±10 % (their leverage).

Options:
  --top N           parameters that get a first-order index (default 8)
  --samples N       samples of the first-order estimator (default 4096)
${COMMON}

Exit codes: 0 success, 1 bad input or specification, 2 bad usage.`;

const SHARED = ['spec', 'seed', 'profile', 'strict', 'format', 'lang', 'out'] as const satisfies readonly OptionName[];
/** The options `gep uncertainty` reads (any other is refused: ./options.ts). */
export const UNCERTAINTY_OPTIONS = ['draws', 'quantiles', ...SHARED] as const satisfies readonly OptionName[];
/** The options `gep sensitivity` reads: not --draws or --quantiles, which only the Monte Carlo uses. */
export const SENSITIVITY_OPTIONS = ['top', 'samples', ...SHARED] as const satisfies readonly OptionName[];
/** The options either command reads. */
export type UncertaintyValues = OptionValues<typeof UNCERTAINTY_OPTIONS> & OptionValues<typeof SENSITIVITY_OPTIONS>;

function whole(name: string, text: string | undefined, usage: (m: Text) => never, min = 0): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    usage({ en: `--${name} must be a whole number ≥ ${min}, not "${text}"`, zh: `--${name} 应为不小于 ${min} 的整数，而不是 "${text}"` });
  return n;
}

function run(
  kind: 'uncertainty' | 'sensitivity',
  positionals: readonly string[],
  values: UncertaintyValues,
  io: IoCommandsIo,
  usage: (m: Text) => never,
): number {
  if (positionals.length !== 1) usage({ en: `gep ${kind} takes exactly one input file`, zh: `gep ${kind} 只接受一个输入文件` });
  const format = values.format ?? 'table';
  if (!['table', 'json', 'html'].includes(format))
    usage({ en: `--format must be table, json or html, not "${format}"`, zh: `--format 应为 table、json 或 html，而不是 "${format}"` });
  const lang = (values.lang ?? 'en') as Language;
  if (lang !== 'en' && lang !== 'zh')
    usage({ en: `--lang must be en or zh, not "${values.lang}"`, zh: `--lang 应为 en 或 zh，而不是 "${values.lang}"` });
  const file = positionals[0]!;
  const quantiles = values.quantiles
    ?.split(',')
    .map((q) => q.trim())
    .filter(Boolean)
    .map(Number);
  if (quantiles?.some((q) => !(q > 0 && q < 1)))
    usage({
      en: `--quantiles must be probabilities between 0 and 1, not "${values.quantiles}"`,
      zh: `--quantiles 应为 0 到 1 之间的概率，而不是 "${values.quantiles}"`,
    });
  const draws = whole('draws', values.draws, usage, 2);
  const seed = whole('seed', values.seed, usage);
  const top = whole('top', values.top, usage, 1);
  const samples = whole('samples', values.samples, usage, 2);
  let spec: unknown;
  if (values.spec) {
    try {
      spec = parseJsonInput(readJsonText(values.spec, io), values.spec);
    } catch (e) {
      if (e instanceof GepInputError) {
        printIssues(withFile(e, values.spec).issues, lang, io);
        return 1;
      }
      io.stderr(`${cannotRead(values.spec, lang)}${lang === 'zh' ? '：' : ': '}${systemReason(e, lang)}\n`);
      return 1;
    }
  }
  let imported: ReturnType<typeof readInputFile> = null;
  try {
    imported = readInputFile(file, io, undefined, lang);
  } catch (e) {
    // A file that does not parse is bad input, located in it (it used to escape as a crash).
    if (!(e instanceof GepInputError)) throw e;
    printIssues(issuesOf(e, file, null), lang, io);
    return 1;
  }
  if (!imported) return 1;
  const profile = profileOption(values.profile, io, usage);
  const options = {
    ...(spec !== undefined ? { spec } : {}),
    ...(profile !== undefined ? { profile } : {}),
    strict: values.strict ?? false,
    ...(draws !== undefined ? { draws } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(quantiles ? { quantiles } : {}),
    ...(top !== undefined ? { top } : {}),
    ...(samples !== undefined ? { samples } : {}),
  };
  let text: string;
  try {
    if (kind === 'uncertainty') {
      const json = uncertaintyResultToJson(computeGepUncertainty(imported.input, options));
      text =
        format === 'json'
          ? `${JSON.stringify(json, null, 2)}\n`
          : format === 'html'
            ? uncertaintyToHtml(json, { lang })
            : formatUncertaintyTable(json, lang);
    } else {
      const json = sensitivityResultToJson(computeGepSensitivity(imported.input, options));
      text =
        format === 'json'
          ? `${JSON.stringify(json, null, 2)}\n`
          : format === 'html'
            ? sensitivityToHtml(json, { lang })
            : formatSensitivityTable(json, lang);
    }
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    // Issues of the specification are located in its file; those of the input in the input's.
    const inSpec = e.issues.filter((i) => i.path[0] === 'uncertainty');
    const inInput = e.issues.filter((i) => i.path[0] !== 'uncertainty');
    printIssues(
      [
        ...(inInput.length ? issuesOf(new GepInputError(inInput), file, imported) : []),
        ...(inSpec.length
          ? withFile(new GepInputError(inSpec.map((i) => ({ ...i, path: i.path.slice(1) }))), values.spec ?? '(no --spec: defaults)').issues
          : []),
      ],
      lang,
      io,
    );
    return 1;
  }
  if (values.out) {
    io.writeFile(values.out, text);
    io.stdout(`written: ${values.out}\n`);
  } else io.stdout(text);
  return 0;
}

/** `gep uncertainty`. */
export function uncertaintyCommand(
  positionals: readonly string[],
  values: OptionValues<typeof UNCERTAINTY_OPTIONS>,
  io: IoCommandsIo,
  usage: (m: Text) => never,
): number {
  return run('uncertainty', positionals, values, io, usage);
}

/** `gep sensitivity`. */
export function sensitivityCommand(
  positionals: readonly string[],
  values: OptionValues<typeof SENSITIVITY_OPTIONS>,
  io: IoCommandsIo,
  usage: (m: Text) => never,
): number {
  return run('sensitivity', positionals, values, io, usage);
}
