/** The value a label introduces: the cell right of it on its row, up to the next label. */
import { type GridReader, isBlank } from "../grid";
import { type Block, findInRow } from "./block";
import { readText } from "./cells";
import type { LabelHit } from "./labels";
import type { TextField } from "./model";

/** The first non-blank cell right of a label, before the next label; null when there is none. */
export function valueColumnRightOf(reader: GridReader, block: Block, hit: LabelHit): number | null {
  for (let c = hit.col + 1; c <= reader.right; c++) {
    if (reader.isMergedAway(hit.row, c)) continue;
    if (findInRow(block, hit.row, (h) => h.col === c) !== undefined) break;
    if (!isBlank(reader.value(hit.row, c))) return c;
  }
  return null;
}

/** The text right of a label, or a blank field at the first cell right of it (where a fill would type it). */
export function textRightOf(reader: GridReader, block: Block, hit: LabelHit | undefined): TextField | null {
  if (!hit) return null;
  const sheet = reader.grid.sheet;
  const col = valueColumnRightOf(reader, block, hit);
  if (col !== null) return readText(reader, sheet, hit.row, col);
  let next = hit.col + 1;
  while (next <= reader.right && reader.isMergedAway(hit.row, next)) next++;
  return { text: null, ref: { sheet, row: hit.row, col: next <= reader.right ? next : hit.col + 1 } };
}
