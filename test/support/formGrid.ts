/**
 * Lays a seed-shaped form out as an in-memory Grid in the Shanghai layout (8 columns, merged level cells), for fast
 * rule tests. The .xlsx builder in seedWorkbook.ts covers the other layouts through real files.
 */
import type { CellValue, Grid, MergedArea } from "../../src/core/grid";
import type { SeedForm } from "./seed";

export interface Placed {
  grid: Grid;
  /** Absolute 0-based rows of the form's parts. */
  rows: { project: number; fundingHeader: number; funding: number[]; indicators: number[]; total: number; grade: number };
}

export interface LayoutOptions {
  sheet?: string;
  top?: number;
  left?: number;
}

export function formGrid(form: SeedForm, options: LayoutOptions = {}): Placed {
  return formsGrid([form], options)[0];
}

/** Several forms stacked on one sheet, with two blank rows between them. */
export function formsGrid(forms: readonly SeedForm[], options: LayoutOptions = {}): Placed[] {
  const sheet = options.sheet ?? "表1";
  const top = options.top ?? 0;
  const left = options.left ?? 0;
  const rows: CellValue[][] = [];
  const merges: MergedArea[] = [];
  const placed: Placed[] = [];
  const grid: Grid = { sheet, top, left, values: rows, merges };
  const put = (cells: CellValue[]) => {
    rows.push([...cells, ...Array(8 - cells.length).fill(null)]);
    return top + rows.length - 1;
  };
  const merge = (r1: number, c1: number, r2: number, c2: number) =>
    merges.push({ top: r1, left: left + c1, bottom: r2, right: left + c2 });

  for (const f of forms) {
    if (placed.length > 0) {
      put([]);
      put([]);
    }
    const title = put(["财政项目支出绩效自评表"]);
    merge(title, 0, title, 7);
    put([`（${f.year}年度）`]);
    const project = put(["项目名称", f.project]);
    merge(project, 1, project, 7);
    put(["主管部门", f.department, null, null, "实施单位", f.unit]);
    const fundingHeader = put(["项目资金\n（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分数", "执行率(%)", "得分"]);
    const funding = f.funding.map((r) => put([null, r[0], ...r.slice(1).map((v) => (v === null ? "-" : v))]));
    merge(fundingHeader, 0, funding[funding.length - 1], 0);
    const goals = put(["年度\n总体\n目标", "预期目标", null, null, null, "实际完成情况"]);
    put([null, f.goalExpected, null, null, null, f.goalActual]);
    merge(goals, 0, goals + 1, 0);
    put(["一级\n指标", "二级\n指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析\n及改进措施"]);
    const indicators: number[] = [];
    let prev: [string, string] | null = null;
    let run1 = -1;
    let run2 = -1;
    for (const i of f.indicators) {
      const same1 = prev !== null && prev[0] === i[0];
      const same2 = same1 && prev![1] === i[1];
      const r = put([same1 ? null : i[0], same2 ? null : i[1], i[2], i[3], i[4], i[5], i[6], i[7] === "" ? null : i[7]]);
      if (!same1) run1 = r;
      if (!same2) run2 = r;
      if (same1) extend(merges, run1, left, r);
      if (same2) extend(merges, run2, left + 1, r);
      indicators.push(r);
      prev = [i[0], i[1]];
    }
    const total = put(["总分", null, null, null, null, 100, f.total]);
    merge(total, 0, total, 4);
    const grade = put(["评分等级", null, null, null, null, f.grade]);
    merge(grade, 0, grade, 4);
    placed.push({ grid, rows: { project, fundingHeader, funding, indicators, total, grade } });
  }
  return placed;
}

function extend(merges: MergedArea[], top: number, col: number, bottom: number): void {
  const m = merges.find((x) => x.top === top && x.left === col);
  if (m) m.bottom = bottom;
  else merges.push({ top, left: col, bottom, right: col });
}

/** Sets a cell by absolute 0-based coordinates. */
export function setCell(grid: Grid, row: number, col: number, value: CellValue): void {
  grid.values[row - grid.top][col - grid.left] = value;
}
