/**
 * .xlsx bytes to grids in the browser. ExcelJS is large (~900 KB minified), so it is loaded on demand as its own
 * chunk: only the preview page ever fetches it, and the task pane renders before it arrives.
 */
import type { Grid } from "../core/grid";
import { withFastMerges, workbookToGrids } from "../xlsx";

export async function gridsFromXlsx(data: ArrayBuffer): Promise<Grid[]> {
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const wb = new ExcelJS.Workbook();
  await withFastMerges(wb, () => wb.xlsx.load(data));
  return workbookToGrids(wb);
}

/** The sample bundled with the preview (examples/sample.xlsx, copied next to preview.html by webpack). */
export const SAMPLE_URL = "sample.xlsx";
