/**
 * A template as plain data: one sheet's cells (values, formulas, number formats, styles), merges, drop-down lists,
 * column widths and print setup. src/xlsx/create writes it as a real .xlsx, the task pane will write it through
 * Office.js, and `templateGrid` hands it to the engine as the grid a host would read before any recalculation.
 */
import type { CellValue, Grid, MergedArea } from "../grid";

export interface CellStyle {
  bold?: boolean;
  /** Font size in points (default 10). */
  size?: number;
  align?: "left" | "center" | "right";
  /** Input cells are unlocked; computed cells and labels stay locked (protection itself is off by default). */
  locked: boolean;
  /** Input cells get a light fill so the eye finds them. */
  input?: boolean;
}

export interface TemplateCell {
  row: number;
  col: number;
  /** A constant: a label, a default, or a filled-in input. Never a text Excel would run (no leading `=`). */
  value: string | number | null;
  /** A native formula without the leading `=`; its cell holds no cached value (the host calculates it). */
  formula?: string;
  /** Number format code (`0.00`, `0.00%`), General when absent. */
  format?: string;
  style: CellStyle;
}

export interface ListValidation {
  /** 0-based inclusive block the list applies to. */
  range: MergedArea;
  items: readonly string[];
  /** Shown when the cell is selected. */
  prompt: string;
  /**
   * false: other values are accepted too (the drop-down only offers the three results; a quantitative actual is
   * still typed). Excel's showErrorMessage.
   */
  strict: boolean;
}

/** Where a form's inputs are, for filling a blank form in (tests, the task pane's 新建自评表 with project data). */
export interface InputMap {
  project: CellPos;
  department: CellPos;
  unit: CellPos;
  goalExpected: CellPos | null;
  goalActual: CellPos | null;
  /** 年度资金总额 first, then the sub-rows; null where the template has no such column. */
  funding: Array<{ label: string; initial: CellPos | null; budget: CellPos; executed: CellPos; weight: CellPos | null }>;
  indicators: Array<{
    level1: CellPos;
    level2: CellPos;
    name: CellPos;
    /** One text cell (`≥90.00(%)`), or 指标性质 / 指标值 / 度量单位 cells (Sichuan). */
    target: { text: CellPos } | { nature: CellPos; value: CellPos; unit: CellPos };
    actual: CellPos;
    weight: CellPos;
    score: CellPos;
    note: CellPos | null;
  }>;
  /** Computed cells, for reading results back. */
  computed: { rate: CellPos; fundingScore: CellPos; total: CellPos; grade: CellPos };
}

export interface CellPos {
  row: number;
  col: number;
}

export interface TemplateSheet {
  name: string;
  cells: TemplateCell[];
  merges: MergedArea[];
  validations: ListValidation[];
  /** Column widths in characters, from column A. */
  widths: number[];
  /** Row heights in points, by 0-based row. */
  heights: ReadonlyMap<number, number>;
  print: { paper: "A4"; landscape: boolean; fitToWidth: 1 };
  inputs: InputMap;
}

/** The sheet as a host hands it to the engine before it calculates: formula cells are blank, formats known. */
export function templateGrid(sheet: TemplateSheet): Grid {
  const rows = Math.max(...sheet.cells.map((c) => c.row)) + 1;
  const cols = Math.max(sheet.widths.length, ...sheet.cells.map((c) => c.col + 1));
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
  const formats: (string | null)[][] = Array.from({ length: rows }, () => Array<string | null>(cols).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, () => Array<string | null>(cols).fill(null));
  for (const c of sheet.cells) {
    values[c.row][c.col] = c.formula === undefined ? c.value : null;
    formats[c.row][c.col] = c.format ?? null;
    formulas[c.row][c.col] = c.formula === undefined ? null : `=${c.formula}`;
  }
  return { sheet: sheet.name, top: 0, left: 0, values, formats, formulas, merges: sheet.merges.map((m) => ({ ...m })) };
}
