import type { CellRef } from "./types";

/** 0-based column index to letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  // Excel has 16,384 columns; anything else is a caller's bug, shown rather than looped on.
  if (!Number.isInteger(col) || col < 0 || col > 16383) return "?";
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based (row, col) to an A1 address. */
export function a1(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

/** `Sheet!A1`, sheet name unquoted as it appears (the report contract). */
export function qualified(ref: CellRef): string {
  return `${ref.sheet}!${a1(ref.row, ref.col)}`;
}

/** `A1:H26` for a block. */
export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  return `${a1(top, left)}:${a1(bottom, right)}`;
}

/** Parses `A1` (optionally `$A$1`) to 0-based coordinates; null when it is not an address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Splits `Sheet!A1` (sheet possibly quoted) into its parts; null when malformed. */
export function parseQualified(address: string): CellRef | null {
  const bang = address.lastIndexOf("!");
  if (bang <= 0) return null;
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const pos = parseA1(address.slice(bang + 1));
  return pos ? { sheet, ...pos } : null;
}
