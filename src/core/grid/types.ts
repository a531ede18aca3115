/** A cell value as both hosts hand it over. Excel errors arrive as strings such as `#DIV/0!`. */
export type CellValue = string | number | boolean | null;

/** A merged area in absolute, 0-based, inclusive sheet coordinates. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A rectangular block of one sheet: the one shape that every host (ExcelJS, Office.js, the preview) produces.
 * Rows and columns are 0-based and absolute: `values[r][c]` is the sheet cell at (top + r, left + c).
 * `text`, `formats` and `formulas` are optional parallel arrays, present when the host knows them.
 */
export interface Grid {
  sheet: string;
  top: number;
  left: number;
  values: CellValue[][];
  /** Displayed text, as Excel shows it (`98.24%`). */
  text?: (string | null)[][];
  /** Number formats (`0.00%`, `@`, `General`). */
  formats?: (string | null)[][];
  /** Formulas as typed (`=F7/E7`), or null for constants. Kept so a write can be reverted exactly. */
  formulas?: (string | null)[][];
  merges: MergedArea[];
}

/** An absolute cell position on a named sheet (0-based). */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}
