/** exec-rate-mismatch: 执行率 = 全年执行数 ÷ 全年预算数 × 100, to 2 decimals (default truncates, mof2020 rounds). */
import { cells, COL, ruleTester, seeds } from "./ruleTester";

ruleTester("exec-rate-mismatch", {
  valid: [
    ...seeds([0, 1, 2, 3, 4]),
    ...seeds([0, 1, 2, 3, 4], "hubei"),
    ...seeds([0, 1, 2, 3, 4], "sichuan"),
    // 89.01, 0.00 and 78.02 are the same truncated or rounded.
    ...seeds([2, 3, 4], "mof2020"),
    {
      name: "98.25 (rounded) is exact under mof2020",
      profile: "mof2020",
      edit: (p) => cells(p, [p.rows.funding[0], COL.G, 98.25], [p.rows.funding[1], COL.G, 98.25]),
    },
    { name: "rate written as text 98.24%", edit: (p) => cells(p, [p.rows.funding[0], COL.G, "98.24%"]) },
    { name: "rate typed as the fraction 0.9824", edit: (p) => cells(p, [p.rows.funding[0], COL.G, 0.9824]) },
    {
      // 0.01 ÷ 1.75 = 0.571…; with 2-decimal amounts (0.005…0.015 ÷ 1.745…1.755) anything in [0.28, 0.86] is possible.
      name: "2-decimal display tolerance: 0.60 for 0.01 ÷ 1.75",
      form: 3,
      edit: (p) => cells(p, [p.rows.funding[0], COL.E, 0.01], [p.rows.funding[0], COL.G, 0.6]),
    },
    {
      name: "above 100 is shown as is: 600.00 ÷ 553.40 = 108.42",
      edit: (p) => cells(p, [p.rows.funding[0], COL.E, 600], [p.rows.funding[0], COL.G, 108.42]),
    },
    { name: "budget 0: no rate to check (zero-budget reports it)", edit: (p) => cells(p, [p.rows.funding[0], COL.D, 0]) },
    { name: "blank rate: nothing to compare (missing-field reports it)", edit: (p) => cells(p, [p.rows.funding[0], COL.G, null]) },
  ],
  invalid: [
    {
      name: "98.25 under default is only a rounding-convention difference (info)",
      edit: (p) => cells(p, [p.rows.funding[0], COL.G, 98.25]),
      errors: [
        {
          severity: "info",
          cell: "表1!G6",
          message: "执行率 98.25 按四舍五入两位计算；本配置按截位两位应为 98.24（取整方式不同，非错误）",
          expected: 98.24,
          actual: 98.25,
        },
      ],
    },
    {
      name: "seed form 1 (truncated 98.24) under mof2020: convention info on the total and the 当年财政拨款 row",
      profile: "mof2020",
      errors: [
        { severity: "info", cell: "表1!G6", message: "执行率 98.24 按截位两位计算；本配置按四舍五入两位应为 98.25", expected: 98.25 },
        { severity: "info", cell: "表1!G7", message: "其中：当年财政拨款：执行率 98.24 按截位两位计算", expected: 98.25 },
      ],
    },
    {
      name: "seed form 2 under mof2020: 85.94 → 85.95 and 其他资金 84.32 → 84.33",
      form: 1,
      profile: "mof2020",
      errors: [
        { severity: "info", cell: "表1!G6", message: "应为 85.95", expected: 85.95 },
        { severity: "info", cell: "表1!G9", message: "其他资金：执行率 84.32 按截位两位计算；本配置按四舍五入两位应为 84.33", expected: 84.33 },
      ],
    },
    {
      name: "98.42 (digits swapped) is an error",
      edit: (p) => cells(p, [p.rows.funding[0], COL.G, 98.42]),
      errors: [
        { severity: "error", cell: "表1!G6", message: "执行率应为 98.24（543.69 ÷ 553.40，截位两位），表内为 98.42", expected: 98.24, actual: 98.42 },
      ],
    },
    {
      name: "98.42 under mof2020 is an error against the rounded 98.25",
      profile: "mof2020",
      edit: (p) => cells(p, [p.rows.funding[0], COL.G, 98.42], [p.rows.funding[1], COL.G, 98.25]),
      errors: [{ severity: "error", cell: "表1!G6", message: "执行率应为 98.25（543.69 ÷ 553.40，四舍五入两位），表内为 98.42", expected: 98.25 }],
    },
    {
      name: "outside the 2-decimal display tolerance: 0.90 for 0.01 ÷ 1.75",
      form: 3,
      edit: (p) => cells(p, [p.rows.funding[0], COL.E, 0.01], [p.rows.funding[0], COL.G, 0.9]),
      errors: [{ severity: "error", cell: "表1!G6", message: "执行率应为 0.57（0.01 ÷ 1.75，截位两位），表内为 0.90", expected: 0.57, actual: 0.9 }],
    },
    {
      name: "funding sub-row 其他资金 of seed form 2: 84.00 instead of 84.32",
      form: 1,
      edit: (p) => cells(p, [p.rows.funding[3], COL.G, 84]),
      errors: [{ severity: "error", cell: "表1!G9", message: "其他资金：执行率应为 84.32（43.85 ÷ 52.00，截位两位），表内为 84.00", expected: 84.32 }],
    },
    {
      name: "funding sub-row 当年财政拨款 of seed form 1: 99.24",
      edit: (p) => cells(p, [p.rows.funding[1], COL.G, 99.24]),
      errors: [{ severity: "error", cell: "表1!G7", message: "其中：当年财政拨款：执行率应为 98.24（543.69 ÷ 553.40", expected: 98.24, actual: 99.24 }],
    },
    {
      name: "a rate above 100 capped by hand at 100.00",
      edit: (p) => cells(p, [p.rows.funding[0], COL.E, 600], [p.rows.funding[0], COL.G, 100]),
      errors: [{ severity: "error", cell: "表1!G6", message: "执行率应为 108.42（600.00 ÷ 553.40，截位两位），表内为 100.00", expected: 108.42 }],
    },
  ],
});
