import { fixed, formatNumber } from "../../src/xlsx";
import { dateText } from "../../src/core/display/displayText";

describe("formatNumber", () => {
  test.each([
    [98.24, "0.00", "98.24"],
    [10, "0.00", "10.00"],
    [0.9824, "0.00%", "98.24%"],
    [0.98245391, "0.00%", "98.25%"],
    [1, "0%", "100%"],
    [1.005, "0.00", "1.01"], // Excel rounds the decimal it shows, not the binary double
    [1234.5, "#,##0.00_ ", "1,234.50 "],
    [-1234.5, "#,##0.00;[Red]-#,##0.00", "-1,234.50"],
    [-3, "0.00;(0.00)", "(3.00)"],
    [-3, "0.00", "-3.00"],
    [17500, '0.00"元"', "17500.00元"],
    [0.1 + 0.2, "General", "0.3"],
    [12, "@", "12"],
    [12, "0.00E+00", "12"], // not understood: General
    [45657, null, "45657"],
  ])("%p under %p → %p", (n, fmt, text) => {
    expect(formatNumber(n, fmt)).toBe(text);
  });

  test("fixed and dateText", () => {
    expect(fixed(-0.001, 2)).toBe("0.00");
    expect(fixed(2.675, 2)).toBe("2.68");
    expect(dateText(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe("2024-01-02 03:04:05");
  });
});
