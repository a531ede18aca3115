/**
 * JX.* custom functions, called as Excel calls them (numbers, strings, booleans, null, 2-D arrays), against the seed's
 * printed figures, with bad input for each function, and a property over random input: a result is always a finite
 * number, a string, or a CustomFunctions.Error (test/support/setup-globals.ts stands in for Excel's global).
 */
import fc from "../support/fc";
import {
  CHECKTARGET,
  DEVNOTE,
  EXECRATE,
  FUNDSCORE,
  INDSCORE,
  PERFGRADE,
  QUALSCORE,
  TOTALSCORE,
} from "../../src/functions/functions";
import { parseValue } from "../../src/core";
import { SEED_FORMS } from "../support/seed";

const E = CustomFunctions.ErrorCode;

/** Asserts an Excel error with this code; for #VALUE! and #N/A, a Chinese message matching `message` when given. */
function expectError(result: unknown, code: string, message?: RegExp): void {
  expect(result).toBeInstanceOf(CustomFunctions.Error);
  const err = result as CustomFunctions.Error;
  expect(err.code).toBe(code);
  if (code === E.invalidValue || code === E.notAvailable) {
    expect(err.message).toMatch(/[\u4e00-\u9fff]/);
    if (message) expect(err.message).toMatch(message);
  } else {
    // Excel shows no custom message for these codes: none is passed (the stand-in then keeps the code).
    expect([undefined, code]).toContain(err.message);
  }
}

const column = (xs: readonly (number | string | null)[]) => xs.map((x) => [x]);

describe("the seed's figures", () => {
  test("the issue's examples", () => {
    expect(EXECRATE(543.69, 553.4)).toBe(98.24);
    expect(FUNDSCORE(49.85, 58)).toBe(8.59);
    expect(INDSCORE("≤27.40(万元)", 24.39, 20)).toBe(20);
    const q = QUALSCORE("未达成指标且效果较差", 10) as number;
    expect(q).toBeGreaterThanOrEqual(0);
    expect(q).toBeLessThan(6);
    expect(PERFGRADE(80)).toBe("良");
  });

  describe.each(SEED_FORMS.map((f, i) => [i + 1, f] as const))("form %d", (_n, seed) => {
    const [, , budget, executed, weight, rate, score] = seed.funding[0];

    test("执行率 of every funding row with a budget; #DIV/0! where the budget is 0", () => {
      for (const [, , b, e, , r] of seed.funding) {
        if (b === 0) expectError(EXECRATE(e, b), E.divisionByZero);
        else expect(EXECRATE(e, b)).toBe(r);
      }
    });

    test("执行率得分, with the weight given and omitted", () => {
      expect(FUNDSCORE(executed, budget, weight)).toBe(score);
      expect(FUNDSCORE(executed, budget)).toBe(score);
      expect(FUNDSCORE(executed, budget, null, null)).toBe(score);
      expect(rate).toBe(EXECRATE(executed, budget, "trunc"));
    });

    test("every quantitative indicator by INDSCORE, every qualitative result by QUALSCORE", () => {
      const departures: unknown[][] = [];
      for (const [, , name, target, actual, w, stated, note] of seed.indicators) {
        const t = parseValue(target);
        const a = parseValue(actual);
        if (t.kind === "quantity") {
          const computed = INDSCORE(target, actual, w);
          if (computed !== stated) departures.push([name, computed, note !== ""]);
        } else if (a.kind === "band") {
          expect(QUALSCORE(actual, w)).toBe(stated);
          expect(QUALSCORE(actual, w, stated! / w!)).toBe(stated);
        } else {
          throw new Error(`seed indicator ${name} is neither quantitative nor a band`);
        }
      }
      // Seed form 4 「平均成本」: 0 of 17500 scores 0; the form states a judged 5 and explains it in a note.
      expect(departures).toEqual(seed.indicators.some((x) => x[2] === "平均成本") ? [["平均成本", 0, true]] : []);
    });

    test("DEVNOTE drafts a note exactly where the score is below the weight", () => {
      for (const [, , , target, actual, w, stated] of seed.indicators) {
        const note = DEVNOTE(target, actual, w, stated) as string;
        expect(typeof note).toBe("string");
        if (stated! < w!) expect(note).toMatch(new RegExp(`扣 ${(w! - stated!).toFixed(2)} 分。原因：____；改进措施：____。$`));
        else expect(note).toBe("");
      }
    });

    test("CHECKTARGET flags ≥0 and vague cost targets, passes the rest", () => {
      for (const [level1, , , target] of seed.indicators) {
        const verdict = CHECKTARGET(target, level1);
        if (target === "≥0.00(个)") expect(verdict).toBe("≥0.00(个) 恒成立，指标值设置过低");
        else if (level1 === "成本指标" && parseValue(target).kind === "qualitative") expect(verdict).toMatch(/^成本指标的指标值“.+”不可衡量/);
        else expect(verdict).toBe("OK");
        if (verdict !== "OK" && level1 === "成本指标") expect(CHECKTARGET(target)).toBe("OK"); // without the label: not a cost indicator
      }
    });

    test("总分 and 评分等级", () => {
      const scores = seed.indicators.map((i) => i[6]);
      expect(TOTALSCORE(score, column(scores))).toBe(seed.total);
      expect(TOTALSCORE(score, [scores])).toBe(seed.total); // a row range too
      expect(PERFGRADE(seed.total)).toBe(seed.grade);
    });
  });

  test("seed form 4's drafted notes", () => {
    expect(DEVNOTE("=17500.00(元/人)", "0.00(元/人)", 10, 5)).toBe(
      "实际完成值 0.00(元/人)，低于年度指标值 17500.00(元/人)，扣 5.00 分。原因：____；改进措施：____。",
    );
    expect(DEVNOTE("及时", "未达成指标且效果较差", 10, 5)).toBe(
      "实际完成值为“未达成指标且效果较差”（年度指标值：及时），扣 5.00 分。原因：____；改进措施：____。",
    );
  });
});

