/**
 * Every form of a workbook through the core, sheet by sheet as the reader streams them. A sheet handed over in
 * windows (src/xlsx/read/sheet.ts) is analysed window by window: a form starting in a window's last rows is left to
 * the next window, which holds it whole, and a form overlapping one already taken is the same form seen again. A
 * form starting above the shared rows and reaching into them may be cut by the window's end, however tall it is:
 * it is left, and the next window starts at its top.
 */
import { analyzeGrid, type AnalyzeOptions, type FormReport } from "../core";
import type { OpenWorkbook } from "../xlsx";
import { asFileError } from "./load";

type Range = FormReport["scored"]["form"]["range"];
const overlaps = (a: Range, b: Range) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

export interface WorkbookAnalysis {
  forms: FormReport[];
  /** Sheets the core could not finish (their forms read before the failure are kept). */
  sheetErrors: string[];
}

export async function analyzeWorkbook(wb: OpenWorkbook, options: AnalyzeOptions): Promise<WorkbookAnalysis> {
  const forms: FormReport[] = [];
  const sheetErrors: string[] = [];
  try {
    for (const sheet of wb.parts.sheets) {
      const taken: Range[] = [];
      await wb.readSheet(sheet, (grid, window) => {
        const analysis = analyzeGrid(grid, options);
        if (analysis.error) sheetErrors.push(analysis.error);
        let need: number | undefined;
        for (const f of analysis.forms) {
          const range = f.scored.form.range;
          if (window && range.top >= window.deferFrom) continue;
          if (window && taken.some((t) => overlaps(t, range))) continue;
          // Into the rows the next window shares: it may go on past this window's end, so it is read there whole.
          if (window && range.top >= window.carryFrom && range.bottom >= window.deferFrom) {
            need = Math.min(need ?? Infinity, range.top);
            continue;
          }
          taken.push(range);
          forms.push(f);
        }
        return need === undefined ? undefined : { rereadFrom: need };
      });
    }
  } catch (e) {
    throw asFileError(e);
  }
  return { forms, sheetErrors };
}
