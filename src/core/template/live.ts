/**
 * 公式化: the live formulas for a form read from a sheet, where its computed cells hold typed figures. The same
 * builders as the templates (./native.ts, ./shared.ts), pointed at the form's own cells, so a converted form computes
 * what a template of its layout would. Pure; the task pane offers each cell for consent and the port writes it.
 *
 * A cell is left out when its inputs are not where a formula can find them: no 分值 cell for 执行率得分 or an
 * indicator, no amounts, a 执行率 or 得分 column the template lacks, or a target that is only a number (a layout that
 * splits 指标性质 into its own column: the sign is not in the cell, and a formula would take it for ≥).
 */
import { a1, type CellRef, type CellValue } from "../grid";
import type { NumberField } from "../form/model";
import type { ScoredForm } from "../scoring/form";
import type { ComputedKind } from "../writeplan/computed";
import { execRate, fundScore, grade, indicatorScore, totalScore } from "./native";
import { bandPercents, blankIf } from "./shared";

export interface LiveFormula {
  kind: ComputedKind;
  ref: CellRef;
  /** What the cell holds now (the figure a formula would replace). */
  raw: CellValue;
  /** Without the leading `=`. */
  formula: string;
}

const at = (f: { ref: CellRef }) => a1(f.ref.row, f.ref.col);
const usable = (f: NumberField | null | undefined): f is NumberField => !!f && !f.absent;

export function liveFormulas(scored: ScoredForm): LiveFormula[] {
  const { form, profile } = scored;
  const out: LiveFormula[] = [];
  const add = (kind: ComputedKind, field: { ref: CellRef }, raw: CellValue, formula: string) =>
    out.push({ kind, ref: { ...field.ref }, raw, formula });

  const rateOf = new Map<number, string>();
  form.funding.forEach((row, i) => {
    if (!usable(row.budget) || !usable(row.executed)) return;
    // A sub-row with nothing budgeted prints 0.00 (the engine's idle row) where the template's formula shows blank.
    if (row !== scored.totalRow && !row.budget.value) return;
    const expr = blankIf(
      `OR(N(${at(row.budget)})=0,${at(row.executed)}="")`,
      execRate(at(row.executed), at(row.budget), profile.rateRounding, row.rate.percentFormat),
    );
    if (usable(row.rate)) {
      add("rate", row.rate, row.rate.raw, expr);
      rateOf.set(i, at(row.rate));
    }
  });

  const totalRow = scored.totalRow;
  const totalIndex = totalRow ? form.funding.indexOf(totalRow) : -1;
  let fundingScoreCell: string | null = null;
  if (totalRow && usable(totalRow.score) && usable(totalRow.weight) && rateOf.has(totalIndex)) {
    const rate = rateOf.get(totalIndex)!;
    add(
      "fundingScore",
      totalRow.score,
      totalRow.score.raw,
      blankIf(`${rate}=""`, fundScore(rate, at(totalRow.weight), profile.scoreRounding, totalRow.rate.percentFormat)),
    );
    fundingScoreCell = at(totalRow.score);
  }

  const scores: string[] = [];
  for (const ind of form.indicators) {
    if (!usable(ind.score)) continue;
    scores.push(at(ind.score));
    if (!usable(ind.weight) || /^\s*-?\d+(?:\.\d+)?\s*$/.test(ind.target.text ?? "")) continue;
    const formula = indicatorScore(
      {
        target: { text: at(ind.target) },
        actual: at(ind.actual),
        weight: at(ind.weight),
      },
      bandPercents(profile),
      profile.reverseFormula,
    );
    add("score", ind.score, ind.score.raw, formula);
  }

  if (form.total && usable(form.total.score) && fundingScoreCell !== null && scores.length > 0) {
    add("total", form.total.score, form.total.score.raw, blankIf(`${fundingScoreCell}=""`, totalScore([fundingScoreCell, ...scores])));
    if (form.grade) add("grade", form.grade, form.grade.text, blankIf(`${at(form.total.score)}=""`, grade(at(form.total.score), profile.grades)));
  }
  return out;
}
