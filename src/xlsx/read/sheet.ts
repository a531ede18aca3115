/**
 * One worksheet part streamed into grids. Cells are read as they arrive (values, display text, formats, formulas);
 * merges come at the end of the part. A sheet is one grid, unless it holds more cells than a window: then its merges
 * are found first by a quick scan, and the sheet is handed over in overlapping windows of rows, so the memory
 * a sheet costs is bounded by the window, not by the sheet (a 1,000,000-row data sheet beside a form).
 */
import type { CellValue, Grid, MergedArea } from "../../core/grid";
import { parseA1 } from "../../core/grid";
import { dateText, formatNumber } from "../../core/display/displayText";
import { corrupt, sheetTooLarge } from "../errors";
import type { Inflate, ZipArchive } from "../zip";
import { shiftFormula } from "./formula";
import { type Budget, parsePart, type SheetEntry, StringItem, type Styles } from "./parts";

export interface SheetContext {
  zip: ZipArchive;
  inflate: Inflate;
  budget: Budget;
  styles: Styles;
  sharedStrings: readonly string[];
  date1904: boolean;
  /** Rows × columns a sheet may declare or span. */
  maxCells: number;
  /** Cells kept before a sheet is handed over in windows (0: never). */
  windowCells: number;
  /** Rows a window shares with the next, so that a form across the seam is whole in one of them. */
  overlapRows: number;
}

/** Where a window sits in its sheet: forms starting at or below `deferFrom` are whole in the next window. */
export interface Window {
  index: number;
  deferFrom: number;
  /** The window's last row: a form reaching it may go on in the next rows. */
  last: number;
  /** The first row the next window may be asked to start at (a cut form's top); Infinity for the last window. */
  carryFrom: number;
}

/**
 * Receives a sheet's grid, or each of its windows in order. For a window, it may name the first row it needs again
 * (`rereadFrom`: a form the window's end may have cut): the next window then starts there, however tall the form.
 * An object, not a bare number, so that a callback returning `list.push(…)` asks for nothing.
 */
export type OnGrid = (grid: Grid, window: Window | null) => { rereadFrom: number } | unknown;

/** A form the reader will carry across windows is at most this many overlaps tall (memory stays bounded). */
const MAX_CARRIED_OVERLAPS = 10;

interface Read {
  col: number;
  /** A styled empty cell: reported for its format (a fill step wants it) but never widens the block. */
  blank: boolean;
  value: CellValue;
  text: string | null;
  format: string | null;
  formula: string | null;
}

const EMPTY_ROW: never[] = Object.freeze([]) as unknown as never[];
/** Above this many cells a block is kept ragged (rows trimmed, empty rows shared), as src/xlsx always did. */
const DENSE_LIMIT = 2_000_000;
const MS_PER_DAY = 86_400_000;
/** Excel's last row and column, 0-based (XFD1048576). */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** Column letters of `A12` → 0-based column; -1 when it is not a reference. */
function colOf(ref: string): number {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) | 0x20;
    if (ch < 97 || ch > 122) break;
    c = c * 26 + (ch - 96);
  }
  return i === 0 ? -1 : c - 1;
}

/** The row of `A12` → 11 (the trailing digits); -1 when there are none. A loop: this runs once per cell. */
function rowOf(ref: string): number {
  let n = 0;
  let scale = 1;
  let i = ref.length - 1;
  for (; i >= 0; i--) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n += d * scale;
    scale *= 10;
  }
  return i === ref.length - 1 ? -1 : n - 1;
}

class Restart extends Error {}

/** Collects the cells of one block and builds its Grid (the shape src/xlsx always produced). */
class Block {
  rows = new Map<number, Read[]>();
  cells = 0;

  /** The row last added to (cells come row by row: one Map lookup per row, not per cell). */
  private lastRow = -1;
  private last: Read[] | undefined;

  add(row: number, cell: Read): void {
    if (row !== this.lastRow || !this.last) {
      this.last = this.rows.get(row);
      if (!this.last) this.rows.set(row, (this.last = []));
      this.lastRow = row;
    }
    this.last.push(cell);
    this.cells++;
  }

  /** First and last row held (0, 0 when none). */
  span(): [number, number] {
    let first = Infinity;
    let last = -1;
    for (const r of this.rows.keys()) {
      if (r < first) first = r;
      if (r > last) last = r;
    }
    return last < 0 ? [0, 0] : [first, last];
  }

  /** Keeps only rows ≥ `from` (the overlap handed to the next window). */
  keepFrom(from: number): void {
    this.last = undefined;
    for (const r of this.rows.keys()) if (r < from) this.rows.delete(r);
    this.cells = 0;
    for (const list of this.rows.values()) this.cells += list.length;
  }

