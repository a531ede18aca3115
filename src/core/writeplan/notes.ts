/**
 * Drafted deviation notes (偏差原因分析及改进措施). A draft states the gap in numbers and leaves the cause and the
 * measure for the user to write: it never invents a cause.
 */
import { dec, fmt2 } from "../number";
import type { ValueField } from "../form/model";
import type { ScoredForm } from "../scoring/form";
import { bandName } from "../scoring/indicator";
import { formatQuantity } from "../value/parse";
import { meetsTimeTarget } from "../value/time";
import type { ParsedValue } from "../value/types";

const BLANKS = "原因：____；改进措施：____。";

function shown(v: ParsedValue, fallback: string | null): string {
  if (v.kind === "quantity") return formatQuantity(null, v.value, v.unit);
  return fallback ?? "";
}

/** Text that Excel would never run as a formula. Drafts start with Chinese text anyway; this is the guard. */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `’${s}` : s;
}

/** What an indicator's note is drafted from (a ScoredIndicator is one; so is a row typed into =JX.DEVNOTE). */
export interface NoteSource {
  indicator: {
    weight: { value: number | null };
    score: { value: number | null };
    target: Pick<ValueField, "text" | "parsed">;
    actual: Pick<ValueField, "text" | "parsed">;
  };
  computed: number | null;
}

/** The note an indicator scoring below its weight deserves, or null when none is due. */
export function draftIndicatorNote(s: NoteSource): string | null {
  const w = s.indicator.weight.value;
  // The note explains the score the form shows: the stated one when there is one, else the one we would write.
  const score = s.indicator.score.value ?? s.computed;
  if (w === null || score === null || score >= w) return null;
  const lost = fmt2(dec(w).minus(score));
  const { target, actual } = s.indicator;
  if (actual.parsed.kind === "band") {
    return safeText(`实际完成值为“${bandName(actual.parsed.band)}”（年度指标值：${target.text ?? ""}），扣 ${lost} 分。${BLANKS}`);
  }
  const reverse = target.parsed.kind === "quantity" && (target.parsed.op === "≤" || target.parsed.op === "<");
  if (target.parsed.kind === "time") {
    // A time target: the actual as written (`10月`), not as a quantity; "later" only when it is.
    const late = meetsTimeTarget(target.parsed, actual.parsed) === false ? "晚于" : "";
    return safeText(`实际完成值 ${actual.text ?? ""}，${late}年度指标值 ${target.text ?? ""}，扣 ${lost} 分。${BLANKS}`);
  }
  const gap = reverse ? "高于" : "低于";
  return safeText(`实际完成值 ${shown(actual.parsed, actual.text)}，${gap}年度指标值 ${shown(target.parsed, target.text)}，扣 ${lost} 分。${BLANKS}`);
}

/** The note a low 执行率 deserves under the profile, or null. */
export function draftRateNote(scored: ScoredForm): string | null {
  const row = scored.totalRow;
  const amounts = row ? scored.rowAmounts[scored.form.funding.indexOf(row)] : null;
  if (!row || !amounts || scored.rateValue === null || scored.fundingScore === null) return null;
  if (scored.rateValue >= scored.profile.rateNoteThreshold) return null;
  const lost = fmt2(dec(scored.fundingWeight).minus(scored.fundingScore));
  return safeText(
    `预算执行率 ${fmt2(scored.rateValue)}%（全年执行数 ${fmt2(amounts.executed)} ÷ 全年预算数 ${fmt2(amounts.budget)}），` +
      `低于 ${scored.profile.rateNoteThreshold}%，执行率扣 ${lost} 分。${BLANKS}`,
  );
}
