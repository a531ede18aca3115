/**
 * A real second reader: what `fill` wrote opens in LibreOffice (headless, recalculating on load) and converts to
 * CSV with the same values. Skipped with a warning where soffice is missing, but required when CI is set.
 */
import path from "path";
import ExcelJS from "exceljs";
import { workbookToGrids } from "../support/exceljs";
import { type FormCells, parseCellRef, seedForms } from "../support/seedWorkbook";
import { cleanup, expectCleanStderr, checkJson, runCli, tmpDir, writeSeed } from "./helpers";
import { convert, findSoffice, freshProfile, sheetsAsCsv } from "./libreoffice";

const SOFFICE = findSoffice();
const SEED = seedForms();
if (!SOFFICE && !process.env.CI) console.warn("soffice not found: LibreOffice tests skipped (apt-get install -y --no-install-recommends libreoffice-calc)");
const suite = SOFFICE || process.env.CI ? describe : describe.skip;

suite("LibreOffice reads what fill wrote", () => {
  let dir: string;
  let profile: string;
  beforeAll(async () => {
    if (!SOFFICE) throw new Error("CI is set but soffice is not installed: install libreoffice-calc before the tests");
    dir = await tmpDir("selfeval-lo-");
    profile = await freshProfile(path.join(dir, "profile"));
  });
  afterAll(() => cleanup(dir));

  /** Fills a blanked seed workbook and converts the result; returns LibreOffice's text of each cell. */
  async function fillAndConvert(name: string, options: Parameters<typeof writeSeed>[2]) {
    const { file, cells } = await writeSeed(dir, `${name}.xlsx`, { ...options, blankComputed: true });
    const output = path.join(dir, `${name}-filled.xlsx`);
    const run = await runCli(["fill", file, "-o", output]);
    expect(run.code).toBe(0);
    const t = Date.now();
    const sheets = await sheetsAsCsv(SOFFICE!, profile, output, path.join(dir, `${name}-csv`));
    console.log(`LibreOffice: ${path.basename(output)} → ${sheets.size} CSV files in ${Date.now() - t} ms`);
    const text = (ref: string) => {
      const { sheet, row, col } = parseCellRef(ref);
      return sheets.get(sheet)?.[row]?.[col] ?? "";
    };
    return { output, cells, sheets, text, stdout: run.stdout };
  }

  test("the seed's printed figures, as LibreOffice shows them (seed form 4: the documented difference)", async () => {
    const { text, cells } = await fillAndConvert("shanghai", { extraSheet: true });
    const two = (n: number) => n.toFixed(2);
    cells.forEach((c: FormCells, i) => {
      const f = SEED[i];
      expect(c.funding.map((r) => text(r.rateCell))).toEqual(f.funding.map((r) => two(r[5] as number)));
      expect(text(c.fundingScoreCell)).toBe(two(f.funding[0][6] as number));
      const scores = c.indicators.map((x) => text(x.scoreCell));
      if (i === 3) {
        // 平均成本: staff judged 5 of 10; the formula gives 0, so the filled total is 75 (中), not the printed 80 (良).
        expect(scores).toEqual(f.indicators.map((x, k) => (k === 0 ? "0.00" : two(x[6] as number))));
        expect([text(c.totalCell), text(c.gradeCell)]).toEqual(["75.00", "中"]);
      } else {
        expect(scores).toEqual(f.indicators.map((x) => two(x[6] as number)));
        expect([text(c.totalCell), text(c.gradeCell)]).toEqual([two(f.total as number), f.grade]);
      }
    });
  });

  test("every cell of every sheet reads the same in LibreOffice as through ExcelJS and src/xlsx", async () => {
    const { output, sheets } = await fillAndConvert("every-cell", { forms: [1, 3], extraSheet: true, amountUnit: "元" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const grids = workbookToGrids(wb);
    expect([...sheets.keys()].sort()).toEqual(grids.map((g) => g.sheet).sort());
    for (const g of grids) {
      const csv = sheets.get(g.sheet)!;
      const rows = Math.max(csv.length, g.top + g.values.length);
      const mismatches: string[] = [];
      let shown = 0;
      for (let r = 0; r < rows; r++) {
        const width = Math.max(csv[r]?.length ?? 0, g.left + (g.text?.[r - g.top]?.length ?? 0));
        for (let c = 0; c < width; c++) {
          const ours = g.text?.[r - g.top]?.[c - g.left] ?? "";
          const theirs = csv[r]?.[c] ?? "";
          if (theirs !== "") shown++;
          if (ours !== theirs) mismatches.push(`${g.sheet} r${r + 1}c${c + 1}: ${JSON.stringify(ours)} ≠ ${JSON.stringify(theirs)}`);
        }
      }
      expect(mismatches).toEqual([]);
      expect(shown).toBeGreaterThan(g.sheet === "其他数据" ? 10 : 100);
    }
  });

  test("a rate filled as a fraction shows as a percentage", async () => {
    const { text, cells } = await fillAndConvert("fraction", { forms: [0, 1], layout: "ministry", stacked: true, rateAs: "fraction" });
    expect(cells.map((c) => text(c.rateCell))).toEqual(["98.24%", "85.94%"]);
  });

  test("a real .xls written by LibreOffice is refused with the .xls message", async () => {
    const { file } = await writeSeed(dir, "for-xls.xlsx", { forms: [0] });
    const xls = await convert(SOFFICE!, profile, file, "xls", path.join(dir, "xls"));
    const run = await checkJson([xls]);
    expect(run.code).toBe(2);
    expect(run.report.files[0].error!.code).toBe("xls");
    expectCleanStderr(run.stderr);
  });
});
