/** Errors the CLI reports as one zh-CN line: never a stack trace. */

/** Stable codes of a file that could not be checked (part of the JSON contract's `error.code`). */
export type FileErrorCode =
  | "not-found"
  | "unreadable"
  | "no-xlsx"
  | "too-large"
  | "not-xlsx"
  | "xls"
  | "encrypted"
  | "truncated"
  | "corrupt"
  | "unpacked-too-large"
  | "sheet-too-large"
  | "sheet-unreadable"
  | "read-failed";

export class FileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Bad usage: exit 2 with the message. */
export class UsageError extends Error {}

/** One line of anything thrown: the first line of its message, never a stack. */
export function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const line = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "未知错误";
  return line.length > 200 ? line.slice(0, 200) + "…" : line.trim();
}

export const MB = 2 ** 20;

export function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}
