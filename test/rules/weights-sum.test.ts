/** weights-sum: the indicator weights plus the 执行率 weight add up to 100; a stated 总分 分值 is 100. */
import { cells, COL, findingsOf, ruleTester, seeds } from "./ruleTester";

ruleTester("weights-sum", {
  valid: [
    ...seeds([0, 1, 2, 3, 4]),
    // The seed states the 执行率 weight (10), so Hubei's default of 20 does not apply.
    ...seeds([0, 1, 2, 3, 4], "hubei"),
    { name: "a blank weight: no sum to check (missing-field reports it)", seed: (f) => void (f.indicators[0][5] = null) },
    {
      name: "weights moved between indicators still add up (20 + 10 → 15 + 15)",
      seed: (f) => {
        f.indicators[0][5] = 15;
        f.indicators[1][5] = 15;
      },
    },
  ],
  invalid: [
    {
      name: "cost weight 20 → 15: 95",
      seed: (f) => void (f.indicators[0][5] = 15),
      errors: [
        { severity: "error", cell: "表1!F21", message: "分值合计为 95.00（执行率 10.00 + 指标分值 85.00），应为 100", expected: 100, actual: 95 },
      ],
    },
    {
      name: "总分 row states 分值 90",
      edit: (p) => cells(p, [p.rows.total, COL.F, 90]),
      errors: [{ severity: "error", cell: "表1!F21", message: "总分行的分值为 90.00，应为 100", expected: 100, actual: 90 }],
    },
    {
      name: "both: stated 90 and the weights add up to 105",
      seed: (f) => void (f.indicators[0][5] = 25),
      edit: (p) => cells(p, [p.rows.total, COL.F, 90]),
      errors: [
        { severity: "error", cell: "表1!F21", message: "总分行的分值为 90.00" },
        { severity: "error", cell: "表1!F21", message: "分值合计为 105.00（执行率 10.00 + 指标分值 95.00）" },
      ],
    },
    {
      name: "blank 分值 in the 总分 row: the sum is still checked (reported on that cell)",
      seed: (f) => void (f.indicators[0][5] = 15),
      edit: (p) => cells(p, [p.rows.total, COL.F, null]),
      errors: [{ severity: "error", cell: "表1!F21", message: "分值合计为 95.00" }],
    },
    {
      name: "hubei, 执行率 weight not stated (20): 20 + 90 = 110",
      profile: "hubei",
      edit: (p) => cells(p, [p.rows.funding[0], COL.F, null]),
      errors: [{ severity: "error", cell: "表1!F21", message: "分值合计为 110.00（执行率 20.00 + 指标分值 90.00），应为 100", actual: 110 }],
    },
  ],
});

// Regression test: this case once failed in the engine.
describe("weights-sum — regressions", () => {
  test("regression #2: weights typed as formulas (=20/3, =40/3, shown 6.67 + 13.33) add up to 100.00 as shown", () => {
    const found = findingsOf("weights-sum", {
      name: "thirds",
      seed: (f) => {
        f.indicators[6][5] = 20 / 3;
        f.indicators[7][5] = 40 / 3;
      },
    });
    // Today: error "分值合计为 100.00（执行率 10.00 + 指标分值 90.00），应为 100".
    expect(found.map((f) => f.message)).toEqual([]);
  });
});
