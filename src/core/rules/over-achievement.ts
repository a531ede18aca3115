import { toCents } from "../number";
import { dec, fmt2 } from "../number";
import { nameOf } from "./support/describe";
import { defineRule, docsUrl } from "./types";

/** Exactly b < factor × a (in integer cents when the figures allow, as they nearly always do). */
function below(b: number, a: number, factor: number): boolean {
  const [bc, ac, fc] = [toCents(b), toCents(a), toCents(factor)];
  if (bc !== null && ac !== null && fc !== null && Math.abs(ac * fc) < 2 ** 52) return bc * 100 < ac * fc;
  return dec(b).lt(dec(a).times(factor));
}

const rule = defineRule({
  meta: {
    id: "over-achievement",
    severity: "warning",
    description: "实际完成值远超指标值（≥1.2 倍），指标值可能设置过低",
    messages: {
      default: "{name}实际完成值 {actual} 为年度指标值 {target} 的 {ratio} 倍（≥{factor} 倍），指标值可能设置过低，宜说明原因并调整下年目标",
    },
    docs: docsUrl("over-achievement"),
  },
  check({ form, profile, report }) {
    for (const i of form.indicators) {
      const t = i.target.parsed;
      const a = i.actual.parsed;
      if (t.kind !== "quantity" || a.kind !== "quantity" || t.value <= 0) continue;
      if (t.op === "≤" || t.op === "<") continue;
      if (t.unit !== null && a.unit !== null && t.unit !== a.unit) continue;
      if (below(a.value, t.value, profile.overAchievementFactor)) continue;
      report({
        ref: i.actual.ref,
        data: { name: nameOf(i), actual: fmt2(a.value), target: fmt2(t.value), ratio: fmt2(a.value / t.value), factor: profile.overAchievementFactor },
        actual: a.value,
      });
    }
  },
});
export default rule;
