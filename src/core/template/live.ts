/**
 * 公式化: the live formulas for a form read from a sheet, where its computed cells hold typed figures. The same
 * builders as the templates (./native.ts, ./shared.ts), pointed at the form's own cells, so a converted form computes
 * what a template of its layout would. Pure; the task pane offers each cell for consent and the port writes it.
 *
 * A cell is left out when its inputs are not where a formula can find them: no 分值 cell for 执行率得分 or an
 * indicator, no amounts, a 执行率 or 得分 column the template lacks, or (without the sheet) a target that is only a
 * number, whose sign might be in a 指标性质 column.
 *
 * 指标性质 in its own column (the Sichuan export: 指标性质 | 指标值 | 度量单位 | 完成值): given the sheet (`cells`),
 * the formula reads the sign from the 指标性质 cell (≥ 正向 / ≤ 反向 / = 等于; 定性 scores by band). Without the
 * sheet the column cannot be found: a target whose sign came from elsewhere (≤, =) then gets that sign as a literal,
 * used only while the 指标值 cell has no sign of its own, so the figure is the engine's.
 *
 * Under a profile that scores 预算执行率 as an indicator (ningxia), that row scores w × the 执行率 cell, as 执行率得分.
 * A time target (`9月底前`) is offered only when its actual is a band: the formulas do not compare dates.
 */
import { a1, type CellRef, type CellValue, type GridReader } from "../grid";
import type { Form, Indicator, NumberField } from "../form/model";
import type { ScoredForm } from "../scoring/form";
import type { ComputedKind } from "../writeplan/computed";
import type { Operator } from "../value/types";
import { execRate, fundScore, grade, indicatorScore, type IndicatorCells, str, totalScore } from "./native";
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

/** The sheet's cells, as far as 公式化 reads them (a GridReader). */
export type SheetCells = Pick<GridReader, "value" | "text">;

/** 预算执行率 as an indicator's name (src/core/scoring/form.ts `RATE_INDICATOR`). */
const RATE_INDICATOR = /^(?:预算|资金|预算资金)?执行率$/;

/** 指标性质 as the reader takes it (src/core/form/indicators.ts `operatorOf`); undefined when it is no 指标性质. */
function natureOf(raw: CellValue): Operator | "" | undefined {
  if (typeof raw !== "string") return undefined;
  const n = raw.replace(/\s/g, "").replace(/指标$/, "");
  if (/^(?:≥|>=|＞＝|≧|正向|大于等于)$/.test(n)) return "≥";
  if (/^(?:≤|<=|＜＝|≦|反向|小于等于)$/.test(n)) return "≤";
  if (/^(?:=|＝|等于)$/.test(n)) return "=";
  if (/^(?:>|＞|大于)$/.test(n)) return ">";
  if (/^(?:<|＜|小于)$/.test(n)) return "<";
  if (/^(?:定性|定量)$/.test(n)) return "";
  return undefined;
}

/** The form's 指标性质 column: the column (none of the indicator's known ones) that holds 指标性质 words in most rows. */
function natureColumn(form: Form, cells: SheetCells): number | null {
  const known = new Set<number>();
  for (const i of form.indicators) {
    for (const f of [i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score, i.note]) if (f) known.add(f.ref.col);
  }
  let best: number | null = null;
  let most = 0;
  for (let c = form.range.left; c <= form.range.right; c++) {
    if (known.has(c)) continue;
    const n = form.indicators.filter((i) => natureOf(cells.value(i.row, c)) !== undefined).length;
    if (n > most) [best, most] = [c, n];
  }
  return best;
}

const opOf = (ind: Indicator): Operator | null => (ind.target.parsed.kind === "quantity" ? ind.target.parsed.op : null);

export function liveFormulas(scored: ScoredForm, cells?: SheetCells): LiveFormula[] {
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

  const natureCol = cells ? natureColumn(form, cells) : null;
  const scores: string[] = [];
  for (const ind of form.indicators) {
    if (!usable(ind.score)) continue;
    scores.push(at(ind.score));
    if (!usable(ind.weight)) continue;
    if (profile.rateIndicator && RATE_INDICATOR.test(ind.name.text?.replace(/\s/g, "") ?? "")) {
      // w × 执行率 (the engine's rateIndicatorScore); blank until both are there, when the engine scores it otherwise.
      const rate = rateOf.get(totalIndex);
      if (rate === undefined || !totalRow) continue;
      const w = at(ind.weight);
      add(
        "score",
        ind.score,
        ind.score.raw,
        blankIf(`OR(${rate}="",TRIM(${w}&"")="")`, fundScore(rate, w, profile.scoreRounding, totalRow.rate.percentFormat)),
      );
      continue;
    }
    const target = targetCells(ind, natureCol, cells);
    if (!target) continue;
    const formula = indicatorScore({ target, actual: at(ind.actual), weight: at(ind.weight) }, bandPercents(profile), profile.reverseFormula);
    add("score", ind.score, ind.score.raw, formula);
  }

  if (form.total && usable(form.total.score) && fundingScoreCell !== null && scores.length > 0) {
    add("total", form.total.score, form.total.score.raw, blankIf(`${fundingScoreCell}=""`, totalScore([fundingScoreCell, ...scores])));
    if (form.grade) add("grade", form.grade, form.grade.text, blankIf(`${at(form.total.score)}=""`, grade(at(form.total.score), profile.grades)));
  }
  return out;
}

/**
 * Where an indicator's score formula finds its target, or null when it cannot: the 指标值 cell with the form's
 * 指标性质 cell, or the target cell alone (its own sign, none meaning ≥, or the sign the reader joined as a literal).
 */
function targetCells(ind: Indicator, natureCol: number | null, cells: SheetCells | undefined): IndicatorCells["target"] | null {
  const cell = at(ind.target);
  const op = opOf(ind);
  // A time target (`9月底前`) met or missed by a date: the formula has no calendar and would show "" for the engine's
  // w or 0. Scored by band (`达成指标`), it computes.
  if (ind.target.parsed.kind === "time" && ind.actual.parsed.kind !== "band") return null;
  if (natureCol !== null && cells) {
    const nature = cells.value(ind.row, natureCol);
    const sign = natureOf(nature);
    // The reader joins the 指标性质 sign only when the 指标值 has none: then the two must agree.
    const own = cells.value(ind.target.ref.row, ind.target.ref.col);
    const ownOp = typeof own === "string" ? /^\s*[≥>≤<=＞＜＝≧≦]/.test(own) : false;
    if (!ownOp && op !== null && sign !== op) return null;
    if (!ownOp && op === null && sign !== undefined && sign !== "" && ind.target.parsed.kind === "quantity") return null;
    return { natureCell: a1(ind.row, natureCol), valueCell: cell };
  }
  // A bare number: the engine reads ≥, as the formula does; without the sheet, a 指标性质 column could not be ruled out.
  if (!cells && /^\s*-?\d+(?:\.\d+)?\s*$/.test(ind.target.text ?? "")) return null;
  if (op === "≤" || op === "<" || op === "=") return { natureCell: str(op), valueCell: cell };
  return { text: cell };
}
