import { fmt2 } from "../number";
import { hasNote } from "../scoring/form";
import { bandName } from "../scoring/indicator";
import { nameOf } from "./support/describe";
import { defineRule, docsUrl } from "./types";

const rule = defineRule({
  meta: {
    id: "indicator-score-mismatch",
    severity: "error",
    description: "指标得分与计分公式或定性档次不符",
    messages: {
      default: "{name}得分应为 {expected}（{explain}），表内为 {actual}{noted}",
      band: "{name}实际完成值为“{band}”，得分应在 {low}–{high} 分之间（分值 {weight}），表内为 {actual}{noted}",
      same: "{name}实际完成值与指标值一致，得分应为 {expected}，表内为 {actual}{noted}",
      sameBand: "{name}实际完成值与指标值一致（达成），得分应在 {low}–{expected} 分之间，表内为 {actual}{noted}",
    },
    docs: docsUrl("indicator-score-mismatch"),
  },
  check({ scored, report }) {
    for (const s of scored.indicators) {
      const stated = s.indicator.score.value;
      if (stated === null || s.agrees || s.score.kind === "none") continue;
      const noted = hasNote(s.indicator);
      const data: Record<string, string | number> = {
        name: nameOf(s.indicator),
        actual: fmt2(stated),
        weight: fmt2(s.indicator.weight.value ?? 0),
        noted: noted ? "；偏差说明已填写，请确认评分依据" : "，且未填写偏差原因",
      };
      if (s.score.kind === "formula") Object.assign(data, { expected: fmt2(s.score.value), explain: s.score.explain });
      if (s.score.kind === "same") Object.assign(data, { expected: fmt2(s.score.value), low: fmt2(s.score.low) });
      if (s.score.kind === "band") {
        Object.assign(data, { band: bandName(s.score.band), low: fmt2(s.score.low), high: fmt2(s.score.high) });
      }
      report({
        messageId: s.score.kind === "formula" ? "default" : s.score.kind === "same" && s.score.low < s.score.value ? "sameBand" : s.score.kind,
        severity: noted ? "warning" : undefined,
        ref: s.indicator.score.ref,
        data,
        expected: s.computed,
        actual: stated,
      });
    }
  },
});
export default rule;
