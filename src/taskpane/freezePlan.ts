/**
 * 转为普通公式 / 转为数值: which cells of the grids just read call JX functions, and what each becomes (src/core/freeze
 * rewrites the call as native Excel, or says why it cannot, and the cell keeps its current value). Pure: no React,
 * no workbook; the port writes the result in one batch.
 */
import { type CellValue, type Grid, parseQualified, qualified } from "../core/grid";
import { freezeFormula } from "../core/freeze";
import type { FormulaRewrite } from "../core/port";

export type FreezeMode = "formulas" | "values";

export interface FrozenView {
  cell: string;
  before: string;
  /** What the cell shows afterwards: `=ROUND(…)` or the value kept. */
  after: string;
  /** Why the value was kept, when it was (转为数值 asked for it, or no native formula exists). */
  reason: string | null;
}

function valueIn(grids: readonly Grid[], sheet: string, row: number, col: number): CellValue | undefined {
  const g = grids.find((x) => x.sheet === sheet);
  return g?.values[row - g.top]?.[col - g.left];
}

/** The rewrites and their list; `values` keeps every JX cell's current value, `formulas` natives where it can. */
export function planFreeze(grids: readonly Grid[], mode: FreezeMode): { rewrites: FormulaRewrite[]; views: FrozenView[] } {
  const rewrites: FormulaRewrite[] = [];
  const views: FrozenView[] = [];
  for (const g of grids) {
    const valueAt = (ref: string): CellValue | undefined => {
      const q = parseQualified(ref.includes("!") ? ref : `${g.sheet}!${ref}`);
      return q ? valueIn(grids, q.sheet, q.row, q.col) : undefined;
    };
    g.formulas?.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula === null) return;
        const result = freezeFormula(formula, { valueAt });
        if (result === null) return;
        const ref = { sheet: g.sheet, row: g.top + r, col: g.left + c };
        const cell = qualified(ref);
        const value = g.values[r][c] ?? null;
        if (mode === "formulas" && result.kind === "native") {
          rewrites.push({
            ref,
            cell,
            before: formula,
            previous: value,
            after: { formula: result.formula },
          });
          views.push({
            cell,
            before: formula,
            after: result.formula,
            reason: null,
          });
          return;
        }
        // A value kept is written as the value it is (text stays text, never a formula); an error shows as its text.
        rewrites.push({
          ref,
          cell,
          before: formula,
          previous: value,
          after: { value },
        });
        const reason = mode === "values" ? "转为数值" : result.kind === "value" ? result.reason : "";
        views.push({
          cell,
          before: formula,
          after: value === null ? "（空）" : String(value),
          reason,
        });
      }),
    );
  }
  return { rewrites, views };
}
