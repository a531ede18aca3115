/**
 * A small form in the Sichuan export layout (指标性质 | 指标值 | 度量单位 | 完成值 | 权重), for tests: 50 budgeted, 49.50
 * spent (99.00 %), then an indicator table with the given header and rows.
 */
import type { CellValue, Grid } from "../../src/core";

/** The indicator header of the Sichuan export, in its own column order. */
export const SICHUAN_HEADER: readonly string[] = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"];

export function sichuanForm(header: readonly CellValue[], rows: readonly (readonly CellValue[])[]): Grid {
  const width = Math.max(header.length, 8);
  const row = (cells: readonly CellValue[]) => [...cells, ...Array<CellValue>(width - cells.length).fill(null)];
  const values: CellValue[][] = [
    row(["部门预算项目支出绩效自评表(2023年度)"]),
    row(["项目名称", "培训经费"]),
    row(["主管部门", "某某局", "实施单位", "某某中心"]),
    row(["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"]),
    row([null, "总额", 50, 50, 49.5, "99.00%", 10, 9.9]),
    row(["绩效指标(90分)"]),
    row(header),
    ...rows.map(row),
    row(["合计"]),
  ];
  return { sheet: "表1", top: 0, left: 0, values, merges: [] };
}
