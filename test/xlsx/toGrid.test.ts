import ExcelJS from "exceljs";
import JSZip from "jszip";
import { GridReader, parseA1, type Grid } from "../../src/core/grid";
import { workbookToGrids, worksheetToGrid } from "../support/exceljs";
import { buildSeedWorkbook, parseCellRef, roundTrip, seedForms } from "../support/seedWorkbook";

async function gridsOf(wb: ExcelJS.Workbook): Promise<Grid[]> {
  return workbookToGrids(await roundTrip(wb));
}

function at(grid: Grid, ref: string): { value: unknown; text: unknown; format: unknown; formula: unknown } {
  const { row, col } = parseCellRef(ref);
  const r = new GridReader(grid);
  return { value: r.value(row, col), text: r.text(row, col), format: r.format(row, col), formula: r.formula(row, col) };
}

describe("worksheetToGrid on seed workbooks", () => {
  test("merged areas: title, funding label, goal rows, level-1/level-2 runs", async () => {
    const { workbook, cells } = buildSeedWorkbook({ forms: [0] });
    const [grid] = await gridsOf(workbook);
    const merges = grid.merges.map((m) => [m.top, m.left, m.bottom, m.right].join(","));
    expect(merges).toEqual(
      expect.arrayContaining([
        "0,0,0,7", // title A1:H1
        "2,1,2,7", // project B3:H3
        "4,0,8,0", // 项目资金 A5:A9
        "9,0,10,0", // 年度总体目标 A10:A11
        "13,0,15,0", // 产出指标 over three rows
        "18,0,19,0", // 满意度指标
        "18,1,19,1", // 服务对象满意度指标
        "20,0,20,4", // 总分 A21:E21
        "21,5,21,7", // grade F22:H22
      ]),
    );
    const reader = new GridReader(grid);
    const second = parseCellRef(cells[0].indicators[2].level1Cell);
    expect(reader.value(second.row, second.col)).toBeNull(); // only the top cell holds text
    expect(reader.isMergedAway(second.row, second.col)).toBe(true);
    expect(reader.mergedValue(second.row, second.col)).toBe("产出指标");
  });

  test("top/left reflect the origin, for one form per sheet and stacked", async () => {
    const one = buildSeedWorkbook({ forms: [1], origin: { row: 4, col: 2 } });
    const [g1] = await gridsOf(one.workbook);
    expect([g1.top, g1.left]).toEqual([4, 2]);
    expect(g1.values[0][0]).toBe("财政项目支出绩效自评表");
    expect(at(g1, one.cells[0].totalCell).value).toBe(98.59);

    const stacked = buildSeedWorkbook({ stacked: true, layout: "ministry", origin: { row: 2, col: 1 } });
    const grids = await gridsOf(stacked.workbook);
    expect(grids).toHaveLength(1);
    expect([grids[0].top, grids[0].left]).toEqual([2, 1]);
    expect(grids[0].values[0].length).toBe(9);
    stacked.cells.forEach((c, i) => expect(at(grids[0], c.totalCell).value).toBe(seedForms()[i].total));
  });

  test("percent-format fractions read as value, `98.24%` text and a % format", async () => {
    const { workbook, cells } = buildSeedWorkbook({ forms: [0], rateAs: "fraction" });
    const [grid] = await gridsOf(workbook);
    const rate = at(grid, cells[0].rateCell);
    expect(rate.value).toBeCloseTo(0.9824, 10);
    expect(rate.text).toBe("98.24%");
    expect(rate.format).toContain("%");
    expect(at(grid, cells[0].funding[2].rateCell).text).toBe("0.00%");
    expect(at(grid, cells[0].totalCell).text).toBe("99.82");
    expect(at(grid, cells[0].indicators[0].weightCell).text).toBe("20.00");
  });

  test("percent strings stay strings", async () => {
    const { workbook, cells } = buildSeedWorkbook({ forms: [1], rateAs: "percentString" });
    const [grid] = await gridsOf(workbook);
    expect(at(grid, cells[0].rateCell).value).toBe("85.94%");
  });

  test("every number of every seed form appears in its built grid", async () => {
    const { workbook } = buildSeedWorkbook();
    const grids = await gridsOf(workbook);
    const forms = seedForms();
    expect(grids.map((g) => g.sheet)).toEqual(["表1", "表2", "表3", "表4", "表5"]);
    forms.forEach((form, i) => {
      const seen = new Set(grids[i].values.flat().filter((v): v is number => typeof v === "number"));
      const wanted = [
        ...form.funding.flatMap((row) => row.slice(1)),
        ...form.indicators.flatMap((row) => [row[5], row[6]]),
        form.total,
      ].filter((v): v is number => typeof v === "number");
      const missing = wanted.filter((n) => !seen.has(n));
      expect({ form: i, missing }).toEqual({ form: i, missing: [] });
      const strings = new Set(grids[i].values.flat());
      for (const s of [form.project, form.unit, form.grade, ...form.indicators.map((r) => r[2])]) {
        expect(strings.has(s)).toBe(true);
      }
    });
  });
});

