import type { Cell, Workbook, Worksheet } from "exceljs";
import type { CellValue, Grid, MergedArea } from "../../../src/core/grid";
import { dateText, formatNumber } from "../../../src/core/display/displayText";

// ExcelJS ValueType numbers; kept local so this module needs no ExcelJS runtime import.
const T_NULL = 0;
const T_MERGE = 1;
const T_FORMULA = 6;

/** Above this many cells the block is kept ragged (rows trimmed, empty rows shared) so sparse sheets stay cheap. */
const DENSE_LIMIT = 2_000_000;
const EMPTY_ROW: never[] = Object.freeze([]) as unknown as never[];

const MS_PER_DAY = 86_400_000;

function serial(d: Date, date1904: boolean): number | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  return 25569 + t / MS_PER_DAY - (date1904 ? 1462 : 0);
}

/** Any ExcelJS value shape (plain, rich text, hyperlink, formula, error, date, JSON) to a plain cell value. */
function plain(raw: unknown, date1904: boolean, depth = 0): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string" || typeof raw === "boolean") return raw;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : "#NUM!";
  if (raw instanceof Date) return serial(raw, date1904);
  if (typeof raw !== "object" || depth > 3) return String(raw);
  const o = raw as Record<string, unknown>;
  if ("error" in o) return String(o.error);
  if (Array.isArray(o.richText)) {
    return o.richText.map((r) => (r && typeof r === "object" ? String((r as { text?: unknown }).text ?? "") : "")).join("");
  }
  if ("formula" in o || "sharedFormula" in o) return plain(o.result, date1904, depth + 1);
  if ("text" in o) return plain(o.text, date1904, depth + 1);
  if (raw instanceof String) return raw.toString();
  try {
    return JSON.stringify(raw) ?? null;
  } catch {
    return null;
  }
}

/** The underlying raw value for display: a formula's result, a hyperlink's text. */
function displayRaw(raw: unknown): unknown {
  if (raw && typeof raw === "object" && !(raw instanceof Date)) {
    const o = raw as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return o.result;
    if ("text" in o && "hyperlink" in o) return o.text;
  }
  return raw;
}

function displayText(raw: unknown, value: CellValue, numFmt: string | null): string | null {
  if (value === null) return null;
  const r = displayRaw(raw);
  if (r instanceof Date) return dateText(r);
  if (typeof value === "number") return formatNumber(value, numFmt);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

interface Read {
  col: number;
  /** A styled empty cell: reported for its format (a fill step wants it) but never widens the block. */
  blank: boolean;
  value: CellValue;
  text: string | null;
  format: string | null;
  formula: string | null;
}

/** Reads one cell; never throws (ExcelJS getters can, on a malformed model such as a merge cell without master). */
function readCell(cell: Cell, date1904: boolean): Read | null {
  try {
    const type = cell.type as number;
    if (type === T_MERGE) return null;
    const numFmt = cell.numFmt;
    const format = typeof numFmt === "string" && numFmt !== "" ? numFmt : null;
    const col = Number(cell.col) - 1;
    if (type === T_NULL) return format ? { col, blank: true, value: null, text: null, format, formula: null } : null;
    const raw: unknown = cell.value;
    const value = plain(raw, date1904);
    let formula: string | null = null;
    if (type === T_FORMULA) {
      const f = cell.formula;
      if (typeof f === "string" && f !== "") formula = f.startsWith("=") ? f : "=" + f;
    }
    const blank = value === null && formula === null;
    return { col, blank, value, text: displayText(raw, value, format), format, formula };
  } catch {
    return null;
  }
}

/** Merged areas, 0-based inclusive. Reads ExcelJS's merge index directly: `ws.model` would serialise every row. */
export function worksheetMerges(ws: Worksheet): MergedArea[] {
  const out: MergedArea[] = [];
  try {
    const index = (ws as unknown as { _merges?: Record<string, Partial<MergedArea>> })._merges;
    // ExcelJS 4.4 (pinned) keeps every merge in `_merges`, from construction on.
    const ranges: Partial<MergedArea>[] = index ? Object.values(index) : [];
    for (const m of ranges) {
      const { top, left, bottom, right } = m;
      if ([top, left, bottom, right].every((n) => typeof n === "number" && Number.isFinite(n) && n >= 1)) {
        out.push({ top: top! - 1, left: left! - 1, bottom: bottom! - 1, right: right! - 1 });
      }
    }
  } catch {
    // an unreadable merge list leaves the grid without merges rather than failing
  }
  return out;
}

/**
 * The used block of a worksheet as a Grid. The block is computed from cells that hold something (and the merges
 * anchored on them), never from the sheet's declared dimension, so a sheet claiming A1:XFD1048576 stays small.
 */
export function worksheetToGrid(ws: Worksheet): Grid {
  const date1904 = Boolean((ws.workbook as Workbook | undefined)?.properties?.date1904);
  const rows = new Map<number, Read[]>();
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const expand = (r0: number, c0: number, r1: number, c1: number) => {
    top = Math.min(top, r0);
    left = Math.min(left, c0);
    bottom = Math.max(bottom, r1);
    right = Math.max(right, c1);
  };

  try {
    ws.eachRow((row, rowNumber) => {
      const cells: Read[] = [];
      try {
        // findCell, not eachCell: eachCell skips styled empty cells, and includeEmpty would create cells.
        const n = row.cellCount;
        for (let c = 1; c <= n; c++) {
          const cell = row.findCell(c);
          const read = cell ? readCell(cell, date1904) : null;
          if (read) cells.push(read);
        }
      } catch {
        // keep what was read from this row
      }
      const r = rowNumber - 1;
      if (cells.length > 0) rows.set(r, cells);
      for (const c of cells) if (!c.blank) expand(r, c.col, r, c.col);
    });
  } catch {
    // a broken row model: keep the rows read so far
  }

  const merges = worksheetMerges(ws);
  for (const m of merges) {
    const anchor = rows.get(m.top)?.some((c) => c.col === m.left && !c.blank);
    if (anchor) expand(m.top, m.left, m.bottom, m.right);
  }

  const sheet = ws.name;
  if (bottom < 0) return { sheet, top: 0, left: 0, values: [], text: [], formats: [], formulas: [], merges };

  const height = bottom - top + 1;
  const width = right - left + 1;
  const dense = height * width <= DENSE_LIMIT;
  const values: CellValue[][] = [];
  const text: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const cells = rows.get(r);
    let len = width;
    if (!dense) len = Math.max(0, ...(cells ?? []).filter((c) => !c.blank).map((c) => c.col - left + 1));
    if (len === 0) {
      values.push(EMPTY_ROW);
      text.push(EMPTY_ROW);
      formats.push(EMPTY_ROW);
      formulas.push(EMPTY_ROW);
      continue;
    }
    const v: CellValue[] = new Array(len).fill(null);
    const t: (string | null)[] = new Array(len).fill(null);
    const f: (string | null)[] = new Array(len).fill(null);
    const x: (string | null)[] = new Array(len).fill(null);
    for (const c of cells ?? []) {
      const i = c.col - left;
      if (i < 0 || i >= len) continue;
      v[i] = c.value;
      t[i] = c.text;
      f[i] = c.format;
      x[i] = c.formula;
    }
    values.push(v);
    text.push(t);
    formats.push(f);
    formulas.push(x);
  }
  return { sheet, top, left, values, text, formats, formulas, merges };
}

/** One grid per worksheet, in workbook order. */
export function workbookToGrids(wb: Workbook): Grid[] {
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    grids.push(worksheetToGrid(ws));
  });
  return grids;
}
