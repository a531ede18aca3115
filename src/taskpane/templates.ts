/**
 * The template picker's choices. The ids and labels live here, not in src/core/template, so that the pane's bundle
 * carries only this list: the template builders are loaded on the first 新建自评表 (a dynamic import).
 */
import type { TemplateId } from "../core/template";

export const TEMPLATE_CHOICES: ReadonlyArray<{
  id: TemplateId;
  label: string;
}> = [
  { id: "mof2020", label: "财政部 2020 年版" },
  { id: "shanghai", label: "上海（执行率截位）" },
  { id: "sichuan", label: "四川（一体化导出表）" },
  { id: "hubei", label: "湖北（执行率 20 分）" },
];

/** The template, built by the lazily loaded builders, and the profile its formulas follow. */
export async function loadTemplate(id: TemplateId) {
  const { buildTemplate, TEMPLATES } = await import(/* webpackChunkName: "template" */ "../core/template");
  return { sheet: buildTemplate(id), profile: TEMPLATES[id].profile.id };
}
