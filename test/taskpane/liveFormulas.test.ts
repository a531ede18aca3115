/**
 * 公式化's formulas compute the engine's figures: the five seed forms with every offered cell turned into its live
 * formula, recalculated by LibreOffice (which knows nothing of the engine), show what the engine computes for each
 * cell (src/core/writeplan's computedCells). Skipped without LibreOffice outside CI, as test/template is.
 */
import { analyzeGrid, type Grid, gradeFor, PROFILES, type ProfileId } from "../../src/core";
import { type CellValue, GridReader, isBlank, qualified } from "../../src/core/grid";
import { liveFormulas } from "../../src/core/template/live";
import { buildTemplate, type TemplateCell, type TemplateSheet } from "../../src/core/template";
import { computedCells } from "../../src/core/writeplan/computed";
import { planLive } from "../../src/taskpane/livePlan";
import { viewSheet } from "../../src/taskpane/model";
import { formsGrid } from "../support/formGrid";
import { type SeedForm, seedForm } from "../support/seed";
import { at, recalculated, seedInputs, tmp, withLibreOffice } from "../template/support";
import { SICHUAN_HEADER, sichuanForm } from "../support/sichuanForm";

/** The grid as a template sheet (its values and formats), with `formulas` in place of the typed figures. */
function asSheet(grid: Grid, formulas: Map<string, string>): TemplateSheet {
  const cells: TemplateCell[] = [];
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const key = `${grid.top + r},${grid.left + c}`;
      const formula = formulas.get(key);
      if (value === null && !formula) return;
      const format = grid.formats?.[r]?.[c] ?? undefined;
      cells.push({
        row: grid.top + r,
        col: grid.left + c,
        value: formula ? null : (value as string | number),
        formula,
        format,
        style: { locked: true },
      });
    }),
  );
  return {
    name: grid.sheet,
    cells,
    merges: grid.merges,
    validations: [],
    widths: [],
    heights: new Map(),
    print: { paper: "A4", landscape: false, fitToWidth: 1 },
    inputs: null as never,
  };
}

interface Offered {
  cell: string;
  ref: { row: number; col: number };
  formula: string;
}

/** What the pane offers, with the sheet given to liveFormulas (so a 指标性质 column is found). */
function offeredWithCells(grid: Grid, profile: ProfileId): Offered[] {
  const reader = new GridReader(grid);
  return analyzeGrid(grid, { profile }).forms.flatMap((f) =>
    liveFormulas(f.scored, reader)
      .filter((l) => reader.formula(l.ref.row, l.ref.col) === null && !isBlank(reader.value(l.ref.row, l.ref.col)))
      .map((l) => ({ cell: qualified(l.ref), ref: l.ref, formula: l.formula })),
  );
}

/** What planLive offers (it gives liveFormulas the sheet, as the pane does). */
function offeredByPane(grid: Grid, profile: ProfileId): Offered[] {
  return planLive([viewSheet(grid, profile)]).map((p) => ({
    cell: p.cell,
    ref: p.rewrite.ref,
    formula: ("formula" in p.rewrite.after ? p.rewrite.after.formula : "").slice(1),
  }));
}

/** Recalculates the grid with the offered formulas in LibreOffice; the cells whose figure is not the engine's. */
async function mismatchesOf(grid: Grid, profile: ProfileId, offered: readonly Offered[]) {
  const key = (r: { row: number; col: number }) => `${r.row},${r.col}`;
  const [out] = await recalculated(await tmp("selfeval-live-"), "live", [asSheet(grid, new Map(offered.map((o) => [key(o.ref), o.formula])))]);
  const expected = new Map<string, unknown>();
  for (const f of analyzeGrid(grid, { profile }).forms) {
    const cells = computedCells(f.scored, new Set(offered.map((o) => o.cell)));
    for (const c of cells) expected.set(key(c.ref), c.value);
  }
  return offered
    .map((o) => ({
      cell: o.cell,
      want: expected.get(key(o.ref)),
      got: at(out, o.ref),
      formula: o.formula,
    }))
    .filter(({ want, got }) => (typeof want === "number" && typeof got === "number" ? Math.abs(want - got) > 1e-9 : want !== got));
}

/** A Sichuan export: 指标性质 | 指标值 | 度量单位 | 完成值 (src/core/form/indicators.ts joins them into one target). */
const sichuanGrid = (rows: readonly CellValue[][]): Grid => sichuanForm(SICHUAN_HEADER, rows);

