/** funding-score-mismatch: 执行率得分 = w × min(执行率, 100) / 100, to 2 decimals. */
import { cells, COL, ruleTester, seeds } from "./ruleTester";

ruleTester("funding-score-mismatch", {
  valid: [
    ...seeds([0, 1, 2, 3, 4]),
    ...seeds([0, 1, 2, 3, 4], "mof2020"),
    ...seeds([0, 1, 2, 3, 4], "hubei"),
    // 10 × 98.25 % = 9.825 → 9.83 when rounded: the other convention is accepted.
    { name: "9.83 (from the rounded rate 98.25) is accepted", edit: (p) => cells(p, [p.rows.funding[0], COL.H, 9.83]) },
    {
      name: "a rate above 100 scores the weight: 108.42 → 10.00",
      edit: (p) => cells(p, [p.rows.funding[0], COL.E, 600], [p.rows.funding[0], COL.G, 108.42], [p.rows.funding[0], COL.H, 10]),
    },
    {
      name: "hubei, weight not stated: 20 × 98.24 % = 19.64",
      profile: "hubei",
      edit: (p) => cells(p, [p.rows.funding[0], COL.F, null], [p.rows.funding[0], COL.H, 19.64]),
    },
    { name: "stated weight 20: 19.64", edit: (p) => cells(p, [p.rows.funding[0], COL.F, 20], [p.rows.funding[0], COL.H, 19.64]) },
    { name: "blank score: nothing to compare (missing-field reports it)", edit: (p) => cells(p, [p.rows.funding[0], COL.H, null]) },
  ],
  invalid: [
    {
      name: "9.84 for 98.24 %",
      edit: (p) => cells(p, [p.rows.funding[0], COL.H, 9.84]),
      errors: [
        { severity: "error", cell: "表1!H6", message: "执行率得分应为 9.82（分值 10.00 × 执行率 98.24% ，上限为分值），表内为 9.84", expected: 9.82, actual: 9.84 },
      ],
    },
    {
      name: "seed form 2: 8.50 for 85.94 %",
      form: 1,
      edit: (p) => cells(p, [p.rows.funding[0], COL.H, 8.5]),
      errors: [{ severity: "error", cell: "表1!H6", message: "执行率得分应为 8.59（分值 10.00 × 执行率 85.94%", expected: 8.59, actual: 8.5 }],
    },
    {
      name: "seed form 4: nothing spent yet 1.00 stated",
      form: 3,
      edit: (p) => cells(p, [p.rows.funding[0], COL.H, 1]),
      errors: [{ severity: "error", cell: "表1!H6", message: "执行率得分应为 0.00（分值 10.00 × 执行率 0.00%", expected: 0, actual: 1 }],
    },
    {
      name: "a rate above 100 is capped: 10.84 stated for 108.42 %",
      edit: (p) => cells(p, [p.rows.funding[0], COL.E, 600], [p.rows.funding[0], COL.G, 108.42], [p.rows.funding[0], COL.H, 10.84]),
      errors: [{ severity: "error", cell: "表1!H6", message: "执行率得分应为 10.00（分值 10.00 × 执行率 108.42%", expected: 10, actual: 10.84 }],
    },
    {
      name: "hubei, weight not stated: 9.82 is half the 20-point score",
      profile: "hubei",
      edit: (p) => cells(p, [p.rows.funding[0], COL.F, null]),
      errors: [{ severity: "error", cell: "表1!H6", message: "执行率得分应为 19.65（分值 20.00 × 执行率 98.24%", expected: 19.65, actual: 9.82 }],
    },
    {
      name: "a wrong stated rate (98.42) does not excuse a score that follows it (9.84)",
      edit: (p) => cells(p, [p.rows.funding[0], COL.G, 98.42], [p.rows.funding[0], COL.H, 9.84]),
      errors: [{ severity: "error", cell: "表1!H6", message: "应为 9.82", expected: 9.82 }],
    },
  ],
});
