/** The report's date and author from the command line (`--date`, `--prepared-by`), for `gep run` and `gep compare`. */
import { isReleaseDate } from '../release/bundle.js';

/** `--date` and `--prepared-by`, checked: a real calendar date written YYYY-MM-DD. */
export function reportOptions(values: { date?: string | undefined; 'prepared-by'?: string | undefined }, usage: (m: string) => never): { date?: string; preparedBy?: string } {
  const date = values.date;
  if (date !== undefined && !isReleaseDate(date)) usage(`--date must be a date written YYYY-MM-DD, such as 2025-06-30, not "${date}"`);
  const by = values['prepared-by']?.trim();
  if (by === '') usage('--prepared-by needs a name');
  return { ...(date ? { date } : {}), ...(by ? { preparedBy: by } : {}) };
}
