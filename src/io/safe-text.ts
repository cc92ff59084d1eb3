/**
 * Text from an input shown in a terminal or a Markdown report (安全文本): a region name, an item,
 * a source, a warning that quotes them. Control characters (C0 but the line feed, DEL, C1) can
 * move a terminal's cursor, rewrite lines or change its title; bidirectional overrides (U+202A–E,
 * U+2066–9) and line separators can make a line read otherwise than it is. Each becomes U+FFFD, so
 * the reader sees that something was there. In Markdown, the characters that make markup (a
 * heading, a link, an HTML tag, a table cell) are escaped as well.
 */

/** Characters that are replaced by U+FFFD wherever input text is shown. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal: control characters and bidirectional overrides replaced by U+FFFD; line feeds kept. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, '\ufffd');
}

/** One line of text for a terminal: as `terminalText`, and a line feed too. */
export function terminalLine(text: string): string {
  return terminalText(text).replace(/\n/g, '\ufffd');
}

/**
 * Input text inside a line of Markdown: on one line (line breaks become spaces), control
 * characters replaced, and every character that could start markup escaped with a backslash
 * (CommonMark allows it before any ASCII punctuation): no raw HTML (`<script>`), no link or
 * image (`[x](javascript:…)`), no emphasis, heading end or table cell from a name.
 */
export function markdownText(text: string): string {
  return terminalText(text.replace(/\r\n?|\n/g, ' ')).replace(/[\\`*_[\]<>&|~#!{}]/g, (c) => `\\${c}`);
}