  /** `compact`: rows without formats or formulas share one frozen empty array (the CLI); else every row is whole. */
  grid(sheet: string, allMerges: readonly MergedArea[], compact: boolean, clip?: { top: number; bottom: number }): Grid {
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
    for (const [r, cells] of this.rows) for (const c of cells) if (!c.blank) expand(r, c.col, r, c.col);
    const merges = clip ? allMerges.filter((m) => m.bottom >= clip.top && m.top <= clip.bottom) : [...allMerges];
    for (const m of merges) {
      const anchor = this.rows.get(m.top)?.some((c) => c.col === m.left && !c.blank);
      if (anchor) expand(m.top, m.left, m.bottom, m.right);
    }
    if (bottom < 0) return { sheet, top: 0, left: 0, values: [], text: [], formats: [], formulas: [], merges };
    const height = bottom - top + 1;
    const width = right - left + 1;
    const dense = height * width <= DENSE_LIMIT;
    const values: CellValue[][] = [];
    const text: (string | null)[][] = [];
    const formats: (string | null)[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = top; r <= bottom; r++) {
      const cells = this.rows.get(r);
      let len = width;
      if (!dense) {
        len = 0;
        for (const c of cells ?? []) if (!c.blank) len = Math.max(len, c.col - left + 1);
      }
      if (len === 0 || (!cells && compact)) {
        values.push(EMPTY_ROW);
        text.push(EMPTY_ROW);
        formats.push(EMPTY_ROW);
        formulas.push(EMPTY_ROW);
        continue;
      }
      const v: CellValue[] = new Array(len).fill(null);
      const t: (string | null)[] = new Array(len).fill(null);
      let f: (string | null)[] | null = compact ? null : new Array(len).fill(null);
      let x: (string | null)[] | null = compact ? null : new Array(len).fill(null);
      for (const c of cells ?? []) {
        const i = c.col - left;
        if (i < 0 || i >= len) continue;
        v[i] = c.value;
        t[i] = c.text;
        // Formats and formulas are rare beside values: a row without any shares one empty array.
        if (c.format !== null) (f ??= new Array(len).fill(null))[i] = c.format;
        if (c.formula !== null) (x ??= new Array(len).fill(null))[i] = c.formula;
      }
      values.push(v);
      text.push(t);
      formats.push(f ?? EMPTY_ROW);
      formulas.push(x ?? EMPTY_ROW);
    }
    return { sheet, top, left, values, text, formats, formulas, merges };
  }
}

/**
 * `A1:B2` as Excel writes it (upper case, no `$`, no spaces): the merged area by a character loop, without the
 * split, regular expression and objects of the general path (a form has dozens of merges; this was ~4 % of check).
 * Anything else is null, and parseMerge takes the general path, which decides.
 */
function fastMerge(ref: string): MergedArea | null {
  let i = 0;
  let row = 0;
  let col = 0;
  const cell = (): boolean => {
    const c0 = i;
    col = 0;
    for (let ch = ref.charCodeAt(i); ch >= 65 && ch <= 90; ch = ref.charCodeAt(++i)) col = col * 26 + ch - 64;
    if (i - c0 < 1 || i - c0 > 3 || !(ref.charCodeAt(i) >= 49 && ref.charCodeAt(i) <= 57)) return false;
    const r0 = i;
    row = 0;
    for (let ch = ref.charCodeAt(i); ch >= 48 && ch <= 57; ch = ref.charCodeAt(++i)) row = row * 10 + ch - 48;
    return i - r0 <= 7;
  };
  if (!cell() || ref.charCodeAt(i++) !== 58) return null;
  const r1 = row - 1;
  const c1 = col - 1;
  if (!cell() || i !== ref.length) return null;
  return { top: Math.min(r1, row - 1), left: Math.min(c1, col - 1), bottom: Math.max(r1, row - 1), right: Math.max(c1, col - 1) };
}

/** Exported for its test (test/xlsx/merge.test.ts): the fast path must agree with the general one. */
export function parseMerge(ref: string | undefined): MergedArea | null {
  if (!ref) return null;
  const fast = fastMerge(ref);
  if (fast) return fast;
  const [a, b = a] = ref.split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function rangeCells(ref: string): number | null {
  const m = parseMerge(ref);
  return m ? (m.bottom - m.top + 1) * (m.right - m.left + 1) : null;
}

/** A number as Excel stores a date, to the date ExcelJS would have made of it (read in UTC). */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25569) * MS_PER_DAY));
}

