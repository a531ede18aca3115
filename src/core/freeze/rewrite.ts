/**
 * `freeze`: a formula that calls JX functions rewritten as native Excel, so the workbook computes the same figures
 * where the add-in is not installed. Each JX call is replaced by the native expression of ../template/native.ts
 * (the same builders as the templates); a formula with any call that has no native equivalent (QUALSCORE,
 * CHECKTARGET, DEVNOTE, an INDSCORE whose target is not a number, an argument that is not a literal where one is
 * needed) is not rewritten: the caller keeps its current value instead.
 *
 * Names are recognised as the add-in writes them and as files store them: `JX.EXECRATE(`, `JX.执行率(` (zh-CN display
 * name), `_xldudf_JX_EXECRATE(` (Excel's prefix for JavaScript functions), with an external `[1]!` before it.
 */
import type { CellValue } from "../grid";
import { PROFILES } from "../scoring/profiles";
import { parseValue } from "../value/parse";
import * as native from "../template/native";
import { functionId } from "./names";

export type FreezeResult = { kind: "native"; formula: string } | { kind: "value"; reason: string };

export interface FreezeContext {
  /** The current value of a referenced cell (`D14`, `$D$14`, `表1!D14`), or undefined when unknown. */
  valueAt(ref: string): CellValue | undefined;
}

const NAME = /(?:\[\d+\]!)?(?:_xldudf_)?JX[._]([A-Za-z0-9_]+|[\u3400-\u9fff]+)\s*\(/iy;

/** Whether a formula calls a JX function at all (strings and quoted sheet names looked past). */
export function callsJx(formula: string): boolean {
  return findCall(formula, 0) !== null;
}

interface Call {
  start: number;
  /** Just past the closing parenthesis. */
  end: number;
  name: string;
  args: string[];
}

/** The next JX call at or after `from`, outside string literals and quoted names. */
function findCall(f: string, from: number): Call | null {
  for (let i = from; i < f.length; i++) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      i = skipQuoted(f, i);
      continue;
    }
    // A name starts a token: not in the middle of another identifier (`MYJX.A(`).
    if (i > 0 && /[\w.]/.test(f[i - 1])) continue;
    NAME.lastIndex = i;
    const m = NAME.exec(f);
    if (!m) continue;
    const parsed = args(f, i + m[0].length);
    if (!parsed) return null;
    return { start: i, end: parsed.end, name: m[1], args: parsed.args };
  }
  return null;
}

function skipQuoted(f: string, i: number): number {
  const q = f[i];
  for (let j = i + 1; j < f.length; j++) {
    if (f[j] !== q) continue;
    if (f[j + 1] === q) j++;
    else return j;
  }
  return f.length;
}

/** The top-level arguments from just after `(` to the matching `)`. */
function args(f: string, from: number): { args: string[]; end: number } | null {
  const out: string[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < f.length; i++) {
    const ch = f[i];
    if (ch === '"' || ch === "'") i = skipQuoted(f, i);
    else if (ch === "(" || ch === "{") depth++;
    else if ((ch === ")" || ch === "}") && depth > 0) depth--;
    else if (ch === ")") {
      out.push(f.slice(start, i).trim());
      return { args: out.length === 1 && out[0] === "" ? [] : out, end: i + 1 };
    } else if (ch === "," && depth === 0) {
      out.push(f.slice(start, i).trim());
      start = i + 1;
    }
  }
  return null;
}

/** A string literal's text, or null when the argument is not one. */
function literal(arg: string): string | null {
  const m = /^"((?:[^"]|"")*)"$/.exec(arg);
  return m ? m[1].replace(/""/g, '"') : null;
}

const ROUNDING: Record<string, "trunc" | "round"> = { trunc: "trunc", 截位: "trunc", 截断: "trunc", 舍去: "trunc", round: "round", 四舍五入: "round", 舍入: "round" };
const REVERSE: Record<string, "ratio" | "linear"> = { ratio: "ratio", 比例: "ratio", linear: "linear", 线性: "linear" };

