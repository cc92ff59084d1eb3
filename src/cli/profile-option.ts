/**
 * `--profile ID|FILE.json`: a shipped profile by id, or a profile file a user wrote (with local
 * indicators defined as data, docs/local-indicators.md), loaded and compiled here so that every
 * command reads it the same way and reports its problems located in the file.
 */
import { loadProfile } from '../indicators/local/compile.js';
import { parseJsonInput } from '../io/json-input.js';
import type { Profile } from '../profiles/profiles.js';

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
export function profileOption(value: string | undefined, io: { readFile(path: string): string }, usage: (m: string) => never): string | Profile | undefined {
  if (value === undefined || !isProfileFile(value)) return value;
  let text: string;
  try {
    text = io.readFile(value);
  } catch (e) {
    return usage(`cannot read the profile file ${value}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return loadProfile(parseJsonInput(text, value), { file: value });
}
