import { fmt2, hundredths } from "../number";
import { sheetTotal } from "../scoring/form";
import { defineRule, docsUrl } from "./types";

const rule = defineRule({
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
    const own = sheetTotal(scored);
    if (own === null || hundredths(own.total) === hundredths(stated)) return;
    report({
      ref: form.total.score.ref,
      data: { expected: fmt2(own.total), funding: fmt2(own.funding), indicators: fmt2(own.indicators), actual: fmt2(stated) },
      expected: own.total,
      actual: stated,
    });
  },
});
export default rule;
