/** Writing new workbooks (templates) and formula edits to existing ones (freeze). */
export { templateWorkbook, checkSheetName } from "./workbook";
export { patchFormulas, type FormulaWrite } from "./patchFormulas";
