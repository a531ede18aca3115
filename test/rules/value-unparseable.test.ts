/** value-unparseable: a target/actual that is neither a quantity, a band nor text (warning); a non-number amount (error). */
import type { SeedForm } from "../support/seed";
import { cells, COL, ruleTester, seeds } from "./ruleTester";

/** Seed form 1, 「特保队员工作完成率」 (row 14). */
const target = (text: string) => (f: SeedForm) => void (f.indicators[1][3] = text);

ruleTester("value-unparseable", {
  valid: [
    ...seeds([0, 1, 2, 3, 4]),
    { name: "spaced: ≥ 90 %", seed: target("≥ 90 %") },
    { name: "full-width: ＞＝90.00％", seed: target("＞＝90.00％") },
    { name: "word operator: 不低于90%", seed: target("不低于90%") },
    { name: "suffix operator: 90%以上", seed: target("90%以上") },
    { name: "thousands separator in an amount: 1,234.50", edit: (p) => cells(p, [p.rows.funding[0], COL.D, "1,234.50"]) },
    { name: "`-` in a funding cell is not applicable, not unreadable", edit: (p) => cells(p, [p.rows.funding[0], COL.C, "-"]) },
  ],
  invalid: [
    {
      name: "unclosed bracket: ≥90.00(％",
      seed: target("≥90.00(％"),
      errors: [
        {
          severity: "warning",
          cell: "表1!D14",
          message: "「特保队员工作完成率」年度指标值“≥90.00(％”无法识别，应写作如 ≥90.00(%)",
          actual: "≥90.00(％",
        },
      ],
    },
    {
      name: "letter O for a zero in the actual: 9O.00(%)",
      seed: (f) => void (f.indicators[1][4] = "9O.00(%)"),
      errors: [{ severity: "warning", cell: "表1!E14", message: "实际完成值“9O.00(%)”无法识别" }],
    },
    {
      name: "doubled operator: ≥90.00(%)以上",
      seed: target("≥90.00(%)以上"),
      errors: [{ severity: "warning", cell: "表1!D14", message: "年度指标值“≥90.00(%)以上”无法识别" }],
    },
    {
      name: "abc as 全年预算数",
      edit: (p) => cells(p, [p.rows.funding[0], COL.D, "abc"]),
      errors: [{ severity: "error", cell: "表1!D6", message: "年度资金总额全年预算数“abc”不是数字", actual: "abc" }],
    },
    {
      name: "abc as 全年执行数",
      edit: (p) => cells(p, [p.rows.funding[0], COL.E, "abc"]),
      errors: [{ severity: "error", cell: "表1!E6", message: "年度资金总额全年执行数“abc”不是数字" }],
    },
    {
      name: "a percent sign on an amount: 12%",
      edit: (p) => cells(p, [p.rows.funding[0], COL.D, "12%"]),
      errors: [{ severity: "error", cell: "表1!D6", message: "全年预算数“12%”不是数字" }],
    },
    {
      name: "Excel error #DIV/0! as 执行率",
      edit: (p) => cells(p, [p.rows.funding[0], COL.G, "#DIV/0!"]),
      errors: [{ severity: "error", cell: "表1!G6", message: "年度资金总额执行率“#DIV/0!”不是数字" }],
    },
    {
      name: "abc as an indicator 分值",
      edit: (p) => cells(p, [p.rows.indicators[1], COL.F, "abc"]),
      errors: [{ severity: "error", cell: "表1!F14", message: "「特保队员工作完成率」分值“abc”不是数字" }],
    },
    {
      name: "abc as 总分",
      edit: (p) => cells(p, [p.rows.total, COL.G, "abc"]),
      errors: [{ severity: "error", cell: "表1!G21", message: "总分“abc”不是数字" }],
    },
  ],
});
