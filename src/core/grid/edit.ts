/**
 * Editing a Grid in place: what a workbook port does to its in-memory copy after a write or a revert. Pure and in
 * core because the preview's port and the tests' fake workbooks both need exactly the same semantics (the displayed
 * text follows the value and the number format, a blank is null, formulas are kept apart from values).
 */
import { formatNumber } from "../display/displayText";
import { isBlank } from "./access";
import type { CellValue, Grid } from "./types";

/** A deep copy, so a reader's grid never aliases the port's live one. */
export function copyGrid(g: Grid): Grid {
  return {
    sheet: g.sheet,
    top: g.top,
    left: g.left,
    values: g.values.map((r) => [...r]),
    text: g.text?.map((r) => [...r]),
    formats: g.formats?.map((r) => [...r]),
    formulas: g.formulas?.map((r) => [...r]),
    merges: g.merges.map((m) => ({ ...m })),
  };
}

export interface GridCell {
  value: CellValue;
  text: string | null;
  format: string | null;
  formula: string | null;
}

/** The cell at absolute (row, col), or null outside the block. */
export function cellAt(g: Grid, row: number, col: number): GridCell | null {
  const r = row - g.top;
  const c = col - g.left;
  if (r < 0 || c < 0 || r >= g.values.length) return null;
  const value = g.values[r]?.[c] ?? null;
  return { value, text: g.text?.[r]?.[c] ?? null, format: g.formats?.[r]?.[c] ?? null, formula: g.formulas?.[r]?.[c] ?? null };
}

/** Grows the block so (row, col) is inside it. */
function ensure(g: Grid, row: number, col: number): void {
  const layers = (): (unknown[][] | undefined)[] => [g.values, g.text, g.formats, g.formulas];
  if (g.values.length === 0) {
    g.top = row;
    g.left = col;
  }
  if (row < g.top) {
    const n = g.top - row;
    for (const l of layers()) l?.unshift(...Array.from({ length: n }, () => []));
    g.top = row;
  }
  if (col < g.left) {
    const n = g.left - col;
    for (const l of layers()) l?.forEach((r, i) => (l[i] = [...new Array(n).fill(null), ...r]));
    g.left = col;
  }
  while (g.values.length <= row - g.top) for (const l of layers()) l?.push([]);
  for (const l of layers()) {
    if (!l) continue;
    const r = l[row - g.top];
    // Rows may be shared frozen arrays (sparse grids): give the row its own copy before writing.
    if (Object.isFrozen(r) || r.length <= col - g.left) {
      const copy = [...r];
      while (copy.length <= col - g.left) copy.push(null);
      l[row - g.top] = copy;
    }
  }
}

/**
 * Puts a value (or a formula with its last value) and, unless `format` is undefined, a number format into one cell;
 * the displayed text is recomputed from both, as Excel would show it.
 */
export function setCell(g: Grid, row: number, col: number, cell: { value: CellValue; formula: string | null; format: string | null | undefined }): void {
  if (!g.text) g.text = g.values.map((r) => r.map(() => null));
  if (!g.formats) g.formats = g.values.map((r) => r.map(() => null));
  if (!g.formulas) g.formulas = g.values.map((r) => r.map(() => null));
  ensure(g, row, col);
  const r = row - g.top;
  const c = col - g.left;
  if (cell.format !== undefined) g.formats[r][c] = cell.format;
  const format = g.formats[r][c] ?? null;
  const value = isBlank(cell.value) && cell.formula === null ? null : cell.value;
  g.values[r][c] = value;
  g.formulas[r][c] = cell.formula;
  g.text[r][c] =
    value === null ? null : typeof value === "number" ? formatNumber(value, format) : typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : value;
}
