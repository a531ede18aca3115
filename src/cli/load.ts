/**
 * Opens one .xlsx within stated bounds: the file's size is checked by fstat before a byte is read, its format by
 * magic bytes, then the streaming reader (src/xlsx/read) takes it, capping the bytes it inflates.
 */
import fs from "fs";
import { openWorkbook, type OpenWorkbook, XlsxError } from "../xlsx";
import { FileError, MB, mb, oneLine } from "./errors";
import { inflateNode } from "./inflate";
import { sniff } from "./sniff";

export interface Limits {
  /** File size, bytes (`--max-size`). */
  maxBytes: number;
  /** Bytes the parts read may inflate to, together. */
  maxUnpacked: number;
  /** Rows × columns a sheet may span. */
  maxCells: number;
}

/**
 * Inflated XML is streamed, never held whole, so its size costs time, not memory (~25 ms per MB parsed here).
 * 32 × the file bound (640 MB by default) admits any real workbook (the 14 MB form + 1,000,000-row bench file
 * inflates to ~12×) and still stops a zip bomb within seconds.
 */
export const UNPACKED_FACTOR = 32;
const MAX_CELLS = 10_000_000;

export function limitsFor(maxMb: number): Limits {
  const maxBytes = Math.floor(maxMb * MB);
  return { maxBytes, maxUnpacked: maxBytes * UNPACKED_FACTOR, maxCells: MAX_CELLS };
}

function ioError(e: unknown): FileError {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return new FileError("not-found", "找不到该文件");
  if (code === "EACCES" || code === "EPERM") return new FileError("unreadable", "没有读取该文件的权限");
  if (code === "EISDIR") return new FileError("unreadable", "这是一个文件夹，不是文件");
  return new FileError("unreadable", `无法读取该文件（${code ?? oneLine(e)}）`);
}

/**
 * The file's bytes, refused by size (fstat of the open file) before any is read. Synchronous on purpose: each
 * async hop through the thread pool costs more than the read of a small file.
 */
export function readBounded(file: string, limits: Limits): Buffer {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, "r");
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (st.size > limits.maxBytes) {
      throw new FileError("too-large", `文件大小 ${mb(st.size)} 超过上限 ${mb(limits.maxBytes)}（可用 --max-size 调整），未读取`);
    }
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    while (n < st.size) {
      const read = fs.readSync(fd, buf, n, st.size - n, n);
      if (read === 0) break; // shrank while being read
      n += read;
    }
    return n === st.size ? buf : buf.subarray(0, n);
  } catch (e) {
    throw e instanceof FileError ? e : ioError(e);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Any failure of the reader as the CLI's FileError (one line, a stable code). */
export function asFileError(e: unknown): FileError {
  if (e instanceof FileError) return e;
  if (e instanceof XlsxError) return new FileError(e.code, e.message);
  return new FileError("corrupt", `文件已损坏，无法作为 .xlsx 读取：${oneLine(e)}`);
}

export interface Loaded {
  bytes: Buffer;
  workbook: OpenWorkbook;
}

export async function loadWorkbook(file: string, limits: Limits): Promise<Loaded> {
  const bytes = readBounded(file, limits);
  sniff(bytes);
  try {
    const workbook = await openWorkbook(bytes, { inflate: inflateNode, maxInflated: limits.maxUnpacked, maxCells: limits.maxCells });
    return { bytes, workbook };
  } catch (e) {
    throw asFileError(e);
  }
}
