/**
 * The checks a workbook port makes before 转为普通公式 / 公式化 rewrites cells, against the grids of its last read
 * (the counterpart of ../guard.ts for writes): each cell exists, is not hidden under a merge, is named once, and
 * still holds the formula or value the plan was made from. Pure; shared by the Office adapter and the preview.
 * Consent is the caller's: freeze rewrites what the user asked to freeze, 公式化 only the cells ticked.
 */
import { type Grid, GridReader, isBlank } from "../grid";
import type { GuardResult } from "../guard";
import type { CellSnapshot, FormulaRewrite } from "../port";

export function guardRewrites(grids: ReadonlyMap<string, Grid>, rewrites: readonly FormulaRewrite[]): GuardResult {
  const readers = new Map<string, GridReader>();
  const seen = new Set<string>();
  const snapshot: CellSnapshot[] = [];
  for (const w of rewrites) {
    const grid = grids.get(w.ref.sheet);
    if (!grid)
      return {
        ok: false,
        message: `工作表“${w.ref.sheet}”尚未读取或已不存在：请重新操作。未写入任何内容。`,
      };
    if (seen.has(w.cell))
      return {
        ok: false,
        message: `改写计划重复包含单元格 ${w.cell}：未写入任何内容。`,
      };
    seen.add(w.cell);
    if ("value" in w.after && typeof w.after.value === "number" && !Number.isFinite(w.after.value)) {
      return {
        ok: false,
        message: `单元格 ${w.cell} 的计划值不是有效数字：未写入任何内容。`,
      };
    }
    let reader = readers.get(grid.sheet);
    if (!reader) readers.set(grid.sheet, (reader = new GridReader(grid)));
    if (reader.isMergedAway(w.ref.row, w.ref.col))
      return {
        ok: false,
        message: `单元格 ${w.cell} 位于合并区域内部：未写入任何内容。`,
      };
    const value = reader.value(w.ref.row, w.ref.col);
    const formula = reader.formula(w.ref.row, w.ref.col);
    const same = formula === w.before && (isBlank(value) ? isBlank(w.previous) : value === w.previous);
    if (!same)
      return {
        ok: false,
        message: `单元格 ${w.cell} 的内容与读取时不同：请重新操作。未写入任何内容。`,
      };
    snapshot.push({
      cell: w.cell,
      ref: { ...w.ref },
      value: isBlank(value) && formula === null ? null : value,
      formula,
      numberFormat: reader.format(w.ref.row, w.ref.col),
    });
  }
  return { ok: true, snapshot };
}
