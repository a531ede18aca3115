import { fmt2 } from "../number";
import { budgetAdjustments, formHasNote, hasNote } from "../scoring/form";
import { draftIndicatorNote, draftRateNote } from "../writeplan/notes";
import { nameOf } from "./support/describe";
import { defineRule, docsUrl } from "./types";

const rule = defineRule({
  meta: {
    id: "missing-deviation-note",
    severity: "error",
    description: "应填写偏差原因分析及改进措施而未填写",
    messages: {
      default: "{name}得分 {score} 低于分值 {weight}，应填写偏差原因分析及改进措施",
      rate: "执行率 {rate}% 低于 {threshold}%，应在偏差原因分析中说明",
      adjusted: "全年预算数与年初预算数不同，本配置要求在偏差原因分析中说明调整原因",
    },
    docs: docsUrl("missing-deviation-note"),
  },
  check({ scored, form, profile, report }) {
    for (const s of scored.indicators) {
      const draft = draftIndicatorNote(s);
      if (draft === null || hasNote(s.indicator)) continue;
      report({
        ref: s.indicator.note?.ref ?? s.indicator.score.ref,
        data: { name: nameOf(s.indicator), score: fmt2((s.indicator.score.value ?? s.computed)!), weight: fmt2(s.indicator.weight.value!) },
        expected: draft,
        actual: s.indicator.note?.text ?? null,
      });
    }
    // The form has no note cell for the funding rows: any note in the form counts as the explanation.
    const anyNote = formHasNote(form);
    const row = scored.totalRow;
    const rateNote = row && !anyNote ? draftRateNote(scored) : null;
    if (row && rateNote) {
      report({
        messageId: "rate",
        severity: profile.rateNoteRequired ? undefined : "warning",
        ref: row.rate.ref,
        data: { rate: fmt2(scored.rateValue!), threshold: profile.rateNoteThreshold },
        expected: rateNote,
      });
    }
    const adjusted = budgetAdjustments(scored)[0];
    if (adjusted && profile.adjustmentNoteRequired && !anyNote) report({ messageId: "adjusted", ref: adjusted.row.budget.ref });
  },
});
export default rule;
