/**
 * JX.* custom functions (=JX.EXECRATE(…) in a cell). Thin wrappers over src/core: every argument goes through
 * ./coerce (Excel's values → core inputs) and every body runs inside `run`, which turns any failure into a
 * CustomFunctions.Error and never throws.
 *
 * Ids are ASCII and frozen for good once released (workbooks store them); display names equal the ids in every
 * language, and the descriptions Excel shows in formula autocomplete are Chinese (see docs/functions.md).
 * custom-functions-metadata-plugin builds dist/functions.json from the JSDoc below and appends the
 * `CustomFunctions.associate(id, function)` calls to this module: keep each function a top-level exported
 * `function` declaration with a `@customfunction ID` tag, and parameters typed `unknown` (metadata type `any`, so
 * Excel hands values over unconverted and ./coerce decides).
 */
// Straight from the core's modules rather than its index: the index also brings the form reader and the rules, whose
// module-level tables would ride along in functions.js (twice the size) for nothing.
import { dec, roundTo, sum } from "../core/number";
import { acceptsScore, type IndicatorScore, scoreIndicator } from "../core/scoring/indicator";
import { gradeFor, PROFILES } from "../core/scoring/profiles";
import { computeRate, fundingScoreOf, rateBy } from "../core/scoring/rate";
import { isCostLabel, targetVerdict } from "../core/value/lint";
import { parseBand, parseValue } from "../core/value/parse";
import type { ParsedValue } from "../core/value/types";
import { draftIndicatorNote } from "../core/writeplan/notes";
import { choice, DIV0, fail, nonNegative, num, numbers, NUM, optNum, optText, run, value, VALUE } from "./coerce";

const PROFILE = PROFILES.default;
const ROUNDING = { trunc: ["截位", "截断", "舍去"], round: ["四舍五入", "舍入"] } as const;
const REVERSE = { ratio: ["比例"], linear: ["线性"] } as const;

/**
 * 预算执行率 = 全年执行数 ÷ 全年预算数 × 100，保留两位小数（默认截位，如自评表：543.69 ÷ 553.40 → 98.24）。
 * @customfunction EXECRATE
 * @param executed 全年执行数（万元或元，与全年预算数同一单位）
 * @param budget 全年预算数（调整后，万元或元）；为 0 时返回 #DIV/0!
 * @param [rounding] 两位小数的取法："trunc" 截位（默认）或 "round" 四舍五入
 * @returns 执行率（百分点，98.24 即 98.24%）
 */
export function EXECRATE(executed: unknown, budget: unknown, rounding?: unknown): number | CustomFunctions.Error {
  return run(() => rateBy(rateOf(executed, budget), choice(rounding, "取法", ROUNDING, "trunc")));
}

/**
 * 执行率得分 = 分值 × min(执行率, 100) ÷ 100，保留两位小数（如 49.85 ÷ 58 → 85.94% → 8.59 分）。
 * @customfunction FUNDSCORE
 * @param executed 全年执行数（万元或元，与全年预算数同一单位）
 * @param budget 全年预算数（调整后，万元或元）；为 0 时返回 #DIV/0!
 * @param [weight] 执行率的分值（分），省略时为 10
 * @param [rounding] 两位小数的取法："trunc" 截位（默认）或 "round" 四舍五入
 * @returns 执行率得分（分），不超过分值
 */
export function FUNDSCORE(executed: unknown, budget: unknown, weight?: unknown, rounding?: unknown): number | CustomFunctions.Error {
  return run(() => {
    const mode = choice(rounding, "取法", ROUNDING, "trunc");
    const w = nonNegative(optNum(weight, "分值", PROFILE.fundingWeight));
    return fundingScoreOf(rateBy(rateOf(executed, budget), mode), w, mode);
  });
}

/**
 * 定量指标得分：按年度指标值（≥、≤、=）与实际完成值计算，保留两位小数，不超过分值。
 * @customfunction INDSCORE
 * @param target 年度指标值，如 "≥90.00(%)"、"≤27.40(万元)"、"=12(次)"
 * @param actual 实际完成值，如 "24.39(万元)" 或数值 24.39（单位须与指标值一致）
 * @param weight 分值（分）
 * @param [reverseRule] 反向指标（≤、<）未达标时的算法："ratio" 分值×指标值÷实际值（默认）或 "linear" 分值×(1−超出比例)
 * @returns 指标得分（分）
 */
export function INDSCORE(target: unknown, actual: unknown, weight: unknown, reverseRule?: unknown): number | CustomFunctions.Error {
  return run(() => {
    const profile = { ...PROFILE, reverseFormula: choice(reverseRule, "反向指标算法", REVERSE, "ratio") };
    const t = parseValue(value(target, "年度指标值"));
    const a = parseValue(value(actual, "实际完成值"));
    return formulaScore(scoreIndicator(t, a, nonNegative(num(weight, "分值")), profile), t, a);
  });
}

