/**
 * Time values of the value grammar (时效指标): deadlines, dates and "on time" words, and whether an actual meets a
 * time target. Called by parse.ts on text that is already cleaned (half-width, no whitespace, ASCII brackets).
 *
 *   time      := [prefix] point [done] [deadline] [done]  |  timely  |  late
 *   prefix    := 在 | 于 | 截至 | 截止 | 截止到 | 截止至 | 不晚于 | 不迟于
 *   point     := yyyy-m[-d] | yyyy/m[/d] | yyyy.m.d
 *              | [yyyy年[度]] ( m月[份][d日|d号][上旬|中旬|下旬|初|中|底|末]
 *                             | 年底 | 年末 | 年终 | 年内 | 年度内 | 上半年 | 下半年 | 年中 | [第]一…四季度[末|底] )
 *   deadline  := 前 | 以前 | 之前 | 为止 | 止
 *   done      := 完成 | 完工 | 办结 | 到位 | 完毕
 *   timely    := [已|均] 及时 | 按时 | 按期 | 如期 | 准时 | 按计划 | 按节点  [完成 | 办结 | 到位 | 发放 | 支付 | 拨付 …]
 *   late      := 未[能] 及时 | 按时 | 按期 | 如期 [完成 …]  |  延期 | 逾期 | 滞后 | 延迟 | 推迟 [完成 …]
 *
 * A bare month (`7月`) is not a time on its own: `≥12(月)` and `12月` may be durations, so `7月` stays the quantity
 * 7 (月); `timeOf` reads it as a month only when it is compared with a time target. A month and a day (`9月30日`),
 * a year and a month (`2023年7月`), a deadline word (`9月前`) or a part of the month (`9月底`) make it a time.
 */
import type { ParsedValue, TimePoint } from "./types";

/** Cheap gate: every time spelling holds one of these characters, or is a dotted date (`2023.09.30`). */
const TIME_HINT = /[年月日号时期季旬后迟/-]/;
const DOTTED_DATE = /^\d{4}\.\d{1,2}\.\d{1,2}$/;

const PREFIX = /^(?:在|于|截至|截止到|截止至|截止|不晚于|不迟于)/;
const DONE = /(?:完成|完工|办结|到位|完毕)$/;
const DEADLINE = /(?:以前|之前|为止|前|止)$/;

const ISO = /^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?$/;
const YEAR = /^(\d{4})年度?/;
const MONTH = /^(\d{1,2}|十[一二]?|[一二三四五六七八九])月份?(?:(\d{1,2})[日号])?(上旬|中旬|下旬|初|中|底|末)?$/;
const QUARTER = /^第?([一二三四1-4])季度(?:末|底)?$/;

const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Year parts, after an optional `2023年`: the month the period ends in. `底` is `2023年底`. */
const YEAR_PARTS: ReadonlyMap<string, number> = new Map([
  ...["年底", "年末", "年终", "年内", "年度内", "年度末", "底", "末", "终", "内", "度内", "度末", "下半年"].map((w) => [w, 12] as const),
  ["上半年", 6],
  ["年中", 6],
]);

/** Parts of a month written after it, as the last day they allow (null: the whole month). */
const MONTH_PARTS: Readonly<Record<string, number | null>> = { 上旬: 10, 初: 10, 中旬: 20, 中: 20, 下旬: null, 底: null, 末: null };

const TIMELY = /^(?:已|均|能)?(?:及时|按时|按期|如期|准时|按计划|按节点)(?:完成|办结|到位|发放|支付|拨付|兑付|上报|提交|开展|实施|完工)?$/;
const LATE = /^(?:(?:未能?|没有)(?:及时|按时|按期|如期|准时)|延期|逾期|滞后|延迟|推迟)(?:完成|办结|到位|发放|支付|拨付|兑付|上报|提交|开展|实施|完工)?$/;

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_DIGITS[s];
  return 10 + (CN_DIGITS[s[1]] ?? 0); // 十一, 十二
}

function point(year: number | null, month: number | null, day: number | null): TimePoint | null {
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return { year, month, day };
}

