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

  test.each(["及时", "提升", "有保障", "控制在合理范围内", "控制住合理\n范围内", "安全稳定", "≥九成"])("%s is qualitative", (input) => {
    expect(parseValue(input).kind).toBe("qualitative");
  });

  test.each(["≥90.00(％", "abc", "12..3", "≥", "90%%", "-", "#DIV/0!", true, Number.NaN, "1,23,4"])("%s is unparseable", (input) => {
    expect(parseValue(input as string).kind).toBe("unparseable");
  });

  test.each([null, undefined, "", "  \n "])("%p is empty", (input) => {
    expect(parseValue(input as string | null)).toEqual({ kind: "empty" });
  });
});
