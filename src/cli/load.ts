/**
 * Reads one .xlsx into ExcelJS within stated bounds: the file's size is checked by stat before a byte is read,
 * its format by magic bytes, its archive by `inspectXlsx`; only then does ExcelJS parse it.
 */
import fs from "fs";
import ExcelJS from "exceljs";
import { withFastMerges } from "../xlsx";
import { FileError, MB, mb, oneLine } from "./errors";
import { sniff } from "./sniff";
import { inspectXlsx, sheetTooLarge } from "./zip";

export interface Limits {
  /** File size, bytes (`--max-size`). */
  maxBytes: number;
  /** All ZIP entries inflated together, bytes. */
  maxUnpacked: number;
  /** Rows × columns a sheet may span. */
  maxCells: number;
}

export const DEFAULT_MAX_MB = 20;
/** ExcelJS holds a loaded workbook in about 10–12× its unpacked XML (measured), so 4× the file bound caps a load near 1 GB. */
const UNPACKED_FACTOR = 4;
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
 * The file's bytes, refused by size (fstat of the open file) before any is read. Synchronous on purpose: files are
 * checked one at a time, and each async hop through the thread pool costs more than the read of a small file.
 */
function readBounded(file: string, limits: Limits): Buffer {
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

export async function loadWorkbook(file: string, limits: Limits): Promise<ExcelJS.Workbook> {
  const buf = readBounded(file, limits);
  sniff(buf);
  inspectXlsx(buf, limits);
  const wb = new ExcelJS.Workbook();
  try {
    await withFastMerges(wb, () => wb.xlsx.load(buf as unknown as ArrayBuffer));
  } catch (e) {
    throw new FileError("corrupt", `文件已损坏，无法作为 .xlsx 读取：${oneLine(e)}`);
  }
  // A sheet may hold real cells far apart without declaring it; the same bound applies.
  wb.eachSheet((ws) => {
    const rows = ws.rowCount;
    const cols = rows > 0 ? ws.columnCount : 0;
    if (rows * cols > limits.maxCells) throw sheetTooLarge(`“${ws.name}”的已用范围为 ${rows} 行 × ${cols} 列`, limits.maxCells);
  });
  return wb;
}
