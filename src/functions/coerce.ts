/**
 * Argument coercion and error mapping for the JX.* custom functions: the one place where what Excel passes becomes
 * the core's inputs, and where every failure becomes a `CustomFunctions.Error`.
 *
 * What Excel passes (parameters are declared `any`, so Excel converts nothing):
 *   - numbers, strings, booleans; `null` for an omitted optional argument;
 *   - an empty cell as `0` (Excel on Windows and Mac) or `null` (Excel on the web), `""` from some formulas;
 *   - a range as a 2-D array, row by row, for parameters declared as ranges;
 *   - a cell holding a data type (functions.json allows them: allowCustomDataForDataTypeAny) as its JSON object,
 *     `{ type: "FormattedNumber", basicValue: 0.9824, numberFormat: "0.00%" }`, `{ type: "String", basicValue: … }`;
 *     it is taken by its `basicValue`, what the cell holds for a plain formula. An entity's basicValue is #VALUE!;
 *   - error values stop at Excel (it returns the error without calling the function); a cell holding the *text*
 *     `#DIV/0!` (pasted or exported forms) arrives as a string and is treated as that error.
 *
 * The rules (docs/functions.md):
 *   - a number may be a number, a numeric string (`1,234.50`, full-width `５４３．６９`, `98.24%` = 0.9824, `1E3`);
 *     a blank number counts as 0, as in Excel arithmetic and as the desktop passes it anyway;
 *   - a blank required text (a target, an actual, a result) is `#N/A` (“… 为空”);
 *   - an omitted optional argument takes its default; for a choice (`"trunc"`/`"round"`) a blank cell's 0 does too;
 *   - TRUE/FALSE, text where a number is due, a range where one value is due, a badly shaped range: `#VALUE!`;
 *   - a number out of its domain (negative amount, fraction outside its band, total outside 0–100, magnitude of
 *     10^15 or more, NaN): `#NUM!`;
 *   - a zero budget: `#DIV/0!`.
 * Custom messages (zh-CN) go with `#VALUE!` and `#N/A` only: Excel shows none for the other codes.
 *
 * Functions call `run(() => …)`; inside, coercers and `fail` throw a private `Failure` that `run` turns into the
 * error object it returns. Nothing escapes `run`: not a Failure, not a bug's exception, not NaN or Infinity.
 */
import { dec } from "../core/number";
import { toHalfWidth } from "../core/text/normalize";
import { MAX_FIGURE } from "../core/value/parse";

type Code = CustomFunctions.ErrorCode;

// The enum's string values (CustomFunctions.ErrorCode needs CustomFunctionsRuntime 1.3 at run time; these do not).
export const VALUE = "#VALUE!" as Code;
const NA = "#N/A" as Code;
export const NUM = "#NUM!" as Code;
export const DIV0 = "#DIV/0!" as Code;
const NULL_ERROR = "#NULL!" as Code;

