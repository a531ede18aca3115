/** Sheets of many forms for the adapter tests, built fast: five seed forms laid out once, then repeated. */
import type { Grid } from "../../../src/core/grid";
import { worksheetToGrid } from "../../support/exceljs";
import { buildSeedWorkbook, type SeedWorkbookOptions } from "../../support/seedWorkbook";

/** The five seed forms stacked on one sheet (real .xlsx layout: formats, merges), as a grid. */
export function fiveForms(options: SeedWorkbookOptions = {}): Grid {
  const { workbook } = buildSeedWorkbook({ stacked: true, sheetName: "自评表", ...options });
  return worksheetToGrid(workbook.worksheets[0]);
}

/** `grid` repeated `times` times downwards with two blank rows between copies (as stacked forms are). */
export function repeatGrid(grid: Grid, times: number): Grid {
  const height = grid.values.length + 2;
  const out: Grid = { sheet: grid.sheet, top: grid.top, left: grid.left, values: [], text: [], formats: [], formulas: [], merges: [] };
  const width = Math.max(...grid.values.map((r) => r.length));
  const blank = () => new Array(width).fill(null);
  for (let k = 0; k < times; k++) {
    if (k > 0) {
      for (let i = 0; i < 2; i++) {
        out.values.push(blank());
        out.text!.push(blank());
        out.formats!.push(blank());
        out.formulas!.push(blank());
      }
    }
    grid.values.forEach((row, r) => {
      out.values.push([...row]);
      out.text!.push([...(grid.text?.[r] ?? [])]);
      out.formats!.push([...(grid.formats?.[r] ?? [])]);
      out.formulas!.push([...(grid.formulas?.[r] ?? [])]);
    });
    for (const m of grid.merges) out.merges.push({ top: m.top + k * height, left: m.left, bottom: m.bottom + k * height, right: m.right });
  }
  return out;
}

/** A sheet of `n` forms (n a multiple of 5). */
export function formsSheet(n: number, options: SeedWorkbookOptions = {}): Grid {
  return repeatGrid(fiveForms(options), n / 5);
}
