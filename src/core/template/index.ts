/**
 * Blank forms with live native formulas (issue 11): one TemplateSheet per template id, its profile's conventions
 * built in. Pure data; src/xlsx/create writes it as .xlsx.
 */
import { PROFILES, type Profile } from "../scoring/profiles";
import { classicSheet } from "./classic";
import type { TemplateOptions } from "./fill";
import { hubeiSheet } from "./hubei";
import type { TemplateSheet } from "./model";
import { sichuanSheet } from "./sichuan";

export type TemplateId = "mof2020" | "shanghai" | "sichuan" | "hubei";

export interface TemplateInfo {
  id: TemplateId;
  label: string;
  /** The profile whose conventions the formulas follow (and that `check` should be run with). */
  profile: Profile;
}

export const TEMPLATES: Readonly<Record<TemplateId, TemplateInfo>> = {
  mof2020: { id: "mof2020", label: "财政部 2020 年自评表（执行率四舍五入）", profile: PROFILES.mof2020 },
  shanghai: { id: "shanghai", label: "上海（执行率截位，得分四舍五入）", profile: PROFILES.default },
  sichuan: { id: "sichuan", label: "四川预算管理一体化导出表", profile: PROFILES.sichuan },
  hubei: { id: "hubei", label: "湖北（执行率 20 分）", profile: PROFILES.hubei },
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

export function isTemplateId(x: unknown): x is TemplateId {
  return typeof x === "string" && Object.prototype.hasOwnProperty.call(TEMPLATES, x);
}

export function buildTemplate(id: TemplateId, options: TemplateOptions = {}): TemplateSheet {
  const { profile } = TEMPLATES[id];
  switch (id) {
    case "mof2020":
      return classicSheet(profile, options, true);
    case "shanghai":
      return classicSheet(profile, options, false);
    case "sichuan":
      return sichuanSheet(profile, options);
    case "hubei":
      return hubeiSheet(profile, options);
  }
}

export { templateGrid, type TemplateSheet, type TemplateCell, type InputMap, type CellPos, type ListValidation, type CellStyle } from "./model";
export type { TemplateOptions, IndicatorInput, FundingInput } from "./fill";
export * as native from "./native";
