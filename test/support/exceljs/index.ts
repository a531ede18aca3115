/**
 * ExcelJS ⇄ grid, for tests only: fixtures are built with ExcelJS (a second producer beside our own writer) and
 * read back through this adapter to compare with the streaming reader. The product reads with src/xlsx/read.
 */
export { worksheetToGrid, workbookToGrids, worksheetMerges } from "./toGrid";
export { applyWrites } from "./applyWrites";
export type { CellWrite } from "./applyWrites";
export { withFastMerges } from "./fastMerges";
