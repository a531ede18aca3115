import { fmt2 } from "../number";
import { lintTarget } from "../value/lint";
import { isCostIndicator, nameOf } from "./support/describe";
import { defineRule, docsUrl } from "./types";

const rule = defineRule({
  meta: {
    id: "target-trivial",
    severity: "warning",
    description: "指标值设置不当：恒成立（≥0）、≥100%（含“百分比”写法）、计数指标用反向符号",
    messages: {
      default: "{name}年度指标值“{text}”恒成立，指标值设置过低，应设为可衡量的目标",
      hundred: "{name}年度指标值“{text}”：百分比不会超过 100%，应写作 =100%",
      reverse: "{name}年度指标值“{text}”对计数指标使用了反向符号（≤/<），请确认是否应为 ≥（按 ≤ 计，完成 0 也算达标）",
    },
    docs: docsUrl("target-trivial"),
  },
  check({ form, report }) {
    for (const i of form.indicators) {
      const t = i.target.parsed;
      if (t.kind !== "quantity" || t.op === null) continue;
      // Vague cost targets are target-vague's finding; this rule only judges quantities. The name tells a bare
      // `≤4` on a count (`培训次数`) and a count of bad events (`安全事故次数 ≤0次`, not flagged).
      const lint = lintTarget(t, { cost: isCostIndicator(i), name: i.name.text });
      if (lint === null || lint === "vague") continue;
      const data = { name: nameOf(i), text: i.target.text ?? "" };
      if (lint === "trivial") {
        report({ ref: i.target.ref, data, actual: i.target.text });
      } else if (lint === "hundred") {
        report({ messageId: "hundred", ref: i.target.ref, data, expected: `=${fmt2(t.value)}(%)`, actual: i.target.text });
      } else {
        report({ messageId: "reverse", ref: i.target.ref, data, actual: i.target.text });
      }
    }
  },
});
export default rule;
