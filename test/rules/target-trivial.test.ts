/** target-trivial: targets that are always met (≥0), ≥100 % (should be =100 %), a reverse sign on a count (≤4 个). */
import type { SeedForm } from "../support/seed";
import { ruleTester, seeds } from "./ruleTester";

/** Seed form 1, 「特保队员工作完成率」 (row 14). */
const target = (text: string) => (f: SeedForm) => void (f.indicators[1][3] = text);

ruleTester("target-trivial", {
  valid: [
    ...seeds([0, 2, 3, 4]),
    { name: "=100.00(%) (seed form 1 质量指标)", form: 0 },
    { name: "≥99.99(%)", seed: target("≥99.99(%)") },
    { name: ">0(个) means at least one", seed: target(">0(个)") },
    { name: "≥100(个): a count may exceed 100", seed: target("≥100(个)") },
    { name: "≤5(天): a reverse sign on a duration is fine", seed: target("≤5(天)") },
    { name: "≤27.40(万元): a reverse sign on money is fine (seed form 3)", form: 2 },
  ],
  invalid: [
    {
      name: "seed form 2: ≥0.00(个) is always met",
      form: 1,
      errors: [
        { severity: "warning", cell: "表1!D14", message: "「应用场景开发数量」年度指标值“≥0.00(个)”恒成立，指标值设置过低", actual: "≥0.00(个)" },
      ],
    },
    {
      name: "≥0",
      seed: target("≥0"),
      errors: [{ severity: "warning", cell: "表1!D14", message: "年度指标值“≥0”恒成立" }],
    },
    {
      name: "不低于0个",
      seed: target("不低于0个"),
      errors: [{ severity: "warning", cell: "表1!D14", message: "“不低于0个”恒成立" }],
    },
    {
      name: ">-1(个)",
      seed: target(">-1(个)"),
      errors: [{ severity: "warning", cell: "表1!D14", message: "恒成立" }],
    },
    {
      name: "≥100%",
      seed: target("≥100%"),
      errors: [{ severity: "warning", cell: "表1!D14", message: "年度指标值“≥100%”：百分比不会超过 100%，应写作 =100%", expected: "=100.00(%)" }],
    },
    {
      name: "≥100.00(%)",
      seed: target("≥100.00(%)"),
      errors: [{ severity: "warning", cell: "表1!D14", message: "“≥100.00(%)”：百分比不会超过 100%", expected: "=100.00(%)" }],
    },
    {
      name: "full-width ＞＝100％",
      seed: target("＞＝100％"),
      errors: [{ severity: "warning", cell: "表1!D14", expected: "=100.00(%)" }],
    },
    {
      name: "suffix form 100%以上",
      seed: target("100%以上"),
      errors: [{ severity: "warning", cell: "表1!D14", expected: "=100.00(%)" }],
    },
    {
      name: "≤4(个): reverse sign on a count",
      seed: (f) => Object.assign(f.indicators[1], { 3: "≤4(个)", 4: "4(个)" }),
      errors: [{ severity: "warning", cell: "表1!D14", message: "年度指标值“≤4(个)”对计数指标使用了反向符号（≤/<），请确认是否应为 ≥" }],
    },
    {
      name: "≤4个 (bare unit)",
      seed: target("≤4个"),
      errors: [{ severity: "warning", cell: "表1!D14", message: "“≤4个”对计数指标使用了反向符号" }],
    },
  ],
});
