/**
 * The user's source document (five published forms, as text extracted from a PDF) against the engine: every figure
 * printed with two decimals — amounts, 分数, 执行率 of each funding row, 得分, targets, actuals, weights, scores, 总分 —
 * is what the engine reads or computes from the forms, figure for figure (as multisets, per form).
 */
import { readFileSync } from "fs";
import path from "path";
import { analyzeGrid, computeRate, rateBy } from "../../src/core";
import { formsGrid } from "../support/formGrid";
import { SEED_FORMS } from "../support/seed";

const source = readFileSync(path.join(__dirname, "../fixtures/seed-source.txt"), "utf8");
const printed = source
  .split("财政项目支出绩效自评表")
  .slice(1)
  .map((part) => (part.match(/\d+\.\d{2}/g) ?? []).map(Number).sort((a, b) => a - b));

const analysis = analyzeGrid(formsGrid(SEED_FORMS)[0].grid);

/** What the engine makes of one form: figures read as inputs, and every figure it computes. */
function engineFigures(n: number): number[] {
  const { scored } = analysis.forms[n];
  const out: number[] = [];
  for (const row of scored.form.funding) {
    for (const f of [row.initial, row.budget, row.executed]) out.push(f.value!);
    if (row.weight.value !== null) out.push(row.weight.value);
    const rate = row.budget.value ? computeRate(row.executed.value!, row.budget.value) : null;
    out.push(rate ? rateBy(rate, scored.profile.rateRounding) : 0);
  }
  out.push(scored.fundingScore!);
  for (const s of scored.indicators) {
    for (const v of [s.indicator.target.parsed, s.indicator.actual.parsed]) if (v.kind === "quantity") out.push(v.value);
    out.push(s.indicator.weight.value!, s.counted!);
  }
  out.push(scored.form.total!.weight!.value!, scored.total!);
  return out.sort((a, b) => a - b);
}

test("the source document holds the five forms", () => {
  expect(printed).toHaveLength(5);
  expect(printed.map((p) => p.length)).toEqual([44, 44, 44, 46, 46]);
});

test.each([0, 1, 2, 3, 4])("form %d: every printed figure is read or computed by the engine", (n) => {
  expect(engineFigures(n)).toEqual(printed[n]);
});

test("the computed figures alone: 执行率, 执行率得分, 总分 and 评分等级 per form", () => {
  const computed = analysis.forms.map((f) => [f.scored.rateValue, f.scored.fundingScore, f.scored.total, f.scored.grade]);
  expect(computed).toEqual(SEED_FORMS.map((f) => [f.funding[0][5], f.funding[0][6], f.total, f.grade]));
  // The grades are printed as words: 优 优 优 良 优.
  expect(source.match(/评分等级 (.)/g)!.map((g) => g.slice(-1))).toEqual(computed.map((c) => c[3]));
});