/** A time value, or null when the cleaned text is not one (it is then read as a quantity or as text). */
export function parseTime(t: string): ParsedValue | null {
  if (!TIME_HINT.test(t) && !(t.charCodeAt(4) === 46 && DOTTED_DATE.test(t))) return null;
  if (TIMELY.test(t)) return { kind: "time", at: null, late: false };
  if (LATE.test(t)) return { kind: "time", at: null, late: true };

  let s = t.replace(PREFIX, "");
  const prefixed = s.length !== t.length;
  s = s.replace(DONE, "");
  const before = s.length;
  s = s.replace(DEADLINE, "");
  const deadline = prefixed || s.length !== before;
  s = s.replace(DONE, ""); // `9月底前完成` and `9月底完成前` both come here
  if (s === "") return null;

  const iso = ISO.exec(s);
  if (iso) {
    if (iso[2] === "." && iso[4] === undefined) return null; // `2023.9` is a number
    const at = point(Number(iso[1]), Number(iso[3]), iso[4] === undefined ? null : Number(iso[4]));
    return at && { kind: "time", at, late: false };
  }

  let year: number | null = null;
  const y = YEAR.exec(s);
  if (y) {
    year = Number(y[1]);
    s = s.slice(y[0].length);
    // `2023年前`, `2023年度内`: the year alone is a time only with a deadline word or a year part.
    if (s === "") return deadline ? { kind: "time", at: { year, month: null, day: null }, late: false } : null;
  }
  const yearPart = YEAR_PARTS.get(s);
  if (yearPart !== undefined && (year !== null || s.startsWith("年") || s.endsWith("半年"))) {
    return { kind: "time", at: { year, month: yearPart, day: null }, late: false };
  }
  const q = QUARTER.exec(s);
  if (q) return { kind: "time", at: { year, month: cnNumber(q[1]) * 3, day: null }, late: false };

  const m = MONTH.exec(s);
  if (!m) return null;
  const day = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? MONTH_PARTS[m[3]] : null;
  // A bare `7月` may be a duration (see above); anything more makes it a date.
  const dated = year !== null || m[2] !== undefined || m[3] !== undefined || deadline || s.includes("月份") || !/^\d/.test(s);
  if (!dated) return null;
  const at = point(year, cnNumber(m[1]), day);
  return at && { kind: "time", at, late: false };
}

/** Excel date serials of 2000-01-01 and 2099-12-31: a date cell is read as its serial number. */
const SERIAL_2000 = 36526;
const SERIAL_2099 = 73050;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * The time an actual states, for comparison with a time target: a time value, a bare month written as a quantity
 * (`7月`, `7(月)`), a bare year (`2023年`), or a date cell (its serial number, 2000–2099, no unit). Null when it
 * states none.
 */
export function timeOf(v: ParsedValue): Extract<ParsedValue, { kind: "time" }> | null {
  if (v.kind === "time") return v;
  if (v.kind !== "quantity" || v.op !== null || !Number.isInteger(v.value)) return null;
  if ((v.unit === "月" || v.unit === "月份") && v.value >= 1 && v.value <= 12) {
    return { kind: "time", at: { year: null, month: v.value, day: null }, late: false };
  }
  if (v.unit === "年" && v.value >= 2000 && v.value <= 2099) return { kind: "time", at: { year: v.value, month: null, day: null }, late: false };
  if (v.unit === null && v.value >= SERIAL_2000 && v.value <= SERIAL_2099) {
    const d = new Date(EXCEL_EPOCH + v.value * 86_400_000);
    return { kind: "time", at: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, late: false };
  }
  return null;
}

/**
 * Whether `actual` is on or before `target`, compared at the coarsest precision both state: `9月前` is met by
 * `9月` and by `9月30日`; years are compared only when both carry one.
 */
export function onOrBefore(actual: TimePoint, target: TimePoint): boolean {
  if (actual.year !== null && target.year !== null && actual.year !== target.year) return actual.year < target.year;
  if (actual.month === null || target.month === null) return true;
  if (actual.month !== target.month) return actual.month < target.month;
  if (actual.day === null || target.day === null) return true;
  return actual.day <= target.day;
}

/**
 * Whether an actual meets a time target: true (on time), false (late), or null when it cannot be told (the actual
 * states no time, or the target is `及时` and the actual a date: no deadline to compare it with).
 */
export function meetsTimeTarget(target: ParsedValue, actual: ParsedValue): boolean | null {
  if (target.kind !== "time" || target.late) return null;
  const a = timeOf(actual);
  if (a === null) return null;
  if (a.late) return false;
  if (a.at === null) return true; // 及时, 按时完成
  if (target.at === null) return null;
  return onOrBefore(a.at, target.at);
}

/** `2023年9月30日`, `9月`, `年底` style display of a time point (for messages). */
export function formatTime(at: TimePoint | null): string {
  if (at === null) return "按时";
  if (at.month === null) return `${at.year ?? ""}年`;
  return `${at.year !== null ? `${at.year}年` : ""}${at.month}月${at.day !== null ? `${at.day}日` : ""}`;
}
