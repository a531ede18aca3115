/**
 * Native Excel formulas that give exactly the engine's figures, shared by the templates (`selfeval new`) and by
 * `freeze` (JX calls rewritten). Every builder takes Excel expressions (a cell reference, a literal, a sub-formula)
 * and returns an expression without the leading `=`.
 *
 * Why the formulas look the way they do: a binary double cannot hold 0.99 or 543.69, so `E6/D6*100` may land a hair
 * below a 2-decimal boundary (0.99/1*100 is 98.99999999999999) and a plain ROUNDDOWN would then cut a cent the engine
 * does not. The engine works in integer cents (src/core/number/cents.ts); so do these formulas: amounts are scaled to
 * whole cents (ROUND(x*100,0)), multiplied before they are divided, and only the final integer quotient is truncated
 * or rounded. Integers below 2^52 and their quotient are exact in Excel and LibreOffice alike, and a quotient that
 * is exactly k + 0.5 is representable, so ROUND's half-up is the engine's half-up.
 */
import type { Rounding } from "../number";

/** Wraps an expression in parentheses unless it is a single reference, number, string or function call. */
export function operand(x: string): string {
  const t = x.trim();
  if (/^(?:'[^']*(?:''[^']*)*'!|[A-Za-z_][\w.]*!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.test(t)) return t;
  if (/^-?\d+(?:\.\d+)?$/.test(t) || /^"(?:[^"]|"")*"$/.test(t)) return t;
  if (/^[A-Za-z][\w.]*\((?:[^()"]|"(?:[^"]|"")*"|\((?:[^()"]|"(?:[^"]|"")*")*\))*\)$/.test(t)) return t;
  return `(${t})`;
}

/** An Excel string literal for a JS string (quotes doubled). */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

const cut = (r: Rounding) => (r === "trunc" ? "ROUNDDOWN" : "ROUND");
/** x as whole cents / as whole ten-thousandths: exact integers for amounts with up to 2 / 4 decimals. */
const cents = (x: string) => `ROUND(${operand(x)}*100,0)`;
const tenThousandths = (x: string) => `ROUND(${operand(x)}*10000,0)`;

/**
 * 执行率 = executed / budget × 100 to 2 decimals (percent points; `fraction` gives the same figure / 100, for a cell
 * formatted 0.00%). A zero budget gives #DIV/0!, as JX.EXECRATE does.
 */
export function execRate(executed: string, budget: string, rounding: Rounding, fraction = false): string {
  return `${cut(rounding)}(${cents(executed)}*10000/${cents(budget)},0)/${fraction ? 10000 : 100}`;
}

/**
 * 执行率得分 = weight × min(rate, 100) / 100 to 2 decimals, from a rate in percent points (or a fraction): in
 * hundredths, weight-cents × rate-cents / 10000.
 */
export function fundScore(rate: string, weight: string, rounding: Rounding, rateIsFraction = false): string {
  const points = rateIsFraction ? `${operand(rate)}*100` : operand(rate);
  return `${cut(rounding)}(${cents(weight)}*ROUND(MIN(MAX(${points},0),100)*100,0)/10000,0)/100`;
}

/** 总分: the sum to 2 decimals, rounded half-up (text and blanks in the ranges count as nothing, as in SUM). */
export function totalScore(parts: readonly string[]): string {
  return `ROUND(SUM(${parts.join(",")}),2)`;
}

/** 评分等级 from a total by the profile's lower bounds, best first (`[[90,"优"],[80,"良"],[60,"中"],[0,"差"]]`). */
export function grade(total: string, grades: ReadonlyArray<readonly [number, string]>): string {
  const t = operand(total);
  const last = grades[grades.length - 1][1];
  return grades.slice(0, -1).reduceRight((acc, [min, g]) => `IF(${t}>=${min},${str(g)},${acc})`, str(last));
}

/**
 * weight × num / den to 2 decimals, half-up, capped at the weight: the engine's `ratio`. Scaled to ten-thousandths
 * so that targets and actuals with up to 4 decimals stay exact.
 */
function ratio(w: string, num: string, den: string): string {
  return `MIN(${w},ROUND(${cents(w)}*${tenThousandths(num)}/${tenThousandths(den)},0)/100)`;
}

/** The engine's linear reverse rule: w × max(0, 1 − (b − a)/a) = w × (2a − b)/a, to 2 decimals. */
function linear(w: string, a: string, b: string): string {
  return `IF(${a}<=0,0,MAX(0,ROUND(${cents(w)}*(2*${tenThousandths(a)}-${tenThousandths(b)})/${tenThousandths(a)},0)/100))`;
}

/** A quantitative target: its operator group (1 ≥/>, 2 ≤/<, 3 =) and its number, as Excel expressions. */
export interface TargetParts {
  /** 1 for ≥ or >, 2 for ≤ or <, 3 for =. */
  group: string;
  value: string;
  /** The unit in brackets (`(%)`), or `""` when the template keeps units elsewhere. */
  unit: string;
}

/** Text of a cell or expression, trimmed (numbers become their text), full-width brackets `（）` read as `()`. */
const text = (x: string) => `TRIM(SUBSTITUTE(SUBSTITUTE(${operand(x)}&"","（","("),"）",")"))`;
const OPS = '"≥>≤<="';

/**
 * A target written as one text, `≥90.00(%)` / `≤27.40(万元)` / `=12(次)` / `90` (no sign is ≥, as the engine reads it):
 * the sign is its first character, the number runs to the first `(`, the unit is the bracketed rest.
 */
export function targetFromText(cell: string): TargetParts {
  const t = text(cell);
  const hasOp = `ISNUMBER(FIND(LEFT(${t},1),${OPS}))`;
  const pos = `IFERROR(FIND(LEFT(${t},1),${OPS}),1)`;
  return {
    group: `INT((${pos}+1)/2)`,
    value: `VALUE(MID(${t},1+${hasOp},FIND("(",${t}&"(")-1-${hasOp}))`,
    unit: `MID(${t},FIND("(",${t}&"("),99)`,
  };
}

/** A target split over a 指标性质 cell (≥ ≤ =; blank is ≥) and a 指标值 cell (Sichuan); the unit is shared. */
export function targetFromParts(nature: string, value: string): TargetParts {
  return {
    group: `INT((IFERROR(FIND(LEFT(${text(nature)},1),${OPS}),1)+1)/2)`,
    value: `IF(ISNUMBER(${operand(value)}),${operand(value)},VALUE(${text(value)}))`,
    unit: '""',
  };
}

/** The words of a 指标性质 cell the reader takes for ≤ (反向) and for = (src/core/form/indicators.ts `operatorOf`). */
const BELOW = '{"≤","<=","＜＝","≦","反向","小于等于","<","＜","小于"}';
const EQUAL = '{"=","＝","等于"}';

/**
 * The operator group of a 指标性质 cell as the reader takes it: ≤ / 反向 → 2, = / 等于 → 3, anything else (≥, 正向,
 * 定性, blank) → 1. Spaces and a trailing 指标 (`反向指标`) are ignored.
 */
export function natureGroup(nature: string): string {
  const n = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(CLEAN(${operand(nature)}&"")," ",""),"\u3000",""),"指标","")`;
  return `IF(ISNUMBER(MATCH(${n},${BELOW},0)),2,IF(ISNUMBER(MATCH(${n},${EQUAL},0)),3,1))`;
}

/**
 * A target whose operator may live in a separate 指标性质 cell (a sheet read by its headers, the Sichuan export):
 * the value cell's own sign when it has one (the reader keeps it), else the 指标性质 cell's, in words or signs. A unit
 * in brackets is compared with the actual's, as `targetFromText` does; a 度量单位 column is shared by both.
 */
export function targetFromNature(nature: string, value: string): TargetParts {
  const own = targetFromText(value);
  const hasOp = `ISNUMBER(FIND(LEFT(${text(value)},1),${OPS}))`;
  return {
    group: `IF(${hasOp},${own.group},${natureGroup(nature)})`,
    value: own.value,
    unit: own.unit,
  };
}

/** An actual written as `90.00(%)`, `24.39(万元)` or a number: its number (negatives count as 0) and its unit. */
export function actualParts(cell: string): { value: string; unit: string } {
  const c = operand(cell);
  const t = text(cell);
  return {
    value: `MAX(0,IF(ISNUMBER(${c}),${c},VALUE(LEFT(${t},FIND("(",${t}&"(")-1))))`,
    unit: `MID(${t},FIND("(",${t}&"("),99)`,
  };
}

/**
 * The engine's quantitative score (src/core/scoring/indicator.ts `quantityScore`): ≥ met or a target ≤ 0 → w, else
 * w·B/A; ≤ met → w, else w·A/B (or linear); = : A = 0 → (B ≤ 0 ? w : 0), B ≥ A → w, else w·B/A. Units that differ
 * give "" (the engine scores nothing then).
 */
export function quantityScore(target: TargetParts, actual: { value: string; unit: string }, weight: string, reverse: "ratio" | "linear"): string {
  const w = operand(weight);
  const a = target.value;
  const b = actual.value;
  const below = reverse === "linear" ? linear(w, a, b) : ratio(w, a, b);
  const score =
    `CHOOSE(${target.group},` +
    `IF(OR(${b}>=${a},${a}<=0),${w},${ratio(w, b, a)}),` +
    `IF(${b}<=${a},${w},${below}),` +
    `IF(${a}=0,IF(${b}<=0,${w},0),IF(${b}>=${a},${w},${ratio(w, b, a)})))`;
  if (target.unit === '""') return score;
  return `IF(AND(${target.unit}<>"",${actual.unit}<>"",${target.unit}<>${actual.unit}),"",${score})`;
}

/** The three qualitative results, in the order of the drop-down list. */
export const BAND_NAMES = ["达成指标", "部分达成指标并具有一定效果", "未达成指标且效果较差"] as const;

/** weight × percent / 100 to 2 decimals, half-up (a band's proposed score). */
export function percentOfWeight(weight: string, percent: number): string {
  return `ROUND(${cents(weight)}*${percent}/100,0)/100`;
}

export interface IndicatorCells {
  /**
   * The target as one text cell, or split into 指标性质 and 指标值 cells (the template's: signs only), or a 指标值
   * cell with a sign of its own or a 指标性质 cell in signs or words (`targetFromNature`).
   */
  target: { text: string } | { nature: string; value: string } | { natureCell: string; valueCell: string };
  actual: string;
  weight: string;
}

/**
 * An indicator's score as the template's 得分 cell: "" until weight and actual are filled; a qualitative result (one of
 * the three bands) scores the profile's proposal for its band; an actual that restates the target scores w (the
 * engine's `same`); otherwise the quantitative score, or "" when the target or actual is not a number (a time
 * target, a text): the engine then proposes a score or reports the cell, never a wrong figure.
 */
export function indicatorScore(cells: IndicatorCells, bandPercents: readonly [number, number, number], reverse: "ratio" | "linear"): string {
  const w = operand(cells.weight);
  const x = text(cells.actual);
  const t = cells.target;
  const targetText = text("text" in t ? t.text : "value" in t ? t.value : t.valueCell);
  const target =
    "text" in t ? targetFromText(t.text) : "value" in t ? targetFromParts(t.nature, t.value) : targetFromNature(t.natureCell, t.valueCell);
  const quantity = quantityScore(target, actualParts(cells.actual), w, reverse);
  const bands = BAND_NAMES.reduceRight(
    (acc, name, i) => `IF(${x}=${str(name)},${percentOfWeight(w, bandPercents[i])},${acc})`,
    `IF(${targetText}="","",IF(SUBSTITUTE(${targetText}," ","")=SUBSTITUTE(${x}," ",""),${w},IFERROR(${quantity},"")))`,
  );
  return `IF(OR(${text(cells.weight)}="",${x}=""),"",${bands})`;
}
