import type { NumberField } from "../form/model";
import { fmt2, hundredths } from "../number";
import { nameOf } from "./support/describe";
import { defineRule, docsUrl } from "./types";

const rule = defineRule({
  meta: {
    id: "score-exceeds-weight",
    severity: "error",
    description: "得分超过分值",
    messages: { default: "{what}得分 {actual} 超过分值 {weight}" },
    docs: docsUrl("score-exceeds-weight"),
  },
  check({ scored, form, report }) {
    const over = (what: string, score: NumberField | undefined | null, weight: number | null | undefined) => {
      if (!score || score.value === null || weight === null || weight === undefined) return;
      if (hundredths(score.value) <= hundredths(weight)) return;
      report({ ref: score.ref, data: { what, actual: fmt2(score.value), weight: fmt2(weight) }, expected: weight, actual: score.value });
    };
    over("执行率", scored.totalRow?.score, scored.fundingWeight);
    for (const i of form.indicators) over(nameOf(i), i.score, i.weight.value);
    over("总分", form.total?.score, form.total?.weight?.value ?? 100);
  },
});
export default rule;
