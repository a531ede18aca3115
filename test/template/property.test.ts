/**
 * Property (issue 11): random amounts, targets, actuals and weights in every template; LibreOffice's recalculated
 * figures equal the engine's under the template's profile. Few runs (a LibreOffice conversion takes ~1.5 s), many
 * forms per run: each run is one workbook of FORMS sheets.
 */
import fc from "../support/fc";
import { analyzeGrid } from "../../src/core";
import { buildTemplate, TEMPLATE_IDS, TEMPLATES, type IndicatorInput, type TemplateOptions } from "../../src/core/template";
import { recalculated, tmp, withLibreOffice } from "./support";

const FORMS = 8;
const cents = (lo: number, hi: number) => fc.integer({ min: lo * 100, max: hi * 100 }).map((c) => c / 100);
const fixed = (x: number) => x.toFixed(2);
const BANDS = ["达成指标", "部分达成指标并具有一定效果", "未达成指标且效果较差"];

const indicator: fc.Arbitrary<IndicatorInput> = fc.oneof(
  fc.record({ a: cents(1, 100), b: cents(0, 120), w: cents(1, 20) }).map(({ a, b, w }) => ({ level1: "产出指标", level2: "质量指标", name: "合格率", target: `≥${fixed(a)}(%)`, actual: `${fixed(b)}(%)`, weight: w })),
  fc.record({ a: cents(1, 500), b: cents(0, 800), w: cents(1, 20) }).map(({ a, b, w }) => ({ level1: "成本指标", level2: "经济成本指标", name: "成本", target: `≤${fixed(a)}(万元)`, actual: `${fixed(b)}(万元)`, weight: w })),
  fc.record({ a: fc.integer({ min: 0, max: 50 }), b: fc.integer({ min: 0, max: 60 }), w: cents(1, 20) }).map(({ a, b, w }) => ({ level1: "产出指标", level2: "数量指标", name: "次数", target: `=${a}.00(次)`, actual: `${b}.00(次)`, weight: w })),
  fc.record({ band: fc.constantFrom(...BANDS), w: cents(1, 20) }).map(({ band, w }) => ({ level1: "效益指标", level2: "社会效益指标", name: "效果", target: "提升", actual: band, weight: w })),
);

const form: fc.Arbitrary<Omit<TemplateOptions, "sheetName">> = fc
  .record({ budget: cents(0.01, 1_000_000), share: fc.integer({ min: 0, max: 1200 }), indicators: fc.array(indicator, { minLength: 1, maxLength: 8 }) })
  .map(({ budget, share, indicators }) => {
    const executed = Math.round(budget * share) / 1000;
    return {
      project: "随机项目",
      department: "某部门",
      unit: "某单位",
      funding: [{ initial: budget, budget, executed: Math.round(executed * 100) / 100 }, { initial: budget, budget, executed: Math.round(executed * 100) / 100 }],
      indicators,
    };
  });

withLibreOffice("property: LibreOffice's values are the engine's", () => {
  test.each(TEMPLATE_IDS)("%s", async (id) => {
    const dir = await tmp("selfeval-prop-");
    let forms = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(form, { minLength: FORMS, maxLength: FORMS }), async (inputs) => {
        const sheets = inputs.map((o, i) => buildTemplate(id, { ...o, sheetName: `表${i + 1}` }));
        const grids = await recalculated(dir, `${id}-${forms}`, sheets);
        grids.forEach((grid, i) => {
          const { scored } = analyzeGrid(grid, { profile: TEMPLATES[id].profile.id }).forms[0];
          const where = `${id} 表${i + 1}: ${JSON.stringify(inputs[i])}`;
          expect([where, scored.totalRow!.rate.value]).toEqual([where, scored.rateValue]);
          expect([where, scored.totalRow!.score.value]).toEqual([where, scored.fundingScore]);
          expect([where, scored.indicators.map((s) => s.indicator.score.value)]).toEqual([where, scored.indicators.map((s) => s.computed)]);
          expect([where, scored.form.total!.score.value, scored.form.grade!.text]).toEqual([where, scored.total, scored.grade]);
          forms++;
        });
      }),
      { numRuns: 2 },
    );
    expect(forms).toBe(2 * FORMS);
  }, 120_000);
});