const SICHUAN_ROWS: CellValue[][] = [
  ["产出指标", "数量指标", "培训人次", "≥", 200, "人次", 180, 10, 9, null],
  ["产出指标", "数量指标", "覆盖人数", "正向", 50, "人", 60, 10, 10, null],
  ["产出指标", "成本指标", "人均成本", "≤", 10, "万元", 12, 10, 8.33, null],
  ["产出指标", "成本指标", "会务费", "反向", 8, "万元", 7.5, 10, 10, null],
  ["产出指标", "成本指标", "差旅费", "反向指标", 4, "万元", 5, 5, 4, null],
  ["产出指标", "质量指标", "合格率", "=", 100, "%", 100, 10, 10, null],
  ["产出指标", "质量指标", "验收次数", "等于", 4, "次", 3, 5, 3.75, null],
  ["效益指标", "社会效益指标", "群众知晓率", "定性", "显著提升", null, "部分达成指标并具有一定效果", 10, 7, null],
  ["效益指标", "社会效益指标", "宣传覆盖率", null, 90, "%", 95, 10, 10, null],
  ["满意度指标", "服务对象满意度指标", "满意度", "≥", "≤95", "%", 90, 5, 5, null],
];

withLibreOffice("公式化 on other layouts (LibreOffice)", () => {
  test("Sichuan: the sign read from the 指标性质 cell (≥ 正向 / ≤ 反向 / = 等于 / 定性)", async () => {
    const grid = sichuanGrid(SICHUAN_ROWS);
    const offered = offeredWithCells(grid, "sichuan");
    // Every indicator score is offered, each reading the 指标性质 cell of its row (column D).
    const scores = offered.filter((o) => o.ref.col === 8 && o.ref.row >= 7);
    expect(scores).toHaveLength(SICHUAN_ROWS.length);
    for (const o of scores) expect(o.formula).toContain(`D${o.ref.row + 1}`);
    expect(await mismatchesOf(grid, "sichuan", offered)).toEqual([]);
    // The formulas stay live: 指标性质 changed afterwards (≥ → 反向, 反向 → 正向, 等于 → ≤), the figures follow.
    const edited = sichuanGrid(SICHUAN_ROWS.map((r) => [...r]));
    const natures: Record<number, string> = { 7: "反向", 10: "正向", 13: "≤" };
    for (const [row, nature] of Object.entries(natures)) edited.values[Number(row)][3] = nature;
    expect(await mismatchesOf(edited, "sichuan", offered)).toEqual([]);
  }, 120_000);

  test("Sichuan template filled with each seed form, its figures typed: every indicator offered, each the engine's", async () => {
    // The template recalculated once (LibreOffice), then kept as typed figures: a filled Sichuan export.
    const sheets = SEEDS.map((i) => buildTemplate("sichuan", seedInputs(seedForm(i), `表${i + 1}`)));
    const typed = (await recalculated(await tmp("selfeval-live-sc-"), "typed", sheets)).map((g) => ({ ...g, formulas: undefined }));
    for (const grid of typed) {
      const offered = offeredWithCells(grid, "sichuan");
      const indicators = analyzeGrid(grid, {
        profile: "sichuan",
      }).forms.flatMap((f) => f.scored.form.indicators);
      const scored = indicators.filter((i) => !isBlank(grid.values[i.score.ref.row - grid.top]?.[i.score.ref.col - grid.left]));
      expect(scored.length).toBeGreaterThan(3);
      expect(offered.filter((o) => scored.some((i) => i.score.ref.row === o.ref.row && i.score.ref.col === o.ref.col))).toHaveLength(scored.length);
      expect(await mismatchesOf(grid, "sichuan", offered)).toEqual([]);
    }
  }, 240_000);

  test("a bare-number target on a form without 指标性质 (≥, as the engine reads it): the pane gives the sheet, so it is offered", async () => {
    const f = seedForm(0);
    f.indicators.push(["产出指标", "数量指标", "巡查次数", "90", "81", 5, 4.5, ""]);
    const grid = formsGrid([f], { sheet: "表1" })[0].grid;
    const offered = offeredWithCells(grid, "default");
    const [form] = analyzeGrid(grid, { profile: "default" }).forms;
    const bare = form.scored.form.indicators.at(-1)!;
    expect(offered.map((o) => o.cell)).toContain(qualified(bare.score.ref));
    expect(offeredByPane(grid, "default").map((o) => o.cell)).toContain(qualified(bare.score.ref));
    expect(await mismatchesOf(grid, "default", offered)).toEqual([]);
  }, 120_000);

  test("Sichuan: what the pane offers also computes the engine's figures", async () => {
    const grid = sichuanGrid(SICHUAN_ROWS);
    const offered = offeredByPane(grid, "sichuan");
    expect(offered.filter((o) => o.ref.col === 8 && o.ref.row >= 7).length).toBeGreaterThan(5);
    expect(await mismatchesOf(grid, "sichuan", offered)).toEqual([]);
  }, 120_000);
});

/**
 * The seed forms' grid with every offered cell a live formula, recalculated by LibreOffice: the cells whose figure is
 * not the engine's (with every score a formula, 总分 and 等级 are those of the formulas' scores).
 */
