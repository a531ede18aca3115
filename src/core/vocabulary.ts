/**
 * The one map from the form's Chinese labels to our English identifiers.
 * Keys are matched after `labelKey` (half-width, no whitespace, no trailing colon).
 */

export const FORM_TITLES = ["财政项目支出绩效自评表", "项目支出绩效自评表", "部门项目支出绩效自评表"];

/** Header and row labels, each with the variants met in real workbooks. */
export const LABELS = {
  project: ["项目名称"],
  department: ["主管部门", "主管部门(单位)"],
  unit: ["实施单位", "项目实施单位"],
  funding: ["项目资金", "项目资金(万元)", "项目资金(元)"],
  budgetInitial: ["年初预算数", "年初预算"],
  budgetFull: ["全年预算数", "全年预算", "调整后预算数"],
  executed: ["全年执行数", "全年执行", "实际执行数"],
  weight: ["分值", "分数", "权重"],
  rate: ["执行率", "执行率(%)", "预算执行率", "预算执行率(%)"],
  score: ["得分", "评分"],
  goals: ["年度总体目标", "总体目标"],
  goalExpected: ["预期目标", "年度预期目标"],
  goalActual: ["实际完成情况", "实际完成"],
  performance: ["绩效指标"],
  level1: ["一级指标"],
  level2: ["二级指标"],
  level3: ["三级指标"],
  target: ["年度指标值", "指标值", "年度目标值"],
  actual: ["实际完成值", "实际值"],
  deviationNote: ["偏差原因分析及改进措施", "偏差原因分析及改进意见", "偏差原因及改进措施", "未完成原因分析"],
  total: ["总分", "合计"],
  grade: ["评分等级", "自评等级", "等级"],
} as const;

export type LabelId = keyof typeof LABELS;

/** Funding row labels → row kind. Matched by prefix after removing `其中`. */
export const FUNDING_ROWS: ReadonlyArray<[string, FundingRowKind]> = [
  ["年度资金总额", "total"],
  ["资金总额", "total"],
  ["当年财政拨款", "current"],
  ["财政拨款", "current"],
  ["上年结转资金", "carryover"],
  ["上年结转", "carryover"],
  ["其他资金", "other"],
];

export type FundingRowKind = "total" | "current" | "carryover" | "other" | "unknown";

const lookup = new Map<string, LabelId>();
for (const [id, variants] of Object.entries(LABELS) as [LabelId, readonly string[]][]) {
  for (const v of variants) lookup.set(v, id);
}

/** The label id of a normalised cell text, or undefined. */
export function labelOf(key: string): LabelId | undefined {
  return lookup.get(key);
}

export function fundingRowKind(key: string): FundingRowKind {
  const k = key.replace(/^其中[:：]?/, "");
  for (const [prefix, kind] of FUNDING_ROWS) if (k.startsWith(prefix)) return kind;
  return "unknown";
}

/** Level-1 indicator names, by the key their text starts with. */
export const LEVEL1 = { cost: "成本", output: "产出", effect: "效益", satisfaction: "满意度" } as const;
export type Level1Kind = keyof typeof LEVEL1 | "other";

const LEVEL1_ENTRIES = Object.entries(LEVEL1) as [keyof typeof LEVEL1, string][];

export function level1Kind(text: string | null): Level1Kind {
  if (!text) return "other";
  const t = text.trimStart();
  for (const [kind, key] of LEVEL1_ENTRIES) if (t.startsWith(key)) return kind;
  return "other";
}

/** The grades, best first, with the user-facing labels. */
export const GRADES = ["优", "良", "中", "差"] as const;
export type Grade = (typeof GRADES)[number];
