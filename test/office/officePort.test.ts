/** The Office.js WorkbookPort against office-addin-mock objects (test/office/support/fakeExcel.ts). */
import { analyzeGrid, type Grid, planWrites, type PlannedWrite } from "../../src/core";
import { OfficeWorkbookPort, PROFILE_SETTING } from "../../src/office/officePort";
import { FakeExcel } from "./support/fakeExcel";
import { fiveForms, formsSheet, repeatGrid } from "./support/sheets";

const NOT_LOADED = "Error, property was not loaded";
const NOT_SYNCED = "Error, context.sync() was not called";

async function setup(grids: Grid[], options: ConstructorParameters<typeof FakeExcel>[0] = {}) {
  const fake = FakeExcel.fromGrids(grids, options);
  const port = new OfficeWorkbookPort(fake.host());
  await port.prime();
  const sync = jest.spyOn(fake.context, "sync");
  return { fake, port, sync };
}

/** Every planned write of every form on the grids (the task pane's 写回得分 without consent). */
function plan(grids: Grid[]): PlannedWrite[] {
  return grids.flatMap((g) => analyzeGrid(g).forms.flatMap((f) => planWrites(f.scored)));
}

function mockErrorsIn(g: Grid): number {
  let n = 0;
  for (const rows of [g.values, g.text ?? [], g.formats ?? [], g.formulas ?? []]) {
    for (const row of rows) for (const v of row) if (v === NOT_LOADED || v === NOT_SYNCED) n++;
  }
  return n;
}

const settle = () => new Promise((r) => setTimeout(r, 5));

describe("read", () => {
  test("10 forms: one sync; values, text, formats, formulas and merges as the sheet holds them", async () => {
    const source = repeatGrid(fiveForms(), 2);
    const { port, sync } = await setup([source]);
    const [grid] = await port.readGrids("active");
    expect(sync).toHaveBeenCalledTimes(1);
    expect(mockErrorsIn(grid)).toBe(0);
    expect(grid.sheet).toBe("自评表");
    expect(grid.values).toEqual(source.values.map((r) => r.map((v) => (v === "" ? null : v))));
    expect(grid.formats!.flat().filter((f) => f === "0.00").length).toBe(source.formats!.flat().filter((f) => f === "0.00").length);
    expect([...grid.merges].sort(byPos)).toEqual([...source.merges].sort(byPos));
    expect(grid.text![5][6]).toBe("98.24");
    const analysis = analyzeGrid(grid);
    expect(analysis.forms).toHaveLength(10);
    expect(analysis.forms.flatMap((f) => f.findings).filter((f) => f.severity === "error")).toEqual([]);
  });

  test("1,000 forms: still one sync; the 17,800 merged areas come in tiles of at most 512", async () => {
    const source = formsSheet(1000);
    expect(source.merges.length).toBeGreaterThan(512);
    const { fake, port, sync } = await setup([source]);
    const [grid] = await port.readGrids("active");
    expect(sync).toHaveBeenCalledTimes(1);
    expect(fake.mergeCalls).toBeGreaterThan(1);
    expect(grid.merges).toHaveLength(source.merges.length);
    expect(analyzeGrid(grid).forms).toHaveLength(1000);
  });

  test("a formula cell keeps its formula and its result", async () => {
    const source = fiveForms();
    source.formulas![5][6] = "=F6/E6*100";
    const { port } = await setup([source]);
    const [grid] = await port.readGrids("active");
    expect(grid.formulas![5][6]).toBe("=F6/E6*100");
    expect(grid.values[5][6]).toBe(98.24);
    expect(grid.formulas![5][5]).toBeNull(); // a constant is not a formula
  });

  test("全部工作表: every sheet in one sync", async () => {
    const a = { ...fiveForms(), sheet: "甲" };
    const b = { ...fiveForms({ forms: [1] }), sheet: "乙" };
    const { port, sync } = await setup([a, b, { sheet: "空", top: 0, left: 0, values: [], merges: [] }]);
    const grids = await port.readGrids("all");
    expect(sync).toHaveBeenCalledTimes(1);
    expect(grids.map((g) => g.sheet)).toEqual(["甲", "乙", "空"]);
    expect(grids.map((g) => analyzeGrid(g).forms.length)).toEqual([5, 1, 0]);
  });

  test("without a prime, the first read learns the workbook (extra syncs), the next one is a single sync", async () => {
    const fake = FakeExcel.fromGrids([fiveForms()]);
    const port = new OfficeWorkbookPort(fake.host());
    const sync = jest.spyOn(fake.context, "sync");
    await port.readGrids("active");
    expect(sync.mock.calls.length).toBeGreaterThan(1);
    sync.mockClear();
    await port.readGrids("active");
    expect(sync).toHaveBeenCalledTimes(1);
  });

  test("Excel on the web: a read above the payload budget comes in chunks, each under the limit", async () => {
    const source = formsSheet(1000);
    const desktop = await setup([source]);
    const [expected] = await desktop.port.readGrids("active");
    const web = await setup([source], { responseLimit: 5 * 1024 * 1024 });
    const [grid] = await web.port.readGrids("active");
    expect(grid.values).toEqual(expected.values);
    expect(grid.formulas).toEqual(expected.formulas);
    expect(grid.merges).toHaveLength(expected.merges.length);
    expect(web.sync.mock.calls.length).toBeGreaterThan(1);
  });
});

