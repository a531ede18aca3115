/** An indicator's score from its target, actual and weight, under a profile. */
import { hundredths, timesFraction } from "../number";
import { dec, fmt2, roundTo } from "../number";
import { formatTime, meetsTimeTarget, timeOf } from "../value/time";
import type { Band, ParsedValue } from "../value/types";
import type { Profile } from "./profiles";

export type IndicatorScore =
  /** Quantitative: target and actual are numbers; `value` is the formula's result to 2 decimals. */
  | { kind: "formula"; value: number; exact: number; explain: string; met: boolean; equalExceeded: boolean }
  /** Qualitative result band: any score in [low, high) of w is right; `proposal` fills an empty cell. */
  | { kind: "band"; band: Band; low: number; high: number; highInclusive: boolean; proposal: number }
  /**
   * A qualitative target restated as the actual (`改善办学条件` → `改善办学条件`): met, so any score in the achieved band
   * [low, value] is right (Ningxia forms judge 13 of 15); `及时` → `及时` leaves no such room (low = value).
   */
  | { kind: "same"; value: number; low: number }
  | { kind: "none"; reason: string };

const BAND_NAMES: Record<Band, string> = {
  achieved: "达成指标",
  partial: "部分达成指标并具有一定效果",
  failed: "未达成指标且效果较差",
};

export function bandName(band: Band): string {
  return BAND_NAMES[band];
}

function unitsCompatible(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

export function scoreIndicator(target: ParsedValue, actual: ParsedValue, weight: number | null, profile: Profile): IndicatorScore {
  if (weight === null) return { kind: "none", reason: "分值为空" };
  const w = weight;
  if (actual.kind === "band") {
    const [lo, hi] = profile.bands[actual.band];
    const part = (f: number) => timesFraction(w, f) ?? roundTo(dec(w).times(f), 2, "round");
    return {
      kind: "band",
      band: actual.band,
      low: part(lo),
      high: part(hi),
      highInclusive: actual.band === "achieved",
      proposal: part(profile.bandProposal[actual.band]),
    };
  }
  if (target.kind === "time") return timeScore(target, actual, w);
  if (target.kind === "qualitative" && actual.kind === "qualitative") {
    const same = target.text.replace(/\s/g, "") === actual.text.replace(/\s/g, "");
    if (!same) return { kind: "none", reason: "实际完成值为文字，无法按公式计分" };
    const [lo] = profile.bands.achieved;
    return { kind: "same", value: w, low: timesFraction(w, lo) ?? roundTo(dec(w).times(lo), 2, "round") };
  }
  if (target.kind !== "quantity" || actual.kind !== "quantity") {
    return { kind: "none", reason: "年度指标值或实际完成值不是数值" };
  }
  if (!unitsCompatible(target.unit, actual.unit)) return { kind: "none", reason: "计量单位不一致" };
  return quantityScore(target.op ?? "≥", target.value, Math.max(0, actual.value), w, profile);
}

/**
 * A time target (`9月底前`, `及时`): met on or before the deadline → w; late → 0 (a deadline is met or missed; a
 * judged partial score with a note is indicator-score-mismatch's warning). A band actual was scored above.
 */
function timeScore(target: Extract<ParsedValue, { kind: "time" }>, actual: ParsedValue, w: number): IndicatorScore {
  const met = meetsTimeTarget(target, actual);
  // `及时` → `及时` / `按时完成`: the actual restates the target.
  if (met === true && target.at === null) return { kind: "same", value: w, low: w };
  if (met === true) return full(w, false, "在时限内完成，得满分");
  if (met === false) {
    const a = timeOf(actual);
    const explain = a?.at && target.at ? `实际 ${formatTime(a.at)} 晚于时限 ${formatTime(target.at)}，不得分` : "未按时完成，不得分";
    return { kind: "formula", value: 0, exact: 0, explain, met: false, equalExceeded: false };
  }
  if (target.at === null && actual.kind === "qualitative") return { kind: "none", reason: "实际完成值为文字，无法按公式计分" };
  return { kind: "none", reason: target.at === null ? "年度指标值未写明时限，无法按日期计分" : "实际完成值不是时间，无法按时限计分" };
}

function full(w: number, equalExceeded = false, explain = "达到指标值，得满分"): IndicatorScore {
  return { kind: "formula", value: w, exact: w, explain, met: true, equalExceeded };
}

function ratio(w: number, num: number, den: number, explain: string): IndicatorScore {
  const exact = den === 0 ? 0 : dec(w).times(num).div(den).toNumber();
  const value = Math.min(w, roundTo(exact, 2, "round"));
  return { kind: "formula", value, exact, explain, met: false, equalExceeded: false };
}

function quantityScore(op: string, a: number, b: number, w: number, profile: Profile): IndicatorScore {
  switch (op) {
    case "≥":
    case ">":
      if (b >= a || a <= 0) return full(w);
      return ratio(w, b, a, `${fmt2(w)} × ${fmt2(b)} ÷ ${fmt2(a)}`);
    case "≤":
    case "<":
      if (b <= a) return full(w);
      if (profile.reverseFormula === "linear") {
        if (a <= 0) return { kind: "formula", value: 0, exact: 0, explain: "指标值为 0 且实际超出", met: false, equalExceeded: false };
        const exact = Math.max(0, dec(w).times(dec(1).minus(dec(b).minus(a).div(a))).toNumber());
        return { kind: "formula", value: roundTo(exact, 2, "round"), exact, explain: `${fmt2(w)} × (1 − (${fmt2(b)} − ${fmt2(a)}) ÷ ${fmt2(a)})`, met: false, equalExceeded: false };
      }
      return ratio(w, a, b, `${fmt2(w)} × ${fmt2(a)} ÷ ${fmt2(b)}`);
    default:
      // "=": short of the target scores pro rata; above it scores full but is worth a look.
      if (a === 0) return b <= 0 ? full(w) : { kind: "formula", value: 0, exact: 0, explain: "指标值为 0 而实际不为 0", met: false, equalExceeded: false };
      if (b === a) return full(w);
      if (b > a) return full(w, true, "超过指标值，按满分计");
      return ratio(w, b, a, `${fmt2(w)} × ${fmt2(b)} ÷ ${fmt2(a)}`);
  }
}

/** Whether a stated score agrees with the computed one (either 2-decimal convention, or inside the band). */
export function acceptsScore(score: IndicatorScore, stated: number): boolean {
  const s = hundredths(stated);
  switch (score.kind) {
    case "formula":
      return s === hundredths(score.value) || s === hundredths(roundTo(score.exact, 2, "trunc"));
    case "band":
      return s >= hundredths(score.low) && (score.highInclusive ? s <= hundredths(score.high) : s < hundredths(score.high));
    case "same":
      return s >= hundredths(score.low) && s <= hundredths(score.value);
    case "none":
      return true;
  }
}
