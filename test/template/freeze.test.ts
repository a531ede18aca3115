/**
 * `selfeval freeze` (issue 11): a workbook of JX formulas (cached values = what the functions return) becomes one
 * that LibreOffice, which has no JX functions, recalculates to the same values; no `JX` is left; every other part of
 * the file is byte-identical.
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { freezeFormula } from "../../src/core/freeze";
import * as JX from "../../src/functions/functions";
import { ZipArchive } from "../../src/xlsx";
import { runCli } from "../cli/helpers";
import { sheetsAsCsv, freshProfile } from "../cli/libreoffice";
import { SOFFICE, tmp, withLibreOffice } from "./support";

type Cell = [address: string, formula: string, result: number | string];

/** Each JX call as a user types it, and the value the function returns for it (computed by src/functions itself). */
const CELLS: Cell[] = [
  ["C1", "JX.EXECRATE(A1,B1)", JX.EXECRATE(543.69, 553.4) as number],
  ["D1", 'JX.EXECRATE(A1,B1,"round")', JX.EXECRATE(543.69, 553.4, "round") as number],
  ["E1", "JX.FUNDSCORE(A1,B1,10)", JX.FUNDSCORE(543.69, 553.4, 10) as number],
  ["F1", 'JX.执行率得分(A1,B1,20,"四舍五入")', JX.FUNDSCORE(543.69, 553.4, 20, "四舍五入") as number],
  ["G1", "JX.FUNDSCORE(49.85,58)", JX.FUNDSCORE(49.85, 58) as number],
  ["D2", "JX.INDSCORE(A2,B2,C2)", JX.INDSCORE("≤27.40(万元)", 30, 20) as number],
  ["E2", 'JX.INDSCORE("≥90.00(%)","85.00(%)",10)', JX.INDSCORE("≥90.00(%)", "85.00(%)", 10) as number],
  ["F2", '_xldudf_JX_INDSCORE(A2,B2,C2,"linear")', JX.INDSCORE("≤27.40(万元)", 30, 20, "linear") as number],
  ["G2", 'JX.指标得分("=12.00(次)",A4,10)', JX.INDSCORE("=12.00(次)", 9, 10) as number],
  ["A3", "JX.TOTALSCORE(E1,D2:E2)", JX.TOTALSCORE(9.82, [[18.27, 9.44]]) as number],
  ["B3", "JX.PERFGRADE(A3)", JX.PERFGRADE(37.53) as string],
  ["C3", 'JX.QUALSCORE("未达成指标且效果较差",10)', JX.QUALSCORE("未达成指标且效果较差", 10) as number],
  ["D3", 'JX.CHECKTARGET("≥0.00(个)")', JX.CHECKTARGET("≥0.00(个)") as string],
  ["E3", 'IF(A1>0,JX.PERFGRADE(85),"")', JX.PERFGRADE(85) as string],
  ["F3", "JX.评分等级(JX.TOTALSCORE(60,D2:E2))", JX.PERFGRADE(JX.TOTALSCORE(60, [[18.27, 9.44]])) as string],
  ["G3", 'JX.INDSCORE("提升",A5,10)', JX.INDSCORE("提升", "提升", 10) as number],
];
const VALUES_KEPT = ["C3", "D3", "G3"];

async function jxWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表1");
  ws.getCell("A1").value = 543.69;
  ws.getCell("B1").value = 553.4;
  ws.getCell("A2").value = "≤27.40(万元)";
  ws.getCell("B2").value = 30;
  ws.getCell("C2").value = 20;
  ws.getCell("A4").value = 9;
  ws.getCell("A5").value = "提升";
  for (const [address, formula, result] of CELLS) ws.getCell(address).value = { formula, result } as ExcelJS.CellFormulaValue;
  const other = wb.addWorksheet("其他");
  other.getCell("A1").value = 1;
  other.getCell("A2").value = { formula: "SUM(A1,2)", result: 3 } as ExcelJS.CellFormulaValue;
  await wb.xlsx.writeFile(file);
}

