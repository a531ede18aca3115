import type { FundingRow } from "../form/model";
import { fmt2, hundredths } from "../number";
import type { ScoredForm } from "../scoring/form";
import { fundingScoreOf, judgeRate, rateBy } from "../scoring/rate";
import { defineRule, docsUrl } from "./types";

/** Whether a stated 得分 is one the row's figures allow: from either rate convention, or from a stated rate the amounts allow. */
function acceptable(scored: ScoredForm, i: number, weight: number, stated: number): boolean {
  const row = scored.form.funding[i];
  const rate = scored.rowRates[i]!;
  const amounts = scored.rowAmounts[i]!;
  const s = hundredths(stated);
  const gives = (r: number) => s === hundredths(fundingScoreOf(r, weight, "trunc")) || s === hundredths(fundingScoreOf(r, weight, "round"));
  if (gives(rate.truncated) || gives(rate.rounded)) return true;
  const statedRate = row.rate.value;
  return statedRate !== null && judgeRate(statedRate, rate, amounts.executed, amounts.budget, scored.profile.rateRounding) !== "mismatch" && gives(statedRate);
}

const rule = defineRule({
  meta: {
    id: "funding-score-mismatch",
    severity: "error",
    description: "执行率得分与执行率不符",
    messages: {
      default: "{label}执行率得分应为 {expected}（分值 {weight} × 执行率 {rate}% ，上限为分值），表内为 {actual}",
    },
    docs: docsUrl("funding-score-mismatch"),
  },
  check({ scored, form, report }) {
    form.funding.forEach((row: FundingRow, i) => {
      const stated = row.score.value;
      const rate = scored.rowRates[i];
      // The total row's weight may come from a header or the profile; a sub-row is checked only where it states one.
      const weight = row === scored.totalRow ? scored.fundingWeight : row.weight.value;
      if (stated === null || rate === null || weight === null || scored.rowAmounts[i] === null) return;
      if (acceptable(scored, i, weight, stated)) return;
      const rateValue = row === scored.totalRow ? scored.rateValue! : rateBy(rate, scored.profile.rateRounding);
      const expected = row === scored.totalRow ? scored.fundingScore! : fundingScoreOf(rateValue, weight, scored.profile.scoreRounding);
      report({
        ref: row.score.ref,
        data: { label: row === scored.totalRow ? "" : `${row.label}：`, expected: fmt2(expected), weight: fmt2(weight), rate: fmt2(rateValue), actual: fmt2(stated) },
        expected,
        actual: stated,
      });
    });
  },
});
export default rule;