describe("write", () => {
  test("10 blank forms: one sync, one undo group, the computed figures land as numbers", async () => {
    const { fake, port, sync } = await setup([repeatGrid(fiveForms({ blankComputed: true }), 2)]);
    const grids = await port.readGrids("active");
    sync.mockClear();
    const writes = plan(grids);
    expect(writes.length).toBeGreaterThan(100);
    const out = await port.write(writes);
    expect(out).toMatchObject({ ok: true, written: writes.length });
    expect(sync).toHaveBeenCalledTimes(1);
    expect(fake.runOptions.at(-1)).toEqual({ mergeUndoGroup: true });
    expect(fake.cell("自评表!G6")).toMatchObject({ value: 98.24, formula: null, format: "0.00" });
    expect(fake.cell("自评表!H6")).toMatchObject({ value: 9.82, format: "0.00" });
    expect(fake.cell("自评表!F22")).toMatchObject({ value: "优", formula: null });
  });

  test("1,000 blank forms: one sync", async () => {
    const { port, sync } = await setup([formsSheet(1000, { blankComputed: true })]);
    const grids = await port.readGrids("active");
    sync.mockClear();
    const writes = plan(grids);
    expect(writes.length).toBeGreaterThan(10_000);
    expect(await port.write(writes)).toMatchObject({ ok: true });
    expect(sync).toHaveBeenCalledTimes(1);
  });

  test("below ExcelApi 1.20 the write runs without mergeUndoGroup", async () => {
    const { fake, port } = await setup([fiveForms({ forms: [0], blankComputed: true })], { api: "1.14" });
    const grids = await port.readGrids("active");
    expect(await port.write(plan(grids))).toMatchObject({ ok: true });
    expect(fake.runOptions.at(-1)).toBeUndefined();
  });

  test("text beginning with = is written as text, never as a formula, and the cell keeps its format", async () => {
    const { fake, port } = await setup([fiveForms({ forms: [0], blankComputed: true })]);
    const grids = await port.readGrids("active");
    const note = plan(grids).find((w) => w.cell === "自评表!G13")!;
    const formulaLike: PlannedWrite = { ...note, ref: { ...note.ref, col: 7 }, cell: "自评表!H13", kind: "note", value: "=SUM(G13:G20) 未达标", previous: null };
    delete formulaLike.numberFormat;
    const before = fake.cell("自评表!H13").format;
    expect(await port.write([formulaLike])).toMatchObject({ ok: true });
    expect(fake.cell("自评表!H13")).toEqual({ value: "=SUM(G13:G20) 未达标", formula: null, format: before });
    expect(fake.log.filter((l) => l.startsWith("set 自评表!H13"))).toEqual([
      'set 自评表!H13 numberFormat "@"',
      'set 自评表!H13 values "=SUM(G13:G20) 未达标"',
      `set 自评表!H13 numberFormat ${JSON.stringify(before ?? "General")}`,
    ]);
  });

  test("text that looks like a number stays text", async () => {
    const { fake, port } = await setup([fiveForms({ forms: [0], blankComputed: true })]);
    const grids = await port.readGrids("active");
    const grade = plan(grids).find((w) => w.kind === "grade")!;
    expect(await port.write([{ ...grade, value: "98%" }])).toMatchObject({ ok: true });
    expect(fake.cell(grade.cell).value).toBe("98%");
  });

  test("a protected sheet: clear message, nothing written", async () => {
    const { fake, port, sync } = await setup([fiveForms({ forms: [0], blankComputed: true })]);
    fake.protect("自评表");
    const grids = await port.readGrids("active");
    sync.mockClear();
    const out = await port.write(plan(grids));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toMatch(/受保护/);
    expect(sync).not.toHaveBeenCalled();
    expect(fake.log.filter((l) => l.startsWith("set"))).toEqual([]);
  });

  test("protection switched on after the read: refused through the event, nothing written", async () => {
    const { fake, port } = await setup([fiveForms({ forms: [0], blankComputed: true })]);
    const grids = await port.readGrids("active");
    fake.protect("自评表");
    const out = await port.write(plan(grids));
    expect(!out.ok && out.message).toMatch(/保护状态在校验后被修改/);
    expect(fake.log.filter((l) => l.startsWith("set"))).toEqual([]);
  });

  test("a cell in edit mode: clear message, nothing written", async () => {
    const { fake, port } = await setup([fiveForms({ forms: [0], blankComputed: true })]);
    const grids = await port.readGrids("active");
    fake.editMode = true;
    const out = await port.write(plan(grids));
    expect(!out.ok && out.message).toMatch(/正在编辑单元格/);
    expect(fake.log.filter((l) => l.startsWith("set"))).toEqual([]);
    expect(fake.cell("自评表!G6").value).toBeNull();
  });

  test("the sheet changed since the read: refused without a sync, nothing written", async () => {
    const { fake, port, sync } = await setup([fiveForms({ forms: [0], blankComputed: true })]);
    const grids = await port.readGrids("active");
    await settle();
    fake.userEdit("自评表!C40", "另一处的修改");
    sync.mockClear();
    const out = await port.write(plan(grids));
    expect(!out.ok && out.message).toMatch(/内容在校验后被修改（C40）/);
    expect(sync).not.toHaveBeenCalled();
    expect(fake.log.filter((l) => l.startsWith("set"))).toEqual([]);
  });

  test("our own write's events do not count as a change: write, re-read, write again", async () => {
    const { fake, port } = await setup([fiveForms({ forms: [0, 1], blankComputed: true })]);
    let grids = await port.readGrids("active");
    const all = plan(grids);
    const first = all.filter((w) => w.ref.row < 20);
    expect(await port.write(first)).toMatchObject({ ok: true });
    grids = await port.readGrids("active");
    await settle(); // the events of the first write arrive after the re-read
    expect(await port.write(plan(grids))).toMatchObject({ ok: true });
    expect(fake.cell("自评表!G6").value).toBe(98.24);
  });

  test("an edit whose event has not arrived yet: the batch finds it, puts everything back and refuses", async () => {
    const { fake, port } = await setup([fiveForms({ forms: [0], blankComputed: true })]);
    const grids = await port.readGrids("active");
    fake.userEdit("自评表!G14", 7, { silent: true }); // reached Excel, event still on its way
    const before = new Map([...fake.sheet("自评表").cells].map(([k, c]) => [k, { ...c }]));
    const out = await port.write(plan(grids));
    expect(!out.ok && out.message).toMatch(/G14/);
    expect(fake.cell("自评表!G14").value).toBe(7);
    const after = fake.sheet("自评表").cells;
    for (const [k, c] of before) expect(after.get(k)).toEqual(c);
  });

  test("a plan that is stale (the cell held something else at the read) is refused", async () => {
    const { fake, port } = await setup([fiveForms({ forms: [0], blankComputed: true })]);
    const grids = await port.readGrids("active");
    const [w] = plan(grids);
    const out = await port.write([{ ...w, previous: 12 }]);
    expect(out.ok).toBe(false);
    expect(fake.log.filter((l) => l.startsWith("set"))).toEqual([]);
  });

  test("writing before any read is refused", async () => {
    const fake = FakeExcel.fromGrids([fiveForms({ forms: [0], blankComputed: true })]);
    const other = new OfficeWorkbookPort(fake.host());
    const { port } = await setup([fiveForms({ forms: [0], blankComputed: true })]);
    const w = plan(await port.readGrids("active"));
    const out = await other.write(w);
    expect(!out.ok && out.message).toMatch(/尚未校验/);
  });
});