/**
 * Reads one sheet and hands its grid (or its windows, in order) to `onGrid`. Never holds more than one window's
 * cells; the merge list and shared-formula masters are kept whole (small in any real sheet, bounded by the part).
 */
export async function readSheet(ctx: SheetContext, sheet: SheetEntry, onGrid: OnGrid): Promise<void> {
  try {
    await pass(ctx, sheet, null, onGrid);
  } catch (e) {
    if (!(e instanceof Restart)) throw e;
    // Too many cells for one grid: find the merges first, then read again in windows.
    await pass(ctx, sheet, await scanMerges(ctx, sheet), onGrid);
  }
}

/** Every `<mergeCell ref>` of a part, found by a text scan (no XML parse: this pass exists only for them). */
async function scanMerges(ctx: SheetContext, sheet: SheetEntry): Promise<MergedArea[]> {
  const entry = ctx.zip.get(sheet.part);
  const merges: MergedArea[] = [];
  if (!entry) return merges;
  const re = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]*)"/g;
  const latin1 = new TextDecoder("latin1");
  let carry = "";
  await ctx.zip.inflate(entry, ctx.inflate, ctx.budget.left, ctx.budget.tooBig, (chunk) => {
    const text = carry + latin1.decode(chunk);
    let last = 0;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const area = parseMerge(m[1]);
      if (area) merges.push(area);
      last = re.lastIndex;
    }
    // A tag cut by the chunk's end is completed by the next chunk.
    carry = text.slice(Math.max(last, text.length - 512));
  });
  return merges;
}

