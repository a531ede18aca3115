/**
 * The streaming reader (src/xlsx/read) on parts written as other producers write them (issue 9, item 3): inline
 * strings, shared formulas, t="str"/"e"/"b"/"d", rich text with phonetic runs, 1904 dates, absolute and relative
 * relationship targets, sheet parts with any name, no <dimension>, rows and cells without `r`, prefixed elements.
 * The parts are plain XML written here, so each case is exactly the producer's shape.
 */
import { inflateNode } from "../../src/cli/inflate";
import { GridReader, type Grid } from "../../src/core/grid";
import { openWorkbook, readGrids, XlsxError } from "../../src/xlsx";
import { NS, SHEET, workbook, type Shape } from "./producers";

const OPTIONS = { inflate: inflateNode, maxInflated: 64 * 2 ** 20, maxCells: 10_000_000 };
const at = (g: Grid, ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = m[1].charCodeAt(0) - 65;
  const row = Number(m[2]) - 1;
  const r = new GridReader(g);
  return { value: r.value(row, col), text: r.text(row, col), format: r.format(row, col), formula: r.formula(row, col) };
};

function expectCells(g: Grid, date1904: boolean) {
  expect(g.sheet).toBe("数据");
  expect(at(g, "A1").value).toBe("项目名称");
  expect(at(g, "B1").value).toBe("执行率 "); // rich runs joined; the phonetic guide is not text
  expect(at(g, "C1").value).toBe("第一行\r\n第二行");
  expect(at(g, "A2").value).toBe("内联");
  expect(at(g, "B2").value).toBe("富文本");
  expect(at(g, "C2")).toEqual({ value: 0.9824, text: "98.24%", format: "0.00%", formula: null });
  expect(at(g, "B4")).toMatchObject({ value: 20, formula: "=A4*2" });
  expect(at(g, "B5")).toMatchObject({ value: 22, formula: "=A5*2" }); // a shared formula's dependant, moved down
  expect(at(g, "B6")).toMatchObject({ value: 24, formula: "=A6*2" });
  expect(at(g, "C4")).toMatchObject({ value: "合计10", text: "合计10", formula: '="合计"&A4' });
  expect(at(g, "C5")).toMatchObject({ value: "#DIV/0!", formula: "=1/0" });
  expect(at(g, "C6")).toMatchObject({ value: true, text: "TRUE" });
  // The same serial is another day under the 1904 system; t="d" gives the date itself.
  expect(at(g, "A8")).toMatchObject({ value: 45291, text: date1904 ? "2028-01-01" : "2023-12-31", format: "mm-dd-yy" });
  expect(at(g, "B8").text).toBe("2024-12-31");
  expect(at(g, "B8").value).toBe(date1904 ? 45657 - 1462 : 45657);
  // A styled empty cell reports its format without widening the block.
  expect(at(g, "C8")).toEqual({ value: null, text: null, format: "0.00", formula: null });
  // A10:C10 is listed, but anchored on an empty cell it does not widen the block (rows 1–8).
  expect(g.merges).toEqual([{ top: 9, left: 0, bottom: 9, right: 2 }]);
  expect([g.top, g.left, g.values.length]).toEqual([0, 0, 8]);
}

test.each<[string, Shape]>([
  ["relative targets, Excel's part names", { sheetXml: SHEET() }],
  ["absolute targets (openpyxl), a sheet part named data.xml", { absolute: true, sheetPart: "xl/worksheets/data.xml", sheetXml: SHEET() }],
  ["prefixed elements (x:c), 1904 dates", { date1904: true, prefix: "x:", sheetXml: SHEET("x:") }],
])("%s", async (name, shape) => {
  const grids = await readGrids(workbook(shape), OPTIONS);
  expect(grids.map((g) => g.sheet)).toEqual(["数据", "隐藏"]);
  expectCells(grids[0], Boolean(shape.date1904));
  expect(at(grids[1], "A1").value).toBe("内部");
});

