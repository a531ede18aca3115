/** Property: over random write plans, a non-empty cell is never overwritten without the user's consent. */
import fc from "../support/fc";
import { type CellValue, a1, type Grid } from "../../src/core/grid";
import type { PlannedWrite } from "../../src/core/writeplan";
import { OfficeWorkbookPort } from "../../src/office/officePort";
import { type FakeCell, FakeExcel } from "./support/fakeExcel";
import { fiveForms } from "./support/sheets";

const SHEET = "自评表";
const base: Grid = fiveForms({ forms: [0], blankComputed: true });
const ROWS = base.values.length;
const COLS = 8;

function readValue(g: Grid, row: number, col: number): CellValue {
  const v = g.values[row - g.top]?.[col - g.left] ?? null;
  return v === "" ? null : v;
}

const writeArb = fc.record({
  row: fc.integer({ min: 0, max: ROWS - 1 }),
  col: fc.integer({ min: 0, max: COLS - 1 }),
  value: fc.oneof(
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 12 }),
    fc.constantFrom("=SUM(A1:A3)", "+1", "-2", "98%", "优", "'引号"),
  ),
  format: fc.option(fc.constantFrom("0.00", "0.00%", "General"), { nil: undefined }),
  consent: fc.boolean(),
  stale: fc.integer({ min: 0, max: 19 }), // 1 in 20 plans carry a wrong `previous`
});

describe("consent property", () => {
  test("a non-empty cell changes only when its overwrite was consented; a refused write changes nothing", async () => {
    let landed = 0; // runs where a non-empty plan was carried out, so the success branch is really exercised
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(writeArb, { maxLength: 12, selector: (w) => `${w.row},${w.col}` }), async (plan) => {
        const fake = FakeExcel.fromGrids([structuredClone(base)]);
        const port = new OfficeWorkbookPort(fake.host());
        await port.prime();
        const [grid] = await port.readGrids("active");
        const before = new Map<string, FakeCell>([...fake.sheet(SHEET).cells].map(([k, c]) => [k, { ...c }]));
        const writes: PlannedWrite[] = plan.map((w) => {
          const previous = w.stale === 0 ? "陈旧" : readValue(grid, w.row, w.col);
          const out: PlannedWrite = { ref: { sheet: SHEET, row: w.row, col: w.col }, cell: `${SHEET}!${a1(w.row, w.col)}`, kind: "score", value: w.value, previous };
          if (w.format) out.numberFormat = w.format;
          return out;
        });
        const overwrite = new Set(plan.filter((w) => w.consent).map((w) => `${SHEET}!${a1(w.row, w.col)}`));
        const outcome = await port.write(writes, { overwrite });

        const sheet = fake.sheet(SHEET);
        const now = (k: string) => sheet.cells.get(k) ?? { value: null, formula: null, format: null };
        for (const [k, c] of before) {
          const [row, col] = k.split(",").map(Number);
          const filled = (c.value !== null && c.value !== "") || c.formula !== null;
          if (filled && !overwrite.has(`${SHEET}!${a1(row, col)}`)) expect(now(k)).toEqual(c);
        }
        if (!outcome.ok) {
          for (const [k, c] of before) expect(now(k)).toEqual(c);
          expect(fake.log.filter((l) => l.startsWith("set"))).toEqual([]);
          return;
        }
        if (plan.length > 0) landed++;
        const planned = new Set(plan.map((w) => `${w.row},${w.col}`));
        for (const w of plan) {
          const c = now(`${w.row},${w.col}`);
          expect(c.formula).toBeNull(); // never a formula, even from "=SUM(…)"
          expect(c.value).toBe(w.value === "" ? null : w.value);
        }
        for (const [k, c] of before) if (!planned.has(k)) expect(now(k)).toEqual(c);
      }),
      { numRuns: 150 },
    );
    expect(landed).toBeGreaterThan(0); // about 10 of 150 runs land (a stale or unconsented cell refuses the rest)
  });
});
