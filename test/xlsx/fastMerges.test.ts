import ExcelJS from "exceljs";
import { withFastMerges, worksheetMerges } from "../support/exceljs";
import { buildSeedWorkbook } from "../support/seedWorkbook";

async function load(buf: ArrayBuffer, fast: boolean): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await (fast ? withFastMerges(wb, () => wb.xlsx.load(buf)) : wb.xlsx.load(buf));
  return wb;
}

describe("withFastMerges", () => {
  test("a load with the row-indexed merge check gives exactly ExcelJS's own merges and cells", async () => {
    const built = buildSeedWorkbook({ forms: [0, 1, 2, 3, 4, 0, 1, 2, 3, 4], stacked: true, layout: "ministry" });
    const buf = (await built.workbook.xlsx.writeBuffer()) as ArrayBuffer;
    const [plain, fast] = [await load(buf, false), await load(buf, true)];
    const a = plain.worksheets[0];
    const b = fast.worksheets[0];
    expect(worksheetMerges(b)).toEqual(worksheetMerges(a));
    expect(worksheetMerges(b).length).toBeGreaterThan(100);
    // The fast load really went through the row index; the plain one did not.
    const rows = (ws: ExcelJS.Worksheet) => (ws as unknown as { __mergeRows?: Map<number, unknown> }).__mergeRows;
    expect(rows(b)?.size).toBeGreaterThan(0);
    expect(rows(a)).toBeUndefined();
    expect(b.getCell("C27").value).toEqual(a.getCell("C27").value);
  });

  test("ExcelJS's method is restored afterwards, and an overlapping merge is still refused", async () => {
    const wb = new ExcelJS.Workbook();
    const probe = wb.addWorksheet("p");
    const proto = Object.getPrototypeOf(probe) as Record<string, unknown>;
    const before = proto._mergeCellsInternal;
    await withFastMerges(wb, async () => {
      expect(proto._mergeCellsInternal).not.toBe(before);
      probe.mergeCells("A1:B2");
      expect(() => probe.mergeCells("B2:C3")).toThrow(/already merged/);
    });
    expect(proto._mergeCellsInternal).toBe(before);
  });

  test("overlapping loads share one patch, and ExcelJS's method is back once the last ends", async () => {
    const wb = new ExcelJS.Workbook();
    const proto = Object.getPrototypeOf(wb.addWorksheet("p")) as Record<string, unknown>;
    const before = proto._mergeCellsInternal;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = withFastMerges(new ExcelJS.Workbook(), () => gate);
    const second = withFastMerges(new ExcelJS.Workbook(), async () => proto._mergeCellsInternal);
    expect(await second).not.toBe(before);
    expect(proto._mergeCellsInternal).not.toBe(before); // the first load still runs
    release();
    await first;
    expect(proto._mergeCellsInternal).toBe(before);
  });
});
