/**
 * missing-deviation-note: a 偏差原因分析及改进措施 is due when an indicator scores below its weight (error), when
 * 执行率 < 90 % (warning; error under sichuan), and under sichuan when the budget was adjusted mid-year.
 * The funding rows have no note cell: any note in the form counts for the rate and the adjustment.
 */
import type { SeedForm } from "../support/seed";
import { ruleTester, seeds } from "./ruleTester";

/** Seed form 1, 「特保队员工作完成率」 (≥90.00(%), row 14): 80.00(%) → 8.89 of 10. */
const short = (note = "") => (f: SeedForm) => {
  f.indicators[1][4] = "80.00(%)";
  f.indicators[1][6] = 8.89;
  f.indicators[1][7] = note;
};
const dropNotes = (f: SeedForm) => {
  for (const i of f.indicators) i[7] = "";
};

ruleTester("missing-deviation-note", {
  valid: [
    // Seed form 1 (98.24 %, adjusted budget) and form 4 (notes written) are fine outside Sichuan.
    ...seeds([0, 3]),
    ...seeds([0, 3], "mof2020"),
    ...seeds([0, 3], "hubei"),
    // Seed form 4: 0.00 % and adjusted? no (1.75 = 1.75); its two notes cover the rate.
    ...seeds([3], "sichuan"),
    { name: "seed form 3 (89.01 %) with a note on any indicator", form: 2, seed: (f) => void (f.indicators[0][7] = "年末结余 3.01 万元，下年度加强预算执行监控") },
    { name: "seed form 3 under sichuan with a note", form: 2, profile: "sichuan", seed: (f) => void (f.indicators[0][7] = "年末结余 3.01 万元") },
    { name: "执行率 exactly 90.00 %", form: 2, seed: (f) => Object.assign(f.funding[0], { 1: 100, 2: 100, 3: 90 }) },
    { name: "an indicator below its weight with a note", seed: short("人员流动，完成率偏低；下半年补充招录") },
    { name: "an indicator above its target scores full: no note due", seed: (f) => void (f.indicators[1][4] = "95.00(%)") },
  ],
  invalid: [
    {
      name: "seed form 3: 执行率 89.01 % under default → warning",
      form: 2,
      errors: [
        {
          severity: "warning",
          cell: "表1!G6",
          message: "执行率 89.01% 低于 90%，应在偏差原因分析中说明",
          expected: "预算执行率 89.01%（全年执行数 24.39 ÷ 全年预算数 27.40），低于 90%，执行率扣 1.10 分。原因：____；改进措施：____。",
        },
      ],
    },
    {
      name: "seed form 3 under sichuan → error",
      form: 2,
      profile: "sichuan",
      errors: [{ severity: "error", cell: "表1!G6", message: "执行率 89.01% 低于 90%" }],
    },
    {
      name: "seed form 5: 78.02 % → warning",
      form: 4,
      errors: [{ severity: "warning", cell: "表1!G6", message: "执行率 78.02% 低于 90%", expected: expect.stringContaining("执行率扣 2.20 分") }],
    },
    {
      name: "one cent below: 89.99 %",
      form: 2,
      seed: (f) => Object.assign(f.funding[0], { 1: 100, 2: 100, 3: 89.99 }),
      errors: [{ severity: "warning", cell: "表1!G6", message: "执行率 89.99% 低于 90%" }],
    },
    {
      name: "seed form 1 under sichuan: adjusted budget (476.00 → 553.40) without a note",
      profile: "sichuan",
      errors: [{ severity: "error", cell: "表1!D6", message: "全年预算数与年初预算数不同，本配置要求在偏差原因分析中说明调整原因" }],
    },
    {
      name: "seed form 2 under sichuan: adjusted and 85.94 %",
      form: 1,
      profile: "sichuan",
      errors: [
        { severity: "error", cell: "表1!D6", message: "全年预算数与年初预算数不同" },
        { severity: "error", cell: "表1!G6", message: "执行率 85.94% 低于 90%" },
      ],
    },
    {
      name: "an indicator below its weight without a note: a draft is proposed",
      seed: short(),
      errors: [
        {
          severity: "error",
          cell: "表1!H14",
          message: "「特保队员工作完成率」得分 8.89 低于分值 10.00，应填写偏差原因分析及改进措施",
          expected: "实际完成值 80.00(%)，低于年度指标值 90.00(%)，扣 1.11 分。原因：____；改进措施：____。",
          actual: null,
        },
      ],
    },
    {
      name: "a 部分达成 band scored 7 of 10 without a note",
      seed: (f) => Object.assign(f.indicators[3], { 4: "部分达成指标并具有一定效果", 6: 7 }),
      errors: [
        {
          severity: "error",
          cell: "表1!H16",
          message: "得分 7.00 低于分值 10.00",
          expected: "实际完成值为“部分达成指标并具有一定效果”（年度指标值：及时），扣 3.00 分。原因：____；改进措施：____。",
        },
      ],
    },
    {
      name: "seed form 4 with its notes removed: 0.00 % and two indicators below weight",
      form: 3,
      seed: dropNotes,
      errors: [
        { severity: "warning", cell: "表1!G6", message: "执行率 0.00% 低于 90%" },
        { severity: "error", cell: "表1!H13", message: "「平均成本」得分 5.00 低于分值 10.00" },
        { severity: "error", cell: "表1!H17", message: "「公用经费发放」得分 5.00 低于分值 10.00" },
      ],
    },
    {
      name: "seed form 4 with its notes removed, under sichuan: the rate note becomes an error too",
      form: 3,
      profile: "sichuan",
      seed: dropNotes,
      errors: [
        { severity: "error", cell: "表1!G6", message: "执行率 0.00% 低于 90%" },
        { severity: "error", cell: "表1!H13" },
        { severity: "error", cell: "表1!H17" },
      ],
    },
  ],
});
