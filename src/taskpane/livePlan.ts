/**
 * 公式化: which computed cells of the checked forms hold a typed figure (not a formula, not blank) and the live
 * formula each could hold instead (src/core/template/live.ts). Loaded on first use, with the template builders.
 */
import { GridReader, isBlank, qualified } from "../core/grid";
import type { FormulaRewrite } from "../core/port";
import { liveFormulas } from "../core/template/live";
import type { SheetView } from "./model";

const KIND_LABEL = {
  rate: "执行率",
  fundingScore: "执行率得分",
  score: "指标得分",
  total: "总分",
  grade: "评分等级",
} as const;

export interface LiveProposal {
  cell: string;
  label: string;
  /** The cell's figure as read. */
  shown: string;
  rewrite: FormulaRewrite;
}

export function planLive(sheets: readonly SheetView[]): LiveProposal[] {
  const out: LiveProposal[] = [];
  for (const s of sheets) {
    const reader = new GridReader(s.grid);
    for (const f of s.forms) {
      for (const live of liveFormulas(f.report.scored, reader)) {
        const { row, col } = live.ref;
        const value = reader.value(row, col);
        if (reader.formula(row, col) !== null || isBlank(value) || reader.isMergedAway(row, col)) continue;
        const cell = qualified(live.ref);
        out.push({
          cell,
          label: KIND_LABEL[live.kind],
          shown: String(reader.text(row, col) ?? value),
          rewrite: {
            ref: live.ref,
            cell,
            before: null,
            previous: value,
            after: { formula: `=${live.formula}` },
          },
        });
      }
    }
  }
  return out;
}
