/**
 * Exact 2-decimal arithmetic on integer cents, for the hot paths (执行率 and 执行率得分 of every funding row).
 * Amounts and rates on the form carry at most 2 decimals, so as integers they are exact in a double, and so are
 * their products up to 2^53. Inputs outside that fall back to big.js (see rounding.ts), which gives the same results.
 */
import type { Rounding } from "./rounding";

const LIMIT = 2 ** 53;

/** x × 100 as an integer when x has at most 2 decimals, else null. */
export function toCents(x: number): number | null {
  const c = Math.round(x * 100);
  return Math.abs(c - x * 100) < 1e-6 && Math.abs(c) < 1e13 ? c : null;
}

/** floor(a / b) for integers a ≥ 0, b > 0 below 2^53, corrected for the division's rounding. */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

/** `98.24` from hundredths 9824 (sign kept). */
export function centsText(c: number): string {
  const sign = c < 0 ? "-" : "";
  const a = Math.abs(c);
  const frac = a % 100;
  return `${sign}${(a - frac) / 100}.${frac < 10 ? "0" : ""}${frac}`;
}

/** x × fraction to 2 decimals, rounded half-up, when both have at most 2 decimals; else null. */
export function timesFraction(x: number, fraction: number): number | null {
  const a = toCents(x);
  const f = toCents(fraction);
  if (a === null || f === null || a < 0 || f < 0) return null;
  const h = divideToHundredths(a * f, 10000, "round");
  return h === null ? null : h / 100;
}

/** num / den to 2 decimals (as hundredths), truncated or rounded half-up; null when out of the exact range. */
export function divideToHundredths(num: number, den: number, mode: Rounding): number | null {
  if (den <= 0 || num < 0 || num * 100 >= LIMIT / 2 || den >= LIMIT / 2) return null;
  return mode === "trunc" ? floorDiv(num * 100, den) : floorDiv(num * 200 + den, den * 2);
}
