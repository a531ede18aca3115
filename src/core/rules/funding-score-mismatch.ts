import { fmt2, hundredths } from "../number";
import { fundingScoreOf, judgeRate } from "../scoring/rate";
import { docsUrl, type Rule } from "./types";

const rule: Rule = {
  meta: {
    id: "funding-score-mismatch",
    severity: "error",
    description: "执行率得分与执行率不符",
    messages: {
      default: "执行率得分应为 {expected}（分值 {weight} × 执行率 {rate}% ，上限为分值），表内为 {actual}",
    },
    docs: docsUrl("funding-score-mismatch"),
  },
  check({ scored, report }) {
    const row = scored.totalRow;
    const stated = row?.score.value ?? null;
    const amounts = scored.rowAmounts[row ? scored.form.funding.indexOf(row) : -1];
    if (!row || stated === null || scored.rate === null || scored.rateValue === null || !amounts) return;
    const w = scored.fundingWeight;
    // Accept the score from either rate convention, and from a stated rate the amounts allow.
    const rates = [scored.rate.truncated, scored.rate.rounded];
    const statedRate = row.rate.value;
    if (statedRate !== null && judgeRate(statedRate, scored.rate, amounts.executed, amounts.budget, scored.profile.rateRounding) !== "mismatch") {
      rates.push(statedRate);
    }
    const acceptable = new Set<number>();
    for (const r of rates) for (const mode of ["trunc", "round"] as const) acceptable.add(hundredths(fundingScoreOf(r, w, mode)));
    if (acceptable.has(hundredths(stated))) return;
    report({
      ref: row.score.ref,
      data: { expected: fmt2(scored.fundingScore!), weight: fmt2(w), rate: fmt2(scored.rateValue), actual: fmt2(stated) },
      expected: scored.fundingScore,
      actual: stated,
    });
  },
};
export default rule;
