/** One form's rows on a sheet and the label hits inside them, with the look-ups every part of the reader uses. */
import type { LabelId } from "../vocabulary";
import type { LabelHit } from "./labels";

export interface Block {
  top: number;
  bottom: number;
  /** In row order, then column order. */
  hits: LabelHit[];
  /** The rows that hold hits, in order, and each one's mask of label ids (the index's, shared by every block). */
  rows: readonly number[];
  masks: readonly number[];
}

/** Index of the first element whose row is ≥ row (the lists are in row order). */
export function lowerBound<T extends { row: number }>(list: readonly T[], row: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function rowsBetween<T extends { row: number }>(list: readonly T[], top: number, bottom: number): T[] {
  return list.slice(lowerBound(list, top), lowerBound(list, bottom + 1));
}

/** The first hit of a row that satisfies `test` (a binary search, no allocation). */
export function findInRow(block: Block, row: number, test: (h: LabelHit) => boolean): LabelHit | undefined {
  const hits = block.hits;
  for (let i = lowerBound(hits, row); i < hits.length && hits[i].row === row; i++) if (test(hits[i])) return hits[i];
  return undefined;
}

/** Index of the first element ≥ x in a sorted list of numbers. */
function lowerBoundOf(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The mask of the label ids a row holds (0 when none). */
export function rowMask(block: Block, row: number): number {
  const i = lowerBoundOf(block.rows, row);
  return i < block.rows.length && block.rows[i] === row ? block.masks[i] : 0;
}

/** The first row in [fromRow, block.bottom] whose mask satisfies `test`. */
export function firstRowWhere(block: Block, fromRow: number, test: (mask: number) => boolean): number | undefined {
  for (let i = lowerBoundOf(block.rows, fromRow); i < block.rows.length && block.rows[i] <= block.bottom; i++) {
    if (test(block.masks[i])) return block.rows[i];
  }
  return undefined;
}

/** The number of bits set. */
export function bits(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** The hits of one row, left to right. */
export function hitsInRow(block: Block, row: number): LabelHit[] {
  const out: LabelHit[] = [];
  const hits = block.hits;
  for (let i = lowerBound(hits, row); i < hits.length && hits[i].row === row; i++) out.push(hits[i]);
  return out;
}

export function first(block: Block, id: LabelId, fromRow = block.top): LabelHit | undefined {
  const hits = block.hits;
  for (let i = lowerBound(hits, fromRow); i < hits.length; i++) if (hits[i].id === id) return hits[i];
  return undefined;
}
