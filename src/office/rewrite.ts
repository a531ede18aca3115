/**
 * The rewrite batch of 转为普通公式 / 转为数值 / 公式化: each cell gets its native formula or its value, keeping its
 * number format, in one sync; as for a write, each target's content is loaded before the commands, and when one no
 * longer holds what the read saw (an edit whose event had not reached us), a second sync puts every cell back.
 */
import type { CellSnapshot, FormulaRewrite } from "../core/port";
import { type Content, type FormatsAllowed, guardedBatch, put } from "./write";

export function rewriteBatch(
  context: Excel.RequestContext,
  rewrites: readonly FormulaRewrite[],
  snapshot: readonly CellSnapshot[],
  formats: FormatsAllowed,
): Promise<string[] | null> {
  return guardedBatch(context, rewrites, snapshot, formats, (cell, w, i) => {
    const content: Content = "formula" in w.after ? { kind: "formula", formula: w.after.formula } : { kind: "value", value: w.after.value };
    put(cell(w.ref), content, snapshot[i].numberFormat ?? "General", formats(w.ref.sheet));
  });
}
