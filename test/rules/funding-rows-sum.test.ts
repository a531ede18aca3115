/** funding-rows-sum: 当年财政拨款 + 上年结转资金 + 其他资金 = 年度资金总额, column by column. */
import { ruleTester, seeds } from "./ruleTester";

ruleTester("funding-rows-sum", {
  valid: [
    ...seeds([0, 1, 2, 3, 4]),
    { name: "seed form 2: 6.00 + 0.00 + 52.00 = 58.00", form: 1 },
    {
      name: "sub-rows all `-` in a column: nothing to add",
      seed: (f) => {
        for (const r of f.funding.slice(1)) r[1] = null;
      },
    },
    {
      name: "decimal arithmetic: 0.10 + 0.20 = 0.30",
      seed: (f) => {
        f.funding[0][2] = 0.3;
        f.funding[1][2] = 0.1;
        f.funding[2][2] = 0.2;
      },
    },
  ],
  invalid: [
    {
      name: "seed form 2, 其他资金 全年预算数 52 → 50",
      form: 1,
      seed: (f) => void (f.funding[3][2] = 50),
      errors: [
        {
          severity: "error",
          cell: "表1!D6",
          message: "全年预算数：当年财政拨款、上年结转资金、其他资金合计 56.00，与年度资金总额 58.00 不符",
          expected: 56,
          actual: 58,
        },
      ],
    },
    {
      name: "seed form 2, 其他资金 全年执行数 43.85 → 43.00",
      form: 1,
      seed: (f) => void (f.funding[3][3] = 43),
      errors: [{ severity: "error", cell: "表1!E6", message: "全年执行数：当年财政拨款、上年结转资金、其他资金合计 49.00，与年度资金总额 49.85 不符", expected: 49 }],
    },
    {
      name: "seed form 1, 上年结转资金 年初预算数 10",
      seed: (f) => void (f.funding[2][1] = 10),
      errors: [{ severity: "error", cell: "表1!C6", message: "年初预算数：当年财政拨款、上年结转资金、其他资金合计 486.00，与年度资金总额 476.00 不符", expected: 486 }],
    },
    {
      name: "two columns off at once, reported left to right",
      form: 1,
      seed: (f) => {
        f.funding[1][1] = 31;
        f.funding[3][3] = 43;
      },
      errors: [
        { severity: "error", cell: "表1!C6", message: "年初预算数：当年财政拨款、上年结转资金、其他资金合计 31.00" },
        { severity: "error", cell: "表1!E6", message: "全年执行数：当年财政拨款、上年结转资金、其他资金合计 49.00" },
      ],
    },
  ],
});
