/** budget-adjusted: 全年预算数 ≠ 年初预算数 — a mid-year adjustment worth a sentence in the note. */
import { cells, COL, ruleTester, seeds } from "./ruleTester";

ruleTester("budget-adjusted", {
  valid: [
    ...seeds([2, 3, 4]),
    {
      name: "年初预算数 blank on every row: nothing to compare",
      edit: (p) => cells(p, ...p.rows.funding.map((r) => [r, COL.C, null] as [number, number, null])),
    },
    {
      name: "equal as shown: 553.404 vs 553.40",
      seed: (f) => [0, 1].forEach((i) => Object.assign(f.funding[i], { 1: 553.4, 2: 553.404 })),
    },
  ],
  invalid: [
    {
      name: "seed form 1: 476.00 → 553.40",
      errors: [
        { severity: "info", cell: "表1!D6", message: "全年预算数 553.40 与年初预算数 476.00 不同（调整 +77.40）", expected: 476, actual: 553.4 },
      ],
    },
    {
      name: "seed form 2: 30.00 → 58.00 (its sub-rows' shifts are not reported again)",
      form: 1,
      errors: [{ severity: "info", cell: "表1!D6", message: "全年预算数 58.00 与年初预算数 30.00 不同（调整 +28.00）", expected: 30, actual: 58 }],
    },
    {
      name: "年初预算数 blank on the total row: the sub-row shows the adjustment",
      edit: (p) => cells(p, [p.rows.funding[0], COL.C, null]),
      errors: [{ severity: "info", cell: "表1!D7", message: "其中：当年财政拨款：全年预算数 553.40 与年初预算数 476.00 不同（调整 +77.40）" }],
    },
    {
      name: "Anhui town form: total row left at zeros, a mid-year cut visible only in 本年财政拨款",
      seed: (f) => {
        f.funding[0] = ["年度资金总额", 0, 0, 0, 10, 0, 0];
        f.funding[1] = ["其中：本年财政拨款", 202.64, 132.91, 132.91, null, null, null];
      },
      errors: [{ severity: "info", cell: "表1!D7", message: "其中：本年财政拨款：全年预算数 132.91 与年初预算数 202.64 不同（调整 -69.73）" }],
    },
    {
      name: "a cut: seed form 3 with 年初 30.00 → 27.40",
      form: 2,
      seed: (f) => void (f.funding[0][1] = 30),
      errors: [{ severity: "info", cell: "表1!D6", message: "（调整 -2.60）", expected: 30, actual: 27.4 }],
    },
  ],
});