async function seedMismatches(forms: readonly SeedForm[], profile: ProfileId, atLeast: number) {
  const grid = formsGrid(forms, { sheet: "表1" })[0].grid;
  const view = viewSheet(grid, profile);
  const proposals = planLive([view]);
  expect(proposals.length).toBeGreaterThan(atLeast);
  const formulas = new Map(
    proposals.map((p) => [`${p.rewrite.ref.row},${p.rewrite.ref.col}`, ("formula" in p.rewrite.after ? p.rewrite.after.formula : "").slice(1)]),
  );
  const [out] = await recalculated(await tmp("selfeval-live-"), "live", [asSheet(grid, formulas)]);
  // What the engine would write into each of those cells, every one of them consented.
  const all = new Set(proposals.map((p) => p.cell));
  const expected = new Map<string, unknown>();
  for (const f of analyzeGrid(grid, { profile }).forms) {
    const cells = computedCells(f.scored, all);
    for (const c of cells) expected.set(`${c.ref.row},${c.ref.col}`, c.value);
    // The engine's 总分 keeps the stated scores it does not overwrite; with every score a formula, the sheet sums
    // what the formulas give (seed form 4's 平均成本: stated 5, computed 0, so 75 and 中 rather than 80 and 良).
    const sum = cells.filter((c) => c.kind === "fundingScore" || c.kind === "score").reduce((n, c) => n + Math.round(Number(c.value) * 100), 0) / 100;
    const total = cells.find((c) => c.kind === "total");
    const grade = cells.find((c) => c.kind === "grade");
    if (total) expected.set(`${total.ref.row},${total.ref.col}`, sum);
    if (grade) expected.set(`${grade.ref.row},${grade.ref.col}`, gradeFor(sum, PROFILES[profile]));
  }
  return {
    proposals,
    mismatches: proposals
      .map((p) => ({
        cell: p.cell,
        want: expected.get(`${p.rewrite.ref.row},${p.rewrite.ref.col}`),
        got: at(out, p.rewrite.ref),
      }))
      .filter(({ want, got }) => (typeof want === "number" && typeof got === "number" ? Math.abs(want - got) > 1e-9 : want !== got)),
  };
}

const SEEDS = [0, 1, 2, 3, 4];

withLibreOffice("公式化 (LibreOffice)", () => {
  test("every live formula of the seed forms recalculates to the engine's figure", async () => {
    const { mismatches } = await seedMismatches(SEEDS.map(seedForm), "default", 40);
    expect(mismatches).toEqual([]);
  }, 120_000);

  test("ningxia: the 预算执行率 indicator scores w × 执行率 (the profile's score rounding)", async () => {
    const forms = SEEDS.map((i) => {
      const f = seedForm(i);
      f.indicators.push(["产出指标", "时效指标", "预算执行率", "≥95.00(%)", "90.00(%)", 7, 6.5, ""]);
      return f;
    });
    const { proposals, mismatches } = await seedMismatches(forms, "ningxia", 40);
    const rateRows = proposals.filter(
      (p) => p.label === "指标得分" && /MIN\(MAX\(/.test("formula" in p.rewrite.after ? p.rewrite.after.formula : ""),
    );
    expect(rateRows).toHaveLength(forms.length);
    expect(mismatches).toEqual([]);
  }, 120_000);

  test("a time target is offered only with a band actual (the formulas do not compare dates)", async () => {
    const f = seedForm(0);
    f.indicators.push(["产出指标", "时效指标", "完工时间", "9月底前", "9月", 5, 5, ""]);
    f.indicators.push(["产出指标", "时效指标", "验收时间", "10月底前", "达成指标", 5, 5, ""]);
    const { proposals, mismatches } = await seedMismatches([f], "default", 5);
    const grid = formsGrid([f], { sheet: "表1" })[0].grid;
    const [form] = analyzeGrid(grid, { profile: "default" }).forms;
    expect(form.scored.form.indicators.slice(-2).map((i) => i.target.parsed.kind)).toEqual(["time", "time"]);
    expect(form.scored.indicators.slice(-2).map((i) => i.computed)).toEqual([5, 5]);
    const [dated, banded] = form.scored.form.indicators.slice(-2).map((i) => qualified(i.score.ref));
    expect(proposals.map((p) => p.cell)).not.toContain(dated);
    expect(proposals.map((p) => p.cell)).toContain(banded);
    expect(mismatches).toEqual([]);
  }, 120_000);

  test("full-width brackets （） in targets and actuals", async () => {
    const forms = SEEDS.map((i) => {
      const f = seedForm(i);
      f.indicators = f.indicators.map((t, k) =>
        k % 2 === 0
          ? [t[0], t[1], t[2], t[3].replace("(", "（").replace(")", "）"), t[4].replace("(", "（").replace(")", "）"), t[5], t[6], t[7]]
          : t,
      );
      return f;
    });
    expect(forms.flatMap((f) => f.indicators).filter((t) => t[3].includes("（")).length).toBeGreaterThanOrEqual(10);
    const { mismatches } = await seedMismatches(forms, "default", 40);
    expect(mismatches).toEqual([]);
  }, 120_000);
});
