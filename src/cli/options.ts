/**
 * The options of the `gep` command, and the rule that keeps them honest: each verb declares the
 * options it reads, and an option given to a verb that does not read it is a usage error naming the
 * option and the verb (exit 2), never silently ignored. `gep run --decline-threshold 5` would
 * otherwise print an account that looks as if a threshold had been applied.
 *
 * The values type of each verb is derived from its declaration (`OptionValues`), so a verb that
 * reads an option it has not declared does not compile.
 */
import type { ParseArgsConfig } from 'node:util';
import { textEn, textIn, type Text } from '../errors/text.js';

/** Every option of every verb, for node's argument parser. */
export const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  profile: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  strict: { type: 'boolean' },
  json: { type: 'boolean' },
  'base-year': { type: 'string' },
  'decline-threshold': { type: 'string' },
  'price-index': { type: 'string' },
  quiet: { type: 'boolean' },
  float: { type: 'boolean' },
  workers: { type: 'string' },
  'require-rows': { type: 'boolean' },
  date: { type: 'string' },
  'prepared-by': { type: 'string' },
  rounding: { type: 'string' },
  opening: { type: 'string' },
  allocation: { type: 'string' },
  'asset-life': { type: 'string' },
  'discount-rate': { type: 'string' },
  spec: { type: 'string' },
  draws: { type: 'string' },
  seed: { type: 'string' },
  quantiles: { type: 'string' },
  top: { type: 'string' },
  samples: { type: 'string' },
  'manifest-sha256': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** An option a verb may read (`--help` and `--version` belong to every verb). */
export type OptionName = Exclude<keyof typeof OPTIONS, 'help' | 'version'>;

/** The values of the options `N`, as node's parser gives them. */
export type OptionValues<N extends readonly OptionName[]> = {
  readonly [K in N[number]]?: ((typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string) | undefined;
};

/** What a verb reads. */
export interface VerbOptions {
  /** The options the verb reads. */
  readonly reads: readonly OptionName[];
  /** Options read only with some `--format` values (`--date` only by the reports that print it), and the verb's default format. */
  readonly onlyWithFormat?: { readonly default: string; readonly options: Partial<Record<OptionName, readonly string[]>> };
  /** For an option the verb does not read on purpose: where that setting goes instead (follows "gep VERB does not take --X: "). */
  readonly instead?: Partial<Record<OptionName, Text>>;
}

const list = (items: readonly string[], and: string, sep = ', ') =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(sep)}${and}${items[items.length - 1]}`;

/**
 * The usage error for the first option in `values` that `verb` does not read, or null when it reads
 * them all (`--help` and `--version` are always read).
 *
 * @param verb - the verb as typed (`run`, `compare`, …)
 * @param declared - what the verb reads
 * @param values - the options as parsed (absent ones undefined)
 * @returns the message in English and Chinese, naming the option and the verb
 * @example
 * unreadOption('run', { reads: ['format'] }, { 'decline-threshold': '5' })
 * //=> { en: 'gep run does not take --decline-threshold (it reads --format)', zh: 'gep run 不接受 --decline-threshold 选项（可用选项：--format）' }
 */
export function unreadOption(verb: string, declared: VerbOptions, values: Readonly<Record<string, unknown>>): Text | null {
  const reads = new Set<string>(declared.reads);
  const given = Object.keys(values).filter((k) => values[k] !== undefined && k !== 'help' && k !== 'version');
  for (const key of given) {
    if (reads.has(key)) continue;
    const instead = declared.instead?.[key as OptionName];
    if (instead)
      return {
        en: `gep ${verb} does not take --${key}: ${textEn(instead)}`,
        zh: `gep ${verb} 不接受 --${key} 选项：${textIn(instead, 'zh')}`,
      };
    const options = declared.reads.map((o) => `--${o}`);
    return options.length
      ? {
          en: `gep ${verb} does not take --${key} (it reads ${list(options, ' and ')})`,
          zh: `gep ${verb} 不接受 --${key} 选项（可用选项：${options.join('、')}）`,
        }
      : { en: `gep ${verb} does not take --${key} (it takes no options)`, zh: `gep ${verb} 不接受 --${key} 选项（该命令没有选项）` };
  }
  const byFormat = declared.onlyWithFormat;
  if (byFormat) {
    const format = typeof values.format === 'string' ? values.format : byFormat.default;
    for (const key of given) {
      const formats = byFormat.options[key as OptionName];
      if (!formats || formats.includes(format)) continue;
      return {
        en: `gep ${verb} reads --${key} only with --format ${list([...formats], ' or ')} (the outputs that print it), not with --format ${format}`,
        zh: `gep ${verb} 仅在 --format 为 ${formats.join('、')} 时读取 --${key}（这些输出会印出它），--format ${format} 时不读取`,
      };
    }
  }
  return null;
}
