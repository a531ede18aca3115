/** target-vague: a cost indicator (成本指标) with a qualitative target such as 控制在合理范围内. */
import { cells, COL, ruleTester, seeds } from "./ruleTester";

ruleTester("target-vague", {
  valid: [
    // Seed forms 3 and 4 state their cost targets in money.
    ...seeds([2, 3]),
    { name: "seed form 1 with the cost target written ≤553.40(万元)", seed: (f) => void (f.indicators[0][3] = "≤553.40(万元)") },
    {
      name: "the same vague text outside 成本 is not this rule's concern",
      seed: (f) => Object.assign(f.indicators[0], { 0: "产出指标", 1: "质量指标" }),
    },
  ],
  invalid: [
    {
      name: "seed form 1: 控制住合理范围内",
      errors: [
        {
          severity: "warning",
          cell: "表1!D13",
          message: "「特保队员服务采购成本」为成本指标，年度指标值“控制住合理范围内”不可衡量，应写成金额，如 ≤553.40(万元)",
          actual: "控制住合理范围内",
        },
      ],
    },
    {
      name: "seed form 2: 控制在概算范围内 (hint from its 58.00 budget)",
      form: 1,
      errors: [{ severity: "warning", cell: "表1!D13", message: "「成本控制约束」为成本指标，年度指标值“控制在概算范围内”不可衡量，应写成金额，如 ≤58.00(万元)" }],
    },
    {
      name: "seed form 5: 控制在合理范围内",
      form: 4,
      errors: [{ severity: "warning", cell: "表1!D13", message: "如 ≤186.00(万元)" }],
    },
    {
      name: "older layout: 成本指标 as a level 2 under 产出指标",
      form: 2,
      seed: (f) => Object.assign(f.indicators[0], { 0: "产出指标", 1: "成本指标", 3: "控制在预算内" }),
      errors: [{ severity: "warning", cell: "表1!D13", message: "年度指标值“控制在预算内”不可衡量，应写成金额，如 ≤27.40(万元)" }],
    },
    {
      name: "budget blank: the hint falls back to an example amount",
      edit: (p) => cells(p, [p.rows.funding[0], COL.D, null]),
      errors: [{ severity: "warning", cell: "表1!D13", message: "应写成金额，如 ≤27.40(万元)" }],
    },
  ],
});
