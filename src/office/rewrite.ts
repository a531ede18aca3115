/**
 * The rewrite batch of 转为普通公式 / 转为数值 / 公式化: each cell gets its native formula or its value, keeping its
 * number format, in one sync; as for a write, each target's content is loaded before the commands, and when one no
 * longer holds what the read saw (an edit whose event had not reached us), a second sync puts every cell back.
 */
import type { CellSnapshot, FormulaRewrite } from "../core/port";
import { cellFormula, cellValue } from "./cells";
import { type Content, type FormatsAllowed, put, ranges, sameContent } from "./write";

export async function rewriteBatch(
  context: Excel.RequestContext,
  rewrites: readonly FormulaRewrite[],
  snapshot: readonly CellSnapshot[],
  formats: FormatsAllowed,
): Promise<string[] | null> {
  const cell = ranges(context);
  const before = rewrites.map((w) => {
    const r = cell(w.ref);
    r.load("values,formulas,numberFormat");
    return r;
  });
  rewrites.forEach((w, i) => {
    const content: Content = "formula" in w.after ? { kind: "formula", formula: w.after.formula } : { kind: "value", value: w.after.value };
    put(cell(w.ref), content, snapshot[i].numberFormat ?? "General", formats(w.ref.sheet));
  });
  await context.sync();
  const changed = rewrites.filter((_, i) => !sameContent(before[i], snapshot[i]));
  if (changed.length === 0) return null;
  rewrites.forEach((w, i) => {
    const b = before[i];
    const formula = cellFormula(b.formulas[0][0], cellValue(b.values[0][0]));
    const content: Content = formula ? { kind: "formula", formula } : { kind: "value", value: cellValue(b.values[0][0]) };
    put(cell(w.ref), content, String(b.numberFormat[0][0] ?? "General"), formats(w.ref.sheet));
  });
  await context.sync();
  return changed.map((w) => w.cell);
}
