/**
 * Column meaning from the header row: every synonym of synonyms.ts, header decorations, columns in any order, a
 * column of unknown meaning, two tables side by side, and a property: any permutation of the indicator table's
 * columns reads the same form.
 */
import fc from "../support/fc";
import { analyzeGrid, type CellValue, type Grid, planWrites, summarize } from "../../src/core";
import { headerMeaning } from "../../src/core/form/headers";
import { COLUMN_SYNONYMS } from "../../src/core/synonyms";
import { labelKey } from "../../src/core/text/normalize";
import { sichuanForm as sichuanGrid } from "../support/sichuanForm";

describe("headerMeaning", () => {
  const all = Object.entries(COLUMN_SYNONYMS).flatMap(([id, texts]) => texts.map((t) => [t, id] as const));

  test.each(all)("%s → %s", (text, id) => {
    expect(headerMeaning(labelKey(text))?.id).toBe(id);
    // Wrapped, padded, full-width or with a trailing colon, it means the same.
    expect(headerMeaning(labelKey(` ${text.slice(0, 2)}\n${text.slice(2)}：`))?.id).toBe(id);
  });

  test.each([
    ["执行率(B/A)", { id: "rate", ratio: true, weight: null, amountUnit: null }],
    ["执行率（%）", { id: "rate", ratio: false, weight: null, amountUnit: null }],
    ["得分(20分*执行率)", { id: "score", ratio: false, weight: 20, amountUnit: null }],
    ["预算数(A)", { id: "budgetFull", ratio: false, weight: null, amountUnit: null }],
    ["全年实际值(B)", { id: "actual", ratio: false, weight: null, amountUnit: null }],
    ["项目资金（元）", { id: "funding", ratio: false, weight: null, amountUnit: "元" }],
    ["预算执行情况(万元)(20分)", { id: "funding", ratio: false, weight: 20, amountUnit: "万元" }],
    ["指标值(A)", { id: "target", ratio: false, weight: null, amountUnit: null }],
    ["項目名稱", { id: "project", ratio: false, weight: null, amountUnit: null }],
  ])("%s", (text, meaning) => {
    expect(headerMeaning(labelKey(text))).toEqual(meaning);
  });

  test.each(["年度预算数安排", "指标值设置依据", "上年完成值", "完成率", "佐证资料", "(A)", "得分计算方法", "项目负责人电话"])(
    "%s is not a column the reader knows",
    (text) => {
      const m = headerMeaning(labelKey(text));
      expect(m === null || !(m.id in COLUMN_SYNONYMS)).toBe(true);
    },
  );
});

/** A Sichuan-style form whose indicator table has the given column order (names from `HEADERS`). */
const HEADERS: Record<string, string> = {
  level1: "一级指标",
  level2: "二级指标",
  level3: "三级指标",
  nature: "指标性质",
  target: "指标值",
  unit: "度量单位",
  actual: "完成值",
  weight: "权重",
  score: "得分",
  note: "未完成原因分析",
};
const ROWS: Record<string, CellValue>[] = [
  { level1: "产出指标", level2: "数量指标", level3: "培训人次", nature: "≥", target: 200, unit: "人次", actual: 180, weight: 30, score: 27, note: "天气原因" },
  { level1: "产出指标", level2: "质量指标", level3: "合格率", nature: "=", target: 100, unit: "%", actual: 100, weight: 30, score: 30, note: null },
  { level1: "效益指标", level2: "社会效益指标", level3: "群众知晓率", nature: "≥", target: 90, unit: "%", actual: 95, weight: 20, score: 20, note: null },
  { level1: "满意度指标", level2: "服务对象满意度指标", level3: "满意度", nature: "≥", target: 90, unit: "%", actual: 92, weight: 10, score: 10, note: null },
];

