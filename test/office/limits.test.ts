/**
 * The adapter at Excel's documented limits and on official templates (issue 10), against the fake Excel: protected
 * sheets with unlocked input cells, merged areas reported twice or failing above 512, the 5,000,000-cell read limit on
 * desktop, a formula restored into a Text cell, and our own events arriving after a long batch. Syncs are counted.
 */
import { analyzeGrid, type Grid, type MergedArea, planWrites, type PlannedWrite } from "../../src/core";
import { a1 } from "../../src/core/grid";
import { grow, parseRangeAddress, READ_CELL_LIMIT, tilesFor } from "../../src/office/layout";
import { OfficeWorkbookPort } from "../../src/office/officePort";
import { FakeExcel, type FakeOptions } from "./support/fakeExcel";
import { fiveForms } from "./support/sheets";

const settle = () => new Promise((r) => setTimeout(r, 5));

/** A fake workbook, changed by `before` (e.g. protected) before the pane primes, with sync counting from then on. */
async function setup(grids: Grid[], options: FakeOptions = {}, before: (fake: FakeExcel) => void = () => undefined) {
  const fake = FakeExcel.fromGrids(grids, options);
  before(fake);
  const port = new OfficeWorkbookPort(fake.host());
  await port.prime();
  const sync = jest.spyOn(fake.context, "sync");
  return { fake, port, sync };
}

function plan(grids: Grid[]): PlannedWrite[] {
  return grids.flatMap((g) => analyzeGrid(g).forms.flatMap((f) => planWrites(f.scored)));
}

const sets = (fake: FakeExcel) => fake.log.filter((l) => l.startsWith("set"));

describe("protected sheets (official templates with unlocked input cells)", () => {
  const source = () => fiveForms({ forms: [0], blankComputed: true });
  const local = (cells: PlannedWrite[]) => cells.map((w) => a1(w.ref.row, w.ref.col));

  test("every target unlocked: the lock states come with the read (1 sync) and the write lands (1 sync)", async () => {
    const targets = plan([source()]);
    const { fake, port, sync } = await setup([source()], {}, (f) => f.protect("自评表", true, { allowFormatCells: true, unlocked: local(targets) }));
    const grids = await port.readGrids("active");
    expect(sync).toHaveBeenCalledTimes(1);
    expect(fake.cellPropertyCalls).toBe(1);
    sync.mockClear();
    const out = await port.write(plan(grids));
    expect(out).toMatchObject({ ok: true, written: targets.length });
    expect(sync).toHaveBeenCalledTimes(1);
    expect(fake.cell("自评表!G6")).toMatchObject({ value: 98.24, format: "0.00" });
    expect(fake.cell("自评表!F22").value).toBe("优");
  });

  test("some targets locked: refused, the locked cells named one by one, nothing written", async () => {
    const targets = plan([source()]);
    const locked = targets.filter((w) => w.kind === "score").slice(0, 2);
    const open = targets.filter((w) => !locked.includes(w));
    const { fake, port, sync } = await setup([source()], {}, (f) => f.protect("自评表", true, { allowFormatCells: true, unlocked: local(open) }));
    const grids = await port.readGrids("active");
    sync.mockClear();
    const out = await port.write(plan(grids));
    expect(out.ok).toBe(false);
    const message = !out.ok ? out.message : "";
    expect(message).toMatch(/受保护，以下单元格已锁定/);
    for (const w of locked) expect(message).toContain(w.cell);
    for (const w of open) expect(message).not.toContain(`${w.cell}、`);
    expect(sync).not.toHaveBeenCalled();
    expect(sets(fake)).toEqual([]);
  });

  test("a protection that forbids formatting: unlocked cells are written without a format command, text with a leading '", async () => {
    const targets = plan([source()]);
    const { fake, port } = await setup([source()], {}, (f) => f.protect("自评表", true, { allowFormatCells: false, unlocked: local(targets) }));
    const grids = await port.readGrids("active");
    const out = await port.write(plan(grids));
    if (!out.ok) throw new Error(out.message);
    expect(sets(fake).filter((l) => l.includes("numberFormat"))).toEqual([]);
    expect(fake.cell("自评表!F22")).toMatchObject({ value: "优", formula: null });
    expect(fake.cell("自评表!G6").value).toBe(98.24);
  });

  test("a sheet protected after the pane opened: its lock states cost one more sync at the first read, none after", async () => {
    const targets = plan([source()]);
    const { fake, port, sync } = await setup([source()]);
    fake.protect("自评表", true, { allowFormatCells: true, unlocked: local(targets) });
    await port.readGrids("active");
    expect(sync).toHaveBeenCalledTimes(2);
    sync.mockClear();
    const grids = await port.readGrids("active");
    expect(sync).toHaveBeenCalledTimes(1);
    expect(await port.write(plan(grids))).toMatchObject({ ok: true });
  });
});

