/**
 * The one map from the form's Chinese labels to our English identifiers.
 * Keys are matched after `labelKey` (half-width, no whitespace, no trailing colon).
 */

import { COLUMN_SYNONYMS } from "./synonyms";

/** Row and section labels, each with the variants met in real workbooks (table columns: synonyms.ts). */
export const ROW_LABELS = {
  /** 项目名称; a 部门整体支出 form names its 部门 there instead. */
  project: ["项目名称", "部门名称", "部门", "部门(单位)名称"],
  department: ["主管部门", "主管部门(单位)", "主管单位"],
  unit: ["实施单位", "项目实施单位"],
  /** The label beside the funding table (its unit, 万元 or 元, is read from its decoration). */
  funding: ["项目资金", "预算资金", "年度预算数", "资金情况", "预算执行情况", "资金投入情况"],
  goals: ["年度总体目标", "总体目标", "年度绩效目标"],
  goalExpected: ["预期目标", "年度预期目标"],
  goalActual: ["实际完成情况", "实际完成", "年度目标完成情况"],
  performance: ["绩效指标"],
  total: ["总分", "合计", "总计"],
  grade: ["评分等级", "自评等级", "等级", "评价等级"],
  /** Rows below the indicator table that end it. */
  end: ["评价结论", "存在问题", "改进措施", "项目负责人", "财务负责人", "填表人", "联系电话", "备注"],
} as const;

export const LABELS = { ...ROW_LABELS, ...COLUMN_SYNONYMS } as const;

export type LabelId = keyof typeof LABELS;

/** One bit per label id, so a row's labels fit in one number (the reader tests rows by mask, not by list). */
export const LABEL_BIT = Object.fromEntries(Object.keys(LABELS).map((id, i) => [id, 1 << i])) as Record<LabelId, number>;

/** The mask of several label ids. */
export function maskOf(ids: readonly LabelId[]): number {
  let m = 0;
  for (const id of ids) m |= LABEL_BIT[id];
  return m;
}

/** Funding row labels → row kind. Matched by prefix after removing `其中`. */
export const FUNDING_ROWS: ReadonlyArray<[string, FundingRowKind]> = [
  ["年度资金总额", "total"],
  ["年度财政资金总额", "total"],
  ["资金总额", "total"],
  ["总额", "total"],
  ["合计", "total"],
  ["总计", "total"],
  ["当年财政拨款", "current"],
  ["本年财政拨款", "current"],
  ["财政拨款", "current"],
  ["财政资金", "current"],
  ["上年结转资金", "carryover"],
  ["上年结转", "carryover"],
  ["其他资金", "other"],
  ["单位资金", "other"],
  ["财政专户管理资金", "other"],
  ["社会资金", "other"],
  ["自有资金", "other"],
  ["基本支出", "other"],
  ["项目支出", "other"],
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

/** A weight a label states in its decoration (`产出指标(60分)`, `项目管理（25分）`), or null. */
export function statedWeight(text: string | null): number | null {
  const m = text === null ? null : /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/.exec(text);
  return m ? Number(m[1]) : null;
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