describe("revert", () => {
  test("restores values, formulas and formats exactly, in one sync", async () => {
    const source = fiveForms({ forms: [0] });
    source.formulas![5][6] = "=F6/E6*100"; // 执行率 as a formula
    source.values[5][6] = 98.2;
    source.values[20][6] = 99; // 总分 stated wrong
    const { fake, port, sync } = await setup([source]);
    fake.formulaResults.set("=F6/E6*100", 98.2);
    const before = new Map([...fake.sheet("自评表").cells].map(([k, c]) => [k, { ...c }]));
    const grids = await port.readGrids("active");
    const form = analyzeGrid(grids[0]).forms[0];
    const consent = new Set(["自评表!G6", "自评表!G21"]);
    const writes = planWrites(form.scored, { overwrite: consent });
    expect(writes.map((w) => w.cell).sort()).toEqual([...consent].sort());
    const out = await port.write(writes, { overwrite: consent });
    if (!out.ok) throw new Error(out.message);
    expect(fake.cell("自评表!G6")).toMatchObject({ value: 98.24, formula: null });
    expect(fake.cell("自评表!G21").value).toBe(99.82);
    await settle();
    sync.mockClear();
    expect(await port.revert(out.snapshot)).toEqual({ ok: true, restored: 2 });
    expect(sync).toHaveBeenCalledTimes(1);
    expect(fake.cell("自评表!G6")).toEqual({ value: 98.2, formula: "=F6/E6*100", format: "0.00" });
    const after = fake.sheet("自评表").cells;
    for (const [k, c] of before) expect(after.get(k)).toEqual(c);
  });

  test("restores blanks and text (text that looks like a number stays text)", async () => {
    const source = fiveForms({ forms: [0], blankComputed: true });
    source.values[21][5] = "90%"; // a typed grade cell holding text
    const { fake, port } = await setup([source]);
    const before = new Map([...fake.sheet("自评表").cells].map(([k, c]) => [k, { ...c }]));
    const grids = await port.readGrids("active");
    const consent = new Set(["自评表!F22"]);
    const writes = analyzeGrid(grids[0]).forms.flatMap((f) => planWrites(f.scored, { overwrite: consent }));
    const out = await port.write(writes, { overwrite: consent });
    if (!out.ok) throw new Error(out.message);
    expect(fake.cell("自评表!F22").value).toBe("优");
    expect(await port.revert(out.snapshot)).toMatchObject({ ok: true });
    expect(fake.cell("自评表!F22").value).toBe("90%");
    const after = fake.sheet("自评表").cells;
    for (const [k, c] of before) expect(after.get(k) ?? { value: null, formula: null, format: null }).toEqual(c);
  });

  test("a written cell edited afterwards: nothing is restored, the edit survives", async () => {
    const { fake, port, sync } = await setup([fiveForms({ forms: [0], blankComputed: true })]);
    const grids = await port.readGrids("active");
    const out = await port.write(plan(grids));
    if (!out.ok) throw new Error(out.message);
    await settle();
    fake.userEdit("自评表!G13", 15);
    sync.mockClear();
    const back = await port.revert(out.snapshot);
    expect(!back.ok && back.message).toMatch(/G13/);
    expect(sync).toHaveBeenCalledTimes(1); // the check; no restore
    expect(fake.cell("自评表!G13").value).toBe(15);
    expect(fake.cell("自评表!G6").value).toBe(98.24);
  });

  test("an unrelated edit after the write: checked (2 syncs), then restored", async () => {
    const { fake, port, sync } = await setup([fiveForms({ forms: [0], blankComputed: true })]);
    const grids = await port.readGrids("active");
    const out = await port.write(plan(grids));
    if (!out.ok) throw new Error(out.message);
    await settle();
    fake.userEdit("自评表!C40", "别处");
    sync.mockClear();
    expect(await port.revert(out.snapshot)).toMatchObject({ ok: true });
    expect(sync).toHaveBeenCalledTimes(2);
    expect(fake.cell("自评表!G6").value).toBeNull();
    expect(fake.cell("自评表!C40").value).toBe("别处");
  });
});

describe("select and profile", () => {
  test("select activates the sheet and selects the cell in one sync", async () => {
    const { fake, port, sync } = await setup([{ ...fiveForms({ forms: [0] }), sheet: "甲" }, { ...fiveForms({ forms: [1] }), sheet: "乙" }]);
    await port.select("乙!G21");
    expect(sync).toHaveBeenCalledTimes(1);
    expect(fake.active).toBe(1);
    expect(fake.selection).toBe("乙!G21");
    expect(fake.log).toEqual(["activate 乙", "select 乙!G21"]);
  });

  test("the profile lives in the document settings", async () => {
    const { fake, port } = await setup([fiveForms({ forms: [0] })]);
    expect(await port.getProfile()).toBeNull();
    await port.setProfile("hubei");
    expect(fake.settingsStore.get(PROFILE_SETTING)).toBe("hubei");
    expect(await port.getProfile()).toBe("hubei");
    fake.settingsStore.set(PROFILE_SETTING, "guangdong");
    expect(await port.getProfile()).toBeNull();
  });
});

function byPos(a: { top: number; left: number }, b: { top: number; left: number }) {
  return a.top - b.top || a.left - b.left;
}