describe("rounding: trunc (default, as the seed) or round", () => {
  test.each([
    [543.69, 553.4, 98.24, 98.25],
    [49.85, 58, 85.94, 85.95],
    [43.85, 52, 84.32, 84.33],
    [24.39, 27.4, 89.01, 89.01],
    [145.12, 186, 78.02, 78.02],
    [1, 3, 33.33, 33.33],
    [2, 3, 66.66, 66.67],
  ])("EXECRATE(%p, %p) = %p truncated, %p rounded", (e, b, trunc, round) => {
    expect(EXECRATE(e, b)).toBe(trunc);
    expect(EXECRATE(e, b, "trunc")).toBe(trunc);
    expect(EXECRATE(e, b, "round")).toBe(round);
    expect(EXECRATE(e, b, "ROUND")).toBe(round);
    expect(EXECRATE(e, b, "四舍五入")).toBe(round);
    expect(EXECRATE(e, b, "截位")).toBe(trunc);
  });

  test("FUNDSCORE takes the rate and the score the same way", () => {
    expect(FUNDSCORE(49.85, 58, 10, "trunc")).toBe(8.59);
    expect(FUNDSCORE(49.85, 58, 10, "round")).toBe(8.6); // 85.95 → 8.595 → 8.60
    expect(FUNDSCORE(49.85, 58, 20)).toBe(17.18); // Hubei: 执行率 worth 20
  });

  test("a blank cell for the rounding (0 on Windows/Mac, null or \"\" on the web) is the default", () => {
    for (const blank of [0, null, "", undefined]) expect(EXECRATE(543.69, 553.4, blank)).toBe(98.24);
  });

  test("执行率 above 100 is shown as is; its score is capped at the weight", () => {
    expect(EXECRATE(120, 100)).toBe(120);
    expect(FUNDSCORE(120, 100)).toBe(10);
  });
});

