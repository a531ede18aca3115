/**
 * Column headers of the form's two tables (项目资金 and 绩效指标), as data: each English identifier with the header
 * texts real templates print for it. A header is matched after `labelKey` and after its trailing decorations are
 * taken off (`(万元)`, `(A)`, `(B/A)`, `(20分*执行率)`, see form/headers.ts), so `指标值(A)` is listed as `指标值`.
 * To teach the reader a new template's column, add its header here; a header that is not listed is ignored.
 */
export const COLUMN_SYNONYMS = {
  /** 年初预算数. */
  budgetInitial: ["年初预算数", "年初预算", "年初预算金额", "年初批复预算", "年初预算资金", "年初批复数"],
  /** 全年预算数: the adjusted full-year budget that 执行率 divides by. */
  budgetFull: ["全年预算数", "全年预算", "调整后预算数", "调整后预算", "预算数", "全年预算金额", "全年批复预算", "调整预算数"],
  /** 全年执行数. */
  executed: ["全年执行数", "全年执行", "实际执行数", "预算执行数", "执行数", "实际支出", "实际支出数", "全年实际支出", "执行金额", "全年执行金额"],
  /** 执行率 (percent points, a percent-formatted fraction, or a ratio under a `(B/A)` header). */
  rate: ["执行率", "预算执行率", "资金执行率", "全年执行率"],
  /** 分值 of a funding row or an indicator. */
  weight: ["分值", "分数", "权重", "参考分值", "标准分值", "指标分值", "分值权重", "指标分值权重", "指标权重"],
  /** 得分 of a funding row or an indicator; in a header block, the form's stated total. */
  score: ["得分", "评分", "自评得分", "实际得分", "指标得分"],
  level1: ["一级指标"],
  level2: ["二级指标"],
  level3: ["三级指标"],
  /** 指标性质 (`≥`, `≤`, `=`, `定性`): joined with 指标值 and 度量单位 into one target. */
  nature: ["指标性质", "指标方向"],
  target: ["年度指标值", "指标值", "年度目标值", "预期指标值", "目标值", "全年指标值", "年度绩效指标值", "年初目标值", "年度目标"],
  /** 度量单位 / 计量单位, a column of its own in some templates. */
  measureUnit: ["度量单位", "计量单位"],
  actual: ["实际完成值", "完成值", "实际值", "全年实际值", "实际完成指标值", "全年完成值", "指标实际完成值"],
  deviationNote: [
    "偏差原因分析及改进措施",
    "偏差原因分析及改进意见",
    "偏差原因及改进措施",
    "偏差原因分析",
    "未完成原因分析",
    "未完成原因和改进措施",
    "未完成原因及改进措施",
    "未完成原因分析及改进措施",
    "未完成原因及拟采取的改进措施",
    "偏差原因及拟采取的改进措施",
    "原因分析",
  ],
  /** The funding table's own 原因 column (Sichuan), where a low 执行率 or an adjustment is explained. */
  reason: ["原因", "原因说明", "偏差原因"],
} as const;

export type ColumnId = keyof typeof COLUMN_SYNONYMS;

/** The columns that make a row the funding table's header (two of them at least). */
export const FUNDING_HEADER_COLUMNS: readonly ColumnId[] = ["budgetInitial", "budgetFull", "executed", "rate"];
