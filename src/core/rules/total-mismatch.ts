import { fmt2, roundTo, sum } from "../rounding";
import { docsUrl, type Rule } from "./types";

const rule: Rule = {
  meta: {
    id: "total-mismatch",
    severity: "error",
    description: "总分不等于执行率得分与各指标得分之和",
    messages: {
      default: "总分应为 {expected}（执行率得分 {funding} + 指标得分合计 {indicators}），表内为 {actual}",
    },
    docs: docsUrl("total-mismatch"),
  },
  check({ scored, form, report }) {
    const stated = form.total?.score.value ?? null;
    if (stated === null || !form.total) return;
    // The form's own arithmetic: stated scores, computed ones standing in for blanks.
    const funding = scored.totalRow?.score.value ?? scored.fundingScore;
    if (funding === null) return;
    const scores: number[] = [];
    for (const s of scored.indicators) {
      const v = s.indicator.score.value ?? s.computed;
      if (v === null) return;
      scores.push(v);
    }
    const indicators = sum(scores);
    const expected = roundTo(sum([indicators, funding]), 2, "round");
    if (Math.round(expected * 100) === Math.round(stated * 100)) return;
    report({
      ref: form.total.score.ref,
      data: { expected: fmt2(expected), funding: fmt2(funding), indicators: fmt2(indicators), actual: fmt2(stated) },
      expected,
      actual: stated,
    });
  },
};
export default rule;