describe("merged areas", () => {
  test("an area reported by two tiles (it crosses their edge) appears once", async () => {
    const source = fiveForms();
    const extent = { top: source.top, left: source.left, bottom: source.top + source.values.length - 1, right: 7 };
    const [first] = tilesFor(grow(extent), 0);
    // In columns J:K, clear of the forms, across the first tile's bottom edge.
    const crossing: MergedArea = { top: first.bottom, left: 9, bottom: first.bottom + 1, right: 10 };
    source.merges.push(crossing);
    const { fake, port, sync } = await setup([source], { mergeReport: "intersecting" });
    const [grid] = await port.readGrids("active");
    expect(sync).toHaveBeenCalledTimes(1);
    expect(grid.merges.filter((m) => m.top === crossing.top && m.left === crossing.left)).toEqual([crossing]);
    expect(grid.merges).toHaveLength(source.merges.length);
    expect(fake.mergeFailures).toBe(0);
  });

  test("a tile touching more than 512 areas fails; the read is retried with that sheet's tiles split in four (2 syncs), and stays split", async () => {
    // Values in A1 and H300: a used block of 300 rows × 8 columns, tiles of 92 rows × 10 columns over it.
    const values: (string | null)[][] = Array.from({ length: 300 }, () => new Array(8).fill(null));
    values[0][0] = "起";
    values[299][7] = "止";
    const grid: Grid = { sheet: "合并", top: 0, left: 0, values, merges: [] };
    const tile = tilesFor(grow({ top: 0, left: 0, bottom: 299, right: 7 }), 0)[1];
    expect(tile).toEqual({ top: 92, left: 0, bottom: 183, right: 9 });
    const m = (top: number, left: number, bottom: number, right: number) => grid.merges.push({ top, left, bottom, right });
    for (let c = 0; c <= 9; c++) {
      m(tile.top - 1, c, tile.top, c); // across the top edge
      m(tile.bottom, c, tile.bottom + 1, c); // across the bottom edge
    }
    for (let r = tile.top + 1; r < tile.bottom; r++) m(r, 9, r, 10); // across the right edge
    for (let c = 0; c <= 8; c++) for (let r = tile.top + 1; r < tile.bottom; r += 2) m(r, c, r + 1, c);
    expect(grid.merges).toHaveLength(515); // 505 anchored in the tile: the anchored count alone would pass

    const { fake, port, sync } = await setup([grid], { mergeReport: "intersecting" });
    const [read] = await port.readGrids("active");
    expect(fake.mergeFailures).toBeGreaterThan(0);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(read.merges).toHaveLength(515);
    expect(read.values[299][7]).toBe("止");
    sync.mockClear();
    const failures = fake.mergeFailures;
    await port.readGrids("active");
    expect(sync).toHaveBeenCalledTimes(1);
    expect(fake.mergeFailures).toBe(failures);
  });
});

