import type { NumberField } from "../form/model";
import { nameOf } from "./support/describe";
import { docsUrl, type Rule } from "./types";

const rule: Rule = {
  meta: {
    id: "value-unparseable",
    severity: "error",
    description: "单元格内容无法识别（指标值、实际值或数字）",
    messages: {
      default: "{name}{what}“{text}”无法识别，应写作如 ≥90.00(%)、≤27.40(万元)、=12(次) 或文字指标",
      number: "{what}“{text}”不是数字",
    },
    docs: docsUrl("value-unparseable"),
  },
  check({ form, report }) {
    // Labels are built only for the rare cell that needs one.
    const number = (what: () => string, f: NumberField | null | undefined) => {
      if (f?.unreadable) report({ messageId: "number", ref: f.ref, data: { what: what(), text: String(f.raw) }, actual: String(f.raw) });
    };
    for (const row of form.funding) {
      const label = row.label || "资金";
      number(() => `${label}年初预算数`, row.initial);
      number(() => `${label}全年预算数`, row.budget);
      number(() => `${label}全年执行数`, row.executed);
      number(() => `${label}分值`, row.weight);
      number(() => `${label}执行率`, row.rate);
      number(() => `${label}得分`, row.score);
    }
    for (const i of form.indicators) {
      for (const [what, field] of [["年度指标值", i.target], ["实际完成值", i.actual]] as const) {
        if (field.parsed.kind !== "unparseable") continue;
        report({ severity: "warning", ref: field.ref, data: { name: nameOf(i), what, text: field.parsed.text }, actual: field.parsed.text });
      }
      number(() => `${nameOf(i)}分值`, i.weight);
      number(() => `${nameOf(i)}得分`, i.score);
    }
    number(() => "总分", form.total?.score);
    number(() => "总分分值", form.total?.weight);
  },
};
export default rule;
