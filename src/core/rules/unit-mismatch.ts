import { timeOf } from "../value/time";
import { nameOf } from "./support/describe";
import { defineRule, docsUrl } from "./types";

const rule = defineRule({
  meta: {
    id: "unit-mismatch",
    severity: "warning",
    description: "实际完成值的单位与年度指标值不同，数值指标填了文字，或时限指标填了非时间的数值",
    messages: {
      default: "{name}年度指标值单位为“{target}”，实际完成值单位为“{actual}”",
      missing: "{name}实际完成值缺少单位（年度指标值单位为“{target}”）",
      kind: "{name}年度指标值为数值（{targetText}），实际完成值却为文字“{actualText}”，应填写实际数值",
      time: "{name}年度指标值为时限（{targetText}），实际完成值“{actualText}”不是完成时间，应填写如“7月”“2023年7月15日”或“按时完成”",
    },
    docs: docsUrl("unit-mismatch"),
  },
  check({ form, report }) {
    for (const i of form.indicators) {
      const t = i.target.parsed;
      const a = i.actual.parsed;
      // A time target is met by a time (`9月前` → `7月`, `及时`): a number that is not one has nothing to compare.
      if (t.kind === "time") {
        if (a.kind === "quantity" && timeOf(a) === null) {
          report({ messageId: "time", ref: i.actual.ref, data: { name: nameOf(i), targetText: i.target.text ?? "", actualText: i.actual.text ?? "" } });
        }
        continue;
      }
      if (t.kind === "quantity" && (a.kind === "qualitative" || a.kind === "band" || a.kind === "time")) {
        report({ messageId: "kind", ref: i.actual.ref, data: { name: nameOf(i), targetText: i.target.text ?? "", actualText: i.actual.text ?? "" } });
        continue;
      }
      if (t.kind !== "quantity" || a.kind !== "quantity" || t.unit === null) continue;
      if (a.unit === null) {
        report({ messageId: "missing", severity: "info", ref: i.actual.ref, data: { name: nameOf(i), target: t.unit }, expected: t.unit });
      } else if (a.unit !== t.unit) {
        report({ ref: i.actual.ref, data: { name: nameOf(i), target: t.unit, actual: a.unit }, expected: t.unit, actual: a.unit });
      }
    }
  },
});
export default rule;
