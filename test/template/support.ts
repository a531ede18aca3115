/** Seed forms as template inputs, and LibreOffice as the calculator of generated workbooks. */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { nodeCodec } from "../../src/cli/codec";
import type { Grid } from "../../src/core";
import type { TemplateOptions, TemplateSheet } from "../../src/core/template";
import { readGrids } from "../../src/xlsx";
import { templateWorkbook } from "../../src/xlsx/create";
import type { SeedForm } from "../support/seed";
import { convert, findSoffice, freshProfile } from "../cli/libreoffice";

export const SOFFICE = findSoffice();
if (!SOFFICE && !process.env.CI) console.warn("soffice not found: LibreOffice template tests skipped (apt-get install -y --no-install-recommends libreoffice-calc)");
export const withLibreOffice = SOFFICE || process.env.CI ? describe : describe.skip;

/** Everything a person types into a blank form, from a seed form: header, amounts, targets, actuals, weights, notes. */
export function seedInputs(f: SeedForm, sheetName: string): TemplateOptions {
  return {
    sheetName,
    year: f.year,
    project: f.project,
    department: f.department,
    unit: f.unit,
    goalExpected: f.goalExpected,
    goalActual: f.goalActual,
    funding: f.funding.map((r) => ({ initial: r[1], budget: r[2], executed: r[3] })),
    indicators: f.indicators.map((i) => ({ level1: i[0], level2: i[1], name: i[2], target: i[3], actual: i[4], weight: i[5], note: i[7] })),
  };
}

export async function tmp(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * Writes the sheets as one workbook, lets LibreOffice open it (recalculating every formula) and save it as .xlsx,
 * and reads the saved values back with the project's reader: what a person sees after opening the template.
 */
export async function recalculated(dir: string, name: string, sheets: readonly TemplateSheet[]): Promise<Grid[]> {
  if (!SOFFICE) throw new Error("CI is set but soffice is not installed: install libreoffice-calc before the tests");
  const profile = await freshProfile(path.join(dir, "profile"));
  const file = path.join(dir, `${name}.xlsx`);
  await fs.writeFile(file, templateWorkbook(sheets, nodeCodec));
  const outDir = path.join(dir, `${name}-lo`);
  await fs.mkdir(outDir, { recursive: true });
  const out = await convert(SOFFICE, profile, file, "xlsx:Calc MS Excel 2007 XML", outDir);
  return readGrids(new Uint8Array(await fs.readFile(out)));
}

/** A cell's value on a grid, by 0-based position. */
export function at(grid: Grid, pos: { row: number; col: number }): unknown {
  return grid.values[pos.row - grid.top]?.[pos.col - grid.left] ?? null;
}
