/**
 * Moves the relative references of a formula by (dRow, dCol), as Excel does when it copies a formula: how a shared
 * formula's dependants get their own text (`<f t="shared" si="0"/>` carries none), and how the patcher hands a
 * shared master's formula to a dependant when the master is overwritten. String literals, quoted sheet names and
 * function names (`LOG10(`) are left alone; `$`-anchored parts do not move.
 */
import { columnLetters } from "../../core/grid";

const TOKEN = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(.])|[A-Za-z_\\][\w.]*/g;

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return formula.replace(TOKEN, (m: string, colAbs?: string, letters?: string, rowAbs?: string, digits?: string, offset?: number, all?: string) => {
    if (letters === undefined || digits === undefined) return m; // a string, a quoted sheet name or a name
    // Part of a longer identifier (`ABC1_x`, `Sheet1.A1`) is not a reference.
    const before = offset && all ? all[offset - 1] : "";
    if (before && /[\w.]/.test(before)) return m;
    const col = colIndex(letters) + (colAbs ? 0 : dCol);
    const row = Number(digits) - 1 + (rowAbs ? 0 : dRow);
    if (col < 0 || col > 16383 || row < 0 || row > 1048575) return "#REF!";
    return `${colAbs}${columnLetters(col)}${rowAbs}${row + 1}`;
  });
}
