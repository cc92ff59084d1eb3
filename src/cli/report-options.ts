/** The report's date and author from the command line (`--date`, `--prepared-by`), for `gep run` and `gep compare`. */
import { isReleaseDate } from '../release/bundle.js';
import type { Text } from '../errors/text.js';

/** `--date` and `--prepared-by`, checked: a real calendar date written YYYY-MM-DD. */
export function reportOptions(
  values: { date?: string | undefined; 'prepared-by'?: string | undefined },
  usage: (m: Text) => never,
): { date?: string; preparedBy?: string } {
  const date = values.date;
  if (date !== undefined && !isReleaseDate(date))
    usage({
      en: `--date must be a date written YYYY-MM-DD, such as 2025-06-30, not "${date}"`,
      zh: `--date 应为 YYYY-MM-DD 格式的日期，如 2025-06-30，而不是 "${date}"`,
    });
  const by = values['prepared-by']?.trim();
  if (by === '') usage({ en: '--prepared-by needs a name', zh: '--prepared-by 需要给出编制单位名称' });
  return { ...(date ? { date } : {}), ...(by ? { preparedBy: by } : {}) };
}
