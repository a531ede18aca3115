/**
 * Pure helpers for the Office adapter: how a sheet's used block is cut into merge tiles and payload chunks, and how
 * Excel's addresses are parsed. No Excel objects here, so all of it is unit-tested without a host.
 */
import { a1, type MergedArea, parseA1, rangeA1 } from "../core/grid";

/** A block of a sheet in absolute, 0-based, inclusive coordinates (the same shape as a merged area). */
export type Block = MergedArea;

/** `Range.getMergedAreasOrNullObject` fails when a range holds more than 512 merged areas. */
export const MERGE_LIMIT_PER_CALL = 512;

/**
 * Cuts `block` into tiles that can each hold at most MERGE_LIMIT_PER_CALL merged areas, whatever the sheet holds.
 * The call returns the areas whose top-left cell lies in the range, so disjoint tiles report every area once.
 * An area has at least two cells: its top-left and the cell right of or below it, so the areas anchored in an
 * R × C tile use disjoint pairs of the (R + 1) × (C + 1) cells around it: at most (R + 1)(C + 1) / 2 of them.
 */
export function mergeTiles(block: Block, limit = MERGE_LIMIT_PER_CALL): Block[] {
  const rows = block.bottom - block.top + 1;
  const cols = block.right - block.left + 1;
  if (rows <= 0 || cols <= 0) return [];
  const cells = 2 * limit; // (R + 1)(C + 1) ≤ 2·limit
  const tileCols = Math.max(1, Math.min(cols, Math.floor(cells / 2) - 1));
  const tileRows = Math.max(1, Math.floor(cells / (tileCols + 1)) - 1);
  const out: Block[] = [];
  for (let r = block.top; r <= block.bottom; r += tileRows) {
    for (let c = block.left; c <= block.right; c += tileCols) {
      out.push({ top: r, left: c, bottom: Math.min(block.bottom, r + tileRows - 1), right: Math.min(block.right, c + tileCols - 1) });
    }
  }
  return out;
}

/** `A1:H26` (or `A1` for one cell) for a block. */
export function blockA1(b: Block): string {
  return b.top === b.bottom && b.left === b.right ? a1(b.top, b.left) : rangeA1(b.top, b.left, b.bottom, b.right);
}

/**
 * Splits an Excel address list (`表1!A1:H1,'My, sheet'!B2`, as RangeAreas.address gives it) into blocks. Sheet
 * names are dropped (a RangeAreas lies on one sheet); commas inside quoted sheet names are not separators.
 */
export function parseAddressList(address: string): Block[] {
  const out: Block[] = [];
  let part = "";
  let quoted = false;
  const flush = () => {
    const b = parseRangeAddress(part);
    if (b) out.push(b);
    part = "";
  };
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      // '' inside a quoted name is an escaped quote
      if (quoted && address[i + 1] === "'") {
        part += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      part += ch;
    } else if (ch === "," && !quoted) flush();
    else part += ch;
  }
  flush();
  return out;
}

/** `Sheet!A1:B2`, `A1:B2` or `A1` to a block; null when it is not one. */
export function parseRangeAddress(address: string): Block | null {
  const s = address.trim();
  const bang = s.lastIndexOf("!");
  const ref = bang >= 0 ? s.slice(bang + 1) : s;
  const [from, to] = ref.split(":");
  const tl = parseA1(from ?? "");
  const br = to === undefined ? tl : parseA1(to);
  if (!tl || !br) return null;
  return { top: Math.min(tl.row, br.row), left: Math.min(tl.col, br.col), bottom: Math.max(tl.row, br.row), right: Math.max(tl.col, br.col) };
}

/** The 0-based bounds of a sheet (XFD1048576). */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** The extent plus a margin for rows and columns added since it was taken (merge tiles are laid over it). */
export function grow(b: Block): Block {
  const rows = b.bottom - b.top + 1;
  return {
    top: b.top,
    left: b.left,
    bottom: Math.min(MAX_ROW, b.bottom + Math.max(64, Math.ceil(rows / 8))),
    right: Math.min(MAX_COL, b.right + 2),
  };
}

