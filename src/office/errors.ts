/** Office.js errors as the pane words them (zh-CN): one message per error code the adapter can meet. */

/** Office.js error code, when the error is one. */
export function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Where in the batch the error happened (`Range.getMergedAreasOrNullObject`), when Office.js says. */
export function locationOf(e: unknown): string {
  const loc = (e as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  return typeof loc === "string" ? loc : "";
}

/** Codes that say what went wrong with something other than a merged-areas query. */
const KNOWN = new Set([
  "InvalidOperationInCellEditMode",
  "AccessDenied",
  "ItemNotFound",
  "UndoNotSupported",
  "ResponsePayloadSizeLimitExceeded",
  "RequestPayloadSizeLimitExceeded",
]);

/**
 * Whether a failed read batch may have failed on a merged-areas query above 512 areas. Office.js does not name the
 * command that failed (at most its kind, in debugInfo.errorLocation), so any other failure of a batch that queried
 * merges qualifies, unless the location names another call.
 */
export function mayBeMergeLimit(e: unknown): boolean {
  const code = codeOf(e);
  if (code !== undefined && KNOWN.has(code)) return false;
  const where = locationOf(e);
  return where === "" || /merged/i.test(where);
}

export function messageOf(e: unknown, action: string): string {
  switch (codeOf(e)) {
    case "InvalidOperationInCellEditMode":
      return `Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再${action}。未做任何更改。`;
    case "AccessDenied":
      return `工作表受保护或当前无编辑权限：请先撤销工作表保护，再${action}。`;
    case "ItemNotFound":
      return `找不到工作表（可能已被删除或改名）：请重新校验后再${action}。`;
    case "UndoNotSupported":
      return `Excel 无法把本次操作合并为一步撤销：未做任何更改。`;
    default:
      return `${action}失败：${e instanceof Error ? e.message : String(e)}`;
  }
}
