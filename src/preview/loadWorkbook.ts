/**
 * .xlsx bytes to grids in the browser. ExcelJS is large (~900 KB minified), so it is loaded on demand as its own
 * chunk: only the preview page ever fetches it, and the task pane renders before it arrives.
 */
import type { Workbook } from "exceljs";
import type { Grid } from "../core/grid";
import { workbookToGrids } from "../xlsx";

interface Dimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
type MergeFn = (this: SheetInternals, d: Dimensions, ignoreStyle?: boolean) => void;
interface SheetInternals {
  _merges: Record<string, unknown>;
  __mergeRows?: Map<number, Dimensions[]>;
}

/**
 * ExcelJS registers each merged area of a loaded sheet by checking it against every area registered before
 * (quadratic: a sheet of 1,000 stacked forms, 17,800 areas, takes ~25 s). While a workbook loads, the check goes
 * through a row index instead; the registration itself is still ExcelJS's own.
 */
async function withFastMerges<T>(wb: Workbook, load: () => Promise<T>): Promise<T> {
  const probe = wb.addWorksheet("__probe__");
  const proto = Object.getPrototypeOf(probe) as { _mergeCellsInternal?: MergeFn };
  wb.removeWorksheet(probe.id);
  const original = proto._mergeCellsInternal;
  if (typeof original !== "function") return load();
  proto._mergeCellsInternal = function (d, ignoreStyle) {
    const rows = (this.__mergeRows ??= new Map());
    for (let r = d.top; r <= d.bottom; r++) {
      for (const m of rows.get(r) ?? []) {
        if (m.left <= d.right && m.right >= d.left) throw new Error("Cannot merge already merged cells");
      }
    }
    const all = this._merges;
    this._merges = {};
    try {
      original.call(this, d, ignoreStyle);
    } finally {
      this._merges = Object.assign(all, this._merges);
    }
    const area = { top: d.top, left: d.left, bottom: d.bottom, right: d.right };
    for (let r = d.top; r <= d.bottom; r++) {
      const list = rows.get(r);
      if (list) list.push(area);
      else rows.set(r, [area]);
    }
  };
  try {
    return await load();
  } finally {
    proto._mergeCellsInternal = original;
  }
}

export async function gridsFromXlsx(data: ArrayBuffer): Promise<Grid[]> {
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const wb = new ExcelJS.Workbook();
  await withFastMerges(wb, () => wb.xlsx.load(data));
  return workbookToGrids(wb);
}

/** The sample bundled with the preview (examples/sample.xlsx, copied next to preview.html by webpack). */
export const SAMPLE_URL = "sample.xlsx";
