import type { NumberField, ValueField } from "../form/model";
import { formatQuantity } from "../value/parse";
import { nameOf } from "./support/describe";
import { defineRule, docsUrl } from "./types";

const FUNDING_COLUMNS = [
  ["initial", "年初预算数"],
  ["budget", "全年预算数"],
  ["executed", "全年执行数"],
  ["weight", "分值"],
  ["rate", "执行率"],
  ["score", "得分"],
] as const;

const rule = defineRule({
  meta: {
    id: "value-unparseable",
    severity: "error",
    description: "单元格内容无法识别（指标值、实际值或数字）",
    messages: {
      default: "{name}{what}“{text}”无法识别，应写作如 ≥90.00(%)、≤27.40(万元)、=12(次) 或文字指标",
      number: "{what}“{text}”不是数字",
      actualRange: "{name}实际完成值“{text}”带有比较符号，应填写实际达到的数值（如 {bare}）",
    },
    docs: docsUrl("value-unparseable"),
  },
  check({ form, report }) {
    const number = (what: string, f: NumberField | null | undefined) => {
      if (f?.unreadable) report({ messageId: "number", ref: f.ref, data: { what, text: String(f.raw) }, actual: String(f.raw) });
    };
    for (const row of form.funding) {
      for (const [key, column] of FUNDING_COLUMNS) if (row[key].unreadable) number(`${row.label || "资金"}${column}`, row[key]);
    }
    for (const i of form.indicators) {
      const value = (what: string, field: ValueField) => {
        if (field.parsed.kind !== "unparseable") return;
        report({ severity: "warning", ref: field.ref, data: { name: nameOf(i), what, text: field.parsed.text }, actual: field.parsed.text });
      };
      value("年度指标值", i.target);
      value("实际完成值", i.actual);
      // An actual that restates the target's range (`≥266米`) says what was aimed at, not what was done.
      const a = i.actual.parsed;
      if (a.kind === "quantity" && a.op !== null && a.op !== "=") {
        const text = i.actual.text ?? "";
        report({ messageId: "actualRange", severity: "warning", ref: i.actual.ref, data: { name: nameOf(i), text, bare: formatQuantity(null, a.value, a.unit) }, actual: text });
      }
      // Names are built only for the rare cell that needs one.
      if (i.weight.unreadable) number(`${nameOf(i)}分值`, i.weight);
      if (i.score.unreadable) number(`${nameOf(i)}得分`, i.score);
    }
    number("总分", form.total?.score);
    number("总分分值", form.total?.weight);
  },
});
export default rule;
