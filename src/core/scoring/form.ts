/** Scores a whole form: 执行率, 执行率得分, each indicator, 总分 and 评分等级. */
import type { Form, FundingRow, Indicator } from "../form/model";
import { fmt2, hundredths, roundTo, sum } from "../number";
import type { Grade } from "../vocabulary";
import { acceptsScore, type IndicatorScore, scoreIndicator } from "./indicator";
import { gradeFor, type Profile } from "./profiles";
import { computeRate, fundingScoreOf, type Rate, rateBy } from "./rate";

export interface ScoredIndicator {
  indicator: Indicator;
  score: IndicatorScore;
  /** The score we would write: the formula's, the band's proposal, or the stated one when it is inside its band. */
  computed: number | null;
  /** The stated score agrees with the computed one (true when nothing can be computed). */
  agrees: boolean;
  /** The score that counts toward 总分: the stated one when it agrees or a note explains it, else the computed. */
  counted: number | null;
}

/** The amounts 执行率 is computed from. */
export interface FundingBasis {
  budget: number;
  executed: number;
  /** The total row is empty or zero while its sub-rows carry amounts: the basis is their sum. */
  fromSubRows: boolean;
}

export interface ScoredForm {
  form: Form;
  profile: Profile;
  /** The 年度资金总额 row (or the first funding row). */
  totalRow: FundingRow | null;
  /** The amounts each funding row's 执行率 is computed from (parallel to `form.funding`); null where one is missing. */
  rowAmounts: (FundingBasis | null)[];
  /** 执行率 of each funding row (parallel to `form.funding`); null where 全年预算数 is 0 or a figure is missing. */
  rowRates: (Rate | null)[];
  /** That of the total row. */
  rate: Rate | null;
  /** 执行率 under the profile's convention, percent points. */
  rateValue: number | null;
  /** 执行率's weight: the form's 分值, a header's `(20分)`, else the profile's; 0 when the funding table scores nothing. */
  fundingWeight: number;
  fundingScore: number | null;
  indicators: ScoredIndicator[];
  total: number | null;
  grade: Grade | null;
}

/** 全年预算数 − 年初预算数 in cents (as the form shows them), or null when either is missing. */
export function budgetAdjustment(row: FundingRow | null): number | null {
  if (!row || row.budget.value === null || row.initial.value === null) return null;
  return hundredths(row.budget.value) - hundredths(row.initial.value);
}

/**
 * The mid-year adjustments a form shows: the total row's when it shows one, else each sub-row's (a cut may be
 * visible only in the sub-row that carries the amounts).
 */
export function budgetAdjustments(scored: ScoredForm): { row: FundingRow; delta: number }[] {
  const total = scored.totalRow;
  const delta = budgetAdjustment(total);
  if (total && delta) return [{ row: total, delta }];
  const out: { row: FundingRow; delta: number }[] = [];
  for (const row of scored.form.funding) {
    const d = row === total ? null : budgetAdjustment(row);
    if (d) out.push({ row, delta: d });
  }
  return out;
}

export function hasNote(indicator: Indicator): boolean {
  return isNote(indicator.note?.text ?? null);
}

/** Printed instructions some templates leave in the 原因 cell (`…未达到90%的需说明原因(100字以内)`): not a note. */
const INSTRUCTION = /需说明原因|应单独说明|\d+字以内/;

function isNote(text: string | null): boolean {
  const t = text?.replace(/\s/g, "") ?? "";
  return t !== "" && t !== "无" && t !== "/" && t !== "-" && !INSTRUCTION.test(t);
}

/** Whether the form explains itself anywhere: an indicator's note or the funding table's own 原因 cell. */
export function formHasNote(form: Form): boolean {
  return isNote(form.fundingNote?.text ?? null) || form.indicators.some(hasNote);
}

const RATE_INDICATOR = /^(?:预算|资金|预算资金)?执行率$/;

/** Under a profile that scores 预算执行率 as an indicator: w × 执行率, to 2 decimals. */
function rateIndicatorScore(indicator: Indicator, rate: number | null, profile: Profile): IndicatorScore | null {
  const w = indicator.weight.value;
  if (!profile.rateIndicator || rate === null || w === null || !RATE_INDICATOR.test(indicator.name.text?.replace(/\s/g, "") ?? "")) return null;
  const value = fundingScoreOf(rate, w, profile.scoreRounding);
  return { kind: "formula", value, exact: value, explain: `${fmt2(w)} × 执行率 ${fmt2(rate)}%`, met: value >= w, equalExceeded: false };
}

