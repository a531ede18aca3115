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

/** Best and median of `runs` timed runs, in ms. */
function timed(runs: number, fn: () => void): { best: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { best: times[0], median: times[Math.floor(runs / 2)] };
}

let sink = 0;
const bare = timed(20, () => {
  for (const row of grid.values) for (const v of row) if (typeof v === "string") sink += v.length;
});
let found = 0;
const full = timed(20, () => {
  found = analyzeGrid(grid).forms.length;
});
const heap = process.memoryUsage().heapUsed / 2 ** 20;
console.log(`grid: ${FORMS} stacked forms, ${grid.values.length} rows, ${cells} cells (forms found: ${found})`);
const rate = (ms: number) => Math.round((FORMS / ms) * 1000).toLocaleString("en");
console.log(`parse + score + check (20 runs): best ${full.best.toFixed(1)} ms → ${rate(full.best)} forms/s; median ${full.median.toFixed(1)} ms → ${rate(full.median)} forms/s (target ≥ 20,000)`);
console.log(`bare pass over the cells: ${bare.best.toFixed(2)} ms; ratio ${(full.best / bare.best).toFixed(1)}× (best runs)`);
console.log(`heap used: ${heap.toFixed(0)} MB${sink < 0 ? "" : ""}`);
