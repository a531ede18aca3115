/**
 * `npm run bench:core`: forms per second for parse + score + check on 1,000 stacked forms, and the ratio to one bare
 * pass over the same grid's cells (the floor any reader pays).
 */
import { analyzeGrid, type Grid } from "../src/core";
import { formsGrid } from "../test/support/formGrid";
import { SEED_FORMS } from "../test/support/seed";

const FORMS = 1000;
const grid: Grid = formsGrid(Array.from({ length: FORMS }, (_, i) => SEED_FORMS[i % SEED_FORMS.length]))[0].grid;
const cells = grid.values.reduce((n, r) => n + r.length, 0);

function bestOf(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return best;
}

let sink = 0;
const bare = bestOf(20, () => {
  for (const row of grid.values) for (const v of row) if (typeof v === "string") sink += v.length;
});
let found = 0;
const full = bestOf(10, () => {
  found = analyzeGrid(grid).forms.length;
});
const heap = process.memoryUsage().heapUsed / 2 ** 20;
console.log(`grid: ${FORMS} stacked forms, ${grid.values.length} rows, ${cells} cells (forms found: ${found})`);
console.log(`parse + score + check: ${full.toFixed(1)} ms → ${Math.round((FORMS / full) * 1000).toLocaleString("en")} forms/s (target ≥ 20,000)`);
console.log(`bare pass over the cells: ${bare.toFixed(2)} ms; ratio ${(full / bare).toFixed(1)}×`);
console.log(`heap used: ${heap.toFixed(0)} MB${sink < 0 ? "" : ""}`);
