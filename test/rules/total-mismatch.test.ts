/** total-mismatch: 总分 = 执行率得分 + Σ indicator scores (the form's own stated figures). */
import { ruleTester, seeds } from "./ruleTester";

ruleTester("total-mismatch", {
  valid: [
    ...seeds([0, 1, 2, 3, 4]),
    ...seeds([0, 1, 2, 3, 4], "hubei"),
    // 「平均成本」 states 5 where the formula gives 0; 总分 adds the stated figures: 0.00 + 80.00.
    { name: "seed form 4 adds the stated (judged) scores: 80.00", form: 3 },
    { name: "a blank indicator score is stood in for by the computed one", seed: (f) => void (f.indicators[1][6] = null) },
    { name: "blank 总分: nothing to compare (missing-field reports it)", seed: (f) => void (f.total = null as unknown as number) },
  ],
  invalid: [
    {
      name: "seed form 1 with 99.00",
      seed: (f) => void (f.total = 99),
      errors: [
        { severity: "error", cell: "表1!G21", message: "总分应为 99.82（执行率得分 9.82 + 指标得分合计 90.00），表内为 99.00", expected: 99.82, actual: 99 },
      ],
    },
    {
      name: "seed form 4 with 81.00",
      form: 3,
      seed: (f) => void (f.total = 81),
      errors: [{ severity: "error", cell: "表1!G21", message: "总分应为 80.00（执行率得分 0.00 + 指标得分合计 80.00），表内为 81.00", expected: 80 }],
    },
    {
      name: "an indicator score lowered without updating 总分",
      seed: (f) => void (f.indicators[1][6] = 9),
      errors: [{ severity: "error", cell: "表1!G21", message: "总分应为 98.82（执行率得分 9.82 + 指标得分合计 89.00），表内为 99.82", expected: 98.82 }],
    },
    {
      name: "seed form 2 one cent off: 98.60",
      form: 1,
      seed: (f) => void (f.total = 98.6),
      errors: [{ severity: "error", cell: "表1!G21", message: "总分应为 98.59（执行率得分 8.59 + 指标得分合计 90.00），表内为 98.60", expected: 98.59 }],
    },
    {
      name: "blank indicator score (computed 10 stands in) and 总分 summed without it",
      seed: (f) => {
        f.indicators[1][6] = null;
        f.total = 89.82;
      },
      errors: [{ severity: "error", cell: "表1!G21", message: "总分应为 99.82", expected: 99.82, actual: 89.82 }],
    },
  ],
});
