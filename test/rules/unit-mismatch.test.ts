/** unit-mismatch: the actual's unit differs from the target's, is missing, or a numeric target has a text actual. */
import type { SeedForm } from "../support/seed";
import { cells, COL, findingsOf, ruleTester, seeds } from "./ruleTester";

/** Seed form 1, 「特保队员工作完成率」 (row 14): target and actual. */
const pair = (target: string, actual: string) => (f: SeedForm) => Object.assign(f.indicators[1], { 3: target, 4: actual });

ruleTester("unit-mismatch", {
  valid: [
    ...seeds([0, 1, 2, 3, 4]),
    { name: "％ and % are the same unit", seed: (f) => void (f.indicators[1][4] = "90.00％") },
    { name: "(个) and bare 个 are the same unit", form: 1, seed: (f) => void (f.indicators[1][4] = "1个") },
    { name: "qualitative target, band actual (seed)", form: 0 },
    { name: "target without a unit: nothing to compare", seed: (f) => Object.assign(f.indicators[1], { 3: "≥90", 4: "90(%)" }) },
    { name: "百分比 and % are the same unit", seed: pair("≥90百分比", "95%") },
    { name: "% and (百分比) are the same unit", seed: pair("≥90%", "95(百分比)") },
    { name: "㎡ and 平方米", seed: pair("≥500(平方米)", "520㎡") },
    // Time targets: the actual is a time, compared by date, never by unit.
    { name: "9月前 → 7月 (a time target met early)", seed: pair("9月前", "7月") },
    { name: "9月底前 → 2023年7月", seed: pair("9月底前", "2023年7月") },
    { name: "年底前 → 11月20日", seed: pair("年底前", "11月20日") },
    { name: "12月31日前 → 2023-12-20", seed: pair("12月31日前", "2023-12-20") },
    { name: "及时 → 按时完成", seed: pair("及时", "按时完成") },
    { name: "9月前 → 10月: late is a score, not a unit, matter", seed: pair("9月前", "10月") },
    { name: "9月前 → 达成指标 (band, scored by band)", seed: pair("9月前", "达成指标") },
    { name: "9月前 → a date cell (serial 45199 = 2023-09-30)", seed: pair("9月前", ""), edit: (p) => cells(p, [p.rows.indicators[1], COL.E, 45199]) },
  ],
  invalid: [
    {
      name: "元 vs 万元 (seed form 3 cost indicator)",
      form: 2,
      seed: (f) => void (f.indicators[0][4] = "243900.00(元)"),
      errors: [
        {
          severity: "warning",
          cell: "表1!E13",
          message: "「视频会议系统和电子政务云租赁等成本费用控制」年度指标值单位为“万元”，实际完成值单位为“元”",
          expected: "万元",
          actual: "元",
        },
      ],
    },
    {
      name: "天 vs 日",
      form: 1,
      seed: (f) => void (f.indicators[3][4] = "365.00(日)"),
      errors: [{ severity: "warning", cell: "表1!E16", message: "年度指标值单位为“天”，实际完成值单位为“日”" }],
    },
    {
      name: "actual without a unit → info",
      form: 2,
      seed: (f) => void (f.indicators[0][4] = "24.39"),
      errors: [{ severity: "info", cell: "表1!E13", message: "实际完成值缺少单位（年度指标值单位为“万元”）", expected: "万元" }],
    },
    {
      name: "actual typed as the number 1 → info",
      form: 1,
      edit: (p) => cells(p, [p.rows.indicators[1], COL.E, 1]),
      errors: [{ severity: "info", cell: "表1!E14", message: "「应用场景开发数量」实际完成值缺少单位（年度指标值单位为“个”）" }],
    },
    {
      name: "numeric target ≤27.40(万元), text actual 完成",
      form: 2,
      seed: (f) => void (f.indicators[0][4] = "完成"),
      errors: [{ severity: "warning", cell: "表1!E13", message: "年度指标值为数值（≤27.40(万元)），实际完成值却为文字“完成”，应填写实际数值" }],
    },
    {
      name: "9月前 → 100%: a number that is no time",
      seed: pair("9月前", "100%"),
      errors: [{ severity: "warning", cell: "表1!E14", message: "「特保队员工作完成率」年度指标值为时限（9月前），实际完成值“100%”不是完成时间" }],
    },
    {
      name: "≥90.00(%) → 及时: numeric target, time actual",
      seed: pair("≥90.00(%)", "及时"),
      errors: [{ severity: "warning", cell: "表1!E14", message: "年度指标值为数值（≥90.00(%)），实际完成值却为文字“及时”" }],
    },
    {
      name: "百分点 is not %",
      seed: pair("≥3个百分点", "3%"),
      errors: [{ severity: "warning", cell: "表1!E14", message: "年度指标值单位为“百分点”，实际完成值单位为“%”", expected: "百分点", actual: "%" }],
    },
  ],
});

// Regression test: this case once failed in the engine.
describe("unit-mismatch — regressions", () => {
  test("regression #4: numeric target ≥90.00(%) with the actual 达成指标 should be reported (no number given)", () => {
    const found = findingsOf("unit-mismatch", { name: "band", seed: (f) => void (f.indicators[1][4] = "达成指标") });
    expect(found.map((f) => [f.severity, f.cell])).toEqual([["warning", "表1!E14"]]);
    expect(found[0]?.message).toContain("年度指标值为数值（≥90.00(%)）");
  });
});