test("sheets are listed with their part, state and position", async () => {
  const wb = await openWorkbook(workbook({ absolute: true, sheetPart: "xl/worksheets/data.xml", sheetXml: SHEET() }), OPTIONS);
  expect(wb.parts.sheets.map((s) => [s.name, s.part, s.state])).toEqual([
    ["数据", "xl/worksheets/data.xml", "visible"],
    ["隐藏", "xl/worksheets/hidden.xml", "hidden"],
  ]);
});

test("a sheet too big for one grid comes in overlapping windows; merges found first still reach each window", async () => {
  const rows: string[] = [];
  for (let r = 1; r <= 6000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>行${r}</t></is></c></row>`);
  const xml = `<worksheet ${NS}><sheetData>${rows.join("")}</sheetData><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A5000:B5000"/></mergeCells></worksheet>`;
  const wb = await openWorkbook(workbook({ sheetXml: xml }), { ...OPTIONS, windowCells: 1000 });
  const windows: Array<{ top: number; rows: number; deferFrom: number; merges: number }> = [];
  await wb.readSheet(wb.parts.sheets[0], (g, w) => windows.push({ top: g.top, rows: g.values.length, deferFrom: w!.deferFrom, merges: g.merges.length }));
  expect(windows.length).toBeGreaterThan(2);
  // Each window starts where the previous one stopped taking forms, and every row is in some window.
  for (let i = 1; i < windows.length; i++) expect(windows[i].top).toBe(windows[i - 1].deferFrom);
  expect(windows[windows.length - 1].deferFrom).toBe(Infinity);
  const last = windows[windows.length - 1];
  expect(last.top + last.rows).toBe(6000);
  expect(windows[0].merges).toBe(1);
  const holding = windows.filter((w) => w.top <= 4999 && w.top + w.rows > 4999);
  expect(holding.length).toBeGreaterThan(0);
  expect(holding.every((w) => w.merges >= 1)).toBe(true);
});

test("inflated bytes past the cap: refused as a bomb, whatever the headers claim", async () => {
  const big = `<worksheet ${NS}><sheetData>${"<row/>".repeat(400_000)}</sheetData></worksheet>`;
  await expect(readGrids(workbook({ sheetXml: big }), { ...OPTIONS, maxInflated: 1 * 2 ** 20 })).rejects.toMatchObject({ code: "unpacked-too-large" });
  await expect(readGrids(workbook({ sheetXml: "<worksheet><sheetData><row>" }), OPTIONS)).rejects.toBeInstanceOf(XlsxError);
});

test("a cell or row past XFD1048576 is a corrupt file, as Excel says, not a cell that could never be written back", async () => {
  const sheet = (rows: string) => `<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;
  const cases = [
    [`<row r="1"><c r="ZZZZ1"><v>1</v></c></row>`, "ZZZZ1"],
    [`<row r="1"><c r="XFE1"><v>1</v></c></row>`, "XFE1"],
    [`<row r="1048577"><c><v>1</v></c></row>`, "第 1048577 行"],
    [`<row r="1048576"><c r="A1048577"><v>1</v></c></row>`, "A1048577"],
  ];
  for (const [rows, shown] of cases) {
    const read = readGrids(workbook({ sheetXml: sheet(rows) }), OPTIONS);
    await expect(read).rejects.toMatchObject({ code: "corrupt", message: expect.stringContaining(shown) });
  }
  // The last column and the last row themselves are fine.
  const [wide] = await readGrids(workbook({ sheetXml: sheet(`<row r="1"><c r="XFD1"><v>7</v></c></row>`) }), OPTIONS);
  expect(new GridReader(wide).value(0, 16_383)).toBe(7);
  const [tall] = await readGrids(workbook({ sheetXml: sheet(`<row r="1048576"><c r="A1048576"><v>8</v></c></row>`) }), OPTIONS);
  expect(new GridReader(tall).value(1_048_575, 0)).toBe(8);
});