describe("argument rules", () => {
  test("numbers from numeric text, full-width digits, thousands separators and percentages", () => {
    expect(EXECRATE("543.69", "553.40")).toBe(98.24);
    expect(EXECRATE("５４３．６９", "５５３．４０")).toBe(98.24);
    expect(EXECRATE(" 1,234.50 ", "2,469")).toBe(50);
    expect(QUALSCORE("部分达成指标并具有一定效果", 10, "75%")).toBe(7.5);
    expect(QUALSCORE("部分达成指标并具有一定效果", 10, "７５％")).toBe(7.5);
    // Exact decimals: 4.5 × 0.85 = 3.825 rounds half-up to 3.83 (in binary it is 3.8249999… and would give 3.82).
    expect(QUALSCORE("达成指标", 4.5, 0.85)).toBe(3.83);
    expect(PERFGRADE("1E2")).toBe("优");
  });

  test("a blank number counts as 0 (as Excel on Windows/Mac passes it)", () => {
    expect(EXECRATE(null, 553.4)).toBe(0);
    expect(EXECRATE("", 553.4)).toBe(0);
    expectError(EXECRATE(543.69, null), E.divisionByZero);
    expect(PERFGRADE(null)).toBe("差");
  });

  test("a single value wrapped as a 1×1 range is that value", () => {
    expect(EXECRATE([[543.69]], [[553.4]])).toBe(98.24);
    expect(TOTALSCORE(9.82, 90 as unknown as unknown[][])).toBe(99.82); // a direct caller may pass one number
  });
});

