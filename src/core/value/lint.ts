/**
 * Target lint: 年度指标值 that reviewers send back although nothing in them is miscomputed. Pure and per target, so
 * the rules (target-trivial) and the JX.CHECKTARGET worksheet function give the same verdict.
 */
import { isCountUnit, parseValue } from "./parse";
import type { ParsedValue } from "./types";

/**
 * - `trivial`: always met (`≥0`, `≥0.00(个)`, `>-1`): the target is set too low to measure anything.
 * - `hundred`: `≥100%`; a percentage cannot exceed 100 %, so it should read `=100%`.
 * - `reverse`: `≤` / `<` on a count (`≤4(个)`, or a bare `≤4` on an indicator named `…次数`): probably meant `≥`;
 *   as written it is met by doing nothing. Not on a count of bad events (`安全事故次数 ≤0次`) nor on a cost indicator.
 * - `vague`: a cost indicator with a qualitative target (`控制在合理范围内`): not measurable.
 */
export type TargetLint = "trivial" | "hundred" | "reverse" | "vague";

export interface TargetContext {
  /** The indicator is a 成本 (cost) indicator. */
  cost: boolean;
  /** The indicator's name (三级指标), when known: it tells a count without a unit and a count of bad events. */
  name?: string | null;
}

/** Names that count without a unit being written: `培训次数`, `检查户数`, `设备数量`. */
const COUNT_NAME = /(?:次数|个数|数量|人数|户数|家数|件数|项数|场次|人次|批次|场数|期数|台数|套数|所数|座数|名额)$/;

/**
 * Names of things that should be few, where `≤` on a count is the right sign: accidents, complaints, errors, the
 * meetings and receptions that spending rules cap.
 */
const FEWER_IS_BETTER =
  /事故|投诉|差错|违规|违纪|违法|故障|不合格|失误|返工|上访|信访|案件|隐患|伤亡|死亡|火灾|拖欠|逾期|延误|超支|扣分|退回|问题|缺陷|损失|病例|纠纷|举报|处罚|通报|舆情|停电|停水|中断|宕机|超标|污染|会议|接待|出国|出访|公车|用车|团组|流失|积压|闲置/;

/** Whether the target counts things: by its unit, or (when it has none) by an indicator name that clearly counts. */
function isCount(unit: string | null, name: string | null | undefined): boolean {
  if (unit !== null) return isCountUnit(unit);
  return name != null && COUNT_NAME.test(name.replace(/\s/g, ""));
}

/** The first (and only possible) lint finding on a parsed target, or null when the target is fine. */
export function lintTarget(target: ParsedValue, context: TargetContext): TargetLint | null {
  if (target.kind === "qualitative") return context.cost ? "vague" : null;
  if (target.kind !== "quantity" || target.op === null) return null;
  const { op, value, unit } = target;
  if ((op === "≥" && value <= 0) || (op === ">" && value < 0)) return "trivial";
  if (op === "≥" && unit === "%" && value >= 100) return "hundred";
  if ((op === "≤" || op === "<") && !context.cost && isCount(unit, context.name) && !FEWER_IS_BETTER.test(context.name ?? "")) return "reverse";
  return null;
}

/** Whether an indicator label (一级, 二级 or 三级指标) names a cost indicator: `成本指标`, `经济成本指标`. */
export function isCostLabel(label: string | null): boolean {
  return label !== null && /成本/.test(label);
}

/** A short zh-CN verdict on a target as written (`≥0 恒成立，指标值设置过低`), for a cell or a tooltip. */
export function targetLintVerdict(lint: TargetLint, text: string): string {
  switch (lint) {
    case "trivial":
      return `${text} 恒成立，指标值设置过低`;
    case "hundred":
      return `${text}：百分比不会超过 100%，应写作 =100%`;
    case "reverse":
      return `${text} 对计数指标使用了反向符号（≤/<），请确认是否应为 ≥（按 ≤ 计，完成 0 也算达标）`;
    case "vague":
      return `成本指标的指标值“${text}”不可衡量，应写成金额，如 ≤27.40(万元)`;
  }
}

/**
 * The verdict on a target as a cell holds it: `OK`, a lint verdict, or a note that the text cannot be read.
 * A blank target is the caller's business (the worksheet function returns #N/A).
 */
export function targetVerdict(input: string | number, context: TargetContext): string {
  const text = String(input).trim();
  const parsed = parseValue(input);
  if (parsed.kind === "unparseable") return `无法识别指标值“${text}”，应写成 ≥90.00(%)、≤27.40(万元) 这样的形式`;
  const lint = lintTarget(parsed, context);
  return lint === null ? "OK" : targetLintVerdict(lint, text);
}