function keyword<T>(arg: string | undefined, table: Record<string, T>, fallback: T): T | null {
  if (arg === undefined || arg === "") return fallback;
  const s = literal(arg);
  if (s === null) return null;
  return table[s.trim().toLowerCase()] ?? null;
}

/** The value an argument stands for: a literal, or the current value of a referenced cell. */
function argValue(arg: string, ctx: FreezeContext): CellValue | undefined {
  const s = literal(arg);
  if (s !== null) return s;
  if (/^-?\d+(?:\.\d+)?$/.test(arg)) return Number(arg);
  return ctx.valueAt(arg.replace(/\$/g, ""));
}

/** One call's native expression, or the reason there is none. */
function nativeCall(id: string, a: string[], ctx: FreezeContext): string | { reason: string } {
  const grades = PROFILES.default.grades;
  const arg = (i: number) => (a[i] === undefined || a[i] === "" ? null : a[i]);
  switch (id) {
    case "EXECRATE": {
      const mode = keyword(a[2], ROUNDING, "trunc");
      if (!arg(0) || !arg(1) || mode === null) return { reason: "参数不完整或取法不是文字常量" };
      return native.execRate(a[0], a[1], mode);
    }
    case "FUNDSCORE": {
      const mode = keyword(a[3], ROUNDING, "trunc");
      if (!arg(0) || !arg(1) || mode === null) return { reason: "参数不完整或取法不是文字常量" };
      // JX.FUNDSCORE takes the rate and the score to 2 decimals the same way (its one `rounding` argument).
      return native.fundScore(native.execRate(a[0], a[1], mode), arg(2) ?? "10", mode);
    }
    case "PERFGRADE":
      if (!arg(0)) return { reason: "缺少总分" };
      return native.grade(a[0], grades);
    case "TOTALSCORE":
      if (!arg(0) || !arg(1)) return { reason: "参数不完整" };
      return native.totalScore([a[0], a[1]]);
    case "INDSCORE": {
      const reverse = keyword(a[3], REVERSE, "ratio");
      if (!arg(0) || !arg(1) || !arg(2) || reverse === null) return { reason: "参数不完整或反向算法不是文字常量" };
      const target = argValue(a[0], ctx);
      const parsed = target === undefined || typeof target === "boolean" ? null : parseValue(target);
      if (parsed?.kind !== "quantity") return { reason: "年度指标值不是数值指标" };
      return native.quantityScore(native.targetFromText(a[0]), native.actualParts(a[1]), a[2], reverse);
    }
    default:
      return { reason: "没有等价的 Excel 内置公式" };
  }
}

/** Rewrites every JX call of `formula` (with or without its leading `=`); null when it calls none. */
export function freezeFormula(formula: string, ctx: FreezeContext): FreezeResult | null {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  if (!callsJx(body)) return null;
  const out = rewrite(body, ctx);
  return typeof out === "string" ? { kind: "native", formula: `=${out}` } : { kind: "value", reason: out.reason };
}

function rewrite(f: string, ctx: FreezeContext): string | { reason: string } {
  let out = "";
  let at = 0;
  for (let call = findCall(f, 0); call; call = findCall(f, at)) {
    const id = functionId(call.name);
    if (id === null) return { reason: `未知的函数 JX.${call.name}` };
    // Arguments may call JX themselves (=JX.PERFGRADE(JX.TOTALSCORE(…))): inner calls first.
    const inner: string[] = [];
    for (const a of call.args) {
      const r = callsJx(a) ? rewrite(a, ctx) : a;
      if (typeof r !== "string") return r;
      inner.push(r);
    }
    const n = nativeCall(id, inner, ctx);
    if (typeof n !== "string") return { reason: `JX.${id}：${n.reason}` };
    out += f.slice(at, call.start) + `(${n})`;
    at = call.end;
  }
  return out + f.slice(at);
}
