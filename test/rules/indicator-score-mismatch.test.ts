/**
 * indicator-score-mismatch: an indicator's stated score against the formula (≥ / ≤ / =) or the qualitative band.
 * With a deviation note the departure is a warning (staff may judge), without one an error.
 */
import type { SeedForm } from "../support/seed";
import { ruleTester, seeds } from "./ruleTester";

/** Seed form 1, indicator 4 (「夜间巡查…完成及时性」, row 16, weight 10): its actual set to a band, with a score. */
const band = (actual: string, score: number) => (f: SeedForm) => {
  f.indicators[3][4] = actual;
  f.indicators[3][6] = score;
};
/** Seed form 1, indicator 2 (「特保队员工作完成率」 ≥90.00(%), row 14, weight 10): actual 80.00(%). */
const short = (score: number, note = "") => (f: SeedForm) => {
  f.indicators[1][4] = "80.00(%)";
  f.indicators[1][6] = score;
  f.indicators[1][7] = note;
};
const FAILED = "未达成指标且效果较差";
const PARTIAL = "部分达成指标并具有一定效果";
const ACHIEVED = "达成指标";

ruleTester("indicator-score-mismatch", {
  valid: [
    ...seeds([0, 1, 2, 4]),
    ...seeds([0, 1, 2, 4], "hubei"),
    // default bands: 未达成 [0, 6) · 部分达成 [6, 8) · 达成 [8, 10]
    { name: "未达成 5.99 of 10 (band [0, 6))", seed: band(FAILED, 5.99) },
    { name: "未达成 0.00 of 10", seed: band(FAILED, 0) },
    { name: "部分达成 6.00 of 10 (band [6, 8))", seed: band(PARTIAL, 6) },
    { name: "部分达成 7.99 of 10", seed: band(PARTIAL, 7.99) },
    { name: "达成 8.00 of 10 (band [8, 10])", seed: band(ACHIEVED, 8) },
    { name: "达成年度指标 10.00 of 10", seed: band("达成年度指标", 10) },
    // hubei bands: 未达成 [0, 5) · 部分达成 [5, 8)
    { name: "hubei: 未达成 4.99 of 10", profile: "hubei", seed: band(FAILED, 4.99) },
    { name: "hubei: 部分达成 5.00 of 10", profile: "hubei", seed: band(PARTIAL, 5) },
    // 10 × 80 ÷ 90 = 8.888…: either 2-decimal convention is accepted.
    { name: "≥90 % met at 80 %: 8.89 (rounded)", seed: short(8.89) },
    { name: "≥90 % met at 80 %: 8.88 (truncated)", seed: short(8.88) },
    { name: "= target exceeded (=12 次 → 13 次) scores full", form: 4, seed: (f) => void (f.indicators[2][4] = "13.00(次)") },
    { name: "blank score: nothing to compare (missing-field reports it)", seed: short(null as unknown as number) },
  ],
  invalid: [
    {
      name: "seed form 4 「平均成本」: 5 of 10 where the formula gives 0, with a note → warning",
      form: 3,
      errors: [
        {
          severity: "warning",
          cell: "表1!G13",
          message: "「平均成本」得分应为 0.00（10.00 × 0.00 ÷ 17500.00），表内为 5.00；偏差说明已填写，请确认评分依据",
          expected: 0,
          actual: 5,
        },
      ],
    },
    {
      name: "seed form 4 「平均成本」 without its note → error",
      form: 3,
      seed: (f) => void (f.indicators[0][7] = ""),
      errors: [{ severity: "error", cell: "表1!G13", message: "得分应为 0.00（10.00 × 0.00 ÷ 17500.00），表内为 5.00，且未填写偏差原因", expected: 0 }],
    },
    {
      name: "seed form 4 under hubei: 未达成 5.00 of 10 is outside [0, 5) (note present → warning)",
      form: 3,
      profile: "hubei",
      errors: [
        { severity: "warning", cell: "表1!G13", message: "「平均成本」得分应为 0.00" },
        {
          severity: "warning",
          cell: "表1!G17",
          message: "「公用经费发放」实际完成值为“未达成指标且效果较差”，得分应在 0.00–5.00 分之间（分值 10.00），表内为 5.00",
          expected: 4,
          actual: 5,
        },
      ],
    },
    {
      name: "band edge: 未达成 6.00 of 10 is an error (band is [0, 6))",
      seed: band(FAILED, 6),
      errors: [
        { severity: "error", cell: "表1!G16", message: "得分应在 0.00–6.00 分之间（分值 10.00），表内为 6.00，且未填写偏差原因", expected: 5, actual: 6 },
      ],
    },
    {
      name: "band edge: 部分达成 8.00 of 10 is outside [6, 8)",
      seed: band(PARTIAL, 8),
      errors: [{ severity: "error", cell: "表1!G16", message: "“部分达成指标并具有一定效果”，得分应在 6.00–8.00 分之间（分值 10.00），表内为 8.00", expected: 7 }],
    },
    {
      name: "band edge: 部分达成 5.99 of 10",
      seed: band(PARTIAL, 5.99),
      errors: [{ severity: "error", cell: "表1!G16", message: "表内为 5.99", expected: 7 }],
    },
    {
      name: "band edge: 达成 7.99 of 10",
      seed: band(ACHIEVED, 7.99),
      errors: [{ severity: "error", cell: "表1!G16", message: "得分应在 8.00–10.00 分之间（分值 10.00），表内为 7.99", expected: 10 }],
    },
    {
      name: "hubei: 未达成 5.00 of 10 without a note",
      profile: "hubei",
      seed: band(FAILED, 5),
      errors: [{ severity: "error", cell: "表1!G16", message: "得分应在 0.00–5.00 分之间（分值 10.00），表内为 5.00", expected: 4 }],
    },
    {
      name: "hubei: 部分达成 8.00 of 10 is outside [5, 8)",
      profile: "hubei",
      seed: band(PARTIAL, 8),
      errors: [{ severity: "error", cell: "表1!G16", message: "得分应在 5.00–8.00 分之间", expected: 6.5 }],
    },
    {
      name: "≥90 % met at 80 %, full 10 stated, no note → error",
      seed: short(10),
      errors: [
        {
          severity: "error",
          cell: "表1!G14",
          message: "「特保队员工作完成率」得分应为 8.89（10.00 × 80.00 ÷ 90.00），表内为 10.00，且未填写偏差原因",
          expected: 8.89,
          actual: 10,
        },
      ],
    },
    {
      name: "≥90 % met at 80 %, full 10 stated, a note explains it → warning",
      seed: short(10, "人员流动，完成率偏低，已补充招录"),
      errors: [{ severity: "warning", cell: "表1!G14", message: "得分应为 8.89（10.00 × 80.00 ÷ 90.00），表内为 10.00；偏差说明已填写", expected: 8.89 }],
    },
    {
      name: "a note of 无 does not count as an explanation",
      seed: short(10, "无"),
      errors: [{ severity: "error", cell: "表1!G14", message: "且未填写偏差原因" }],
    },
    {
      name: "reverse target ≤27.40 万元 overspent at 30.00 (seed form 3): w × A ÷ B",
      form: 2,
      seed: (f) => void (f.indicators[0][4] = "30.00(万元)"),
      errors: [{ severity: "error", cell: "表1!G13", message: "得分应为 18.27（20.00 × 27.40 ÷ 30.00），表内为 20.00", expected: 18.27, actual: 20 }],
    },
    {
      name: "equal target =12 次 short at 11 (seed form 5)",
      form: 4,
      seed: (f) => void (f.indicators[2][4] = "11.00(次)"),
      errors: [{ severity: "error", cell: "表1!G15", message: "「水、电抄报数」得分应为 9.17（10.00 × 11.00 ÷ 12.00），表内为 10.00", expected: 9.17 }],
    },
    {
      name: "qualitative actual restating the target (及时 → 及时) scores full: 8 stated",
      seed: band("及时", 8),
      errors: [{ severity: "error", cell: "表1!G16", message: "实际完成值与指标值一致，得分应为 10.00，表内为 8.00", expected: 10, actual: 8 }],
    },
  ],
});
