/**
 * The corpus of real published forms (test/fixtures/real/*.json): each transcribed from one public page, in its own
 * template's layout, with the figures it prints, what it should compute, and its real slips.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { type CellValue, type Grid, type MergedArea, parseA1 } from "../../src/core/grid";
import type { ProfileId } from "../../src/core";

export const REAL_DIR = join(__dirname, "..", "fixtures", "real");
export const SHEET = "表1";

export interface RealForm {
  id: string;
  source: string;
  publisher: string;
  province: string;
  year: number;
  template: string;
  profile: ProfileId;
  amountUnit: "万元" | "元";
  grid: CellValue[][];
  merges: string[];
  formats?: Record<string, string>;
  invented: { cells: string[]; why: string }[];
  /** The search excerpt ends at this 1-based row: what lies below it was not seen (findings there are not judged). */
  truncated?: { afterRow: number; why: string };
  printed: Record<string, unknown>;
  /** What the reader must read, as printed (rates in percent points; null where the form leaves the cell blank). */
  read: {
    project: string | null;
    rate: number | null;
    fundingScore: number | null;
    total: number | null;
    grade: string | null;
    weights: (number | null)[];
    scores: (number | null)[];
  };
  /** What the form should compute (null where the excerpt does not allow it). */
  expected: { rate: number | null; fundScore: number | null; total: number | null; grade: string | null };
  /** The published form's real mistakes, each a finding the engine must raise at that cell. */
  slips: { rule: string; cell: string; what: string }[];
  notes: string;
}

export function loadRealForms(): RealForm[] {
  return readdirSync(REAL_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(REAL_DIR, f), "utf8")) as RealForm);
}

function rangeOf(a1: string): MergedArea {
  const [from, to] = a1.split(":");
  const a = parseA1(from)!;
  const b = parseA1(to ?? from)!;
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** The form as an in-memory grid (what Office.js or the preview hands the engine). */
export function realGrid(form: RealForm): Grid {
  const formats = form.grid.map((row, r) => row.map((_, c) => form.formats?.[`${columnOf(c)}${r + 1}`] ?? null));
  return { sheet: SHEET, top: 0, left: 0, values: form.grid, formats, merges: form.merges.map(rangeOf) };
}

function columnOf(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The form rebuilt as a real .xlsx in its own layout (merges, number formats), as ExcelJS writes it. */
export async function realWorkbook(form: RealForm): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  form.grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v;
      const fmt = form.formats?.[`${columnOf(c)}${r + 1}`];
      if (fmt) cell.numFmt = fmt;
    }),
  );
  for (const m of form.merges) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Whether a cell (`E12`) was completed by the transcriber or lies below the excerpt's end. */
export function unseen(form: RealForm, cell: string): boolean {
  if (form.invented.some((i) => i.cells.includes(cell))) return true;
  const pos = parseA1(cell);
  return form.truncated !== undefined && pos !== null && pos.row + 1 > form.truncated.afterRow;
}
