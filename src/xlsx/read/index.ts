/**
 * The one workbook reader of the CLI (`check`, `fill`) and the preview: a ZIP read central directory first, the
 * workbook's relationships followed to its sheets whatever their part names, shared strings and styles, then each
 * sheet streamed into grids. Bounded: inflated bytes by a cap (time, not memory: nothing is held whole), cells by a
 * sheet's window, sheet spans by `maxCells`.
 */
import type { Grid } from "../../core/grid";
import { mb, XlsxError } from "../errors";
import { inflateWeb } from "../inflate";
import { type Inflate, ZipArchive } from "../zip";
import { type Budget, readSharedStrings, readStyles, readWorkbookParts, type SheetEntry, type Styles, type WorkbookParts } from "./parts";
import { type OnGrid, readSheet } from "./sheet";

export type { SheetEntry, Styles, WorkbookParts } from "./parts";
export type { OnGrid, Window } from "./sheet";
export { shiftFormula } from "./formula";

export interface ReadOptions {
  /** Default: the platform's DecompressionStream (browsers, Node ≥ 18). */
  inflate?: Inflate;
  /** Bytes the parts read may inflate to, together. Default 640 MB (the CLI's: 32 × its 20 MB file bound). */
  maxInflated?: number;
  /** Rows × columns a sheet may declare or span. Default 10 million. */
  maxCells?: number;
  /** Cells a sheet may hold before it is handed over in windows; 0 keeps every sheet whole (the preview renders it). */
  windowCells?: number;
  /** Rows a window shares with the next (default 1,000); smaller only in tests of the seams. */
  overlapRows?: number;
  /** Parse with saxes instead of the tokenizer (src/xlsx/tokenizer.ts): the reference its tests compare grids with. */
  xml?: "tokenizer" | "saxes";
}

export const DEFAULT_WINDOW_CELLS = 50_000;
/** A form is a few dozen rows; a thousand shared rows leave room for any stack of them across a seam. */
const OVERLAP_ROWS = 1000;

export interface OpenWorkbook {
  zip: ZipArchive;
  parts: WorkbookParts;
  styles: Styles;
  sharedStrings: readonly string[];
  /** Hands the sheet's grid (or its windows, in order) to `onGrid`. */
  readSheet(sheet: SheetEntry, onGrid: OnGrid): Promise<void>;
  /** Inflated bytes read so far. */
  inflated(): number;
}

export const DEFAULT_MAX_INFLATED = 640 * 2 ** 20;
export const DEFAULT_MAX_CELLS = 10_000_000;

export async function openWorkbook(bytes: Uint8Array, opts: ReadOptions = {}): Promise<OpenWorkbook> {
  const options = { inflate: opts.inflate ?? inflateWeb, maxInflated: opts.maxInflated ?? DEFAULT_MAX_INFLATED, maxCells: opts.maxCells ?? DEFAULT_MAX_CELLS };
  const zip = new ZipArchive(bytes);
  const budget: Budget = {
    left: options.maxInflated,
    max: options.maxInflated,
    tooBig: () => new XlsxError("unpacked-too-large", `解压后超过 ${mb(options.maxInflated)} 上限（可能是压缩炸弹），已拒绝读取`),
    saxes: opts.xml === "saxes",
  };
  const parts = await readWorkbookParts(zip, options.inflate, budget);
  const styles = await readStyles(zip, parts.stylesPart, options.inflate, budget);
  const sharedStrings = await readSharedStrings(zip, parts.sharedStringsPart, options.inflate, budget);
  const ctx = {
    zip,
    inflate: options.inflate,
    budget,
    styles,
    sharedStrings,
    date1904: parts.date1904,
    maxCells: options.maxCells,
    windowCells: opts.windowCells ?? DEFAULT_WINDOW_CELLS,
    overlapRows: opts.overlapRows ?? OVERLAP_ROWS,
  };
  return {
    zip,
    parts,
    styles,
    sharedStrings,
    readSheet: (sheet, onGrid) => readSheet(ctx, sheet, onGrid),
    inflated: () => budget.max - budget.left,
  };
}

/** Every sheet whole, in workbook order (the preview, tests). */
export async function readGrids(bytes: Uint8Array, options: ReadOptions = {}): Promise<Grid[]> {
  const wb = await openWorkbook(bytes, { ...options, windowCells: 0 });
  const grids: Grid[] = [];
  for (const sheet of wb.parts.sheets) await wb.readSheet(sheet, (g) => grids.push(g));
  return grids;
}
