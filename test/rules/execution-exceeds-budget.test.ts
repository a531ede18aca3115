/** execution-exceeds-budget: 全年执行数 ≤ 全年预算数 on every funding row, or the excess is explained. */
import { ruleTester, seeds } from "./ruleTester";

ruleTester("execution-exceeds-budget", {
  valid: [
    ...seeds([0, 1, 2, 3, 4]),
    { name: "fully spent: 553.40 of 553.40", seed: (f) => void (f.funding[0][3] = 553.4) },
    { name: "553.404 shows as 553.40", seed: (f) => void (f.funding[0][3] = 553.404) },
  ],
  invalid: [
    {
      name: "600.00 spent of 553.40",
      seed: (f) => void (f.funding[0][3] = 600),
      errors: [{ severity: "warning", cell: "表1!E6", message: "全年执行数 600.00 大于全年预算数 553.40，请核实或说明超支原因", expected: 553.4, actual: 600 }],
    },
    {
      name: "one cent over, on the total and the 当年财政拨款 row",
      seed: (f) => {
        f.funding[0][3] = 553.41;
        f.funding[1][3] = 553.41;
      },
      errors: [
        { severity: "warning", cell: "表1!E6", message: "全年执行数 553.41 大于全年预算数 553.40" },
        { severity: "warning", cell: "表1!E7", message: "其中：当年财政拨款：全年执行数 553.41 大于全年预算数 553.40" },
      ],
    },
    {
      name: "上年结转资金 spent with no budget",
      seed: (f) => void (f.funding[2][3] = 1),
      errors: [{ severity: "warning", cell: "表1!E8", message: "上年结转资金：全年执行数 1.00 大于全年预算数 0.00", expected: 0, actual: 1 }],
    },
  ],
});