function scoreOne(indicator: Indicator, profile: Profile, rate: number | null): ScoredIndicator {
  const score =
    rateIndicatorScore(indicator, rate, profile) ??
    scoreIndicator(indicator.target.parsed, indicator.actual.parsed, indicator.weight.value, profile);
  const stated = indicator.score.value;
  const agrees = stated === null || acceptsScore(score, stated);
  let computed: number | null;
  switch (score.kind) {
    case "formula":
    case "same":
      computed = score.value;
      break;
    case "band":
      computed = stated !== null && agrees ? stated : score.proposal;
      break;
    default:
      computed = null;
  }
  const counted = stated !== null && (agrees || hasNote(indicator) || computed === null) ? stated : computed;
  return { indicator, score, computed, agrees, counted };
}

const isEmptyAmount = (x: number | null) => x === null || x === 0;

/** The amounts of each row; the total row's fall back to its sub-rows' sum when it is empty or zero. */
function amountsOf(funding: readonly FundingRow[], totalIndex: number): (FundingBasis | null)[] {
  return funding.map((row, i) => {
    const { budget, executed } = row;
    if (i === totalIndex && row.kind === "total" && isEmptyAmount(budget.value) && isEmptyAmount(executed.value)) {
      const parts = funding.filter((r) => r.kind !== "total");
      if (parts.some((r) => (r.budget.value ?? 0) !== 0 || (r.executed.value ?? 0) !== 0)) {
        return {
          budget: sum(parts.map((r) => r.budget.value ?? 0)),
          executed: sum(parts.map((r) => r.executed.value ?? 0)),
          fromSubRows: true,
        };
      }
    }
    return budget.value !== null && executed.value !== null ? { budget: budget.value, executed: executed.value, fromSubRows: false } : null;
  });
}

export function scoreForm(form: Form, profile: Profile): ScoredForm {
  const totalIndex = Math.max(0, form.funding.findIndex((r) => r.kind === "total"));
  const totalRow = form.funding[totalIndex] ?? null;
  const rowAmounts = amountsOf(form.funding, totalIndex);
  const rowRates = rowAmounts.map((a) => (a ? computeRate(a.executed, a.budget) : null));
  const rate = rowRates[totalIndex] ?? null;
  const rateValue = rate ? rateBy(rate, profile.rateRounding) : null;
  // A funding table with neither 分值 nor 得分 (Ningxia scores 预算执行率 as an indicator row) scores nothing itself.
  const fundingScored = !totalRow || !totalRow.score.absent || !totalRow.weight.absent || form.fundingWeight !== null;
  const fundingWeight = fundingScored ? (totalRow?.weight.value ?? form.fundingWeight ?? profile.fundingWeight) : 0;
  const fundingScore =
    rateValue !== null ? fundingScoreOf(rateValue, fundingWeight, profile.scoreRounding) : fundingScored ? (totalRow?.score.value ?? null) : 0;
  const indicators = form.indicators.map((i) => scoreOne(i, profile, rateValue));
  let total: number | null = null;
  if (fundingScore !== null && indicators.every((i) => i.counted !== null)) {
    total = roundTo(sum([fundingScore, ...indicators.map((i) => i.counted!)]), 2, "round");
  }
  return {
    form,
    profile,
    totalRow,
    rowAmounts,
    rowRates,
    rate,
    rateValue,
    fundingWeight,
    fundingScore,
    indicators,
    total,
    grade: total === null ? null : gradeFor(total, profile),
  };
}

/**
 * The 总分 the sheet's own scores give: 执行率得分 and each indicator's score as stated, computed ones standing in for
 * blanks. What total-mismatch checks a stated 总分 against, and what a fill writes into a blank one, so a filled
 * form passes its own check.
 */
export function sheetTotal(scored: ScoredForm): { total: number; funding: number; indicators: number } | null {
  const funding = scored.totalRow?.score.value ?? scored.fundingScore;
  if (funding === null) return null;
  const scores: number[] = [];
  for (const s of scored.indicators) {
    const v = s.indicator.score.value ?? s.computed;
    if (v === null) return null;
    scores.push(v);
  }
  const indicators = sum(scores);
  return { total: roundTo(sum([indicators, funding]), 2, "round"), funding, indicators };
}
