/**
 * A hostile name (issue 13) and the checks that an output shows it harmlessly: an escape sequence
 * that turns a terminal red, a right-to-left override, a script tag, a line feed that would start a
 * heading, a `javascript:` link, and the Arabic letter mark and line separators that a hand-written
 * control list used to miss.
 */
import { expect } from 'vitest';

export const HOSTILE = 'Evil \u001b[31m red \u202e <script>alert(1)</script>\n# heading [x](javascript:alert(1)) \u061c\u2028\u2029 end';

/** The characters safe-text.ts replaces by U+FFFD: control characters (but the line feed), bidi marks and overrides, line separators. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Terminal text: no control or bidi character, and the name on one line (its line feed did not start a new one). */
export function expectTerminalSafe(text: string): void {
  expect(text).not.toMatch(UNSAFE);
  expect(text).not.toMatch(/^# heading/m);
  // the name is still there, readable: each unsafe character shown as U+FFFD
  expect(text).toContain('Evil \ufffd[31m red \ufffd <script>alert(1)</script>\ufffd# heading');
}

/** Markdown: no control or bidi character, no raw HTML, no heading, link or image of the input's. */
export function expectMarkdownSafe(md: string): void {
  expect(md).not.toMatch(UNSAFE);
  expect(md).not.toMatch(/(^|[^\\])<script/m); // every < escaped: no tag
  expect(md).not.toMatch(/(^|[^\\])\]\(javascript:/m); // no link or image
  expect(md).not.toMatch(/^#+ heading/m);
  expect(md).toContain('Evil \ufffd\\[31m red \ufffd \\<script\\>alert(1)\\</script\\> \\# heading \\[x\\](javascript:alert(1))');
}
