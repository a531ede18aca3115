/** 执行率 and 执行率得分, and whether a stated figure is acceptable. */
import Big from "big.js";
import { dec, divideToHundredths, hundredths, percentOf, type Rounding, roundTo, roundUp2, toCents } from "../number";

/** 全年执行数 ÷ 全年预算数 × 100, to 2 decimals under either convention. */
export interface Rate {
  truncated: number;
  rounded: number;
}

export function computeRate(executed: number, budget: number): Rate | null {
  if (budget === 0) return null;
  const e = toCents(executed);
  const b = toCents(budget);
  if (e !== null && b !== null && b > 0) {
    // 执行率 = e / b × 100; its hundredths = e × 10000 / b.
    const truncated = divideToHundredths(e * 100, b, "trunc");
    const rounded = divideToHundredths(e * 100, b, "round");
    if (truncated !== null && rounded !== null) return { truncated: truncated / 100, rounded: rounded / 100 };
  }
  const exact = percentOf(executed, budget)!;
  const rate = { truncated: roundTo(exact, 2, "trunc"), rounded: roundTo(exact, 2, "round") };
  // A budget far below a cent (5e-324) gives a rate past the largest double: no rate, as for a zero budget.
  return Number.isFinite(rate.truncated) && Number.isFinite(rate.rounded) ? rate : null;
}

export function rateBy(rate: Rate, rounding: Rounding): number {
  return rounding === "trunc" ? rate.truncated : rate.rounded;
}

/** 执行率得分 = w × min(rate, 100) / 100, to 2 decimals. */
export function fundingScoreOf(rate: number, weight: number, rounding: Rounding): number {
  const capped = Math.max(0, Math.min(rate, 100));
  const w = toCents(weight);
  const r = toCents(capped);
  // score = w × r / 100 = (wc / 100) × (rc / 100) / 100 = wc × rc / 1e6.
  const h = w !== null && r !== null && w >= 0 ? divideToHundredths(w * r, 1_000_000, rounding) : null;
  if (h !== null) return h / 100;
  return roundTo(dec(weight).times(capped).div(100), 2, rounding);
}

export type Verdict = "exact" | "convention" | "display" | "mismatch";

/**
 * Judges a stated 2-decimal rate against the rate computed from `executed` and `budget`: `exact` under the
 * profile's convention, `convention` under the other one, `display` when amounts within ±0.005 of the shown ones
 * (2-decimal amounts may hide that much) give the stated rate under truncation or rounding, else `mismatch`.
 */
export function judgeRate(stated: number, rate: Rate, executed: number, budget: number, rounding: Rounding): Verdict {
  const s = hundredths(stated);
  if (s === hundredths(rateBy(rate, rounding))) return "exact";
  if (s === hundredths(rateBy(rate, rounding === "trunc" ? "round" : "trunc"))) return "convention";
  if (toCents(executed) !== null && toCents(budget) !== null && budget > 0.005) {
    // The exact rates those amounts allow fill [lo, hi]. Truncation shows s for rates in [s, s + 0.01), rounding for
    // [s − 0.005, s + 0.005): the stated figure is possible when [s − 0.005, s + 0.01) meets [lo, hi].
    const lo = dec(Math.max(executed - 0.005, 0)).times(100).div(dec(budget).plus(0.005));
    const hi = dec(executed).plus(0.005).times(100).div(dec(budget).minus(0.005));
    const shown = dec(s).div(100);
    if (lo.lt(shown.plus(0.01)) && hi.gte(shown.minus(0.005))) return "display";
  }
  return "mismatch";
}

/** Whether a stated figure is the exact one rounded up (Excel's ROUNDUP), a slip neither convention makes. */
export function isRoundedUp(stated: number, exact: Big | null): boolean {
  return exact !== null && hundredths(stated) === hundredths(roundUp2(exact));
}
