/**
 * 公式化's formulas compute the engine's figures: the five seed forms with every offered cell turned into its live
 * formula, recalculated by LibreOffice (which knows nothing of the engine), show what the engine computes for each
 * cell (src/core/writeplan's computedCells). Skipped without LibreOffice outside CI, as test/template is.
 */
import { analyzeGrid, type Grid, gradeFor, PROFILES } from "../../src/core";
import type { TemplateCell, TemplateSheet } from "../../src/core/template";
import { computedCells } from "../../src/core/writeplan/computed";
import { planLive } from "../../src/taskpane/livePlan";
import { viewSheet } from "../../src/taskpane/model";
import { formsGrid } from "../support/formGrid";
import { seedForm } from "../support/seed";
import { at, recalculated, tmp, withLibreOffice } from "../template/support";

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

withLibreOffice("公式化 (LibreOffice)", () => {
  test("every live formula of the seed forms recalculates to the engine's figure", async () => {
    const grid = formsGrid([0, 1, 2, 3, 4].map(seedForm), { sheet: "表1" })[0].grid;
    const view = viewSheet(grid, "default");
    const proposals = planLive([view]);
    expect(proposals.length).toBeGreaterThan(40);
    const formulas = new Map(
      proposals.map((p) => [`${p.rewrite.ref.row},${p.rewrite.ref.col}`, ("formula" in p.rewrite.after ? p.rewrite.after.formula : "").slice(1)]),
    );
    const [out] = await recalculated(await tmp("selfeval-live-"), "live", [asSheet(grid, formulas)]);
    // What the engine would write into each of those cells, every one of them consented.
    const all = new Set(proposals.map((p) => p.cell));
    const expected = new Map<string, unknown>();
    for (const f of analyzeGrid(grid, { profile: "default" }).forms) {
      const cells = computedCells(f.scored, all);
      for (const c of cells) expected.set(`${c.ref.row},${c.ref.col}`, c.value);
      // The engine's 总分 keeps the stated scores it does not overwrite; with every score a formula, the sheet sums
      // what the formulas give (seed form 4's 平均成本: stated 5, computed 0, so 75 and 中 rather than 80 and 良).
      const sum =
        cells.filter((c) => c.kind === "fundingScore" || c.kind === "score").reduce((n, c) => n + Math.round(Number(c.value) * 100), 0) / 100;
      const total = cells.find((c) => c.kind === "total");
      const grade = cells.find((c) => c.kind === "grade");
      if (total) expected.set(`${total.ref.row},${total.ref.col}`, sum);
      if (grade) expected.set(`${grade.ref.row},${grade.ref.col}`, gradeFor(sum, PROFILES.default));
    }
    const mismatches = proposals
      .map((p) => ({ cell: p.cell, want: expected.get(`${p.rewrite.ref.row},${p.rewrite.ref.col}`), got: at(out, p.rewrite.ref) }))
      .filter(({ want, got }) => (typeof want === "number" && typeof got === "number" ? Math.abs(want - got) > 1e-9 : want !== got));
    expect(mismatches).toEqual([]);
  }, 120_000);
});
