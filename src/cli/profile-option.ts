/**
 * `--profile ID|FILE.json`: a shipped profile by id, or a profile file a user wrote (with local
 * indicators defined as data, docs/local-indicators.md), loaded and compiled here so that every
 * command reads it the same way and reports its problems located in the file.
 */
import { loadProfile } from '../indicators/local/compile.js';
import { parseJsonInput } from '../io/json-input.js';
import type { Profile } from '../profiles/profiles.js';
import { GepInputError } from '../errors/errors.js';
import type { Text } from '../errors/text.js';
import { readJsonText, systemReason } from './io-commands.js';

/** True when `--profile` names a file rather than a shipped profile id (ids are lower-case words). */
export function isProfileFile(value: string): boolean {
  return /\.json$/i.test(value) || /[/\\]/.test(value);
}

/**
 * The profile a `--profile` value names: the id as it is (resolved by `computeGep`), or the profile
 * file loaded and its local indicators compiled.
 *
 * @throws {GepInputError} every problem of the profile file, located in it
 */
export function profileOption(
  value: string | undefined,
  io: { readFile(path: string): string; readBytes?(path: string): Uint8Array },
  usage: (m: Text) => never,
): string | Profile | undefined {
  if (value === undefined || !isProfileFile(value)) return value;
  let text: string;
  try {
    text = readJsonText(value, io);
  } catch (e) {
    if (e instanceof GepInputError) throw e; // not UTF-8 nor GB18030, or too large: located in the file
    return usage({
      en: `cannot read the profile file ${value}: ${systemReason(e, 'en')}`,
      zh: `无法读取核算方案文件 ${value}：${systemReason(e, 'zh')}`,
    });
  }
  return loadProfile(parseJsonInput(text, value), { file: value });
}
