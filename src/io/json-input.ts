/**
 * Reading an account input from JSON text. Syntax errors are reported with line and column; the
 * content is validated by `computeGep`, which reports every issue at once.
 */
import { GepInputError, makeIssue } from '../errors/errors.js';

/** Parse JSON text; a syntax error becomes a `GepInputError` with the file, line and column. */
export function parseJsonInput(text: string, file?: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(message);
    let row: number | undefined;
    let column: string | undefined;
    if (position) {
      const before = body.slice(0, Number(position[1]));
      row = before.split('\n').length;
      column = String(before.length - before.lastIndexOf('\n'));
    }
    throw new GepInputError([
      makeIssue('input.json-syntax', [], {
        found: message,
        location: { ...(file ? { file } : {}), ...(row !== undefined ? { row } : {}), ...(column ? { column } : {}) },
      }),
    ]);
  }
}

/**
 * Attach the file name to every issue of an error, so a statistician sees which file is wrong.
 */
export function withFile(error: GepInputError, file: string): GepInputError {
  return new GepInputError(error.issues.map((i) => ({ ...i, location: { ...i.location, file: i.location?.file ?? file } })));
}
