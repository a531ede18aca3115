/** zero-budget: 全年预算数 0 or blank — no 执行率 can be computed. */
import { cells, COL, ruleTester, seeds } from "./ruleTester";

ruleTester("zero-budget", {
  valid: [
    ...seeds([0, 1, 2, 3, 4]),
    { name: "sub-rows with a 0.00 budget are fine (seed 上年结转资金 / 其他资金)", form: 0 },
    { name: "an unreadable budget (abc) is value-unparseable's finding", edit: (p) => cells(p, [p.rows.funding[0], COL.D, "abc"]) },
    { name: "a small budget (0.01) is not zero", seed: (f) => void (f.funding[0][2] = 0.01) },
    {
      name: "a total row left at zeros while 当年财政拨款 carries the amounts is scored from the sub-rows (funding-rows-sum reports it)",
      form: 3,
      seed: (f) => void (f.funding[0][2] = 0),
    },
  ],
  invalid: [
    {
      name: "全年预算数 0",
      seed: (f) => void (f.funding[0][2] = 0),
      errors: [{ severity: "error", cell: "表1!D6", message: "全年预算数为 0，无法计算执行率", actual: 0 }],
    },
    {
      name: "全年预算数 blank",
      edit: (p) => cells(p, [p.rows.funding[0], COL.D, null]),
      errors: [{ severity: "error", cell: "表1!D6", message: "全年预算数为空，无法计算执行率", actual: null }],
    },
    {
      name: "全年预算数 `-`",
      edit: (p) => cells(p, [p.rows.funding[0], COL.D, "-"]),
      errors: [{ severity: "error", cell: "表1!D6", message: "全年预算数为空" }],
    },
    {
      name: "seed form 4 budget 1.75 → 0.00 on every row",
      form: 3,
      seed: (f) => void [0, 1].forEach((i) => (f.funding[i][2] = 0)),
      errors: [{ severity: "error", cell: "表1!D6", message: "全年预算数为 0" }],
    },
  ],
});
