import ExcelJS from "exceljs";
import { withFastMerges, worksheetMerges } from "../../src/xlsx";
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
    expect(b.getCell("C27").value).toEqual(a.getCell("C27").value);
  });

  test("ExcelJS's method is restored afterwards, and an overlapping merge is still refused", async () => {
    const wb = new ExcelJS.Workbook();
    const probe = wb.addWorksheet("p");
    const proto = Object.getPrototypeOf(probe) as Record<string, unknown>;
    const before = proto._mergeCellsInternal;
    await withFastMerges(wb, async () => {
      probe.mergeCells("A1:B2");
      expect(() => probe.mergeCells("B2:C3")).toThrow(/already merged/);
    });
    expect(proto._mergeCellsInternal).toBe(before);
  });
});
