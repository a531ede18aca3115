import { fmt2 } from "../rounding";
import { lintTarget } from "../value/lint";
import { nameOf } from "./support/describe";
import { docsUrl, type Rule } from "./types";

const rule: Rule = {
  meta: {
    id: "target-trivial",
    severity: "warning",
    description: "指标值设置不当：恒成立（≥0）、≥100%、计数指标用反向符号",
    messages: {
      default: "{name}年度指标值“{text}”恒成立，指标值设置过低，应设为可衡量的目标",
      hundred: "{name}年度指标值“{text}”：百分比不会超过 100%，应写作 =100%",
      reverse: "{name}年度指标值“{text}”对计数指标使用了反向符号（≤/<），请确认是否应为 ≥",
    },
    docs: docsUrl("target-trivial"),
  },
  check({ form, report }) {
    for (const i of form.indicators) {
      const t = i.target.parsed;
      // Vague cost targets are target-vague's finding; this rule only judges quantities.
      const lint = lintTarget(t, { cost: false });
      if (lint === null || lint === "vague" || t.kind !== "quantity") continue;
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
};
export default rule;