describe("bad input: an Excel error with the right code, never a throw", () => {
  test("EXECRATE", () => {
    expectError(EXECRATE("abc", 553.4), E.invalidValue, /全年执行数应为数值，收到文本“abc”/);
    expectError(EXECRATE(543.69, "五百"), E.invalidValue, /全年预算数应为数值/);
    expectError(EXECRATE(true, 553.4), E.invalidValue, /逻辑值 TRUE/);
    expectError(EXECRATE(543.69, 0), E.divisionByZero);
    expectError(EXECRATE(-1, 553.4), E.invalidNumber);
    expectError(EXECRATE("#DIV/0!", 553.4), E.divisionByZero);
    expectError(EXECRATE(543.69, "#N/A"), E.notAvailable, /全年预算数为错误值 #N\/A/);
    expectError(EXECRATE(543.69, "#REF!"), E.invalidValue, /#REF!/); // #REF! cannot be returned: #VALUE!
    expectError(EXECRATE(new CustomFunctions.Error(E.invalidNumber), 553.4), E.invalidNumber);
    expectError(EXECRATE([[1], [2]], 553.4), E.invalidValue, /不能是区域/);
    expectError(EXECRATE(543.69, 553.4, "up"), E.invalidValue, /"trunc"（截位）或"round"（四舍五入）/);
    expectError(EXECRATE(543.69, 553.4, 2), E.invalidValue);
    expectError(EXECRATE(543.69, Number.NaN), E.invalidNumber);
    expectError(EXECRATE(1e308, 1e-308), E.invalidNumber); // overflows to Infinity
  });

  test("FUNDSCORE", () => {
    expectError(FUNDSCORE("x", 58), E.invalidValue, /全年执行数/);
    expectError(FUNDSCORE(49.85, 0), E.divisionByZero);
    expectError(FUNDSCORE(49.85, 58, "十分"), E.invalidValue, /分值应为数值/);
    expectError(FUNDSCORE(49.85, 58, -10), E.invalidNumber);
    expectError(FUNDSCORE(49.85, 58, false), E.invalidValue);
    expectError(FUNDSCORE(49.85, 58, [[10, 20]]), E.invalidValue);
    expectError(FUNDSCORE(49.85, 58, 10, "ceil"), E.invalidValue);
  });

  test("INDSCORE", () => {
    expectError(INDSCORE(null, 24.39, 20), E.notAvailable, /年度指标值为空/);
    expectError(INDSCORE("≤27.40(万元)", "", 20), E.notAvailable, /实际完成值为空/);
    expectError(INDSCORE("≥9O%", 90, 10), E.invalidValue, /无法识别年度指标值“≥9O%”/);
    expectError(INDSCORE("≤27.40(万元)", "24.39(元)", 20), E.invalidValue, /计量单位不一致/);
    expectError(INDSCORE("及时", "达成指标", 10), E.invalidValue, /JX\.QUALSCORE/);
    expectError(INDSCORE("≥90.00(%)", "较好", 10), E.invalidValue, /不是数值/);
    expectError(INDSCORE("≥90.00(%)", 85, "abc"), E.invalidValue, /分值/);
    expectError(INDSCORE("≥90.00(%)", true, 10), E.invalidValue, /逻辑值/);
    expectError(INDSCORE("≥90.00(%)", "#NUM!", 10), E.invalidNumber);
    expectError(INDSCORE([["≥90.00(%)", "≥80"]], 85, 10), E.invalidValue, /不能是区域/);
    expectError(INDSCORE("≤27.40(万元)", 30, 20, "log"), E.invalidValue, /反向指标算法/);
  });

  test("INDSCORE formulas", () => {
    expect(INDSCORE("≥90.00(%)", "85.00(%)", 10)).toBe(9.44);
    expect(INDSCORE("≤27.40(万元)", 30, 20)).toBe(18.27); // 20 × 27.40 ÷ 30
    expect(INDSCORE("≤27.40(万元)", 30, 20, "linear")).toBe(18.1); // 20 × (1 − 2.60 ÷ 27.40)
    expect(INDSCORE("=12.00(次)", "12.00(次)", 10)).toBe(10);
    expect(INDSCORE("=12.00(次)", 15, 10)).toBe(10);
    expect(INDSCORE("及时", "及时", 10)).toBe(10);
  });

  test("QUALSCORE", () => {
    expectError(QUALSCORE("未达成指标且效果较差", 10, 0.6), E.invalidNumber); // [0, 60 %)
    expectError(QUALSCORE("部分达成指标并具有一定效果", 10, 0.8), E.invalidNumber); // [60 %, 80 %)
    expectError(QUALSCORE("达成指标", 10, 0.7), E.invalidNumber); // [80 %, 100 %]
    expectError(QUALSCORE("达成指标", 10, 1.01), E.invalidNumber);
    expectError(QUALSCORE("达成指标", 10, 80), E.invalidNumber); // a fraction, not percent points
    expectError(QUALSCORE("未达成指标且效果较差", 10, 0.5999), E.invalidNumber); // 6.00 once rounded: outside
    expectError(QUALSCORE("较好", 10), E.invalidValue, /达成指标/);
    expectError(QUALSCORE(5, 10), E.invalidValue);
    expectError(QUALSCORE(null, 10), E.notAvailable, /实际完成值为空/);
    expectError(QUALSCORE("达成指标", "十"), E.invalidValue, /分值/);
    expectError(QUALSCORE("达成指标", 10, "多数"), E.invalidValue, /得分比例/);
    expectError(QUALSCORE("达成指标", [[10], [10]]), E.invalidValue);
    expect(QUALSCORE("达成指标", 10, 1)).toBe(10);
    expect(QUALSCORE("达成年度指标", 20, 0.8)).toBe(16);
    expect(QUALSCORE("部分达成指标并具有一定效果", 10)).toBe(7);
    expect(QUALSCORE("部分达成预期指标并具有一定效果", 10, 0.6)).toBe(6);
    expect(QUALSCORE("未达成指标且效果较差", 10, 0)).toBe(0);
  });

  test("PERFGRADE", () => {
    expect([PERFGRADE(100), PERFGRADE(90), PERFGRADE(89.99), PERFGRADE(80), PERFGRADE(60), PERFGRADE(59.99), PERFGRADE(0)]).toEqual([
      "优", "优", "良", "良", "中", "差", "差",
    ]);
    expect(PERFGRADE("80")).toBe("良");
    expectError(PERFGRADE("八十"), E.invalidValue, /总分应为数值/);
    expectError(PERFGRADE(100.01), E.invalidNumber);
    expectError(PERFGRADE(-1), E.invalidNumber);
    expectError(PERFGRADE(true), E.invalidValue);
    expectError(PERFGRADE("#N/A"), E.notAvailable);
    expectError(PERFGRADE([[80, 90]]), E.invalidValue, /不能是区域/);
  });

  test("TOTALSCORE", () => {
    expect(TOTALSCORE(9.82, [[20, 10], [10, null], ["", 10]])).toBe(59.82); // blanks count 0
    expect(TOTALSCORE("9.82", column(["20", "10.00"]))).toBe(39.82);
    expect(TOTALSCORE(null, [[1.005], [2.004]])).toBe(3.01);
    expectError(TOTALSCORE(9.82, [[20], ["良"]]), E.invalidValue, /指标得分第 2 行第 1 列应为数值，收到文本“良”/);
    expectError(TOTALSCORE(9.82, [[20], [true]]), E.invalidValue, /逻辑值/);
    expectError(TOTALSCORE(9.82, [[20], ["#DIV/0!"]]), E.divisionByZero);
    expectError(TOTALSCORE(9.82, [[20, 10], [10]]), E.invalidValue, /各行等长/); // ragged
    expectError(TOTALSCORE(9.82, [20, 10] as unknown as unknown[][]), E.invalidValue); // 1-D
    expectError(TOTALSCORE(9.82, []), E.invalidValue);
    expectError(TOTALSCORE(9.82, [[[20]]] as unknown as unknown[][]), E.invalidValue, /嵌套/);
    expectError(TOTALSCORE([[9.82], [1]], [[20]]), E.invalidValue, /执行率得分应为单个值/);
    expectError(TOTALSCORE("x", [[20]]), E.invalidValue, /执行率得分/);
    expectError(TOTALSCORE(9.82, [[-5]]), E.invalidNumber);
  });

  test("CHECKTARGET", () => {
    expect(CHECKTARGET("≥0")).toBe("≥0 恒成立，指标值设置过低");
    expect(CHECKTARGET("≥100%")).toBe("≥100%：百分比不会超过 100%，应写作 =100%");
    expect(CHECKTARGET("≤4(个)")).toMatch(/^≤4\(个\) 对计数指标使用了反向符号/);
    expect(CHECKTARGET("控制在合理范围内", "经济成本指标")).toMatch(/^成本指标的指标值“控制在合理范围内”不可衡量/);
    expect(CHECKTARGET("控制在合理范围内", 0)).toBe("OK"); // an empty label cell on Windows/Mac
    expect(CHECKTARGET("≥9O%")).toMatch(/^无法识别指标值“≥9O%”/);
    expect(CHECKTARGET(90)).toBe("OK");
    expectError(CHECKTARGET(null), E.notAvailable, /年度指标值为空/);
    expectError(CHECKTARGET("  "), E.notAvailable);
    expectError(CHECKTARGET(false), E.invalidValue, /逻辑值/);
    expectError(CHECKTARGET("#VALUE!"), E.invalidValue);
    expectError(CHECKTARGET([["≥0"], ["≥1"]]), E.invalidValue, /不能是区域/);
    expectError(CHECKTARGET("≥0", true), E.invalidValue, /指标名称/);
  });

  test("DEVNOTE", () => {
    expect(DEVNOTE("≥90.00(%)", "85.00(%)", 10, 9.44)).toBe(
      "实际完成值 85.00(%)，低于年度指标值 90.00(%)，扣 0.56 分。原因：____；改进措施：____。",
    );
    expect(DEVNOTE("≤27.40(万元)", 30, 20, 18.27)).toMatch(/^实际完成值 30\.00，高于年度指标值 27\.40\(万元\)，扣 1\.73 分/);
    expect(DEVNOTE("≥90.00(%)", "95.00(%)", 10, 10)).toBe("");
    expect(DEVNOTE("≥90.00(%)", "95.00(%)", 10, 12)).toBe("");
    expectError(DEVNOTE("≥90.00(%)", null, 10, 5), E.notAvailable, /实际完成值为空/);
    expectError(DEVNOTE(null, "85", 10, 5), E.notAvailable, /年度指标值为空/);
    expectError(DEVNOTE("≥90.00(%)", "85", "十", 5), E.invalidValue, /分值/);
    expectError(DEVNOTE("≥90.00(%)", "85", 10, "五"), E.invalidValue, /得分/);
    expectError(DEVNOTE("≥90.00(%)", "85", 10, -1), E.invalidNumber);
    expectError(DEVNOTE("≥90.00(%)", [["85"], ["86"]], 10, 5), E.invalidValue);
    expectError(DEVNOTE("≥90.00(%)", "#N/A", 10, 5), E.notAvailable);
  });
});

describe("data-type arguments (functions.json: allowCustomDataForDataTypeAny)", () => {
  // What Excel passes for a cell holding a data type: the value's JSON, with the plain value in basicValue.
  const double = (n: number) => ({ type: "Double", basicValue: n, basicType: "Double" });
  const formatted = (n: number, numberFormat: string) => ({ type: "FormattedNumber", basicValue: n, numberFormat, basicType: "Double" });
  const text = (s: string) => ({ type: "String", basicValue: s, basicType: "String" });

  test("formatted and plain numbers are scored by their basic value", () => {
    expect(EXECRATE(formatted(543.69, "#,##0.00"), double(553.4))).toBe(98.24);
    expect(FUNDSCORE(formatted(49.85, "0.00"), 58)).toBe(8.59);
    expect(QUALSCORE("部分达成指标并具有一定效果", double(10), formatted(0.75, "0%"))).toBe(7.5);
    expect(PERFGRADE(formatted(80, "0.00"))).toBe("良");
  });

  test("a string data type is read as its text; data types inside a range count too", () => {
    expect(INDSCORE(text("≤27.40(万元)"), text("24.39(万元)"), double(20))).toBe(20);
    expect(TOTALSCORE(double(9.82), [[formatted(20, "0.00")], [10], [double(10)], [10], [10], [10], [10], [10]])).toBe(99.82);
  });

  test("an entity (linked or not) has no basic value: #VALUE! that says so, never 类型无法识别", () => {
    const stock = { type: "LinkedEntity", text: "某某股份", basicValue: "#VALUE!", basicType: "Error", id: { domainId: "x", entityId: "y", serviceId: 268 } };
    expectError(EXECRATE(stock, 100), E.invalidValue, /全年执行数为实体数据类型“某某股份”，没有可计算的值/);
    expectError(PERFGRADE({ type: "Entity", text: "卡片", properties: {} }), E.invalidValue, /实体数据类型/);
  });

  test("an error data type propagates as its error", () => {
    expectError(EXECRATE({ type: "Error", errorType: "Div0", basicValue: "#DIV/0!", basicType: "Error" }, 100), E.divisionByZero);
  });
});

describe("property: any input gives a finite number, a string, or a CustomFunctions.Error; never a throw", () => {
  const scalar = fc.oneof(
    fc.double(), // NaN, ±Infinity, -0 included
    fc.integer({ min: -1000, max: 100000 }),
    fc.constantFrom(0, 1e308, -1e308, 5e-324, 100, 0.5, 1),
    fc.string({ maxLength: 16 }),
    fc.constantFrom(
      "≥90.00(%)", "≤27.40(万元)", "=12(次)", "≥0", "24.39(万元)", "达成指标", "部分达成指标并具有一定效果",
      "未达成指标且效果较差", "及时", "控制在合理范围内", "98.24%", "５４３．６９", "1,234.5", "trunc", "round",
      "linear", "#DIV/0!", "#N/A", "#REF!", "", " ", "-", "1e400", "成本指标",
    ),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  );
  const arg = fc.oneof(
    { weight: 8, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(fc.array(scalar, { maxLength: 3 }), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>({}, [1, 2], [[[1]]], new CustomFunctions.Error(E.notAvailable), { code: "#NUM!" }) },
  );
  const ok = (r: unknown) =>
    (typeof r === "number" && Number.isFinite(r) && !Object.is(r, -0)) || typeof r === "string" || r instanceof CustomFunctions.Error;

  const FUNCTIONS: Array<[string, (...a: unknown[]) => unknown, number]> = [
    ["EXECRATE", EXECRATE as (...a: unknown[]) => unknown, 3],
    ["FUNDSCORE", FUNDSCORE as (...a: unknown[]) => unknown, 4],
    ["INDSCORE", INDSCORE as (...a: unknown[]) => unknown, 4],
    ["QUALSCORE", QUALSCORE as (...a: unknown[]) => unknown, 3],
    ["PERFGRADE", PERFGRADE as (...a: unknown[]) => unknown, 1],
    ["TOTALSCORE", TOTALSCORE as (...a: unknown[]) => unknown, 2],
    ["CHECKTARGET", CHECKTARGET as (...a: unknown[]) => unknown, 2],
    ["DEVNOTE", DEVNOTE as (...a: unknown[]) => unknown, 4],
  ];

  test.each(FUNCTIONS)("%s", (_id, fn, arity) => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: arity, maxLength: arity }), (args) => {
        let result: unknown;
        expect(() => (result = fn(...args))).not.toThrow();
        expect(ok(result)).toBe(true);
        // The catch-all for bugs ("计算出错：…") must never be what answers.
        if (result instanceof CustomFunctions.Error) expect(result.message).not.toMatch(/^计算出错/);
      }),
      { numRuns: Number(process.env.FC_RUNS) || 400 },
    );
  });
});
