/** Time targets (时效指标): the actual meets `9月底前`, `年底前`, `及时` … when it is on or before the deadline. */
import { PROFILES } from "../../src/core";
import { acceptsScore, scoreIndicator } from "../../src/core/scoring/indicator";
import { parseValue } from "../../src/core/value/parse";
import { meetsTimeTarget, timeOf } from "../../src/core/value/time";
import { draftIndicatorNote } from "../../src/core/writeplan/notes";
import { findingsOf } from "../rules/ruleTester";
import type { SeedForm } from "../support/seed";

const meets = (target: string, actual: string | number) => meetsTimeTarget(parseValue(target), parseValue(actual));

describe("meetsTimeTarget", () => {
  test.each([
    ["9月前", "7月"],
    ["9月前", "9月"], // a month deadline includes the month
    ["9月前", "2023年7月"],
    ["9月前", "9月30日"],
    ["9月底前", "8月31日"],
    ["11月底前", "11月20日"],
    ["年底前", "12月"],
    ["年底前", "2023-12-31"],
    ["12月31日前", "12月31日"],
    ["12月31日前", "12月"], // the actual names only the month: compared at month precision
    ["2023年12月前", "2023年11月"],
    ["2023年12月前", "2022年12月"],
    ["2023年9月", "2023-09-30"],
    ["2023-09-30", "9月"],
    ["9月中旬前", "9月20日"],
    ["9月前", "按时完成"],
    ["年底前", "及时"],
    ["及时", "及时"],
    ["及时", "按时完成"],
    ["9月前", 45199], // a date cell, 2023-09-30, read as its serial
    ["2023年底前", "2023年"],
  ])("%s is met by %s", (target, actual) => {
    expect(meets(target, actual)).toBe(true);
  });

  test.each([
    ["9月前", "10月"],
    ["9月前", "2023年10月"],
    ["9月底前", "10月1日"],
    ["11月底前", "12月5日"],
    ["12月30日前", "12月31日"],
    ["2023年12月前", "2024年1月"],
    ["2023-09-30", "2023-10-01"],
    ["9月中旬前", "9月21日"],
    ["9月前", "未按时完成"],
    ["及时", "延期完成"],
    ["9月前", 45200], // 2023-10-01
    ["2023年底前", "2024年"],
  ])("%s is missed by %s", (target, actual) => {
    expect(meets(target, actual)).toBe(false);
  });

  test.each([
    ["9月前", "100%"], // not a time
    ["9月前", "已完成"], // text without a time
    ["及时", "7月"], // no deadline to compare with
    ["≥90%", "7月"], // not a time target
    ["9月前", 12], // a number that is no date
  ])("%s against %s cannot be told", (target, actual) => {
    expect(meets(target, actual)).toBeNull();
  });

  test("a bare month is a time only when compared with a time target", () => {
    expect(parseValue("7月").kind).toBe("quantity");
    expect(timeOf(parseValue("7月"))?.at).toEqual({ year: null, month: 7, day: null });
    expect(timeOf(parseValue("13月"))).toBeNull();
    expect(timeOf(parseValue("≥7月"))).toBeNull();
  });
});

describe("scoring a time target", () => {
  const score = (target: string, actual: string | number, w = 10) => scoreIndicator(parseValue(target), parseValue(actual), w, PROFILES.default);

  test.each([
    ["9月前", "7月"],
    ["9月底前", "2023年7月"],
    ["年底前", "11月20日"],
    ["11月底前", "按时完成"],
  ])("%s → %s: met, full score", (target, actual) => {
    expect(score(target, actual)).toMatchObject({ kind: "formula", value: 10, met: true });
  });

  test.each([
    ["及时", "及时"],
    ["及时", "按时完成"],
  ])("%s → %s: the actual restates the target, full score", (target, actual) => {
    expect(score(target, actual)).toEqual({ kind: "same", value: 10, low: 10 });
  });

  test.each([
    ["9月前", "10月", "实际 10月 晚于时限 9月，不得分"],
    ["2023年12月31日前", "2024年1月15日", "实际 2024年1月15日 晚于时限 2023年12月31日，不得分"],
    ["及时", "未按时完成", "未按时完成，不得分"],
  ])("%s → %s: late, 0 (%s)", (target, actual, explain) => {
    const s = score(target, actual);
    expect(s).toEqual({ kind: "formula", value: 0, exact: 0, explain, met: false, equalExceeded: false });
    expect(acceptsScore(s, 0)).toBe(true);
    expect(acceptsScore(s, 5)).toBe(false);
  });

  test("a band actual stays band-scored", () => {
    expect(score("9月底前", "达成指标")).toMatchObject({ kind: "band", band: "achieved", low: 8, high: 10 });
    expect(score("及时", "未达成指标且效果较差")).toMatchObject({ kind: "band", band: "failed", low: 0, high: 6 });
  });

  test.each([
    ["9月前", "100%"],
    ["及时", "7月"],
    ["9月前", "已完成"],
  ])("%s → %s: no formula score", (target, actual) => {
    expect(score(target, actual).kind).toBe("none");
  });
});

describe("a time target on a form (seed form 1, 「特保队员工作完成率」 row 14, weight 10)", () => {
  const row = (target: string, actual: string, score: number, note = "") => ({
    name: `${target} → ${actual}, stated ${score}`,
    seed: (f: SeedForm) => Object.assign(f.indicators[1], { 3: target, 4: actual, 6: score, 7: note }),
  });
  const brief = (rule: string, c: ReturnType<typeof row>) => findingsOf(rule, c).map((f) => `${f.severity} ${f.cell} ${f.message}`);

  test.each([
    row("9月前", "7月", 10),
    row("11月底前", "11月20日", 10),
    row("年底前", "2023年12月", 10),
    row("及时", "按时完成", 10),
    row("9月前", "10月", 0),
  ])("$name: score accepted, no unit-mismatch", (c) => {
    expect(brief("indicator-score-mismatch", c)).toEqual([]);
    expect(brief("unit-mismatch", c)).toEqual([]);
  });

  test("late with full marks stated: an error, the formula says 0", () => {
    expect(brief("indicator-score-mismatch", row("9月前", "10月", 10))).toEqual([
      "error 表1!G14 「特保队员工作完成率」得分应为 0.00（实际 10月 晚于时限 9月，不得分），表内为 10.00，且未填写偏差原因",
    ]);
  });

  test("late with a judged partial score and a note: a warning", () => {
    const found = findingsOf("indicator-score-mismatch", row("9月前", "10月", 6, "因供应商延期交付，10月完成验收"));
    expect(found.map((f) => [f.severity, f.cell, f.expected, f.actual])).toEqual([["warning", "表1!G14", 0, 6]]);
  });
});

test("a drafted note says the actual is later than the deadline", () => {
  const field = (v: string) => ({ text: v, parsed: parseValue(v) });
  const note = draftIndicatorNote({ indicator: { weight: { value: 10 }, score: { value: null }, target: field("9月底前"), actual: field("10月") }, computed: 0 });
  expect(note).toBe("实际完成值 10月，晚于年度指标值 9月底前，扣 10.00 分。原因：____；改进措施：____。");
});
