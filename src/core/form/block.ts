/** One form's rows on a sheet and the label hits inside them, with the look-ups every part of the reader uses. */
import type { LabelId } from "../vocabulary";
import type { LabelHit } from "./labels";

export interface Block {
  top: number;
  bottom: number;
  /** In row order, then column order. */
  hits: LabelHit[];
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

/** The first row at or below `fromRow` that satisfies `test` (rows in order; undefined when none). */
export function firstRow(block: Block, fromRow: number, test: (row: number) => boolean): number | undefined {
  const hits = block.hits;
  let last = -1;
  for (let i = lowerBound(hits, fromRow); i < hits.length; i++) {
    const r = hits[i].row;
    if (r === last) continue;
    last = r;
    if (test(r)) return r;
  }
  return undefined;
}
