import { fmt2, percentOf } from "../number";
import { isRoundedUp, judgeRate, rateBy } from "../scoring/rate";
import { defineRule, docsUrl } from "./types";

const CONVENTION = { trunc: "截位两位", round: "四舍五入两位" } as const;

const rule = defineRule({
  meta: {
    id: "exec-rate-mismatch",
    severity: "error",
    description: "执行率与全年执行数 ÷ 全年预算数不符",
    messages: {
      default: "{label}执行率应为 {expected}（{formula}，{convention}），表内为 {actual}",
      roundedUp: "{label}执行率应为 {expected}（{formula}，{convention}），表内为 {actual}：与向上进位（ROUNDUP）一致，截位或四舍五入都得不到",
      convention: "{label}执行率 {actual} 按{other}计算；本配置按{convention}应为 {expected}（取整方式不同，非错误）",
    },
    docs: docsUrl("exec-rate-mismatch"),
  },
  check({ scored, form, profile, report }) {
    form.funding.forEach((row, i) => {
      const stated = row.rate.value;
      const rate = scored.rowRates[i];
      const amounts = scored.rowAmounts[i];
      if (stated === null || rate === null || amounts === null) return;
      const { budget, executed } = amounts;
      const verdict = judgeRate(stated, rate, executed, budget, profile.rateRounding);
      if (verdict === "exact" || verdict === "display") return;
      const expected = rateBy(rate, profile.rateRounding);
      const other = profile.rateRounding === "trunc" ? "round" : "trunc";
      const roundedUp = verdict === "mismatch" && isRoundedUp(stated, percentOf(executed, budget));
      report({
        messageId: verdict === "convention" ? "convention" : roundedUp ? "roundedUp" : "default",
        severity: verdict === "convention" ? "info" : undefined,
        ref: row.rate.ref,
        data: {
          label: row.kind === "total" ? "" : `${row.label}：`,
          expected: fmt2(expected),
          actual: fmt2(stated),
          formula: `${fmt2(executed)} ÷ ${fmt2(budget)}${amounts.fromSubRows ? "（分项合计）" : ""}`,
          convention: CONVENTION[profile.rateRounding],
          other: CONVENTION[other],
        },
        expected,
        actual: stated,
      });
    });
  },
});
export default rule;
