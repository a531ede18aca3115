/** Pieces every layout uses. */
import { hundredths } from "../number";
import type { Profile } from "../scoring/profiles";
import type { SheetBuilder } from "./builder";
import type { TemplateOptions } from "./fill";
import type { CellPos } from "./model";

/** The sub-rows of 年度资金总额 on the Shanghai and ministry forms. */
export const FUNDING_SUB_ROWS = ["其中：当年财政拨款", "上年结转资金", "其他资金"] as const;

export const BAND_PROMPT = "定性指标请选择评价结果；定量指标直接填写数值，如 90.00(%)";

/** `IF(cond,"",formula)`: a computed cell stays blank until its inputs are there (a blank is a "fill in", not 0). */
export function blankIf(cond: string, formula: string): string {
  return `IF(${cond},"",${formula})`;
}

/** The profile's proposed score for each band, in percent of the weight (达成 / 部分达成 / 未达成). */
export function bandPercents(profile: Profile): [number, number, number] {
  const p = hundredths;
  return [p(profile.bandProposal.achieved), p(profile.bandProposal.partial), p(profile.bandProposal.failed)];
}

/** A title across the sheet's width, in the title style every layout uses. */
export function titleRow(b: SheetBuilder, row: number, text: string, last: number): void {
  b.label(row, 0, text, { bold: true, size: 16 });
  b.merge(row, 0, row, last);
  b.heights.set(row, 28);
}

/** Where a layout puts 主管部门's value and the 实施单位 label and value on their shared row. */
export interface IdentityLayout {
  last: number;
  departmentEnd: number;
  unitLabel: string;
  unitLabelCol: number;
  unitLabelEnd?: number;
  unitCol: number;
}

/** The 项目名称 row and the 主管部门 / 实施单位 row every layout opens with (inputs, left-aligned). */
export function identityRows(b: SheetBuilder, o: TemplateOptions, row: number, at: IdentityLayout): { project: CellPos; department: CellPos; unit: CellPos } {
  b.label(row, 0, "项目名称");
  const project = b.input(row, 1, o.project ?? null, undefined, "left");
  b.merge(row, 1, row, at.last);
  b.label(row + 1, 0, "主管部门");
  const department = b.input(row + 1, 1, o.department ?? null, undefined, "left");
  b.merge(row + 1, 1, row + 1, at.departmentEnd);
  b.label(row + 1, at.unitLabelCol, at.unitLabel);
  if (at.unitLabelEnd !== undefined) b.merge(row + 1, at.unitLabelCol, row + 1, at.unitLabelEnd);
  const unit = b.input(row + 1, at.unitCol, o.unit ?? null, undefined, "left");
  if (at.unitCol < at.last) b.merge(row + 1, at.unitCol, row + 1, at.last);
  return { project, department, unit };
}
