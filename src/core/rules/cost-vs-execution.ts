import type { Indicator } from "../form/model";
import { dec, fmt2 } from "../number";
import { MONEY_UNITS } from "../value/parse";
import { isCostIndicator, nameOf } from "./support/describe";
import { defineRule, docsUrl } from "./types";

/** The money unit of a cost indicator's actual: its own, or the target's when the actual is a bare number (`90`). */
function moneyUnit(i: Indicator): string | null {
  const a = i.actual.parsed;
  const t = i.target.parsed;
  if (a.kind !== "quantity") return null;
  const unit = a.unit ?? (t.kind === "quantity" ? t.unit : null);
  return unit !== null && unit in MONEY_UNITS ? unit : null;
}

const rule = defineRule({
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
    // The amounts 执行率 was computed from (a zero total row's sub-rows, where they carry them).
    const executed = scored.totalRow ? scored.rowAmounts[form.funding.indexOf(scored.totalRow)]?.executed : undefined;
    if (executed === undefined) return;
    // Only a lone money-valued cost indicator stands for the whole project; several may each cover a part.
    const money = form.indicators.filter((i) => isCostIndicator(i) && moneyUnit(i) !== null);
    if (money.length !== 1) return;
    const i = money[0];
    const a = i.actual.parsed;
    const unit = moneyUnit(i);
    if (a.kind !== "quantity" || unit === null) return;
    const converted = dec(a.value).times(MONEY_UNITS[unit]).div(MONEY_UNITS[form.amountUnit]);
    // Both figures are shown to 2 decimals in their own units: allow for that rounding.
    const slack = dec(0.005).times(MONEY_UNITS[unit]).div(MONEY_UNITS[form.amountUnit]).plus(0.005);
    if (converted.minus(executed).abs().lte(slack)) return;
    report({
      ref: i.actual.ref,
      data: { name: nameOf(i), actual: i.actual.text ?? "", converted: fmt2(converted), executed: fmt2(executed), formUnit: form.amountUnit },
      expected: executed,
      actual: a.value,
    });
  },
});
export default rule;
