/**
 * The checks every workbook port makes before it writes, against the grids of its last read: the target exists, it
 * is not hidden under a merge, its content is what the plan saw, and a non-empty cell is only overwritten with the
 * user's consent. Pure (no Excel), shared by the Office adapter and the preview's in-memory port.
 */
import { type CellRef, type CellValue, type Grid, GridReader, isBlank } from "./grid";
import type { CellSnapshot, WriteOptions } from "./port";
import type { PlannedWrite } from "./writeplan";

export type GuardResult = { ok: true; snapshot: CellSnapshot[] } | { ok: false; message: string };

/** The read state of one cell. */
function snapshotOf(reader: GridReader, ref: CellRef, cell: string): CellSnapshot {
  const value = reader.value(ref.row, ref.col);
  const formula = reader.formula(ref.row, ref.col);
  return { cell, ref: { ...ref }, value: isBlank(value) && formula === null ? null : value, formula, numberFormat: reader.format(ref.row, ref.col) };
}

/** The format a number is written with: a cell formatted as Text (`@`) would keep it as text, so it becomes General. */
export function keepFormat(previous: string | null, value: string | number): string | undefined {
  if (typeof value === "number" && previous === "@") return "General";
  return undefined;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  return a === b;
}

export function guardWrites(
  grids: ReadonlyMap<string, Grid>,
  writes: readonly PlannedWrite[],
  options: WriteOptions = {},
): GuardResult {
  const consent = options.overwrite ?? new Set<string>();
  const readers = new Map<string, GridReader>();
  const seen = new Set<string>();
  const snapshot: CellSnapshot[] = [];
  for (const w of writes) {
    const grid = grids.get(w.ref.sheet);
    if (!grid) return { ok: false, message: `工作表“${w.ref.sheet}”尚未校验或已不存在：请先点“校验”，再写回。` };
    if (seen.has(w.cell)) return { ok: false, message: `写回计划重复包含单元格 ${w.cell}：未写入任何内容。` };
    seen.add(w.cell);
    if (typeof w.value === "number" && !Number.isFinite(w.value)) {
      return { ok: false, message: `单元格 ${w.cell} 的计划值不是有效数字：未写入任何内容。` };
    }
    let reader = readers.get(grid.sheet);
    if (!reader) readers.set(grid.sheet, (reader = new GridReader(grid)));
    if (reader.isMergedAway(w.ref.row, w.ref.col)) {
      return { ok: false, message: `单元格 ${w.cell} 位于合并区域内部，无法单独写入：未写入任何内容。` };
    }
    const snap = snapshotOf(reader, w.ref, w.cell);
    const filled = snap.value !== null || snap.formula !== null;
    if (filled && !consent.has(w.cell)) {
      return { ok: false, message: `单元格 ${w.cell} 已有内容，未经勾选同意不会覆盖：未写入任何内容。` };
    }
    if (!sameValue(snap.value, w.previous)) {
      return { ok: false, message: `单元格 ${w.cell} 的内容与校验时不同：请重新校验后再写回。` };
    }
    snapshot.push(snap);
  }
  return { ok: true, snapshot };
}
