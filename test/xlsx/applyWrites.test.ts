import ExcelJS from "exceljs";
import { applyWrites, worksheetToGrid } from "../support/exceljs";
import { buildSeedWorkbook, cellOf, parseCellRef, roundTrip } from "../support/seedWorkbook";

describe("applyWrites", () => {
  test("a number with a format lands as a number; the cell keeps its font and borders", async () => {
    const { workbook: built, cells } = buildSeedWorkbook({ forms: [0], blankComputed: true });
    const c = cells[0];
    // A loaded workbook, where cells of one style share one style object: a write must not change its neighbours.
    const workbook = await roundTrip(built);
    applyWrites(workbook, [
      { ...parseCellRef(c.fundingScoreCell), value: 9.82, numberFormat: "0.00" },
      { ...parseCellRef(c.rateCell), value: 98.24, numberFormat: "0.00%" },
    ]);
    const back = await roundTrip(workbook);
    const cell = cellOf(back, c.fundingScoreCell);
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.value).toBe(9.82);
    expect(cell.numFmt).toBe("0.00");
    expect(cell.font?.name).toBe("宋体");
    expect(cell.border?.top?.style).toBe("thin");
    expect(cellOf(back, c.rateCell).numFmt).toBe("0.00%");
    expect(cellOf(back, c.funding[1].scoreCell).numFmt).toBe("0.00");
  });

  test("a number without a format keeps the cell's number format", async () => {
    const { workbook, cells } = buildSeedWorkbook({ forms: [0], rateAs: "fraction" });
    applyWrites(workbook, [{ ...parseCellRef(cells[0].rateCell), value: 0.9824 }]);
    const back = await roundTrip(workbook);
    expect(cellOf(back, cells[0].rateCell).numFmt).toBe("0.00%");
    const { row, col } = parseCellRef(cells[0].rateCell);
    const g = worksheetToGrid(back.getWorksheet("表1")!);
    expect(g.text![row - g.top][col - g.left]).toBe("98.24%");
  });

  test("a text beginning with = stays a string, never a formula", async () => {
    const { workbook, cells } = buildSeedWorkbook({ forms: [0], blankComputed: true });
    const note = "=SUM(F13:F20) 偏差说明";
    applyWrites(workbook, [{ ...parseCellRef(cells[0].indicators[0].noteCell), value: note }]);
    const back = await roundTrip(workbook);
    const cell = cellOf(back, cells[0].indicators[0].noteCell);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(note);
    expect(cell.formula).toBeUndefined();
  });

  test("touches nothing else", async () => {
    const { workbook, cells } = buildSeedWorkbook({ forms: [0, 1], blankComputed: true, extraSheet: true });
    const before = (await roundTrip(workbook)).worksheets.map(worksheetToGrid);
    const target = parseCellRef(cells[1].totalCell);
    applyWrites(workbook, [{ ...target, value: 98.59, numberFormat: "0.00" }]);
    const after = (await roundTrip(workbook)).worksheets.map(worksheetToGrid);
    expect(after[0]).toEqual(before[0]);
    expect(after[2]).toEqual(before[2]);
    const [b, a] = [before[1], after[1]];
    expect(a.merges).toEqual(b.merges);
    const diffs: string[] = [];
    a.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== (b.values[r]?.[c] ?? null)) diffs.push(`${r + a.top},${c + a.left}=${v}`);
      }),
    );
    expect(diffs).toEqual([`${target.row},${target.col}=98.59`]);
  });

  test("a bad write is refused before anything is written", () => {
    const { workbook, cells } = buildSeedWorkbook({ forms: [0], blankComputed: true });
    const ok = { ...parseCellRef(cells[0].totalCell), value: 99.82 };
    expect(() => applyWrites(workbook, [ok, { sheet: "nope", row: 0, col: 0, value: 1 }])).toThrow(/nope/);
    expect(() => applyWrites(workbook, [ok, { ...ok, value: Number.NaN }])).toThrow();
    expect(cellOf(workbook, cells[0].totalCell).value).toBeNull();
  });

  test("overwriting a shared-formula master keeps its clones saveable and their formulas", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    [1, 2, 3].forEach((r) => {
      ws.getCell(r, 1).value = r;
      ws.getCell(r, 2).value = r === 1 ? { formula: "A1*2", result: 2 } : ({ sharedFormula: "B1", result: r * 2 } as ExcelJS.CellValue);
    });
    const loaded = await roundTrip(wb);
    applyWrites(loaded, [{ sheet: "S", row: 0, col: 1, value: 7 }]);
    const back = await roundTrip(loaded);
    const s = back.getWorksheet("S")!;
    expect(s.getCell("B1").value).toBe(7);
    expect(s.getCell("B3").formula).toBe("A3*2");
    expect(s.getCell("B3").result).toBe(6);
  });
});
