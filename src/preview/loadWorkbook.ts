/**
 * .xlsx bytes to grids in the browser, through the same streaming reader as the CLI (src/xlsx/read), inflating with
 * the browser's own DecompressionStream: the preview bundle carries no zip or workbook library.
 */
import type { Grid } from "../core/grid";
import { readGrids } from "../xlsx";

/** Whole sheets (the preview renders them), under the CLI's default bounds. */
export async function gridsFromXlsx(data: ArrayBuffer): Promise<Grid[]> {
  return readGrids(new Uint8Array(data));
}

/** The sample bundled with the preview (examples/sample.xlsx, copied next to preview.html by webpack). */
export const SAMPLE_URL = "sample.xlsx";
