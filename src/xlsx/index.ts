export { worksheetToGrid, workbookToGrids, worksheetMerges } from "./toGrid";
export { applyWrites } from "./applyWrites";
export type { CellWrite } from "./applyWrites";
export { fixed, formatNumber } from "./displayText";
export { withFastMerges } from "./fastMerges";
