/**
 * The one rounding module. Money and rates are computed in exact decimal arithmetic with big.js (a small, kept
 * library: 6 KB, no dependencies), so that 543.69 / 553.40 is truncated from 98.2454… and never from a binary
 * approximation that happens to sit just below a boundary, and 0.1 + 0.2 is 0.3.
 */
import Big from "big.js";
import { centsText, toCents } from "./cents";

export type Rounding = "trunc" | "round";

/** A finite JS number to an exact decimal (through its shortest decimal representation, as Excel shows it). */
export function dec(x: number | Big): Big {
  return x instanceof Big ? x : new Big(x);
}

/** To `dp` decimals: truncated toward zero, or rounded half-up (away from zero). */
export function roundTo(x: number | Big, dp: number, mode: Rounding): number {
  return dec(x).round(dp, mode === "trunc" ? Big.roundDown : Big.roundHalfUp).toNumber();
}

/** Exact a / b × 100 (percent points), or null when b is 0. */
export function percentOf(a: number, b: number): Big | null {
  if (b === 0) return null;
  return dec(a).times(100).div(b);
}

/**
 * Exact sum of numbers, as the double nearest to the exact decimal (in integer cents when they all have 2 decimals,
 * the usual case; else in big.js).
 */
export function sum(xs: readonly number[]): number {
  let cents = 0;
  let exact = true;
  for (const x of xs) {
    const c = toCents(x);
    if (c === null) {
      exact = false;
      break;
    }
    cents += c;
  }
  if (exact) return cents / 100;
  let s = new Big(0);
  for (const x of xs) s = s.plus(x);
  return s.toNumber();
}

/** `98.24`: the form's 2-decimal display of a number. */
export function fmt2(x: number | Big): string {
  const c = typeof x === "number" ? toCents(x) : null;
  if (c !== null) return centsText(c);
  return dec(x).round(2, Big.roundHalfUp).toFixed(2);
}

/** A figure as the form shows it, in hundredths (98.24 → 9824): the unit of every 2-decimal comparison. */
export function hundredths(x: number): number {
  return Math.round(x * 100);
}

/** Whether two figures show the same to 2 decimals. */
export function same2(a: number, b: number): boolean {
  return hundredths(a) === hundredths(b);
}

/** x rounded up (away from zero) to 2 decimals, as Excel's ROUNDUP(x, 2): a figure some forms print by mistake. */
export function roundUp2(x: number | Big): number {
  return dec(x).round(2, Big.roundUp).toNumber();
}
