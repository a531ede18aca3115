/**
 * target-trivial: targets that are always met (≥0), ≥100 % (should be =100 %, also written `≥100百分比`), a reverse
 * sign on a count (≤4 个, or a bare ≤4 on an indicator named …次数 / …数量), met by doing nothing.
 */
import type { SeedForm } from "../support/seed";
import { ruleTester, seeds } from "./ruleTester";

/** Seed form 1, 「特保队员工作完成率」 (row 14). */
const target = (text: string) => (f: SeedForm) => void (f.indicators[1][3] = text);
/** The same row renamed, with a target. */
const named = (name: string, text: string) => (f: SeedForm) => Object.assign(f.indicators[1], { 2: name, 3: text, 4: text.replace(/^[≤<]/, "") });

ruleTester("target-trivial", {
  valid: [
    ...seeds([0, 2, 3, 4]),
    { name: "=100.00(%) (seed form 1 质量指标)", form: 0 },
    { name: "≥99.99(%)", seed: target("≥99.99(%)") },
    { name: ">0(个) means at least one", seed: target(">0(个)") },
    { name: "≥100(个): a count may exceed 100", seed: target("≥100(个)") },
    { name: "≤5(天): a reverse sign on a duration is fine", seed: target("≤5(天)") },
    { name: "≤27.40(万元): a reverse sign on money is fine (seed form 3)", form: 2 },
    { name: "≥99百分比", seed: target("≥99百分比") },
    { name: "≤3个百分点: a change in points is not a count", seed: target("≤3个百分点") },
    { name: "9月底前: a time target", seed: target("9月底前") },
    { name: "bare ≤4 on 完成率: the name does not count", seed: target("≤4") },
    { name: "bare ≤4 on 培训覆盖面: the name does not clearly count", seed: named("培训覆盖面", "≤4") },
    { name: "≤0(次) on 安全事故发生次数: fewer is better", seed: named("安全事故发生次数", "≤0(次)") },
    { name: "≤3次 on 群众投诉次数", seed: named("群众投诉次数", "≤3次") },
    { name: "bare ≤4 on 会议次数: a capped count", seed: named("会议次数", "≤4") },
    {
      name: "≤4(个) on a cost indicator (成本指标 caps counts)",
      form: 2,
      seed: (f) => Object.assign(f.indicators[0], { 3: "≤4(个)", 4: "4(个)" }),
    },
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
      name: "≥100百分比 is ≥100%",
      seed: target("≥100百分比"),
      errors: [{ severity: "warning", cell: "表1!D14", message: "年度指标值“≥100百分比”：百分比不会超过 100%，应写作 =100%", expected: "=100.00(%)" }],
    },
    {
      name: "≥100(百分比)",
      seed: target("≥100(百分比)"),
      errors: [{ severity: "warning", cell: "表1!D14", expected: "=100.00(%)" }],
    },
    {
      name: "bare ≤4 on 培训次数: the name counts",
      seed: named("培训次数", "≤4"),
      errors: [{ severity: "warning", cell: "表1!D14", message: "「培训次数」年度指标值“≤4”对计数指标使用了反向符号（≤/<），请确认是否应为 ≥（按 ≤ 计，完成 0 也算达标）" }],
    },
    {
      name: "bare <10 on 设备采购数量",
      seed: named("设备采购数量", "<10"),
      errors: [{ severity: "warning", cell: "表1!D14", message: "“<10”对计数指标使用了反向符号" }],
    },
    ...["≤4家", "≤4(户)", "<20人次", "≤4(场)", "≤2(套)", "≤3台", "≤4期", "≤1批", "≤2所", "≤1座", "≤30名", "≤5(万人次)", "≤2次/年"].map((text) => ({
      name: `${text} on a count`,
      seed: target(text),
      errors: [{ severity: "warning" as const, cell: "表1!D14", message: `“${text}”对计数指标使用了反向符号` }],
    })),
    {
      name: "≤4个 (bare unit)",
      seed: target("≤4个"),
      errors: [{ severity: "warning", cell: "表1!D14", message: "“≤4个”对计数指标使用了反向符号" }],
    },
  ],
});
