/** Scores a whole form: 执行率, 执行率得分, each indicator, 总分 and 评分等级. */
import type { Form, FundingRow, Indicator } from "../form/model";
import { roundTo, sum } from "../rounding";
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

export interface ScoredForm {
  form: Form;
  profile: Profile;
  /** The 年度资金总额 row (or the first funding row). */
  totalRow: FundingRow | null;
  /** 执行率 of each funding row (parallel to `form.funding`); null where 全年预算数 is 0 or a figure is missing. */
  rowRates: (Rate | null)[];
  /** That of the total row. */
  rate: Rate | null;
  /** 执行率 under the profile's convention, percent points. */
  rateValue: number | null;
  fundingWeight: number;
  fundingScore: number | null;
  indicators: ScoredIndicator[];
  total: number | null;
  grade: Grade | null;
}

/** 全年预算数 − 年初预算数 in cents (as the form shows them), or null when either is missing. */
export function budgetAdjustment(row: FundingRow | null): number | null {
  if (!row || row.budget.value === null || row.initial.value === null) return null;
  return Math.round(row.budget.value * 100) - Math.round(row.initial.value * 100);
}

export function hasNote(indicator: Indicator): boolean {
  const t = indicator.note?.text?.replace(/\s/g, "") ?? "";
  return t !== "" && t !== "无" && t !== "/" && t !== "-";
}

function scoreOne(indicator: Indicator, profile: Profile): ScoredIndicator {
  const score = scoreIndicator(indicator.target.parsed, indicator.actual.parsed, indicator.weight.value, profile);
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

export function scoreForm(form: Form, profile: Profile): ScoredForm {
  const totalIndex = Math.max(0, form.funding.findIndex((r) => r.kind === "total"));
  const totalRow = form.funding[totalIndex] ?? null;
  const rowRates = form.funding.map(({ budget, executed }) =>
    budget.value !== null && executed.value !== null ? computeRate(executed.value, budget.value) : null,
  );
  const rate = rowRates[totalIndex] ?? null;
  const rateValue = rate ? rateBy(rate, profile.rateRounding) : null;
  const fundingWeight = totalRow?.weight.value ?? profile.fundingWeight;
  const fundingScore =
    rateValue !== null ? fundingScoreOf(rateValue, fundingWeight, profile.rateRounding) : (totalRow?.score.value ?? null);
  const indicators = form.indicators.map((i) => scoreOne(i, profile));
  let total: number | null = null;
  if (fundingScore !== null && indicators.every((i) => i.counted !== null)) {
    total = roundTo(sum([fundingScore, ...indicators.map((i) => i.counted!)]), 2, "round");
  }
  return {
    form,
    profile,
    totalRow,
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
