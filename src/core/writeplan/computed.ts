/**
 * The one list of the cells a form computes (执行率, 执行率得分, indicator 得分, 总分, 评分等级) with the value each
 * should hold. The write plan fills them; missing-field reports the blank ones as "可自动填写". One list, so the two
 * never disagree about which cells are computed.
 */
import { type CellRef, type CellValue, isBlank, qualified } from "../grid";
import type { NumberField, TextField } from "../form/model";
import { dec } from "../number";
import { isPercentFormat, showsDigits } from "../form/cells";
import { type ScoredForm, sheetTotal } from "../scoring/form";
import { gradeFor } from "../scoring/profiles";
import { rateBy } from "../scoring/rate";

export type ComputedKind = "rate" | "fundingScore" | "score" | "total" | "grade";

export interface ComputedCell {
  kind: ComputedKind;
  ref: CellRef;
  /** What the cell holds now. */
  raw: CellValue;
  /** What it should hold (a rate in a percent-formatted cell as a fraction), or null when it cannot be computed. */
  value: number | string | null;
  /** The number format to write with the value. */
  numberFormat?: string;
  /** Which indicator, for 得分 cells. */
  indicator?: number;
}

/** A number keeps the cell's own format when it already shows such a number (`#,##0.00_ `); else `fallback`. */
function formatFor(field: NumberField, fallback: string): string {
  const own = field.format;
  return showsDigits(own) && isPercentFormat(own) === isPercentFormat(fallback) ? own! : fallback;
}

/**
 * The computed cells of a scored form, in form order. `overwrite` names the non-empty cells the caller may replace:
 * the 等级 follows the 总分 the sheet will show (the written one, or the stated one that stays).
 */
export function computedCells(scored: ScoredForm, overwrite: ReadonlySet<string> = new Set()): ComputedCell[] {
  const out: ComputedCell[] = [];
  const number = (kind: ComputedKind, field: NumberField, value: number | null, indicator?: number) => {
    if (field.absent) return;
    const cell: ComputedCell = { kind, ref: field.ref, raw: field.raw, value, numberFormat: formatFor(field, "0.00") };
    if (indicator !== undefined) cell.indicator = indicator;
    out.push(cell);
  };
  const { form } = scored;
  form.funding.forEach((row, i) => {
    const rate = scored.rowRates[i];
    if (row.rate.absent) return;
    // A sub-row with nothing budgeted and nothing spent is printed 0.00 (seed); a zero total budget is an error.
    const idle = rate === null && row.budget.value === 0 && row.executed.value === 0 && row !== scored.totalRow;
    const value = rate ? rateBy(rate, scored.profile.rateRounding) : idle ? 0 : null;
    if (row.rate.percentFormat) {
      const fraction = value === null ? null : dec(value).div(100).toNumber();
      out.push({ kind: "rate", ref: row.rate.ref, raw: row.rate.raw, value: fraction, numberFormat: formatFor(row.rate, "0.00%") });
    } else number("rate", row.rate, value);
  });
  if (scored.totalRow) number("fundingScore", scored.totalRow.score, scored.fundingScore);
  scored.indicators.forEach((s, i) => number("score", s.indicator.score, s.computed, i));
  // The 总分 the sheet's own scores give once the other cells are filled, so a filled form passes its own check.
  const own = sheetTotal(scored)?.total ?? null;
  if (form.total) number("total", form.total.score, own);
  if (form.grade) {
    const totalWritten = form.total !== null && (isBlank(form.total.score.raw) || overwrite.has(qualified(form.total.score.ref)));
    const shown = totalWritten ? own : (form.total?.score.value ?? own);
    out.push({ kind: "grade", ref: form.grade.ref, raw: gradeRaw(form.grade), value: shown === null ? null : gradeFor(shown, scored.profile) });
  }
  return out;
}

/** A text field's content as a cell value (null when blank). */
function gradeRaw(field: TextField): CellValue {
  return field.text;
}
