import { isCostIndicator, nameOf } from "./support/describe";
import { defineRule, docsUrl } from "./types";

const rule = defineRule({
  meta: {
    id: "target-vague",
    severity: "warning",
    description: "成本指标使用了定性指标值（如“控制在合理范围内”）",
    messages: {
      default: "{name}为成本指标，年度指标值“{text}”不可衡量，应写成金额，如 ≤{hint}",
    },
    docs: docsUrl("target-vague"),
  },
  check({ scored, form, report }) {
    const budget = scored.totalRow?.budget.value;
    for (const i of form.indicators) {
      if (i.target.parsed.kind !== "qualitative" || !isCostIndicator(i)) continue;
      const hint = budget != null ? `${budget.toFixed(2)}(${form.amountUnit})` : "27.40(万元)";
      report({ ref: i.target.ref, data: { name: nameOf(i), text: i.target.text ?? "", hint }, actual: i.target.text });
    }
  },
});
export default rule;
