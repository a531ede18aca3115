/** over-achievement: B ≥ 1.2 × A on a ≥ / = target flags the target as probably set too low. */
import { PROFILES } from "../../src/core";
import type { SeedForm } from "../support/seed";
import { findingsOf, ruleTester, seeds } from "./ruleTester";

/** Seed form 1, 「特保队员工作完成率」 (row 14): target and actual. */
const pair = (target: string, actual: string) => (f: SeedForm) => Object.assign(f.indicators[1], { 3: target, 4: actual });
/** A Guangxi-style convention: a note is due from 1.3 × A. */
const guangxi = { ...PROFILES.default, overAchievementFactor: 1.3 };

ruleTester("over-achievement", {
  valid: [
    // Seed form 2: ≥0.00(个) → 1 (target 0 is target-trivial's concern), 365/360 天, 100/90 %.
    ...seeds([0, 1, 2, 3]),
    { name: "just under: 119.99 of ≥100(个)", seed: pair("≥100(个)", "119.99(个)") },
    { name: "reverse target ≤4(个) overshot is not over-achievement", seed: pair("≤4(个)", "10(个)") },
    { name: "different units are not compared", seed: pair("≥100(个)", "130(万元)") },
    { name: "target 0 is skipped", seed: pair("≥0(个)", "5(个)") },
    { name: "1.25 × under a 1.3 factor", profile: guangxi, seed: pair("≥100(个)", "125(个)") },
  ],
  invalid: [
    {
      name: "seed form 5: 设备稳定运行天数 365 of ≥200 天",
      form: 4,
      errors: [
        {
          severity: "warning",
          cell: "表1!E19",
          message: "「设备稳定运行天数」实际完成值 365.00 为年度指标值 200.00 的 1.83 倍（≥1.2 倍），指标值可能设置过低",
          actual: 365,
        },
      ],
    },
    {
      name: "exactly 1.2 ×: 120 of ≥100(个)",
      seed: pair("≥100(个)", "120(个)"),
      errors: [{ severity: "warning", cell: "表1!E14", message: "实际完成值 120.00 为年度指标值 100.00 的 1.20 倍（≥1.2 倍）", actual: 120 }],
    },
    {
      name: "exactly 1.2 ×: 108 % of ≥90 %",
      seed: pair("≥90.00(%)", "108.00(%)"),
      errors: [{ severity: "warning", cell: "表1!E14", message: "实际完成值 108.00 为年度指标值 90.00 的 1.20 倍" }],
    },
    {
      name: "exactly 1.2 ×: 432 of ≥360 天",
      seed: pair("≥360.00(天)", "432.00(天)"),
      errors: [{ severity: "warning", cell: "表1!E14", message: "1.20 倍" }],
    },
    {
      name: "an = target: 15 of =12.00(次)",
      form: 4,
      seed: (f) => void (f.indicators[2][4] = "15.00(次)"),
      errors: [
        { severity: "warning", cell: "表1!E15", message: "「水、电抄报数」实际完成值 15.00 为年度指标值 12.00 的 1.25 倍" },
        { severity: "warning", cell: "表1!E19", message: "1.83 倍" },
      ],
    },
    {
      name: "1.3 × under a 1.3 factor",
      profile: guangxi,
      seed: pair("≥100(个)", "130(个)"),
      errors: [{ severity: "warning", cell: "表1!E14", message: "1.30 倍（≥1.3 倍）" }],
    },
  ],
});

// Regression test: this case once failed in the engine.
describe("over-achievement — regressions", () => {
  test.each([
    ["≥20.60(万人次)", "24.72(万人次)", undefined],
    ["≥5.15(万元)", "6.18(万元)", undefined],
    ["≥3(次)", "3.9(次)", guangxi],
  ] as const)("regression #1: exactly the factor × A is flagged: %s → %s", (target, actual, profile) => {
    const found = findingsOf("over-achievement", { name: "float", profile, seed: pair(target, actual) });
    expect(found.map((f) => [f.severity, f.cell])).toEqual([["warning", "表1!E14"]]);
  });
});
