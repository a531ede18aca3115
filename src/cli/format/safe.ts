/**
 * Cell text on a terminal: control characters (NUL, ESC …) and bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069, which can make a line read backwards) are shown escaped, `\u202E`, never raw. Line breaks inside
 * a cell become spaces, as the table has one line per finding.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function safe(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, " ").replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}
