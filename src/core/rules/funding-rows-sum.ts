import type { FundingRow } from "../form/model";
import { fmt2, hundredths, sum } from "../number";
import { defineRule, docsUrl } from "./types";

const COLUMNS = [
  ["initial", "年初预算数"],
  ["budget", "全年预算数"],
  ["executed", "全年执行数"],
] as const;

const rule = defineRule({
  meta: {
    id: "funding-rows-sum",
    severity: "error",
    description: "资金分项之和不等于年度资金总额",
    messages: { default: "{column}：当年财政拨款、上年结转资金、其他资金合计 {parts}，与年度资金总额 {actual} 不符" },
    docs: docsUrl("funding-rows-sum"),
  },
  check({ form, report }) {
    const total = form.funding.find((r) => r.kind === "total");
    const parts = form.funding.filter((r) => r !== total && r.kind !== "total");
    if (!total || parts.length === 0) return;
    for (const [key, column] of COLUMNS) {
      const values = parts.map((p: FundingRow) => p[key].value);
      if (total[key].unreadable || total[key].absent || values.every((v) => v === null)) continue;
      // An empty total cell beside sub-rows that carry amounts does not add up either.
      const stated = total[key].value ?? 0;
      const partsSum = sum(values.map((v) => v ?? 0));
      // Amounts are shown to 2 decimals: compare as shown.
      if (hundredths(partsSum) === hundredths(stated)) continue;
      report({ ref: total[key].ref, data: { column, parts: fmt2(partsSum), actual: fmt2(stated) }, expected: partsSum, actual: stated });
    }
  },
});
export default rule;