/** Codes a custom function may return; `#REF!`, `#NAME?` and the newer errors are input-only. */
const RETURNABLE = new Set<string>([VALUE, NA, NUM, DIV0, NULL_ERROR]);
/** Codes whose custom message Excel shows (in the cell's error menu). */
const WITH_MESSAGE = new Set<string>([VALUE, NA]);
/** Every error literal Excel shows in a cell. */
const ERROR_LITERALS = new Set<string>([
  ...RETURNABLE,
  "#REF!",
  "#NAME?",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

class Failure {
  constructor(
    readonly code: Code,
    readonly message?: string,
  ) {}
}

/** Stops the function with an Excel error (the message is dropped for codes Excel shows no message for). */
export function fail(code: Code, message?: string): never {
  throw new Failure(code, message);
}

function toError(f: Failure): CustomFunctions.Error {
  return WITH_MESSAGE.has(f.code) && f.message ? new CustomFunctions.Error(f.code, f.message) : new CustomFunctions.Error(f.code);
}

/** Runs a function body: its result, or the `CustomFunctions.Error` for whatever went wrong. Never throws. */
export function run<T extends number | string>(body: () => T): T | CustomFunctions.Error {
  try {
    const result = body();
    if (typeof result === "number") {
      if (!Number.isFinite(result)) return toError(new Failure(NUM));
      return (result === 0 ? 0 : result) as T; // no -0 in a cell
    }
    return result;
  } catch (e) {
    try {
      return toError(e instanceof Failure ? e : new Failure(VALUE, `计算出错：${e instanceof Error ? e.message : String(e)}`));
    } catch {
      // Only where CustomFunctions itself is missing (not in Excel): nothing better to return.
      return "#VALUE!" as T;
    }
  }
}

/** A cell value as Excel passes it, after the checks every argument gets. */
type Cell = string | number | boolean | null;

const quote = (s: string) => `“${s.length > 20 ? `${s.slice(0, 20)}…` : s}”`;

/** An error literal (`#DIV/0!`) or error object becomes the same error (or #VALUE! for input-only codes). */
function propagate(code: string, name: string): never {
  if (RETURNABLE.has(code)) fail(code as Code, `${name}为错误值 ${code}`);
  fail(VALUE, `${name}为错误值 ${code}`);
}

function errorCodeOf(x: unknown): string | null {
  if (typeof x === "string") {
    const t = x.trim().toUpperCase();
    return ERROR_LITERALS.has(t) ? t : null;
  }
  if (x !== null && typeof x === "object" && !Array.isArray(x)) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === "string" && ERROR_LITERALS.has(code)) return code;
  }
  return null;
}

/** The kinds of data type whose basicValue is no value (an entity is a card; Excel's own formulas give #VALUE!). */
const ENTITY_TYPES = new Set(["Entity", "LinkedEntity"]);

/** A data-type argument (`{ type, basicValue, … }`), or null when `x` is none. */
function dataType(x: unknown): { type: string; basicValue?: unknown; text?: unknown } | null {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return null;
  const t = (x as { type?: unknown }).type;
  return typeof t === "string" ? (x as { type: string; basicValue?: unknown; text?: unknown }) : null;
}

/** One value where one value is due: not a range, errors propagated, blank as null. */
function cell(x: unknown, name: string): Cell {
  const typed = dataType(x);
  if (typed) {
    if (ENTITY_TYPES.has(typed.type) && (typed.basicValue === undefined || typed.basicValue === "#VALUE!")) {
      const shown = typeof typed.text === "string" && typed.text !== "" ? `“${typed.text}”` : "";
      fail(VALUE, `${name}为实体数据类型${shown}，没有可计算的值`);
    }
    if (dataType(typed.basicValue) || Array.isArray(typed.basicValue)) fail(VALUE, `${name}的类型无法识别`);
    return cell(typed.basicValue, name);
  }
  if (Array.isArray(x)) {
    // A 1×1 range is a single value (Excel passes single cells as scalars, but a caller may wrap one).
    if (x.length === 1 && Array.isArray(x[0]) && x[0].length === 1 && !Array.isArray(x[0][0])) return cell(x[0][0], name);
    fail(VALUE, `${name}应为单个值，不能是区域`);
  }
  const code = errorCodeOf(x);
  if (code !== null) propagate(code, name);
  if (x === null || x === undefined) return null;
  if (typeof x === "string") return x.trim() === "" ? null : x;
  if (typeof x === "number" || typeof x === "boolean") return x;
  fail(VALUE, `${name}的类型无法识别`);
}

const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?%?$/i;

/** `1,234.50`, `５４３．６９`, `98.24%` (= 0.9824), ` 12 `; null when the text is not a number. */
function numberFromText(s: string): number | null {
  const t = toHalfWidth(s).replace(/[\s\u00a0\u200b]+/g, "").replace(/。/g, ".");
  if (!NUMBER_TEXT.test(t) || !/\d/.test(t)) return null;
  const percent = t.endsWith("%");
  const n = Number(t.replace(/,/g, "").replace(/%$/, ""));
  if (!Number.isFinite(n)) return null;
  return percent ? dec(n).div(100).toNumber() : n; // exact: 98.24% is 0.9824, not 0.9823999999999999
}


