import ExcelJS from "exceljs";
import { GridReader, type Grid } from "../../src/core/grid";
import { workbookToGrids } from "../support/exceljs";
import { buildSeedWorkbook, parseCellRef, roundTrip, type SeedWorkbookOptions } from "../support/seedWorkbook";

async function build(options: SeedWorkbookOptions) {
  const built = buildSeedWorkbook(options);
  const grids = workbookToGrids(await roundTrip(built.workbook));
  const bySheet = new Map(grids.map((g) => [g.sheet, new GridReader(g)]));
  const read = (ref: string) => {
    const { sheet, row, col } = parseCellRef(ref);
    const r = bySheet.get(sheet)!;
    return { value: r.value(row, col), text: r.text(row, col), format: r.format(row, col) };
  };
  return { ...built, grids, read };
}

const strings = (g: Grid) => new Set(g.values.flat().filter((v): v is string => typeof v === "string"));

describe("seed workbook builder", () => {
  test("ministry layout: 绩效指标 column spans the indicator block, columns shift right", async () => {
    const { grids, cells, read } = await build({ forms: [0], layout: "ministry" });
    const g = grids[0];
    const c = cells[0];
    const header = parseCellRef(c.indicators[0].level1Cell).row - 1;
    const last = parseCellRef(c.indicators.at(-1)!.level1Cell).row;
    expect(g.merges).toContainEqual({ top: header, left: 0, bottom: last, right: 0 });
    expect(g.values[header - g.top].slice(0, 2)).toEqual(["绩效指标", "一级指标"]);
    expect(c.indicators[0].scoreCell).toBe("表1!H13");
    for (const s of ["项目支出绩效自评表", "分值", "执行率", "项目资金（万元）"]) expect(strings(g).has(s)).toBe(true);
    expect(strings(g).has("分数")).toBe(false);
    const fundingLabel = parseCellRef(c.funding[1].initialCell);
    expect(g.merges).toContainEqual({ top: fundingLabel.row, left: 1, bottom: fundingLabel.row, right: 2 });
    expect(read(c.totalCell).value).toBe(99.82);
    expect(read(c.gradeCell).value).toBe("优");
  });

  test("stacked forms leave two blank rows between them", async () => {
    const { cells, read } = await build({ forms: [0, 1, 2], stacked: true, sheetName: "汇总" });
    expect(cells.map((c) => c.sheet)).toEqual(["汇总", "汇总", "汇总"]);
    const gradeRow = parseCellRef(cells[0].gradeCell).row;
    expect(parseCellRef(cells[1].titleCell).row).toBe(gradeRow + 3);
    expect(read(cells[2].fundingScoreCell).value).toBe(8.9);
  });

  test("amounts in 元 are scaled and labelled", async () => {
    const { cells, read, grids } = await build({ forms: [0], amountUnit: "元" });
    expect(read(cells[0].funding[0].budgetCell).value).toBe(5534000);
    expect(read(cells[0].funding[0].spentCell).text).toBe("5436900.00");
    expect(strings(grids[0]).has("项目资金\n（元）")).toBe(true);
  });

  test("full-width and ASCII operator variants", async () => {
    const full = await build({ forms: [0, 1], fullWidth: true });
    expect(full.read(full.cells[0].indicators[1].targetCell).value).toBe("＞＝90.00（％）");
    expect(full.read(full.cells[0].indicators[1].actualCell).value).toBe("90.00（％）");
    expect(full.read(full.cells[1].indicators[1].targetCell).value).toBe("＞＝0.00（个）");
    expect(strings(full.grids[0]).has("项目名称：")).toBe(true);
    const ascii = await build({ forms: [2], asciiOps: true });
    expect(ascii.read(ascii.cells[0].indicators[0].targetCell).value).toBe("<=27.40(万元)");
    expect(ascii.read(ascii.cells[0].indicators[1].targetCell).value).toBe(">=360.00(天)");
  });

  test("blankComputed empties every computed cell and keeps the inputs", async () => {
    const { cells, read } = await build({ forms: [3], blankComputed: true });
    const c = cells[0];
    const computed = [
      ...c.funding.flatMap((f) => [f.rateCell, f.scoreCell]),
      ...c.indicators.flatMap((i) => [i.scoreCell, i.noteCell]),
      c.totalCell,
      c.gradeCell,
    ];
    for (const ref of computed) expect({ ref, value: read(ref).value }).toEqual({ ref, value: null });
    expect(read(c.fundingScoreCell).format).toBe("0.00"); // the styled empty cell still reports its format
    expect(read(c.funding[0].weightCell).value).toBe(10);
    expect(read(c.funding[1].weightCell).value).toBe("-");
    expect(read(c.indicators[0].weightCell).value).toBe(10);
    expect(read(c.totalWeightCell).value).toBe(100);
  });

  test("mutate injects errors on a copy", async () => {
    const { cells, read } = await build({
      forms: [0, 1],
      mutate: (f, i) => {
        if (i === 1) {
          f.indicators[0][6] = 15;
          f.funding[0][5] = "";
        }
      },
    });
    expect(read(cells[1].indicators[0].scoreCell).value).toBe(15);
    expect(read(cells[1].rateCell).value).toBeNull();
    expect(read(cells[0].indicators[0].scoreCell).value).toBe(20);
    const again = await build({ forms: [1] });
    expect(again.read(again.cells[0].indicators[0].scoreCell).value).toBe(20);
  });

  test("the extra sheet survives with its widths and styles", async () => {
    const { workbook } = buildSeedWorkbook({ forms: [0], extraSheet: true });
    const back = await roundTrip(workbook);
    const ws = back.getWorksheet("其他数据")!;
    expect(ws.getColumn(1).width).toBe(24);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect((ws.getCell("A1").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF4472C4");
    expect(ws.getCell("B4").formula).toBe("SUM(B2:B3)");
  });
});
