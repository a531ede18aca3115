/**
 * The one list of the cells a form computes (执行率, 执行率得分, indicator 得分, 总分, 评分等级). The write plan fills
 * them; missing-field reports the blank ones as "可自动填写". One list, so the two never disagree about which cells are
 * computed.
 */
import { type CellRef, type CellValue, isBlank, qualified } from "../grid";
import type { FundingRow, NumberField } from "../form/model";
import { dec } from "../number";
import { isPercentFormat, showsDigits } from "../form/cells";
import { type ScoredForm, sheetTotal } from "../scoring/form";
import { gradeFor } from "../scoring/profiles";
import { rateBy } from "../scoring/rate";

export type ComputedKind = "rate" | "fundingScore" | "score" | "total" | "grade";

/** Where a computed cell is: its field's position and content. */
export interface ComputedField {
  kind: ComputedKind;
  ref: CellRef;
  raw: CellValue;
  /** The funding row of a 执行率 cell; the indicator's position of a 得分 cell. */
  row?: FundingRow;
  indicator?: number;
}

export interface ComputedCell extends ComputedField {
  /** What it should hold (a rate in a percent-formatted cell as a fraction), or null when it cannot be computed. */
  value: number | string | null;
  numberFormat?: string;
}

/** Visits every computed cell of a form, in form order (no allocation: missing-field asks this of every form). */
export function forEachComputedField(scored: ScoredForm, visit: (kind: ComputedKind, field: NumberField | null, i: number) => void): void {
  const { form } = scored;
  for (let i = 0; i < form.funding.length; i++) if (!form.funding[i].rate.absent) visit("rate", form.funding[i].rate, i);
  if (scored.totalRow && !scored.totalRow.score.absent) visit("fundingScore", scored.totalRow.score, -1);
  for (let i = 0; i < form.indicators.length; i++) if (!form.indicators[i].score.absent) visit("score", form.indicators[i].score, i);
  if (form.total) visit("total", form.total.score, -1);
  if (form.grade) visit("grade", null, -1);
}

/** A number keeps the cell's own format when it already shows such a number (`#,##0.00_ `); else `fallback`. */
function formatFor(field: NumberField, fallback: string): string {
  const own = field.format;
  return showsDigits(own) && isPercentFormat(own) === isPercentFormat(fallback) ? own! : fallback;
}

/**
 * The computed cells of a scored form with the value each should hold. `overwrite` names the non-empty cells the
 * caller may replace: the 等级 follows the 总分 the sheet will show (the written one, or the stated one that stays).
 */
export function computedCells(scored: ScoredForm, overwrite: ReadonlySet<string> = new Set()): ComputedCell[] {
  const out: ComputedCell[] = [];
  const { form } = scored;
  // The 总分 the sheet's own scores give once the other cells are filled, so a filled form passes its own check.
  const own = sheetTotal(scored)?.total ?? null;
  forEachComputedField(scored, (kind, field, i) => {
    if (kind === "grade") {
      const grade = form.grade!;
      const totalWritten = form.total !== null && (isBlank(form.total.score.raw) || overwrite.has(qualified(form.total.score.ref)));
      const shown = totalWritten ? own : (form.total?.score.value ?? own);
      out.push({ kind, ref: grade.ref, raw: grade.text, value: shown === null ? null : gradeFor(shown, scored.profile) });
      return;
    }
    const f = field!;
    const cell: ComputedCell = { kind, ref: f.ref, raw: f.raw, value: null, numberFormat: formatFor(f, "0.00") };
    if (kind === "rate") {
      const row = form.funding[i];
      const rate = scored.rowRates[i];
      // A sub-row with nothing budgeted and nothing spent is printed 0.00 (seed); a zero total budget is an error.
      const idle = rate === null && row.budget.value === 0 && row.executed.value === 0 && row !== scored.totalRow;
      const value = rate ? rateBy(rate, scored.profile.rateRounding) : idle ? 0 : null;
      cell.row = row;
      cell.value = value;
      if (f.percentFormat) {
        cell.value = value === null ? null : dec(value).div(100).toNumber();
        cell.numberFormat = formatFor(f, "0.00%");
      }
    } else if (kind === "fundingScore") cell.value = scored.fundingScore;
    else if (kind === "score") {
      cell.indicator = i;
      cell.value = scored.indicators[i].computed;
    } else cell.value = own;
    out.push(cell);
  });
  return out;
}
