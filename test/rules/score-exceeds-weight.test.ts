/** score-exceeds-weight: every score ≤ its 分值 (indicators, 执行率, 总分). */
import { cells, COL, ruleTester, seeds } from "./ruleTester";

ruleTester("score-exceeds-weight", {
  valid: [
    ...seeds([0, 1, 2, 3, 4]),
    ...seeds([0, 1, 2, 3, 4], "hubei"),
    { name: "10.004 of 10 shows as 10.00", seed: (f) => void (f.indicators[1][6] = 10.004) },
    {
      name: "hubei, 执行率 weight not stated (20): 19.64",
      profile: "hubei",
      edit: (p) => cells(p, [p.rows.funding[0], COL.F, null], [p.rows.funding[0], COL.H, 19.64]),
    },
    { name: "总分 exactly 100.00", seed: (f) => void (f.total = 100) },
  ],
  invalid: [
    {
      name: "indicator 12 of 10",
      seed: (f) => void (f.indicators[1][6] = 12),
      errors: [{ severity: "error", cell: "表1!G14", message: "「特保队员工作完成率」得分 12.00 超过分值 10.00", expected: 10, actual: 12 }],
    },
    {
      name: "indicator 10.01 of 10 (one cent over)",
      seed: (f) => void (f.indicators[1][6] = 10.01),
      errors: [{ severity: "error", cell: "表1!G14", message: "得分 10.01 超过分值 10.00" }],
    },
    {
      name: "seed form 3 cost indicator 20.50 of 20",
      form: 2,
      seed: (f) => void (f.indicators[0][6] = 20.5),
      errors: [{ severity: "error", cell: "表1!G13", message: "得分 20.50 超过分值 20.00", expected: 20 }],
    },
    {
      name: "执行率得分 11 of 10",
      seed: (f) => void (f.funding[0][6] = 11),
      errors: [{ severity: "error", cell: "表1!H6", message: "执行率得分 11.00 超过分值 10.00", expected: 10, actual: 11 }],
    },
    {
      name: "执行率 weight not stated, default profile's 10 applies: 10.50",
      edit: (p) => cells(p, [p.rows.funding[0], COL.F, null], [p.rows.funding[0], COL.H, 10.5]),
      errors: [{ severity: "error", cell: "表1!H6", message: "执行率得分 10.50 超过分值 10.00" }],
    },
    {
      name: "总分 101 of 100",
      seed: (f) => void (f.total = 101),
      errors: [{ severity: "error", cell: "表1!G21", message: "总分得分 101.00 超过分值 100.00", expected: 100, actual: 101 }],
    },
    {
      name: "总分 95 against a stated total weight of 90",
      edit: (p) => cells(p, [p.rows.total, COL.F, 90], [p.rows.total, COL.G, 95]),
      errors: [{ severity: "error", cell: "表1!G21", message: "总分得分 95.00 超过分值 90.00", expected: 90 }],
    },
  ],
});
