/** grade-mismatch: 评分等级 from 总分: ≥ 90 优 · ≥ 80 良 · ≥ 60 中 · < 60 差. */
import { findingsOf, ruleTester, seeds } from "./ruleTester";

ruleTester("grade-mismatch", {
  valid: [
    ...seeds([0, 1, 2, 3, 4]),
    { name: "seed form 4: 80.00 → 良 (lower edge)", form: 3 },
    { name: "90.00 → 优 (lower edge)", seed: (f) => void (f.total = 90) },
    { name: "60.00 → 中 (lower edge)", seed: (f) => Object.assign(f, { total: 60, grade: "中" }) },
    { name: "优秀 is accepted for 优", seed: (f) => void (f.grade = "优秀") },
    { name: "较差 is accepted for 差", seed: (f) => Object.assign(f, { total: 59.99, grade: "较差" }) },
    { name: "blank grade: nothing to compare (missing-field reports it)", seed: (f) => void (f.grade = "") },
  ],
  invalid: [
    {
      name: "seed form 4: 80.00 written as 优",
      form: 3,
      seed: (f) => void (f.grade = "优"),
      errors: [
        { severity: "error", cell: "表1!F22", message: "总分 80.00 对应评分等级“良”（≥90 优，≥80 良，≥60 中，<60 差），表内为“优”", expected: "良", actual: "优" },
      ],
    },
    {
      name: "seed form 4 with 总分 79.99 keeps 良",
      form: 3,
      seed: (f) => void (f.total = 79.99),
      errors: [{ severity: "error", cell: "表1!F22", message: "总分 79.99 对应评分等级“中”", expected: "中", actual: "良" }],
    },
    {
      name: "89.99 written as 优",
      seed: (f) => void (f.total = 89.99),
      errors: [{ severity: "error", cell: "表1!F22", message: "总分 89.99 对应评分等级“良”", expected: "良" }],
    },
    {
      name: "59.99 written as 中",
      seed: (f) => Object.assign(f, { total: 59.99, grade: "中" }),
      errors: [{ severity: "error", cell: "表1!F22", message: "总分 59.99 对应评分等级“差”", expected: "差", actual: "中" }],
    },
  ],
});

// Regression test: this case once failed in the engine.
describe("grade-mismatch — regressions", () => {
  test("regression #3: 良好 for 总分 85.00 is the right grade and should not be an error", () => {
    const found = findingsOf("grade-mismatch", { name: "良好", seed: (f) => Object.assign(f, { total: 85, grade: "良好" }) });
    expect(found.map((f) => f.message)).toEqual([]);
  });
});
