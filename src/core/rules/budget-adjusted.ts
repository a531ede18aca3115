import { fmt2 } from "../number";
import { budgetAdjustments } from "../scoring/form";
import { defineRule, docsUrl } from "./types";

const rule = defineRule({
  meta: {
    id: "budget-adjusted",
    severity: "info",
    description: "全年预算数与年初预算数不同（年中调整）",
    messages: { default: "{label}全年预算数 {budget} 与年初预算数 {initial} 不同（调整 {delta}），宜在偏差原因中说明调整原因" },
    docs: docsUrl("budget-adjusted"),
  },
  check({ scored, report }) {
    for (const { row, delta } of budgetAdjustments(scored)) {
      report({
        ref: row.budget.ref,
        data: {
          label: row.kind === "total" ? "" : `${row.label}：`,
          budget: fmt2(row.budget.value!),
          initial: fmt2(row.initial.value!),
          delta: `${delta > 0 ? "+" : ""}${fmt2(delta / 100)}`,
        },
        expected: row.initial.value,
        actual: row.budget.value,
      });
    }
  },
});
export default rule;
