/**
 * Reading an account input from JSON text. Syntax errors are reported with line and column; the
 * content is validated by `computeGep`, which reports every issue at once. Before parsing, the
 * text is checked against the reading limits (size, nesting depth, string and list length:
 * ./limits.ts); after parsing, a `__proto__`, `constructor` or `prototype` key is refused.
 */
import { GepInputError, makeIssue } from '../errors/errors.js';
import { checkForbiddenKeys, checkJsonText, checkSize, readLimits, type ReadOptions } from './limits.js';

/** Parse JSON text; a syntax error becomes a `GepInputError` with the file, line and column. */
export function parseJsonInput(text: string, file?: string, options: ReadOptions = {}): unknown {
  const limits = readLimits(options);
  checkSize(text.length, limits, file, 'characters');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  checkJsonText(body, limits, file);
  let value: unknown;
  try {
    value = JSON.parse(body);
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
  checkForbiddenKeys(value, file);
  return value;
}

/**
 * Attach the file name to every issue of an error, so a statistician sees which file is wrong.
 */
export function withFile(error: GepInputError, file: string): GepInputError {
  return new GepInputError(error.issues.map((i) => ({ ...i, location: { ...i.location, file: i.location?.file ?? file } })));
}
