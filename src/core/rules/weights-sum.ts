import { fmt2, hundredths, sum } from "../number";
import type { Indicator } from "../form/model";
import { statedWeight } from "../vocabulary";
import { defineRule, docsUrl } from "./types";

/** One weight per level-1 cell, as its label states it. */
function level1Weights(indicators: readonly Indicator[]): (number | null)[] {
  const seen = new Set<string>();
  const out: (number | null)[] = [];
  for (const i of indicators) {
    const key = `${i.level1.ref.row}:${i.level1.ref.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(statedWeight(i.level1.text));
  }
  return out;
}

const rule = defineRule({
  meta: {
    id: "weights-sum",
    severity: "error",
    description: "分值合计（含执行率分值）不等于 100",
    messages: {
      default: "分值合计为 {actual}（执行率 {funding} + 指标分值 {indicators}），应为 100",
      stated: "总分行的分值为 {actual}，应为 100",
    },
    docs: docsUrl("weights-sum"),
  },
  check({ scored, form, report }) {
    const statedTotal = form.total?.weight ?? null;
    if (statedTotal?.value != null && hundredths(statedTotal.value) !== 10000) {
      report({ messageId: "stated", ref: statedTotal.ref, data: { actual: fmt2(statedTotal.value) }, expected: 100, actual: statedTotal.value });
    }
    // Without a 分值 column (Hubei), the level-1 labels state the weights: `产出指标(60分)`.
    const fromLevel1 = form.indicators.length > 0 && form.indicators.every((i) => i.weight.absent);
    const weights = fromLevel1 ? level1Weights(form.indicators) : form.indicators.map((i) => i.weight.value);
    if (weights.length === 0 || weights.some((w) => w === null)) return;
    const indicators = sum(weights as number[]);
    const all = sum([indicators, scored.fundingWeight]);
    // Weights are shown to 2 decimals (6.67 + 13.33 typed as =20/3 and =40/3): compare as shown.
    if (hundredths(all) === 10000) return;
    report({
      ref: statedTotal?.ref ?? (fromLevel1 ? form.indicators[0].level1.ref : form.indicators[0].weight.ref),
      data: { actual: fmt2(all), funding: fmt2(scored.fundingWeight), indicators: fmt2(indicators) },
      expected: 100,
      actual: all,
    });
  },
});
export default rule;
