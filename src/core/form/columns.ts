/**
 * Column meaning from a table's header row, never from position: each header cell is looked up through the synonym
 * table (synonyms.ts); a header that is not understood leaves its column unread.
 */
import type { GridReader } from "../grid";
import type { ColumnId } from "../synonyms";
import { type Block, hitsInRow } from "./block";
import type { LabelHit } from "./labels";

export type ColumnMap = Partial<Record<ColumnId, LabelHit>>;

function isColumn(h: LabelHit, allowed: ReadonlySet<string>): boolean {
  return allowed.has(h.id);
}

/**
 * Maps the columns of a table whose header is `row` (and, for a two-row header, the row below when it holds two
 * headers or more: there the lower, more specific header of a column wins). Left to right, the first header of each
 * meaning is taken; a meaning met again starts a second table beside the first, which is not read into this one.
 */
export function mapColumns(reader: GridReader, block: Block, row: number, allowed: ReadonlySet<string>): ColumnMap {
  const hits = hitsInRow(block, row).filter((h) => isColumn(h, allowed));
  const below = hitsInRow(block, row + 1).filter((h) => isColumn(h, allowed));
  const byCol = new Map<number, LabelHit>();
  for (const h of hits) byCol.set(h.col, h);
  if (below.length >= 2) for (const h of below) byCol.set(h.col, h);
  // A header merged down from the row above (`全年执行数` over both rows of a two-row header) counts too.
  for (const h of hitsInRow(block, row - 1)) {
    if (!isColumn(h, allowed) || byCol.has(h.col)) continue;
    const o = reader.owner(row, h.col);
    if (o.row === h.row && o.col === h.col) byCol.set(h.col, h);
  }
  const map: ColumnMap = {};
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const h = byCol.get(col)!;
    const id = h.id as ColumnId;
    if (map[id]) break;
    map[id] = h;
  }
  return map;
}

/** The last row of a header that `mapColumns` read (the data starts below it). */
export function headerBottom(block: Block, row: number, allowed: ReadonlySet<string>): number {
  return hitsInRow(block, row + 1).filter((h) => isColumn(h, allowed)).length >= 2 ? row + 1 : row;
}
