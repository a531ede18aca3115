/**
 * Every figure printed in the seed, reproduced from in-memory grids (the .xlsx round trip is in seed-xlsx.test.ts).
 * Expected values come from the seed text via seed-forms.json; none is typed here.
 */
import { analyzeGrid, summarize } from "../../src/core";
import { formGrid, formsGrid } from "../support/formGrid";
import { SEED_FORMS } from "../support/seed";

const stacked = analyzeGrid(formsGrid(SEED_FORMS).at(0)!.grid);

describe("the five seed forms", () => {
  test("all five are found on one sheet, in order", () => {
    expect(stacked.error).toBeNull();
    expect(stacked.forms.map((f) => f.scored.form.project?.text)).toEqual(SEED_FORMS.map((f) => f.project));
  });

  describe.each(SEED_FORMS.map((f, i) => [i + 1, f] as const))("form %d", (n, seed) => {
    const report = stacked.forms[n - 1];
    const s = summarize(report);

    test("header fields", () => {
      expect([s.year, s.project, s.department, s.unit]).toEqual([seed.year, seed.project, seed.department, seed.unit]);
    });

    test("执行率 of every funding row, and 执行率得分", () => {
      const rows = report.scored.form.funding;
      expect(rows.map((r) => r.rate.value)).toEqual(seed.funding.map((r) => r[5]));
      expect(s.computed.rate).toBe(seed.funding[0][5]);
      expect(s.computed.fundingScore).toBe(seed.funding[0][6]);
    });

    test("every indicator score: reproduced, or the departure explained by a finding", () => {
      const departures = report.findings.filter((f) => f.rule === "indicator-score-mismatch");
      s.indicators.forEach((ind, k) => {
        const printed = seed.indicators[k][6];
        expect(ind.statedScore).toBe(printed);
        if (ind.computedScore !== printed) {
          expect(departures.map((d) => d.cell)).toContain(ind.cells.score);
        }
      });
      // The computed scores themselves: the printed ones, but for form 4's 平均成本, which the formula scores 0.
      expect(s.indicators.map((x) => x.computedScore)).toEqual(seed.indicators.map((x, k) => (n === 4 && k === 0 ? 0 : x[6])));
    });

    test("总分 and 评分等级", () => {
      expect(s.computed.total).toBe(seed.total);
      expect(s.computed.grade).toBe(seed.grade);
      expect(s.stated).toEqual({ rate: seed.funding[0][5], fundingScore: seed.funding[0][6], total: seed.total, grade: seed.grade });
    });

    test("no error finding", () => {
      expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    });
  });

  test("form 4's 平均成本 (5 of 10 against a formula 0) is the one departure, a warning because a note explains it", () => {
    const all = stacked.forms.flatMap((f) => f.findings.filter((x) => x.rule === "indicator-score-mismatch"));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ severity: "warning", expected: 0, actual: 5 });
    expect(all[0].message).toContain("平均成本");
  });

  test("40 indicators in all", () => {
    expect(stacked.forms.reduce((n, f) => n + f.scored.indicators.length, 0)).toBe(40);
  });

  test("the same form reads the same at an offset", () => {
    const moved = analyzeGrid(formGrid(SEED_FORMS[2], { top: 7, left: 3, sheet: "Sheet 2" }).grid);
    const s = summarize(moved.forms[0]);
    expect(s.range).toBe("D8:K29");
    expect(s.computed).toEqual({ rate: 89.01, fundingScore: 8.9, total: 98.9, grade: "优" });
    expect(s.indicators[0].cells.score).toBe("Sheet 2!J20");
  });
});