test("the pure rewrite: native where one exists, else the reason", () => {
  const ctx = { valueAt: (ref: string) => ({ A2: "≤27.40(万元)", A5: "提升" })[ref] };
  expect(freezeFormula("=SUM(A1:A3)", ctx)).toBeNull();
  expect(freezeFormula('="JX.EXECRATE(A1,B1)"', ctx)).toBeNull(); // a string that mentions JX calls nothing
  expect(freezeFormula("=JX.EXECRATE(A1,B1)", ctx)).toEqual({ kind: "native", formula: "=(ROUNDDOWN(ROUND(A1*100,0)*10000/ROUND(B1*100,0),0)/100)" });
  expect(freezeFormula('=JX.EXECRATE(A1,B1,C1)', ctx)).toMatchObject({ kind: "value" }); // a rounding known only at run time
  expect(freezeFormula('=JX.INDSCORE("提升",A5,10)', ctx)).toMatchObject({ kind: "value", reason: expect.stringContaining("不是数值指标") });
  expect(freezeFormula("=JX.DEVNOTE(A1,B1,10,5)", ctx)).toMatchObject({ kind: "value" });
  expect(freezeFormula("=JX.NOSUCH(1)", ctx)).toMatchObject({ kind: "value" });
});

withLibreOffice("freeze, recalculated by LibreOffice", () => {
  let dir: string;
  let input: string;
  let output: string;
  let stdout: string;
  beforeAll(async () => {
    dir = await tmp("selfeval-freeze-");
    input = path.join(dir, "jx.xlsx");
    output = path.join(dir, "frozen.xlsx");
    await jxWorkbook(input);
    const run = await runCli(["freeze", input, "-o", output]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    stdout = run.stdout;
  });

  test("LibreOffice shows the values the JX functions return, and no JX is left", async () => {
    const sheets = await sheetsAsCsv(SOFFICE!, await freshProfile(path.join(dir, "profile")), output, path.join(dir, "csv"));
    const rows = sheets.get("表1")!;
    for (const [address, , result] of CELLS) {
      const col = address.charCodeAt(0) - 65;
      const row = Number(address.slice(1)) - 1;
      const shown = rows[row][col];
      expect([address, typeof result === "number" ? Number(shown) : shown]).toEqual([address, result]);
    }
    const zip = new ZipArchive(new Uint8Array(await fs.readFile(output)));
    const sheetXml = await import("zlib").then((z) => z.inflateRawSync(zip.raw(zip.get("xl/worksheets/sheet1.xml")!)).toString("utf8"));
    expect(sheetXml).not.toMatch(/JX|xldudf/i);
    expect(sheetXml).toMatch(/<f>\(ROUNDDOWN\(ROUND\(A1\*100,0\)/);
  });

  test("every other part is byte-identical; the report lists each cell and what it became", async () => {
    const a = new ZipArchive(new Uint8Array(await fs.readFile(input)));
    const b = new ZipArchive(new Uint8Array(await fs.readFile(output)));
    expect(b.entries.map((e) => e.name)).toEqual(a.entries.map((e) => e.name));
    const changed = a.entries.filter((e) => Buffer.compare(Buffer.from(a.raw(e)), Buffer.from(b.raw(b.get(e.name)!))) !== 0).map((e) => e.name);
    // The one sheet with JX cells; values kept in place of formulas drop calcChain if there were one (ExcelJS writes none).
    expect(changed).toEqual(["xl/worksheets/sheet1.xml"]);
    for (const [address] of CELLS) expect(stdout).toContain(`表1!${address}`);
    expect(stdout).toMatch(new RegExp(`${CELLS.length} 个单元格（${CELLS.length - VALUES_KEPT.length} 个改为 Excel 内置公式，${VALUES_KEPT.length} 个改为数值）`));
  });

  test("refuses to write over its input", async () => {
    const run = await runCli(["freeze", input, "-o", input]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/就是输入文件/);
  });
});
