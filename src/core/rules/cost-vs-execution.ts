import { dec, fmt2 } from "../number";
import { MONEY_UNITS } from "../value/parse";
import { isCostIndicator, nameOf } from "./support/describe";
import { docsUrl, type Rule } from "./types";

const rule: Rule = {
  meta: {
    id: "cost-vs-execution",
    severity: "warning",
    description: "金额型成本指标的实际完成值与全年执行数不符",
    messages: {
      default: "{name}实际完成值 {actual}（折合 {converted}{formUnit}）与全年执行数 {executed}{formUnit} 不符",
    },
    docs: docsUrl("cost-vs-execution"),
  },
  check({ scored, form, report }) {
    const executed = scored.totalRow?.executed.value;
    if (executed === null || executed === undefined) return;
    // Only a lone money-valued cost indicator stands for the whole project; several may each cover a part.
    const money = form.indicators.filter((i) => {
      const a = i.actual.parsed;
      return isCostIndicator(i) && a.kind === "quantity" && a.unit !== null && a.unit in MONEY_UNITS;
    });
    if (money.length !== 1) return;
    const i = money[0];
    const a = i.actual.parsed;
    if (a.kind !== "quantity" || a.unit === null) return;
    const converted = dec(a.value).times(MONEY_UNITS[a.unit]).div(MONEY_UNITS[form.amountUnit]);
    // Both figures are shown to 2 decimals in their own units: allow for that rounding.
    const slack = dec(0.005).times(MONEY_UNITS[a.unit]).div(MONEY_UNITS[form.amountUnit]).plus(0.005);
    if (converted.minus(executed).abs().lte(slack)) return;
    report({
      ref: i.actual.ref,
      data: { name: nameOf(i), actual: i.actual.text ?? "", converted: fmt2(converted), executed: fmt2(executed), formUnit: form.amountUnit },
      expected: executed,
      actual: a.value,
    });
  },
};
export default rule;
