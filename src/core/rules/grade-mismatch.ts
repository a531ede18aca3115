import { fmt2 } from "../number";
import { gradeFor } from "../scoring/profiles";
import { defineRule, docsUrl } from "./types";

/** Forms print the grade short or long. */
const LONG_FORMS: Record<string, string> = { 优: "优秀", 良: "良好", 中: "中等", 差: "较差" };

const rule = defineRule({
  meta: {
    id: "grade-mismatch",
    severity: "error",
    description: "评分等级与总分不符",
    messages: { default: "总分 {total} 对应评分等级“{expected}”（≥90 优，≥80 良，≥60 中，<60 差），表内为“{actual}”" },
    docs: docsUrl("grade-mismatch"),
  },
  check({ scored, form, profile, report }) {
    const stated = form.grade?.text?.replace(/\s/g, "") ?? null;
    const total = form.total?.score.value ?? scored.total;
    if (!form.grade || stated === null || total === null) return;
    const expected = gradeFor(total, profile);
    if (stated === expected || LONG_FORMS[expected] === stated) return;
    report({ ref: form.grade.ref, data: { total: fmt2(total), expected, actual: stated }, expected, actual: stated });
  },
});
export default rule;
