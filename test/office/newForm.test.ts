/** 新建自评表 through the Office adapter (issue 11): the whole template in one sync, as the template describes it. */
import { analyzeGrid, type Grid } from "../../src/core";
import { a1 } from "../../src/core/grid";
import { buildTemplate, TEMPLATE_IDS } from "../../src/core/template";
import { OfficeWorkbookPort } from "../../src/office/officePort";
import { FakeExcel } from "./support/fakeExcel";
import { fiveForms } from "./support/sheets";

/** A workbook that already holds forms, on a sheet whose name no template uses. */
const existing = () => fiveForms({ sheetName: "去年" });

async function setup(grids: Grid[], api?: string) {
  const fake = FakeExcel.fromGrids(grids, api ? { api } : {});
  const port = new OfficeWorkbookPort(fake.host());
  await port.prime();
  const sync = jest.spyOn(fake.context, "sync");
  return { fake, port, sync };
}

describe.each(TEMPLATE_IDS)("template %s", (id) => {
  test("one sync: values, formulas, formats, merges, lists, locks, widths and print setup as the template says", async () => {
    const { fake, port, sync } = await setup([existing()]);
    const t = buildTemplate(id);
    const out = await port.createSheet(t);
    expect(out).toEqual({ ok: true, sheet: t.name });
    expect(sync).toHaveBeenCalledTimes(1);
    const s = fake.sheet(t.name);
    expect(fake.sheets[fake.active]).toBe(s);
    for (const c of t.cells) {
      const got = s.get(c.row, c.col);
      const where = `${t.name}!${a1(c.row, c.col)}`;
      if (c.formula !== undefined)
        expect({ where, formula: got.formula }).toEqual({
          where,
          formula: `=${c.formula}`,
        });
      else
        expect({ where, value: got.value, formula: got.formula }).toEqual({
          where,
          value: c.value === "" ? null : c.value,
          formula: null,
        });
      expect({ where, format: got.format }).toEqual({
        where,
        format: c.format && c.format !== "General" ? c.format : null,
      });
      expect({ where, unlocked: s.unlocked.has(s.key(c.row, c.col)) }).toEqual({
        where,
        unlocked: !c.style.locked,
      });
    }
    // Only the template's own formulas are formulas: no label or input became one.
    const formulas = [...s.cells.values()].filter((c) => c.formula !== null).length;
    expect(formulas).toBe(t.cells.filter((c) => c.formula !== undefined).length);
    expect(s.merges).toEqual(t.merges);
    expect(s.validations.map((v) => (v.rule as { list: { source: string } }).list.source)).toEqual(t.validations.map((v) => v.items.join(",")));
    expect(s.page).toMatchObject({
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1 },
    });
    expect(s.columnWidths.size).toBe(t.widths.length);
  });
});

test("the blank form reads back as one form with only 'fill in' findings, no error", async () => {
  const { port, sync } = await setup([existing()]);
  const t = buildTemplate("shanghai");
  await port.createSheet(t);
  sync.mockClear();
  const [grid] = await port.readGrids("active");
  expect(grid.sheet).toBe(t.name);
  const analysis = analyzeGrid(grid, { profile: "default" });
  expect(analysis.forms).toHaveLength(1);
  const findings = analysis.forms[0].findings;
  expect(findings.length).toBeGreaterThan(0);
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(findings.some((f) => f.rule === "missing-field" && f.severity === "info")).toBe(true);
});

test("a taken name gets a suffix; ExcelApi 1.7 still builds the sheet in one sync, without lists and page setup", async () => {
  const t = buildTemplate("mof2020");
  const taken = { ...existing(), sheet: t.name };
  const { fake, port, sync } = await setup([taken], "1.7");
  const out = await port.createSheet(t);
  expect(out).toEqual({ ok: true, sheet: `${t.name} (2)` });
  expect(sync).toHaveBeenCalledTimes(1);
  const s = fake.sheet(`${t.name} (2)`);
  expect(s.validations).toEqual([]);
  expect(s.page).toEqual({});
  expect(s.cells.size).toBeGreaterThan(50);
});

test("Excel in edit mode: nothing is added, the message says why", async () => {
  const { fake, port } = await setup([existing()]);
  fake.editMode = true;
  const out = await port.createSheet(buildTemplate("hubei"));
  expect(out.ok).toBe(false);
  expect(!out.ok && out.message).toMatch(/正在编辑单元格/);
  expect(fake.sheets).toHaveLength(1);
});