/**
 * 定性指标得分：达成指标 80%–100%、部分达成指标并具有一定效果 60%–80%、未达成指标且效果较差 0–60% 的分值。
 * @customfunction QUALSCORE
 * @param result 实际完成值（评价结果）："达成指标"、"部分达成指标并具有一定效果" 或 "未达成指标且效果较差"
 * @param weight 分值（分）
 * @param [fraction] 得分占分值的比例（0–1 或 "75%"），须在该档之内，否则 #NUM!；省略时取 100%、70%、50%
 * @returns 指标得分（分）
 */
export function QUALSCORE(result: unknown, weight: unknown, fraction?: unknown): number | CustomFunctions.Error {
  return run(() => {
    const text = String(value(result, "实际完成值"));
    const band = parseBand(text) ?? fail(VALUE, `实际完成值应为“达成指标”“部分达成指标并具有一定效果”或“未达成指标且效果较差”，收到“${text}”`);
    const w = nonNegative(num(weight, "分值"));
    const [low, high] = PROFILE.bands[band];
    const f = optNum(fraction, "得分比例", PROFILE.bandProposal[band]);
    const score = roundTo(dec(w).times(f), 2, "round");
    const range = scoreIndicator({ kind: "empty" }, { kind: "band", band }, w, PROFILE);
    if (f < low || f > high || (f === high && band !== "achieved") || !acceptsScore(range, score)) fail(NUM);
    return score;
  });
}

/**
 * 评分等级：≥90 优，≥80 良，≥60 中，<60 差。
 * @customfunction PERFGRADE
 * @param total 总分（0–100 分）
 * @returns "优"、"良"、"中" 或 "差"
 */
export function PERFGRADE(total: unknown): string | CustomFunctions.Error {
  return run(() => {
    const t = num(total, "总分");
    if (t < 0 || t > 100) fail(NUM);
    return gradeFor(t, PROFILE);
  });
}

/**
 * 总分 = 执行率得分 + 各项指标得分之和，保留两位小数。
 * @customfunction TOTALSCORE
 * @param fundScore 执行率得分（分）
 * @param scores 各项指标得分（分），一个单元格区域，如 G14:G21；空单元格按 0 计
 * @returns 总分（分）
 */
export function TOTALSCORE(fundScore: unknown, scores: unknown[][]): number | CustomFunctions.Error {
  return run(() => {
    const parts = [num(fundScore, "执行率得分"), ...numbers(scores, "指标得分")].map(nonNegative);
    return roundTo(sum(parts), 2, "round");
  });
}

/**
 * 检查年度指标值的设置：恒成立（≥0）、≥100%、计数指标用 ≤、成本指标写成定性文字等；没有问题时返回 OK。
 * @customfunction CHECKTARGET
 * @param target 年度指标值，如 "≥0.00(个)"、"≥90.00(%)"
 * @param [indicator] 指标名称（一级、二级或三级），含“成本”时按成本指标检查（须写成金额）
 * @returns 简短的检查结论，或 "OK"
 */
export function CHECKTARGET(target: unknown, indicator?: unknown): string | CustomFunctions.Error {
  return run(() => targetVerdict(value(target, "年度指标值"), { cost: isCostLabel(optText(indicator, "指标名称")) }));
}

/**
 * 偏差原因分析及改进措施的草稿：得分低于分值时写明差距和扣分，原因与措施留空待填；无需说明时返回空文本。
 * @customfunction DEVNOTE
 * @param target 年度指标值，如 "≥90.00(%)" 或 "及时"
 * @param actual 实际完成值，如 "85.00(%)" 或 "未达成指标且效果较差"
 * @param weight 分值（分）
 * @param score 得分（分）
 * @returns 说明草稿，或空文本
 */
export function DEVNOTE(target: unknown, actual: unknown, weight: unknown, score: unknown): string | CustomFunctions.Error {
  return run(() => {
    const t = value(target, "年度指标值");
    const a = value(actual, "实际完成值");
    const w = nonNegative(num(weight, "分值"));
    const s = nonNegative(num(score, "得分"));
    const field = (v: string | number) => ({ text: String(v), parsed: parseValue(v) });
    return draftIndicatorNote({ indicator: { weight: { value: w }, score: { value: s }, target: field(t), actual: field(a) }, computed: s }) ?? "";
  });
}

// ---- helpers (no @customfunction tag: not registered) ----------------------------------------------------------------

function rateOf(executed: unknown, budget: unknown) {
  const e = nonNegative(num(executed, "全年执行数"));
  const b = nonNegative(num(budget, "全年预算数"));
  return computeRate(e, b) ?? fail(DIV0);
}

/** A quantitative score, or the reason there is none as #VALUE!. */
function formulaScore(s: IndicatorScore, target: ParsedValue, actual: ParsedValue): number {
  if (s.kind === "formula" || s.kind === "same") return s.value;
  if (target.kind === "unparseable") fail(VALUE, `无法识别年度指标值“${target.text}”`);
  if (actual.kind === "unparseable") fail(VALUE, `无法识别实际完成值“${actual.text}”`);
  if (s.kind === "band") fail(VALUE, "实际完成值为定性评价结果，请用 JX.QUALSCORE 计分");
  fail(VALUE, s.reason);
}

