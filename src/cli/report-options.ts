/**
 * The report options of the command line: the report's date and author (`--date`, `--prepared-by`)
 * for `gep run`, `gep compare` and `gep release`, and the rounding of the parts of the account table
 * (`--rounding`) for `gep run`.
 */
import { isReleaseDate } from '../release/bundle.js';
import { DEFAULT_ROUNDING, type RoundingRule } from '../numbers/rounding.js';
import type { Text } from '../errors/text.js';

/** The values of `--rounding`: how the parts of a total are rounded (`RoundingRule.parts`). */
export const ROUNDING_PARTS = ['independent', 'largest-remainder'] as const;

/**
 * `--date`, `--prepared-by` and `--rounding`, checked: a real calendar date written YYYY-MM-DD, a
 * name, and one of `ROUNDING_PARTS` (the rule is the library's default, half-up to 2 places, with
 * those parts).
 */
export function reportOptions(
  values: { date?: string | undefined; 'prepared-by'?: string | undefined; rounding?: string | undefined },
  usage: (m: Text) => never,
): { date?: string; preparedBy?: string; rounding?: RoundingRule } {
  const date = values.date;
  if (date !== undefined && !isReleaseDate(date))
    usage({
      en: `--date must be a date written YYYY-MM-DD, such as 2025-06-30, not "${date}"`,
      zh: `--date 应为 YYYY-MM-DD 格式的日期，如 2025-06-30，而不是 "${date}"`,
    });
  const by = values['prepared-by']?.trim();
  if (by === '') usage({ en: '--prepared-by needs a name', zh: '--prepared-by 需要给出编制单位名称' });
  const parts = values.rounding;
  if (parts !== undefined && !(ROUNDING_PARTS as readonly string[]).includes(parts))
    usage({
      en: `--rounding must be one of ${ROUNDING_PARTS.join(', ')}, not "${parts}"`,
      zh: `--rounding 应为 ${ROUNDING_PARTS.join('、')} 之一，而不是 "${parts}"`,
    });
  return {
    ...(date ? { date } : {}),
    ...(by ? { preparedBy: by } : {}),
    ...(parts ? { rounding: { ...DEFAULT_ROUNDING, parts: parts as (typeof ROUNDING_PARTS)[number] } } : {}),
  };
}
