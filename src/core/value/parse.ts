/**
 * The one grammar for 年度指标值 and 实际完成值:
 *   value    := [operator] number [unit]  |  band  |  time  |  qualitative text
 *   operator := ≥ | > | ≤ | < | =   (also >=, <=, ＞, ＝, ≧, ⩾, 不低于, 不超过 …)
 *   number   := digits with optional thousands separators and decimals (full-width digits accepted)
 *   unit     := "(" text ")" in ASCII or full-width brackets, or bare text (`%`, `次`, `元/人`); one spelling per
 *               unit (`百分比` and `％` are `%`, `㎡` is `平方米`; `百分点` stays its own unit)
 *   time     := `9月底前`, `年底前`, `2023年12月31日前`, `2023-09-30`, `及时`, `按时完成` … (grammar in time.ts)
 * Text that starts like a number but does not finish like one is unparseable; other text with CJK is qualitative.
 */
import { toHalfWidth, toSimplified } from "../text/normalize";
import { parseTime } from "./time";
import type { Band, Operator, ParsedValue } from "./types";

const WORD_OPERATORS: ReadonlyArray<[string, Operator]> = [
  ["大于等于", "≥"],
  ["大于或等于", "≥"],
  ["不低于", "≥"],
  ["不少于", "≥"],
  ["不小于", "≥"],
  ["小于等于", "≤"],
  ["小于或等于", "≤"],
  ["不高于", "≤"],
  ["不超过", "≤"],
  ["不多于", "≤"],
  ["不大于", "≤"],
  ["高于", ">"],
  ["大于", ">"],
  ["低于", "<"],
  ["小于", "<"],
  ["等于", "="],
];

const SYMBOL_OPERATORS: ReadonlyArray<[string, Operator]> = [
  [">=", "≥"],
  ["=>", "≥"],
  ["≥", "≥"],
  ["≧", "≥"],
  ["⩾", "≥"],
  ["<=", "≤"],
  ["=<", "≤"],
  ["≤", "≤"],
  ["≦", "≤"],
  ["⩽", "≤"],
  [">", ">"],
  ["<", "<"],
  ["==", "="],
  ["=", "="],
  // Small-form and look-alike signs of PDF copies and some provinces' templates (云南: `﹦100`, `═100`).
  ["﹦", "="],
  ["═", "="],
  ["﹥", ">"],
  ["﹤", "<"],
];

/** No figure on a form comes near 10^15 (万元 or 元); beyond it doubles lose cents and sums overflow. */
export const MAX_FIGURE = 1e15;

const SUFFIX_OPERATORS: ReadonlyArray<[string, Operator]> = [
  ["及以上", "≥"],
  ["以上", "≥"],
  ["及以下", "≤"],
  ["以下", "≤"],
  ["以内", "≤"],
];

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|^[+-]?\.\d+/;
const CJK = /[\u3400-\u9fff]/;
/** After the number: 年 / 月 / 日 and more Chinese text than a unit (`月份完成宣传片制作`). */
const PROSE_AFTER_DATE = /^[年月日号].*[\u3400-\u9fff]{2}/;
const BARE_UNIT = /^(?:[%‰]|[a-zA-Z\u3400-\u9fff/·²³]+)$/;

const BANDS: ReadonlyArray<[RegExp, Band]> = [
  [/^未(?:达成|完成)/, "failed"],
  [/^部分(?:达成|完成)/, "partial"],
  [/^(?:达成|完成|实现)(?:年度|预期)?(?:指标|目标)/, "achieved"],
];

/** Normalises spacing, full-width forms and the odd characters that PDF copies introduce. */
const NEEDS_CLEANING = /[\s\u00a0\u200b（）]/;

function clean(s: string): string {
  const h = toSimplified(toHalfWidth(s));
  if (!NEEDS_CLEANING.test(h)) return h;
  return h
    .replace(/[\s\u00a0\u200b]+/g, "")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")");
}

/** Bands start with one of these characters; other values skip the three patterns. */
const BAND_STARTS = new Set(["未", "部", "达", "完", "实"]);

function bandOf(t: string): Band | null {
  if (!BAND_STARTS.has(t[0])) return null;
  for (const [re, band] of BANDS) if (re.test(t)) return band;
  return null;
}

export function parseBand(text: string): Band | null {
  return bandOf(clean(text));
}

/** First characters of every operator spelling: most values start with a digit and skip the scan. */
const OPERATOR_STARTS = new Set([...WORD_OPERATORS, ...SYMBOL_OPERATORS].map(([w]) => w[0]));

function readOperator(t: string): [Operator | null, string] {
  if (!OPERATOR_STARTS.has(t[0])) return [null, t];
  for (const [word, op] of WORD_OPERATORS) if (t.startsWith(word)) return [op, t.slice(word.length)];
  for (const [sym, op] of SYMBOL_OPERATORS) if (t.startsWith(sym)) return [op, t.slice(sym.length)];
  return [null, t];
}

/**
 * Other spellings of a unit, as real forms write them, to the one the engine compares. `百分点` (a difference of
 * two rates) is not `%` and stays as written.
 */