describe("the 5,000,000-cell read limit, on desktop too", () => {
  test("a 6,000,000-cell used range is read in row chunks of at most 5,000,000 cells, one sync each", async () => {
    const forms = fiveForms();
    const fake = FakeExcel.fromGrids([forms]); // desktop: no payload limit
    fake.sheet("自评表").put(749_999, 7, { value: "末行", formula: null, format: null }); // H750000: 8 × 750,000 cells
    const port = new OfficeWorkbookPort(fake.host());
    await port.prime();
    const sync = jest.spyOn(fake.context, "sync");
    const [grid] = await port.readGrids("active");
    expect(Math.max(...fake.readSizes)).toBeLessThanOrEqual(READ_CELL_LIMIT);
    expect(fake.readSizes).toEqual([5_000_000, 1_000_000]);
    expect(sync).toHaveBeenCalledTimes(3); // the address and merges, then two chunks
    expect(grid.values).toHaveLength(750_000);
    expect(grid.values[749_999][7]).toBe("末行");
    expect(grid.text![5][6]).toBe("98.24");
    expect(grid.merges).toHaveLength(forms.merges.length);
  }, 60_000);

  test("a range that came back null (above the limit, Excel does not fail) is read again in chunks, not taken as empty", async () => {
    const fake = FakeExcel.fromGrids([fiveForms()]);
    const port = new OfficeWorkbookPort(fake.host());
    await port.prime(); // the extent is small now
    fake.sheet("自评表").put(749_999, 7, { value: "末行", formula: null, format: null }); // and huge at the read
    const [grid] = await port.readGrids("active");
    expect(fake.readSizes[0]).toBe(6_000_000); // asked for all of it (the extent it knew was small) …
    expect(fake.readSizes.slice(1).every((n) => n <= READ_CELL_LIMIT)).toBe(true); // … then chunks
    expect(grid.values[749_999][7]).toBe("末行");
    expect(parseRangeAddress("自评表!A1:H750000")).toEqual({ top: 0, left: 0, bottom: 749_999, right: 7 });
  }, 60_000);
});

describe("revert into a Text-formatted cell", () => {
  test("=SUM(A1:A2) in a cell formatted @ comes back as a formula, with its @ format", async () => {
    const source = fiveForms({ forms: [0] });
    source.values[20][6] = 99; // 总分 stated wrong …
    source.formulas![20][6] = "=SUM(A1:A2)"; // … by a formula, in a cell formatted as Text
    source.formats![20][6] = "@";
    const { fake, port } = await setup([source]);
    fake.formulaResults.set("=SUM(A1:A2)", 99);
    const [grid] = await port.readGrids("active");
    const consent = new Set(["自评表!G21"]);
    const writes = analyzeGrid(grid).forms.flatMap((f) => planWrites(f.scored, { overwrite: consent }));
    expect(writes.map((w) => w.cell)).toEqual(["自评表!G21"]);
    const out = await port.write(writes, { overwrite: consent });
    if (!out.ok) throw new Error(out.message);
    expect(out.snapshot[0].ref).toEqual({ sheet: "自评表", row: 20, col: 6 });
    expect(fake.cell("自评表!G21")).toMatchObject({ value: 99.82, formula: null });
    await settle();
    expect(await port.revert(out.snapshot)).toEqual({ ok: true, restored: 1 });
    expect(fake.cell("自评表!G21")).toEqual({ value: 99, formula: "=SUM(A1:A2)", format: "@" });
  });
});

describe("our own events after a long batch", () => {
  test("format events of a write whose sync took longer than the window still count as ours", async () => {
    let now = 0;
    const fake = FakeExcel.fromGrids([fiveForms({ forms: [0, 1], blankComputed: true })], { api: "1.13" }); // no triggerSource
    const port = new OfficeWorkbookPort(fake.host(), { now: () => now });
    await port.prime();
    let grids = await port.readGrids("active");
    const all = plan(grids);
    fake.beforeSync = () => (now += 30_000); // each batch takes 30 s of the clock
    expect(await port.write(all.filter((w) => w.ref.row < 20))).toMatchObject({ ok: true });
    fake.beforeSync = null;
    grids = await port.readGrids("active");
    await settle(); // the first write's events arrive now, 30 s after it was queued, 0 s after its sync resolved
    expect(await port.write(plan(grids))).toMatchObject({ ok: true });
  });
});
