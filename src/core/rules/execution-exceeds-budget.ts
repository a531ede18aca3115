import { fmt2, hundredths } from "../number";
import { defineRule, docsUrl } from "./types";

const rule = defineRule({
  meta: {
    id: "execution-exceeds-budget",
    severity: "warning",
    description: "全年执行数大于全年预算数",
    messages: { default: "{label}全年执行数 {executed} 大于全年预算数 {budget}，请核实或说明超支原因" },
    docs: docsUrl("execution-exceeds-budget"),
  },
  check({ form, report }) {
    for (const row of form.funding) {
      const { budget, executed } = row;
      if (budget.value === null || executed.value === null) continue;
      if (hundredths(executed.value) <= hundredths(budget.value)) continue;
      report({
        ref: executed.ref,
        data: { label: row.kind === "total" ? "" : `${row.label}：`, executed: fmt2(executed.value), budget: fmt2(budget.value) },
        expected: budget.value,
        actual: executed.value,
      });
    }
  },
});
export default rule;