async function pass(ctx: SheetContext, sheet: SheetEntry, windowMerges: MergedArea[] | null, onGrid: OnGrid): Promise<void> {
  const { styles, sharedStrings: sst, date1904, maxCells } = ctx;
  const windowed = windowMerges !== null;
  const merges: MergedArea[] = windowMerges ?? [];
  const masters = new Map<string, { row: number; col: number; text: string }>();
  const block = new Block();
  let windowIndex = 0;
  /** First row of the current window: a window always moves on by the overlap, however wide its rows. */
  let windowTop = -1;
  let maxRow = -1;
  let maxCol = -1;

  // Per-cell state, reset at each <c>.
  let row = -1;
  let col = -1;
  let type = "";
  let style = 0;
  let v: string | null = null;
  let f: string | null = null;
  /** The `<f>`'s `t` and `si` (a shared formula's group). */
  let fShared = false;
  let fSi: string | undefined;
  let where: "" | "v" | "f" | "is" = "";
  let inCell = false;
  const inline = new StringItem();
  let isInline = false;

  /** A window is not handed over before this row: one that re-reads a cut form first grows past its old end. */
  let flushAfter = -1;
  const flushWindow = () => {
    const [first, last] = block.span();
    const deferFrom = Math.max(first + 1, last - ctx.overlapRows + 1);
    const carryFrom = Math.max(first, last - MAX_CARRIED_OVERLAPS * ctx.overlapRows);
    const need = onGrid(block.grid(sheet.name, merges, true, { top: first, bottom: last }), { index: windowIndex++, deferFrom, last, carryFrom });
    const from = typeof need === "object" && need !== null && "rereadFrom" in need ? Number(need.rereadFrom) : NaN;
    const carry = from >= carryFrom && from < deferFrom;
    const keep = carry ? from : deferFrom;
    block.keepFrom(keep);
    windowTop = keep;
    flushAfter = carry ? last + ctx.overlapRows : -1;
  };

  /** The cell's value, and whether its number is a date serial (set by cellValue: no object per cell). */
  let isDate = false;
  const cellValue = (): CellValue => {
    isDate = false;
    switch (type) {
      case "s": {
        if (v === null || v.trim() === "") return null;
        const s = sst[Number(v)];
        return s === undefined ? null : s;
      }
      case "str":
        return v;
      case "inlineStr":
        return isInline ? inline.take() : v;
      case "b":
        return v === null ? null : v.trim() === "1" || v.trim() === "true";
      case "e":
        return v;
      case "d": {
        if (v === null) return null;
        const iso = v.trim();
        const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes("T") ? iso : iso + "Z");
        if (Number.isNaN(t)) return v;
        isDate = true;
        return t / MS_PER_DAY + 25569 - (date1904 ? 1462 : 0);
      }
      default: {
        if (v === null || v.trim() === "") return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return Number.isNaN(n) ? v : "#NUM!";
        isDate = styles.dates[style] ?? false;
        return n;
      }
    }
  };

  const endCell = () => {
    const format = styles.formats[style] ?? null;
    const value = cellValue();
    const date = isDate;
    let formula: string | null = null;
    const shared = fShared && fSi !== undefined;
    if (f !== null && f.trim() !== "") {
      formula = f;
      if (shared) masters.set(fSi!, { row, col, text: f });
    } else if (shared) {
      const m = masters.get(fSi!);
      if (m) formula = shiftFormula(m.text, row - m.row, col - m.col);
    }
    if (formula !== null && !formula.startsWith("=")) formula = "=" + formula;
    if (value === null && formula === null && format === null) return;
    let text: string | null = null;
    if (typeof value === "number") text = date ? dateText(serialDate(value, date1904)) : formatNumber(value, format);
    else if (typeof value === "boolean") text = value ? "TRUE" : "FALSE";
    else text = value;
    const blank = value === null && formula === null;
    if (!blank) {
      if (row > maxRow) maxRow = row;
      if (col > maxCol) maxCol = col;
      if ((maxRow + 1) * (maxCol + 1) > maxCells) throw sheetTooLarge(`“${sheet.name}”的已用范围为 ${maxRow + 1} 行 × ${maxCol + 1} 列`, maxCells);
    }
    block.add(row, { col, blank, value, text, format, formula });
    if (ctx.windowCells > 0 && block.cells > ctx.windowCells) {
      if (!windowed) throw new Restart();
    }
  };

  let nextRow = 0;
  let inSheetData = false;
  await parsePart(ctx.zip, sheet.part, ctx.inflate, ctx.budget, {
    open(name, a) {
      if (inCell) {
        if (name === "v") where = "v";
        else if (name === "f") {
          where = "f";
          fShared = a.get("t") === "shared";
          fSi = a.get("si");
        } else if (name === "is") {
          where = "is";
          isInline = true;
        } else if (where === "is") inline.open(name);
        return;
      }
      if (name === "c" && inSheetData) {
        inCell = true;
        const r = a.get("r");
        const c = r ? colOf(r) : -1;
        col = c >= 0 ? c : col + 1;
        const rr = r ? rowOf(r) : -1;
        if (rr >= 0 && rr !== row) row = rr;
        // Past XFD1048576 Excel itself refuses the file; a cell there could never be written back.
        if (col > MAX_COL || row > MAX_ROW) throw corrupt(`${sheet.part} 的单元格 ${r ?? `第 ${row + 1} 行第 ${col + 1} 列`} 超出 Excel 的范围（XFD1048576）`);
        type = a.get("t") ?? "";
        const st = a.get("s");
        style = st ? Number(st) || 0 : 0;
        v = null;
        f = null;
        fShared = false;
        fSi = undefined;
        where = "";
        isInline = false;
      } else if (name === "row" && inSheetData) {
        const ra = a.get("r");
        const r = ra ? Number(ra) - 1 : NaN;
        row = Number.isInteger(r) && r >= 0 ? r : nextRow;
        nextRow = row + 1;
        col = -1;
        // A window is handed over between rows, never inside one.
        if (windowTop < 0) windowTop = row;
        if (windowed && ctx.windowCells > 0 && block.cells > ctx.windowCells && row - windowTop >= 2 * ctx.overlapRows && row > flushAfter) flushWindow();
      } else if (name === "sheetData") {
        inSheetData = true;
      } else if (name === "dimension") {
        const ref = a.get("ref");
        const cells = ref ? rangeCells(ref) : null;
        if (cells !== null && cells > maxCells) throw sheetTooLarge(` ${sheet.part.slice(sheet.part.lastIndexOf("/") + 1)} 声明的范围为 ${ref}`, maxCells);
      } else if (name === "mergeCell" && !windowed) {
        const m = parseMerge(a.get("ref"));
        if (m) merges.push(m);
      }
    },
    close(name) {
      if (inCell) {
        if (name === "c") {
          inCell = false;
          endCell();
        } else if (name === "v" || name === "f") where = "";
        else if (name === "is") where = "";
        else if (where === "is") inline.close(name);
        return;
      }
      if (name === "sheetData") inSheetData = false;
    },
    text(t) {
      if (!inCell) return;
      if (where === "v") v = v === null ? t : v + t;
      else if (where === "f") f = f === null ? t : f + t;
      else if (where === "is") inline.text(t);
    },
  });
  if (!windowed) onGrid(block.grid(sheet.name, merges, ctx.windowCells > 0), null);
  else if (block.rows.size > 0 || windowIndex === 0) {
    const [top, bottom] = block.span();
    onGrid(block.grid(sheet.name, merges, true, { top, bottom }), { index: windowIndex, deferFrom: Infinity, last: bottom, carryFrom: Infinity });
  }
}
