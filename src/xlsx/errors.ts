/**
 * Why a workbook could not be read, as one zh-CN line with a stable code. Defined here, not in src/cli, because the
 * preview reads workbooks through the same code and shows the same message; the CLI keeps the code in its report.
 */
export type XlsxErrorCode = "not-xlsx" | "truncated" | "corrupt" | "unpacked-too-large" | "sheet-too-large";

export class XlsxError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const truncated = () => new XlsxError("truncated", "文件不完整（ZIP 目录缺失或数据被截断），可能是下载或复制未完成，请重新获取该文件");
export const corrupt = (why: string) => new XlsxError("corrupt", `文件已损坏，无法作为 .xlsx 读取：${why}`);

export const MB = 2 ** 20;
export const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

export function sheetTooLarge(what: string, maxCells: number): XlsxError {
  const limit = maxCells >= 1e4 ? `${maxCells / 1e4} 万` : String(maxCells);
  return new XlsxError("sheet-too-large", `工作表${what}，超出 ${limit}个单元格的上限，可能已损坏；请在 Excel 中删除多余的行列后另存`);
}
