/**
 * cost-vs-execution: a lone money-valued cost indicator's actual matches 全年执行数 after unit conversion
 * (元 / 万元 / 亿元), allowing for each figure's own 2-decimal display.
 */
import type { SeedForm } from "../support/seed";
import { ruleTester, seeds } from "./ruleTester";

/** Seed form 3, 「视频会议系统和电子政务云租赁等成本费用控制」 ≤27.40(万元), 全年执行数 24.39. */
const form3Actual = (text: string) => (f: SeedForm) => void (f.indicators[0][4] = text);
/** Seed form 4, 「项目总成本」 ≤17500.00(元), budget 1.75 万元: spend it all and state the actual. */
const form4Spent = (executed: number, actual: string) => (f: SeedForm) => {
  f.funding[0][3] = executed;
  f.funding[1][3] = executed;
  f.indicators[1][4] = actual;
};

ruleTester("cost-vs-execution", {
  valid: [
    ...seeds([0, 1, 2, 3, 4]),
    { name: "seed form 3: 24.39(万元) = 24.39", form: 2 },
    { name: "seed form 4: 0.00(元) = 0.00 万元 (nothing spent)", form: 3 },
    { name: "seed form 4 spent: 17500.00(元) = 1.75 万元", form: 3, seed: form4Spent(1.75, "17500.00(元)") },
    { name: "seed form 3 in 元: 243900.00(元) = 24.39 万元", form: 2, seed: form3Actual("243900.00(元)") },
    { name: "seed form 3 in 亿元: 0.002439(亿元)", form: 2, seed: form3Actual("0.002439(亿元)") },
    // Both shown to 2 decimals in 万元: up to 0.005 + 0.005 apart.
    { name: "display tolerance: 24.40(万元) vs 24.39", form: 2, seed: form3Actual("24.40(万元)") },
    { name: "display tolerance in 元: 243950.00(元) vs 24.39 万元", form: 2, seed: form3Actual("243950.00(元)") },
    {
      name: "two money-valued cost indicators: each may cover a part, not compared",
      form: 2,
      seed: (f) => void (f.indicators[1] = ["成本指标", "经济成本指标", "设备租赁", "≤1.00(万元)", "25.00(万元)", 10, 10, ""]),
    },
    {
      name: "a per-head cost (元/人) is not the project total",
      form: 3,
      seed: (f) => {
        f.funding[0][3] = 0.5;
        // Leave 「平均成本」 =17500.00(元/人) → 0.00(元/人) as the only cost indicator with an amount.
        Object.assign(f.indicators[1], { 3: "≤1.00(次)", 4: "0.00(次)" });
      },
    },
  ],
  invalid: [
    {
      name: "seed form 3: 25.00(万元) vs 24.39",
      form: 2,
      seed: form3Actual("25.00(万元)"),
      errors: [
        {
          severity: "warning",
          cell: "表1!E13",
          message: "实际完成值 25.00(万元)（折合 25.00万元）与全年执行数 24.39万元 不符",
          expected: 24.39,
          actual: 25,
        },
      ],
    },
    {
      name: "seed form 3: 24.41(万元), just outside the display tolerance",
      form: 2,
      seed: form3Actual("24.41(万元)"),
      errors: [{ severity: "warning", cell: "表1!E13", message: "（折合 24.41万元）与全年执行数 24.39万元 不符" }],
    },
    {
      name: "seed form 3 in 元: 244000.00(元) = 24.40 万元 vs 24.39",
      form: 2,
      seed: form3Actual("244000.00(元)"),
      errors: [{ severity: "warning", cell: "表1!E13", message: "实际完成值 244000.00(元)（折合 24.40万元）与全年执行数 24.39万元 不符", actual: 244000 }],
    },
    {
      name: "seed form 4 spent 1.75 万元 but the cost actual still reads 0.00(元)",
      form: 3,
      seed: (f) => void (f.funding[0][3] = 1.75),
      errors: [{ severity: "warning", cell: "表1!E14", message: "「项目总成本」实际完成值 0.00(元)（折合 0.00万元）与全年执行数 1.75万元 不符", expected: 1.75, actual: 0 }],
    },
    {
      name: "seed form 4: 17600.00(元) = 1.76 万元 vs 1.75",
      form: 3,
      seed: form4Spent(1.75, "17600.00(元)"),
      errors: [{ severity: "warning", cell: "表1!E14", message: "（折合 1.76万元）与全年执行数 1.75万元 不符" }],
    },
  ],
});
