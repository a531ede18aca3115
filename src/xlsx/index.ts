export { fixed, formatNumber } from "../core/display/displayText";
export { XlsxError, type XlsxErrorCode } from "./errors";
export { ZipArchive, type Inflate, type ZipEntry } from "./zip";
export { inflateWeb } from "./inflate";
export { openWorkbook, readGrids, DEFAULT_WINDOW_CELLS, DEFAULT_MAX_INFLATED, DEFAULT_MAX_CELLS, type OpenWorkbook, type ReadOptions, type SheetEntry, type Window } from "./read";
export { patchWorkbook, type PatchResult, type PatchWrite } from "./patch";
export type { ZipCodec } from "./zipWrite";
