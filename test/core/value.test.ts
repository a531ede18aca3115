import { parseValue } from "../../src/core/value/parse";

describe("value grammar", () => {
  const quantity = (op: string | null, value: number, unit: string | null) => ({ kind: "quantity", op, value, unit });
  test.each([
    ["≥90.00(%)", quantity("≥", 90, "%")],
    ["≤27.40(万元)", quantity("≤", 27.4, "万元")],
    ["=12.00(次)", quantity("=", 12, "次")],
    ["=17500.00\n(元/人)", quantity("=", 17500, "元/人")],
    ["≥360.00(天)", quantity("≥", 360, "天")],
    ["＞＝90.00（％）", quantity("≥", 90, "%")],
    [">=85%", quantity("≥", 85, "%")],
    ["<= 4 个", quantity("≤", 4, "个")],
    ["＞90％", quantity(">", 90, "%")],
    ["90%", quantity(null, 90, "%")],
    ["12次", quantity(null, 12, "次")],
    ["1,234.50(万元)", quantity(null, 1234.5, "万元")],
    ["≥１２３", quantity("≥", 123, null)],
    ["不低于95%", quantity("≥", 95, "%")],
    ["90%以上", quantity("≥", 90, "%")],
    ["30天以内", quantity("≤", 30, "天")],
    ["0.00(元)", quantity(null, 0, "元")],
    [24.39, quantity(null, 24.39, null)],
    // One spelling per unit.
    ["≥100百分比", quantity("≥", 100, "%")],
    ["≥95(百分比)", quantity("≥", 95, "%")],
    ["95百分率", quantity(null, 95, "%")],
    ["≥100％", quantity("≥", 100, "%")],
    ["≥100（％）", quantity("≥", 100, "%")],
    ["≤3个百分点", quantity("≤", 3, "百分点")],
    ["≤3百分点", quantity("≤", 3, "百分点")],
    ["≥500㎡", quantity("≥", 500, "平方米")],
    ["500(平米)", quantity(null, 500, "平方米")],
    ["≥500m2", quantity("≥", 500, "平方米")],
    ["12km", quantity(null, 12, "公里")],
    // Operators as some templates print them (云南).
    ["﹦100%", quantity("=", 100, "%")],
    ["═100%", quantity("=", 100, "%")],
    ["≧95%", quantity("≥", 95, "%")],
    ["﹥0", quantity(">", 0, null)],
    // Not times: a bare month may be a duration; a year alone; 2023.9 is a number.
    ["7月", quantity(null, 7, "月")],
    ["≥12(月)", quantity("≥", 12, "月")],
    ["12个月", quantity(null, 12, "个月")],
    ["2023年", quantity(null, 2023, "年")],
    ["2023.9", quantity(null, 2023.9, null)],
  ])("%s is a quantity", (input, expected) => {
    expect(parseValue(input)).toEqual(expected);
  });

  test.each([
    ["达成指标", "achieved"],
    ["达成年度指标", "achieved"],
    ["达成预期指标", "achieved"],
    ["部分达成年度指标并具有一定效果", "partial"],
    ["部分达成指标并具有一定效果", "partial"],
    ["未达成指标\n且效果较差", "failed"],
    ["未达成预期指标且效果较差", "failed"],
  ])("%s is the %s band", (input, band) => {
    expect(parseValue(input)).toEqual({ kind: "band", band });
  });

  test.each(["提升", "有保障", "控制在合理范围内", "控制住合理\n范围内", "安全稳定", "≥九成", "及时率高", "已完成",
    // Prose that starts with a date (湖北 黄石 2022), not a mistyped number.
    "6月份完成宣传片制作;9月份完成文本;11月完成专家评审", "2023年购买13台安可电脑,并于12月前完成资金支付。", "12月31日前完成验收工作"])("%s is qualitative", (input) => {
    expect(parseValue(input).kind).toBe("qualitative");
  });

  test.each(["≥90.00(％", "abc", "12..3", "≥", "90%%", "-", "#DIV/0!", true, Number.NaN, "1,23,4"])("%s is unparseable", (input) => {
    expect(parseValue(input as string).kind).toBe("unparseable");
  });

  const at = (year: number | null, month: number | null, day: number | null = null) => ({ kind: "time", at: { year, month, day }, late: false });
  test.each([
    ["9月前", at(null, 9)],
    ["9月底前", at(null, 9)],
    ["11月底前", at(null, 11)],
    ["11月底前完成", at(null, 11)],
    ["于9月底前完成", at(null, 9)],
    ["九月底前", at(null, 9)],
    ["十二月底前", at(null, 12)],
    ["年底前", at(null, 12)],
    ["年底前完成", at(null, 12)],
    ["年内完成", at(null, 12)],
    ["上半年", at(null, 6)],
    ["第三季度末前", at(null, 9)],
    ["2023年底前", at(2023, 12)],
    ["2023年度内", at(2023, 12)],
    ["2023年前", at(2023, null)],
    ["12月31日前", at(null, 12, 31)],
    ["12 月 31 日前", at(null, 12, 31)],
    ["2023年12月前", at(2023, 12)],
    ["截至2023年12月31日", at(2023, 12, 31)],
    ["2023年9月", at(2023, 9)],
    ["2023年7月", at(2023, 7)],
    ["2023-09-30", at(2023, 9, 30)],
    ["2023/9/30", at(2023, 9, 30)],
    ["2023.09.30", at(2023, 9, 30)],
    ["２０２３－０９－３０", at(2023, 9, 30)],
    ["9月30日", at(null, 9, 30)],
    ["11月20日", at(null, 11, 20)],
    ["9月15号", at(null, 9, 15)],
    ["9月上旬", at(null, 9, 10)],
    ["9月中旬前", at(null, 9, 20)],
    ["9月底", at(null, 9)],
    ["7月份", at(null, 7)],
    ["2021年12月完成", at(2021, 12)], // 宁夏 银川 2021
    ["12月底之前完成", at(null, 12)], // 湖北 2020
    ["及时", { kind: "time", at: null, late: false }],
    ["按时完成", { kind: "time", at: null, late: false }],
    ["已按期完成", { kind: "time", at: null, late: false }],
    ["及时发放", { kind: "time", at: null, late: false }],
    ["未按时完成", { kind: "time", at: null, late: true }],
    ["未能及时完成", { kind: "time", at: null, late: true }],
    ["延期完成", { kind: "time", at: null, late: true }],
  ])("%s is a time", (input, expected) => {
    expect(parseValue(input)).toEqual(expected);
  });

  test.each(["13月前", "9月32日", "2023-13-01", "0月前"])("%s is not a valid time", (input) => {
    expect(parseValue(input).kind).not.toBe("time");
  });

  test.each([null, undefined, "", "  \n "])("%p is empty", (input) => {
    expect(parseValue(input as string | null)).toEqual({ kind: "empty" });
  });
});