describe("worksheetToGrid on odd cells", () => {
  test("formula cells keep cached value and formula, shared formulas are translated", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("F");
    ws.getCell("A1").value = 543.69;
    ws.getCell("B1").value = 553.4;
    ws.getCell("C1").value = { formula: "A1/B1", result: 0.98245391 };
    ws.getCell("C1").numFmt = "0.00%";
    ws.getCell("A2").value = 1;
    ws.getCell("B2").value = 4;
    ws.getCell("C2").value = { sharedFormula: "C1", result: 0.25 } as ExcelJS.CellValue;
    ws.getCell("D1").value = { formula: "\"a\"&\"b\"", result: "ab" };
    const [g] = await gridsOf(wb);
    expect(g.values[0][2]).toBeCloseTo(0.98245391, 10);
    expect(g.formulas![0][2]).toBe("=A1/B1");
    expect(g.text![0][2]).toBe("98.25%");
    expect(g.values[1][2]).toBe(0.25);
    expect(g.formulas![1][2]).toBe("=A2/B2");
    expect(g.values[0][3]).toBe("ab");
    expect(g.formulas![0][0]).toBeNull();
  });

  test("error values, rich text, hyperlinks, dates and booleans come out plain", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("E");
    ws.getCell("A1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("B1").value = { formula: "NA()", result: { error: "#N/A" } } as ExcelJS.CellValue;
    ws.getCell("C1").value = { richText: [{ text: "预期" }, { font: { bold: true }, text: "目标" }] };
    ws.getCell("D1").value = { text: "财政部", hyperlink: "https://www.mof.gov.cn/" };
    ws.getCell("E1").value = new Date(Date.UTC(2024, 11, 31));
    ws.getCell("E1").numFmt = "yyyy-mm-dd";
    ws.getCell("F1").value = true;
    const [g] = await gridsOf(wb);
    expect(g.values[0]).toEqual(["#DIV/0!", "#N/A", "预期目标", "财政部", 45657, true]);
    expect(g.formulas![0][1]).toBe("=NA()");
    expect(g.text![0]).toEqual(["#DIV/0!", "#N/A", "预期目标", "财政部", "2024-12-31", "TRUE"]);
  });

  test("a hostile declared dimension and stray cells still give a small grid", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("H");
    ws.getCell("B2").value = 1;
    ws.getCell("C3").value = "x";
    const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const path = "xl/worksheets/sheet1.xml";
    let xml = await zip.file(path)!.async("string");
    xml = xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
    // A bare <c/> and an empty styled cell in the sheet's very last row.
    xml = xml.replace('<c r="C3"', '<c r="D3"/><c r="C3"');
    xml = xml.replace("</sheetData>", '<row r="1048576" s="1" customFormat="1"><c r="XFD1048576" s="1"/></row></sheetData>');
    zip.file(path, xml);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await zip.generateAsync({ type: "nodebuffer" })) as unknown as ArrayBuffer);
    const g = worksheetToGrid(back.getWorksheet("H")!);
    expect([g.top, g.left, g.values.length, g.values[0].length]).toEqual([1, 1, 2, 2]);
    expect(g.values).toEqual([
      [1, null],
      [null, "x"],
    ]);
  });

  test("far-apart cells give ragged rows instead of a dense 10^9 block", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sparse");
    ws.getCell("A1").value = "start";
    ws.getCell(200_000, 16_000).value = 42;
    const g = worksheetToGrid(ws);
    expect(g.values.length).toBe(200_000);
    expect(g.values[0]).toEqual(["start"]);
    expect(g.values[100].length).toBe(0);
    expect(new GridReader(g).value(199_999, 15_999)).toBe(42);
  });

  test("an empty sheet and an odd JSON-ish value never throw", () => {
    const wb = new ExcelJS.Workbook();
    expect(worksheetToGrid(wb.addWorksheet("Empty")).values).toEqual([]);
    const ws = wb.addWorksheet("Odd");
    ws.getCell("A1").value = { foo: 1 } as unknown as ExcelJS.CellValue;
    expect(worksheetToGrid(ws).values).toEqual([['{"foo":1}']]);
  });

  test("workbookToGrids keeps sheet order, the extra sheet included", async () => {
    const { workbook } = buildSeedWorkbook({ forms: [0, 3], extraSheet: true });
    const grids = await gridsOf(workbook);
    expect(grids.map((g) => g.sheet)).toEqual(["表1", "表2", "其他数据"]);
    const extra = grids[2];
    expect(extra.values[3]).toEqual(["合计", 2114.5, null]);
    expect(extra.text![1]).toEqual(["办公费", "1,234.50", "2024-03-01"]);
    expect(parseA1("A1")).toEqual({ row: 0, col: 0 });
  });
});
