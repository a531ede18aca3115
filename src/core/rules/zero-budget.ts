import { isBlankForm } from "../form/blank";
import { defineRule, docsUrl } from "./types";

const rule = defineRule({
  meta: {
    id: "zero-budget",
    severity: "error",
    description: "全年预算数为 0 或为空，无法计算执行率",
    messages: {
      default: "全年预算数为 0，无法计算执行率",
      missing: "全年预算数为空，无法计算执行率",
    },
    docs: docsUrl("zero-budget"),
  },
  check({ scored, form, report }) {
    const row = scored.totalRow;
    // A zero total row whose sub-rows carry the amounts is scored from them (funding-rows-sum reports the total).
    if (!row || row.budget.unreadable || scored.rowAmounts[scored.form.funding.indexOf(row)]?.fromSubRows) return;
    if (row.budget.value === 0) report({ ref: row.budget.ref, actual: 0 });
    // On a form nobody has filled in yet, a blank budget is still to be typed: missing-field says so.
    else if (row.budget.value === null && !isBlankForm(form)) report({ messageId: "missing", ref: row.budget.ref, actual: null });
  },
});
export default rule;