function sichuanForm(order: readonly string[], extra: { unknownAt?: number } = {}): Grid {
  const cols = [...order];
  if (extra.unknownAt !== undefined) cols.splice(extra.unknownAt, 0, "unknown");
  return sichuanGrid(
    cols.map((c) => (c === "unknown" ? "指标值设置依据" : HEADERS[c])),
    ROWS.map((r) => cols.map((c) => (c === "unknown" ? "依据文件" : r[c]))),
  );
}

const ORDER = ["level1", "level2", "level3", "nature", "target", "unit", "actual", "weight", "score", "note"];

function indicatorsOf(grid: Grid) {
  const a = analyzeGrid(grid, { profile: "sichuan" });
  expect(a.forms).toHaveLength(1);
  const s = summarize(a.forms[0]);
  return { stated: s.stated, computed: s.computed, indicators: s.indicators.map(({ cells: _cells, ...i }) => i) };
}

describe("a table read by its headers", () => {
  const reference = indicatorsOf(sichuanForm(ORDER));

  test("指标性质 + 指标值 + 度量单位 make one target; 完成值 takes the unit; 权重 is the weight", () => {
    expect(reference.indicators.map((i) => [i.target, i.actual, i.weight, i.statedScore, i.computedScore])).toEqual([
      ["≥200人次", "180人次", 30, 27, 27],
      ["=100%", "100%", 30, 30, 30],
      ["≥90%", "95%", 20, 20, 20],
      ["≥90%", "92%", 10, 10, 10],
    ]);
    expect(reference.stated).toEqual({ rate: 99, fundingScore: 9.9, total: null, grade: null });
    expect(reference.computed.total).toBe(96.9);
  });

  test("a column of unknown meaning (指标值设置依据) is ignored, wherever it stands", () => {
    for (const at of [0, 3, 5, 10]) expect(indicatorsOf(sichuanForm(ORDER, { unknownAt: at }))).toEqual(reference);
  });

  test("reversed column order reads the same form", () => {
    expect(indicatorsOf(sichuanForm([...ORDER].reverse()))).toEqual(reference);
  });

  test("two tables side by side: the second one's columns are not read into the first", () => {
    const grid = sichuanForm(ORDER);
    // A second table with the same headers to the right (a copy left beside the form).
    grid.values = grid.values.map((r, i) => (i >= 6 ? [...r, null, ...r.slice(0, ORDER.length).map((v) => (typeof v === "number" ? v * 2 : v))] : r));
    expect(indicatorsOf(grid)).toEqual(reference);
  });

  test("property: any permutation of the indicator table's columns reads the same form", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(ORDER, { minLength: ORDER.length, maxLength: ORDER.length }), (order) => {
        expect(indicatorsOf(sichuanForm(order))).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the funding table's own 原因 cell (Sichuan)", () => {
  /** The Sichuan form with 执行率 80 % (a note is due under the sichuan profile) and a 原因 cell merged over the funding rows. */
  function withReason(reason: string | null): Grid {
    const grid = sichuanForm(ORDER);
    grid.values[3] = [...grid.values[3].slice(0, 8), "原因"];
    grid.values[4] = [null, "总额", 50, 50, 40, "80.00%", 10, 8, reason];
    grid.values = grid.values.map((r) => [...r, ...Array(Math.max(0, 10 - r.length)).fill(null)]);
    grid.merges = [{ top: 4, left: 8, bottom: 4, right: 9 }];
    // No indicator note either: the 原因 cell is the form's only explanation.
    for (let r = 7; r < 7 + ROWS.length; r++) grid.values[r][ORDER.indexOf("note")] = null;
    return grid;
  }
  const noteFindings = (grid: Grid) =>
    analyzeGrid(grid, { profile: "sichuan" }).forms[0].findings.filter((f) => f.rule === "missing-deviation-note" && f.message.includes("执行率"));

  test("a reason typed there explains the low 执行率", () => {
    expect(noteFindings(withReason("项目年底才验收，尾款 10 万元次年支付；已督促提前验收。"))).toEqual([]);
  });

  test("the template's printed instruction left there is not a reason", () => {
    const instruction = "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内)";
    expect(noteFindings(withReason(instruction)).map((f) => [f.severity, f.cell])).toEqual([["error", "表1!F5"]]);
  });

  test("the drafted rate note is written into the empty 原因 cell", () => {
    const [report] = analyzeGrid(withReason(null), { profile: "sichuan" }).forms;
    const notes = planWrites(report.scored).filter((w) => w.kind === "note" && String(w.value).startsWith("预算执行率"));
    expect(notes.map((w) => [w.cell, String(w.value).slice(0, 12)])).toEqual([["表1!I5", "预算执行率 80.00%"]]);
  });
});

describe("a rate is read by its header and checked against the amounts, never by magnitude alone", () => {
  /** A Hubei-style form: 预算数(A) / 执行数(B) / 执行率(B/A) / 得分(20分*执行率), 200 budgeted, 195.50 spent. */
  function hubei(rate: CellValue, header = "执行率(B/A)", executed = 195.5): Grid {
    const values: CellValue[][] = [
      ["2020年度长江禁捕项目自评表", null, null, null, null],
      ["项目名称", "长江禁捕", null, null, null],
      ["预算执行情况(万元)(20分)", "预算数(A)", "执行数(B)", header, "得分(20分*执行率)"],
      ["年度财政资金总额", 200, executed, rate, 19.55],
      ["年度绩效目标(80分)", "一级指标", "二级指标", "三级指标", "得分"],
      [null, "产出指标(80分)", "数量指标", "禁捕水域巡查", 80],
      ["总分", 99.55, null, null, null],
    ];
    return { sheet: "表1", top: 0, left: 0, values, merges: [{ top: 6, left: 1, bottom: 6, right: 4 }] };
  }
  const stated = (grid: Grid) => summarize(analyzeGrid(grid, { profile: "hubei" }).forms[0]).stated.rate;
  const rateFindings = (grid: Grid) => analyzeGrid(grid, { profile: "hubei" }).forms[0].findings.filter((f) => f.rule === "exec-rate-mismatch");

  test.each([
    ["the ratio 0.9775 under (B/A)", 0.9775, "执行率(B/A)", 97.75],
    ["the ratio 1 under (B/A) when all was spent", 1, "执行率(B/A)", 100],
    ["97.75 typed in percent points under (B/A): the amounts say so", 97.75, "执行率(B/A)", 97.75],
    ["the text 97.75% under (B/A)", "97.75%", "执行率(B/A)", 97.75],
    ["0.9775 under a plain 执行率 header: the amounts say it is a fraction", 0.9775, "执行率", 97.75],
    ["97.75 under a plain 执行率 header", 97.75, "执行率", 97.75],
  ] as const)("%s → %s", (_name, rate, header, points) => {
    const grid = hubei(rate, header, rate === 1 ? 200 : 195.5);
    expect(stated(grid)).toBe(points);
    expect(rateFindings(grid)).toEqual([]);
  });

  test("a wrong text rate under (B/A) stays in percent points and is flagged (86.19% for 97.75 %)", () => {
    const found = rateFindings(hubei("86.19%"));
    expect(stated(hubei("86.19%"))).toBe(86.19);
    expect(found.map((f) => [f.severity, f.cell, f.expected])).toEqual([["error", "表1!D4", 97.75]]);
  });

  test("a small wrong number under a plain header is not taken for a fraction (0.5 is 0.50 %)", () => {
    expect(stated(hubei(0.5, "执行率"))).toBe(0.5);
    expect(rateFindings(hubei(0.5, "执行率")).map((f) => f.cell)).toEqual(["表1!D4"]);
  });

  test("the weight stated in the header (得分(20分*执行率)) scores the rate", () => {
    const [report] = analyzeGrid(hubei(0.9775), { profile: "default" }).forms;
    expect([report.scored.fundingWeight, report.scored.fundingScore]).toEqual([20, 19.55]);
  });
});