export function inside(b: Block, outer: Block): boolean {
  return b.top >= outer.top && b.left >= outer.left && b.bottom <= outer.bottom && b.right <= outer.right;
}

export function cellCount(b: Block): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

/**
 * A tile cut in four (halved both ways, or in two when it is one row or column thick), for the retry after a
 * merged-areas query failed: if the call counts every area that touches the range rather than those anchored in it
 * (the documentation does not say), a tile may hold more than 512; a quarter of a tile cannot (fewer cells than 512).
 */
export function splitTile(t: Block): Block[] {
  const midRow = t.top + Math.floor((t.bottom - t.top) / 2);
  const midCol = t.left + Math.floor((t.right - t.left) / 2);
  const rows = t.bottom > t.top ? [[t.top, midRow], [midRow + 1, t.bottom]] : [[t.top, t.bottom]];
  const cols = t.right > t.left ? [[t.left, midCol], [midCol + 1, t.right]] : [[t.left, t.right]];
  return rows.flatMap(([top, bottom]) => cols.map(([left, right]) => ({ top, left, bottom, right })));
}

/** The tiles of a block, each split `times` times (after earlier failures on this sheet). */
export function tilesFor(block: Block, times: number): Block[] {
  let tiles = mergeTiles(block);
  for (let i = 0; i < times; i++) tiles = tiles.flatMap(splitTile);
  return tiles;
}

/**
 * Merged areas as several tiles reported them, each once: the documentation does not promise that a range returns
 * only the areas anchored in it, so an area crossing a tile edge may come back from both tiles.
 */
export function uniqueAreas(areas: Iterable<Block>): Block[] {
  const seen = new Set<string>();
  const out: Block[] = [];
  for (const a of areas) {
    const key = `${a.top},${a.left},${a.bottom},${a.right}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/**
 * "A range is limited to 5,000,000 cells for read operations" (Office add-ins resource limits), on every platform.
 * Above it Excel may return null for values/text instead of failing, so a larger read is always cut into row chunks.
 */
export const READ_CELL_LIMIT = 5_000_000;

/**
 * Excel on the web refuses a request or a response above 5 MB (ResponsePayloadSizeLimitExceeded). Reads and writes
 * stay under this budget per sync; desktop Excel has no such limit, so it reads a sheet of any size in one sync.
 */
export const WEB_PAYLOAD_BUDGET = 4 * 1024 * 1024;

/** Bytes per cell a read of values + text + numberFormat + formulas costs when nothing better is known. */
export const DEFAULT_BYTES_PER_CELL = 48;

/**
 * Rows per chunk so that each chunk's estimated payload stays within `budget`; `rows` when one chunk is enough.
 */
export function rowsPerChunk(rows: number, cols: number, bytesPerCell: number, budget: number): number {
  if (rows <= 0 || cols <= 0) return Math.max(rows, 1);
  const perRow = Math.max(1, cols * bytesPerCell);
  return Math.max(1, Math.min(rows, Math.floor(budget / perRow)));
}

/**
 * Rows per read chunk: never above READ_CELL_LIMIT cells (every platform), and where the host limits payloads (Excel
 * on the web) also within the payload budget at the measured bytes per cell.
 */
export function chunkRows(rows: number, cols: number, bytesPerCell: number, payloadLimited: boolean): number {
  const byCells = rowsPerChunk(rows, cols, 1, READ_CELL_LIMIT);
  return payloadLimited ? Math.min(byCells, rowsPerChunk(rows, cols, bytesPerCell, WEB_PAYLOAD_BUDGET)) : byCells;
}

/** The size in bytes of what a read returned, as JSON would carry it (for the next estimate). */
export function jsonBytes(...parts: unknown[]): number {
  let n = 0;
  for (const p of parts) n += JSON.stringify(p ?? null).length;
  return n;
}