const UNIT_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ["百分比", "%"],
  ["百分率", "%"],
  ["个百分点", "百分点"],
  ["㎡", "平方米"],
  ["m²", "平方米"],
  ["m2", "平方米"],
  ["平米", "平方米"],
  ["平方", "平方米"],
  ["m³", "立方米"],
  ["m3", "立方米"],
  ["km", "公里"],
  ["千米", "公里"],
]);

function readUnit(rest: string): string | null | undefined {
  if (rest === "") return null;
  const bracketed = /^\(([^()]+)\)$/.exec(rest);
  const unit = bracketed ? bracketed[1] : rest;
  return BARE_UNIT.test(unit) || UNIT_SPELLINGS.has(unit) ? unit : undefined;
}

/**
 * Parsed strings, memoised: the same few dozen targets and results (`达成指标`, `≥85.00(%)`) fill every form, so a
 * batch parses each once. Bounded, and the results are shared: treat them as read-only.
 */
const memo = new Map<string, ParsedValue>();
const MEMO_LIMIT = 20_000;

/** Parses a target or actual as the cell holds it. Never throws. */
export function parseValue(input: string | number | boolean | null | undefined): ParsedValue {
  if (typeof input !== "string") return parseAny(input);
  let parsed = memo.get(input);
  if (parsed === undefined) {
    parsed = parseAny(input);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(input, parsed);
  }
  return parsed;
}

function parseAny(input: string | number | boolean | null | undefined): ParsedValue {
  if (input === null || input === undefined) return { kind: "empty" };
  if (typeof input === "number") {
    return Math.abs(input) < MAX_FIGURE ? { kind: "quantity", op: null, value: input, unit: null } : { kind: "unparseable", text: String(input) };
  }
  if (typeof input === "boolean") return { kind: "unparseable", text: String(input) };
  const raw = String(input);
  const t = clean(raw);
  if (t === "") return { kind: "empty" };
  const band = bandOf(t);
  if (band) return { kind: "band", band };
  const time = parseTime(t);
  if (time) return time;

  const [prefixOp, afterOp] = readOperator(t);
  const num = NUMBER.exec(afterOp);
  if (num) {
    const value = Number(num[0].replace(/,/g, ""));
    let rest = afterOp.slice(num[0].length);
    let op = prefixOp;
    // `90%以上`, `30天以内`: the operator written as a suffix.
    const suffix = SUFFIX_OPERATORS.find(([word]) => rest.endsWith(word));
    if (suffix && op === null) {
      op = suffix[1];
      rest = rest.slice(0, rest.length - suffix[0].length);
    }
    const unit = readUnit(rest);
    if (unit !== undefined && Math.abs(value) < MAX_FIGURE) return { kind: "quantity", op, value, unit: normaliseUnit(unit) };
    // `6月份完成宣传片制作；9月份完成文本`: prose that starts with a date, not a mistyped number.
    if (prefixOp === null && PROSE_AFTER_DATE.test(rest)) return { kind: "qualitative", text: raw.trim() };
    return { kind: "unparseable", text: raw };
  }
  // Started with an operator or a digit but did not finish as a number: a typo, not a qualitative target.
  if (prefixOp !== null && !CJK.test(afterOp.charAt(0))) return { kind: "unparseable", text: raw };
  if (/^[\d.+-]/.test(t)) return { kind: "unparseable", text: raw };
  if (CJK.test(t)) return { kind: "qualitative", text: raw.trim() };
  return { kind: "unparseable", text: raw };
}

/** One spelling per unit, so that `％`, `百分比` and `%`, `(个)` and `个` compare equal. */
export function normaliseUnit(unit: string | null): string | null {
  if (unit === null) return null;
  const u = unit.trim();
  if (u === "") return null;
  return UNIT_SPELLINGS.get(u) ?? (u === "％" ? "%" : u);
}

/** Money units, in 万元 per unit. */
export const MONEY_UNITS: Readonly<Record<string, number>> = { 元: 0.0001, 万元: 1, 亿元: 10000 };

/** Units that count things: a reverse target (`≤4个`) on them is suspicious. */
export const COUNT_UNITS = new Set([
  "个", "次", "项", "人", "人次", "家", "户", "户次", "场", "期", "件", "台", "套", "篇", "批", "批次", "所", "名", "份", "本",
  "座", "处", "条", "辆", "场次", "个数", "栋", "间", "株", "棵", "头", "只", "册", "块", "张", "幅", "部", "班", "轮", "支",
  "队", "门", "节", "课时", "人日", "家次", "单", "宗",
]);

/** A unit that counts things: `个`, `人次`, `万人次`, or a count per period (`次/年`). */
export function isCountUnit(unit: string | null): boolean {
  if (unit === null) return false;
  if (COUNT_UNITS.has(unit)) return true;
  if (unit.length > 1 && unit[0] === "万" && COUNT_UNITS.has(unit.slice(1))) return true;
  const slash = unit.indexOf("/");
  return slash > 0 && COUNT_UNITS.has(unit.slice(0, slash)) && /^(?:年|半年|季|季度|月|周|天|日)$/.test(unit.slice(slash + 1));
}

/** How a parsed value is written back in the form's own style: `≥90.00(%)`. */
export function formatQuantity(op: Operator | null, value: number, unit: string | null): string {
  return `${op ?? ""}${value.toFixed(2)}${unit ? `(${unit})` : ""}`;
}
