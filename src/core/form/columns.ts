/**
 * Column meaning from a table's header row, never from position: each header cell is looked up through the synonym
 * table (synonyms.ts); a header that is not understood leaves its column unread.
 */
import type { GridReader } from "../grid";
import type { ColumnId } from "../synonyms";
import { type Block, lowerBound } from "./block";
import type { LabelHit } from "./labels";

export type ColumnMap = Partial<Record<ColumnId, LabelHit>>;

/** The hits of `row` whose meaning is in `allowed`, counted (no allocation). */
function countColumns(block: Block, row: number, allowed: ReadonlySet<string>): number {
  const hits = block.hits;
  let n = 0;
  for (let i = lowerBound(hits, row); i < hits.length && hits[i].row === row; i++) if (allowed.has(hits[i].id)) n++;
  return n;
}

/**
 * Maps the columns of a table whose header is `row` (and, for a two-row header, the row below when it holds two
 * headers or more: there the lower, more specific header of a column wins). Left to right, the first header of each
 * meaning is taken; a meaning met again starts a second table beside the first, which is not read into this one.
 */
export function mapColumns(reader: GridReader, block: Block, row: number, allowed: ReadonlySet<string>): ColumnMap {
  const chosen: LabelHit[] = [];
  const put = (h: LabelHit, replace: boolean) => {
    const k = chosen.findIndex((c) => c.col === h.col);
    if (k < 0) chosen.push(h);
    else if (replace) chosen[k] = h;
  };
  const hits = block.hits;
  for (let i = lowerBound(hits, row); i < hits.length && hits[i].row === row; i++) if (allowed.has(hits[i].id)) put(hits[i], true);
  if (countColumns(block, row + 1, allowed) >= 2) {
    for (let i = lowerBound(hits, row + 1); i < hits.length && hits[i].row === row + 1; i++) if (allowed.has(hits[i].id)) put(hits[i], true);
  }
  // A header merged down from the row above (`全年执行数` over both rows of a two-row header) counts too.
  for (let i = lowerBound(hits, row - 1); i < hits.length && hits[i].row === row - 1; i++) {
    const h = hits[i];
    if (!allowed.has(h.id)) continue;
    const o = reader.owner(row, h.col);
    if (o.row === h.row && o.col === h.col) put(h, false);
  }
  chosen.sort((a, b) => a.col - b.col);
  const map: ColumnMap = {};
  for (const h of chosen) {
    const id = h.id as ColumnId;
    if (map[id]) break;
    map[id] = h;
  }
  return map;
}

/** The last row of a header that `mapColumns` read (the data starts below it). */
export function headerBottom(block: Block, row: number, allowed: ReadonlySet<string>): number {
  return countColumns(block, row + 1, allowed) >= 2 ? row + 1 : row;
}
