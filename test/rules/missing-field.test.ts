/** missing-field: required cells left blank (error), and computed cells left blank (info: 写回得分 fills them). */
import { cells, COL, ruleTester, seeds } from "./ruleTester";

ruleTester("missing-field", {
  valid: [
    ...seeds([0, 1, 2, 3, 4]),
    ...seeds([0, 1, 2, 3, 4], "hubei"),
    { name: "`-` in the funding sub-rows' 分数 / 得分 cells (seed)", form: 1 },
    { name: "an empty note cell is not a missing field", form: 0 },
  ],
  invalid: [
    {
      name: "blank project name",
      seed: (f) => void (f.project = ""),
      errors: [{ severity: "error", cell: "表1!B3", message: "项目名称为空" }],
    },
    {
      name: "blank weight",
      seed: (f) => void (f.indicators[1][5] = null),
      errors: [{ severity: "error", cell: "表1!F14", message: "「特保队员工作完成率」分值为空" }],
    },
    {
      name: "`-` as a weight",
      edit: (p) => cells(p, [p.rows.indicators[1], COL.F, "-"]),
      errors: [{ severity: "error", cell: "表1!F14", message: "分值为空" }],
    },
    {
      name: "blank 主管部门 and 实施单位",
      seed: (f) => Object.assign(f, { department: "", unit: "" }),
      errors: [
        { severity: "error", cell: "表1!B4", message: "主管部门为空" },
        { severity: "error", cell: "表1!F4", message: "实施单位为空" },
      ],
    },
    {
      name: "blank target and actual",
      seed: (f) => Object.assign(f.indicators[1], { 3: "", 4: "" }),
      errors: [
        { severity: "error", cell: "表1!D14", message: "「特保队员工作完成率」年度指标值为空" },
        { severity: "error", cell: "表1!E14", message: "「特保队员工作完成率」实际完成值为空" },
      ],
    },
    {
      name: "blank indicator name: named by its position",
      seed: (f) => void (f.indicators[1][2] = ""),
      errors: [{ severity: "error", cell: "表1!C14", message: "「第 2 项指标」三级指标名称为空" }],
    },
    {
      name: "blank 全年执行数",
      edit: (p) => cells(p, [p.rows.funding[0], COL.E, null]),
      errors: [{ severity: "error", cell: "表1!E6", message: "全年执行数为空" }],
    },
    {
      name: "blank computed cells are info: 执行率, 执行率得分",
      edit: (p) => cells(p, [p.rows.funding[0], COL.G, null], [p.rows.funding[0], COL.H, null]),
      errors: [
        { severity: "info", cell: "表1!G6", message: "执行率为空，可自动填写（任务窗格“写回得分”或 selfeval fill）" },
        { severity: "info", cell: "表1!H6", message: "执行率得分为空，可自动填写（任务窗格“写回得分”或 selfeval fill）" },
      ],
    },
    {
      name: "blank computed cells are info: an indicator score, 总分, 评分等级",
      seed: (f) => Object.assign(f, { total: null, grade: "" }),
      edit: (p) => cells(p, [p.rows.indicators[1], COL.G, null]),
      errors: [
        { severity: "info", cell: "表1!G14", message: "「特保队员工作完成率」得分为空" },
        { severity: "info", cell: "表1!G21", message: "总分为空" },
        { severity: "info", cell: "表1!F22", message: "评分等级为空" },
      ],
    },
  ],
});