function numberOf(v: Cell, name: string): number {
  if (v === null) return 0;
  if (typeof v === "boolean") fail(VALUE, `${name}应为数值，不能是逻辑值 ${v ? "TRUE" : "FALSE"}`);
  const n = typeof v === "number" ? v : numberFromText(v);
  if (n === null) fail(VALUE, `${name}应为数值，收到文本${quote(v as string)}`);
  if (!(Math.abs(n) < MAX_FIGURE)) fail(NUM); // also NaN and ±Infinity
  return n;
}

/** A required number; blank counts as 0. */
export function num(x: unknown, name: string): number {
  return numberOf(cell(x, name), name);
}

/** An optional number: `fallback` when omitted or blank (null). */
export function optNum(x: unknown, name: string, fallback: number): number {
  const v = cell(x, name);
  return v === null ? fallback : numberOf(v, name);
}

/** A number that must not be negative (amounts, weights, scores): #NUM! otherwise. */
export function nonNegative(n: number): number {
  if (n < 0) fail(NUM);
  return n;
}

/** A target or an actual: text or a number as the cell holds it; #N/A when blank. */
export function value(x: unknown, name: string): string | number {
  const v = cell(x, name);
  if (v === null) fail(NA, `${name}为空`);
  if (typeof v === "boolean") fail(VALUE, `${name}不能是逻辑值 ${v ? "TRUE" : "FALSE"}`);
  return v;
}

/** Optional text (a label): null when omitted or blank; a number is taken as its text. */
export function optText(x: unknown, name: string): string | null {
  const v = cell(x, name);
  if (v === null || v === 0) return null; // 0: an empty cell on Windows/Mac
  if (typeof v === "boolean") fail(VALUE, `${name}不能是逻辑值 ${v ? "TRUE" : "FALSE"}`);
  return String(v);
}

/**
 * One of a few keywords (case- and width-insensitive), e.g. rounding `"trunc"`/`"截位"` or `"round"`/`"四舍五入"`.
 * Omitted, blank, or the 0 an empty cell gives on Windows/Mac: the default.
 */
export function choice<K extends string>(x: unknown, name: string, options: Record<K, readonly string[]>, fallback: K): K {
  const v = cell(x, name);
  if (v === null || v === 0) return fallback;
  const key = typeof v === "string" ? toHalfWidth(v).trim().toLowerCase() : null;
  for (const k of Object.keys(options) as K[]) {
    if (key !== null && (k === key || options[k].includes(key))) return k;
  }
  const allowed = (Object.keys(options) as K[]).map((k) => `"${k}"（${options[k][0]}）`).join("或");
  fail(VALUE, `${name}应为 ${allowed}，收到${typeof v === "string" ? quote(v) : String(v)}`);
}

/**
 * A range's numbers, row by row: a 2-D array of equal rows (a single value counts as a 1×1 range). Blank cells
 * (null, "", or the 0 Windows/Mac pass) count as 0; text that is not a number is #VALUE! with its position.
 */
export function numbers(x: unknown, name: string): number[] {
  const rows: unknown[][] = Array.isArray(x) ? (x as unknown[][]) : [[x]];
  const width = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (rows.length === 0 || width === 0 || !rows.every((r) => Array.isArray(r) && r.length === width)) {
    fail(VALUE, `${name}应为一个单元格区域（各行等长的二维数组）`);
  }
  const out: number[] = [];
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (Array.isArray(v)) fail(VALUE, `${name}应为一个单元格区域，不能嵌套区域`);
      const where = rows.length === 1 && width === 1 ? name : `${name}第 ${i + 1} 行第 ${j + 1} 列`;
      out.push(numberOf(cell(v, where), where));
    }),
  );
  return out;
}
