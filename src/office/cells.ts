/** Excel's cell payloads (as Range.values / text / numberFormat / formulas give them) to the grid's shapes. */
import type { CellValue, Grid, MergedArea } from "../core/grid";
import type { Block } from "./layout";

const blank = (v: unknown): boolean => v === null || v === undefined || v === "";

/** An Excel cell value (`""` for empty) to the grid's. */
export function cellValue(v: unknown): CellValue {
  if (blank(v)) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** A formula as Range.formulas gives it: constants come back as themselves, formulas start with `=`. */
export function cellFormula(f: unknown, value: CellValue): string | null {
  return typeof f === "string" && f.startsWith("=") && f !== value ? f : null;
}

export function emptyGrid(sheet: string, merges: MergedArea[]): Grid {
  return { sheet, top: 0, left: 0, values: [], text: [], formats: [], formulas: [], merges };
}

/**
 * The four payloads of a block as a grid. Rows with nothing in them share one frozen row per layer (the grid's
 * sparse form; editors copy a row before writing): a used range of a million mostly blank rows costs pointers, not
 * four million arrays.
 */
export function toGrid(sheet: string, b: Block, values: unknown[][], text: unknown[][], formats: unknown[][], formulas: unknown[][], merges: MergedArea[]): Grid {
  const rows = b.bottom - b.top + 1;
  const cols = b.right - b.left + 1;
  const g: Grid = { sheet, top: b.top, left: b.left, values: [], text: [], formats: [], formulas: [], merges };
  const empty = Object.freeze(new Array<null>(cols).fill(null)) as unknown as null[];
  let general: string[] | null = null;
  for (let r = 0; r < rows; r++) {
    const vr = values[r];
    const fr = formats[r];
    const xr = formulas[r];
    if (isBlankRow(vr, cols) && isBlankRow(xr, cols) && isGeneralRow(fr, cols)) {
      g.values.push(empty);
      g.text!.push(empty);
      // Excel reports General for every unformatted cell; keep that, as a row read cell by cell would.
      if (fr && fr.length > 0) g.formats!.push((general ??= Object.freeze(new Array<string>(cols).fill("General")) as unknown as string[]));
      else g.formats!.push(empty);
      g.formulas!.push(empty);
      continue;
    }
    const v: CellValue[] = new Array(cols);
    const t: (string | null)[] = new Array(cols);
    const f: (string | null)[] = new Array(cols);
    const x: (string | null)[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const value = cellValue(vr?.[c]);
      v[c] = value;
      const shown = text[r]?.[c];
      t[c] = blank(shown) ? null : String(shown);
      const fmt = fr?.[c];
      f[c] = blank(fmt) ? null : String(fmt);
      x[c] = cellFormula(xr?.[c], value);
    }
    g.values.push(v);
    g.text!.push(t);
    g.formats!.push(f);
    g.formulas!.push(x);
  }
  return g;
}

function isBlankRow(row: unknown[] | undefined, cols: number): boolean {
  if (!row) return true;
  for (let c = 0; c < cols; c++) if (!blank(row[c])) return false;
  return true;
}

/** A row whose every format is General (a blank cell with a format of its own keeps its own row). */
function isGeneralRow(row: unknown[] | undefined, cols: number): boolean {
  if (!row) return true;
  for (let c = 0; c < cols; c++) if (!blank(row[c]) && row[c] !== "General") return false;
  return true;
}
