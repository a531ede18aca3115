import type { Cell, Workbook, Worksheet } from "exceljs";
import { parseA1 } from "../../../src/core/grid";

/** One value to put into a sheet cell (0-based row/col). */
export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  value: string | number;
  numberFormat?: string;
}

const T_FORMULA = 6;

/**
 * Before a shared-formula master is overwritten, its dependants get their own formula text:
 * ExcelJS refuses to save a shared-formula clone whose master is gone.
 */
function detachSharedClones(ws: Worksheet, master: Cell): void {
  const v = master.value as { shareType?: string; ref?: string } | null;
  if ((master.type as number) !== T_FORMULA || !v || v.shareType !== "shared" || !v.ref) return;
  const addr = master.address;
  const [a, b] = v.ref.split(":");
  if (!b) return;
  // Parsed, not ws.getCell(…): getCell would create the cells it is asked about.
  const tl = parseA1(a);
  const br = parseA1(b);
  if (!tl || !br) return;
  for (let r = tl.row; r <= br.row; r++) {
    for (let c = tl.col; c <= br.col; c++) {
      const cell = ws.findCell(r + 1, c + 1);
      const cv = cell?.value as { sharedFormula?: string; result?: unknown } | null | undefined;
      if (!cell || (cell.type as number) !== T_FORMULA || cv?.sharedFormula !== addr) continue;
      const formula = cell.formula; // translated from the master while it still exists
      cell.value = { formula, result: cv.result } as never;
    }
  }
}

/**
 * Writes values into a workbook: numbers as numbers (the cell keeps its style; `numberFormat` replaces only the
 * number format), strings as plain strings, never formulas, even when they begin with `=`. Nothing else is touched.
 */
export function applyWrites(wb: Workbook, writes: CellWrite[]): void {
  // Validate everything first so a bad plan leaves the workbook untouched.
  const targets = writes.map((w) => {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) throw new Error(`applyWrites: no sheet named ${JSON.stringify(w.sheet)}`);
    if (!Number.isInteger(w.row) || !Number.isInteger(w.col) || w.row < 0 || w.col < 0) {
      throw new Error(`applyWrites: bad position ${w.row},${w.col} on ${w.sheet}`);
    }
    if (typeof w.value === "number" && !Number.isFinite(w.value)) {
      throw new Error(`applyWrites: ${w.value} is not a number Excel can store`);
    }
    return ws;
  });
  writes.forEach((w, i) => {
    const ws = targets[i];
    const cell = ws.getCell(w.row + 1, w.col + 1);
    detachSharedClones(ws, cell);
    // ExcelJS stores any JS string as a string cell; only `{ formula }` makes a formula.
    cell.value = typeof w.value === "number" ? w.value : String(w.value);
    if (w.numberFormat !== undefined) {
      // A fresh style object: loaded cells may share one, and mutating it would reformat their neighbours.
      cell.style = { ...cell.style, numFmt: w.numberFormat };
    }
  });
}
