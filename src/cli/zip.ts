/**
 * Looks inside an .xlsx (a ZIP) before ExcelJS does, so that hostile files fail fast and in bounded memory:
 * a truncated archive, a zip bomb (every entry is inflated here with a hard output cap, since declared sizes can
 * lie), something that is a ZIP but not a workbook, and a sheet whose <dimension> claims an absurd range.
 */
import zlib from "zlib";
import { parseA1 } from "../core/grid";
import { FileError, mb } from "./errors";

export interface ZipLimits {
  /** Bytes all entries may inflate to, together. */
  maxUnpacked: number;
  /** Cells a sheet may span (rows × columns), declared or real. */
  maxCells: number;
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const truncated = () => new FileError("truncated", "文件不完整（ZIP 目录缺失或数据被截断），可能是下载或复制未完成，请重新获取该文件");
const corrupt = (why: string) => new FileError("corrupt", `文件已损坏，无法作为 .xlsx 读取：${why}`);

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function entries(buf: Buffer): Entry[] {
  const eocd = findEocd(buf);
  if (eocd < 0) throw truncated();
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if ((offset === 0xffffffff || count === 0xffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const z = Number(buf.readBigUInt64LE(eocd - 12));
    if (z + 56 > buf.length) throw truncated();
    count = Number(buf.readBigUInt64LE(z + 32));
    offset = Number(buf.readBigUInt64LE(z + 48));
  }
  const out: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length) throw truncated();
    if (buf.readUInt32LE(p) !== CENTRAL) throw corrupt("ZIP 中央目录格式错误");
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const entry: Entry = {
      name: buf.toString("utf8", p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      localOffset: buf.readUInt32LE(p + 42),
    };
    zip64Fields(buf, p + 46 + nameLen, extraLen, entry, buf.readUInt32LE(p + 24));
    out.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The ZIP64 extra field holds, in order, only the fields whose 32-bit slot is 0xFFFFFFFF. */
function zip64Fields(buf: Buffer, start: number, len: number, e: Entry, uncompressed: number): void {
  for (let q = start; q + 4 <= start + len; q += 4 + buf.readUInt16LE(q + 2)) {
    if (buf.readUInt16LE(q) !== 1) continue;
    const end = q + 4 + buf.readUInt16LE(q + 2);
    let r = q + 4 + (uncompressed === 0xffffffff ? 8 : 0);
    const next = () => (r + 8 <= end ? Number(buf.readBigUInt64LE((r += 8) - 8)) : null);
    if (e.compressedSize === 0xffffffff) e.compressedSize = next() ?? e.compressedSize;
    if (e.localOffset === 0xffffffff) e.localOffset = next() ?? e.localOffset;
  }
}

/** An entry's bytes, inflated with an output cap; `head` inflates only that many compressed bytes (a prefix). */
function inflate(buf: Buffer, e: Entry, cap: number, tooBig: () => FileError, head = Infinity): Buffer {
  const h = e.localOffset;
  if (h + 30 > buf.length) throw truncated();
  if (buf.readUInt32LE(h) !== LOCAL) throw corrupt(`条目 ${e.name} 的头部错误`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw truncated();
  const partial = head < e.compressedSize;
  const data = buf.subarray(start, partial ? start + head : end);
  if (e.method === 0) {
    if (data.length > cap) throw tooBig();
    return data;
  }
  if (e.method !== 8) throw corrupt(`条目 ${e.name} 使用了不支持的压缩方式 ${e.method}`);
  try {
    const flush = partial ? { finishFlush: zlib.constants.Z_SYNC_FLUSH } : {};
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, cap), ...flush });
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooBig();
    throw corrupt(`条目 ${e.name} 无法解压`);
  }
}

/** `A1:XFD1048576` → rows × columns; null when not a range. */
function rangeCells(ref: string): number | null {
  const [a, b = a, extra] = ref.split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q || extra !== undefined) return null;
  return (Math.abs(q.row - p.row) + 1) * (Math.abs(q.col - p.col) + 1);
}

/** Raw deflate cannot expand past 1032:1, so a small enough archive is provably under the bound without inflating. */
const DEFLATE_MAX_RATIO = 1032;
/** Compressed bytes first inflated to find a sheet's <dimension>, which Excel writes near the top (grown if not). */
const HEAD_BYTES = 512;

/** Throws a FileError when the archive is not a workbook ExcelJS can safely load. */
export function inspectXlsx(buf: Buffer, limits: ZipLimits): void {
  const list = entries(buf);
  if (!list.some((e) => e.name === "xl/workbook.xml")) {
    throw new FileError("not-xlsx", "是 ZIP 压缩包但不是 Excel 工作簿（缺少 xl/workbook.xml，可能是 .docx 等其他文件）");
  }
  const tooBig = () => new FileError("unpacked-too-large", `解压后超过 ${mb(limits.maxUnpacked)} 上限（可能是压缩炸弹），已拒绝读取`);
  const worstCase = list.reduce((n, e) => n + e.compressedSize * (e.method === 0 ? 1 : DEFLATE_MAX_RATIO), 0);
  const provable = worstCase <= limits.maxUnpacked;
  let left = limits.maxUnpacked;
  for (const e of list) {
    if (e.name.endsWith("/")) continue;
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
    if (provable) {
      if (sheet) checkDimension((n) => inflate(buf, e, n * DEFLATE_MAX_RATIO, tooBig, n), e.name, limits.maxCells);
      continue;
    }
    // Declared sizes can lie: past the provable bound every entry is inflated, capped, to measure it.
    const data = inflate(buf, e, left, tooBig);
    left -= data.length;
    if (sheet) checkDimension(() => data, e.name, limits.maxCells);
  }
}

const DIMENSION = /<(?:\w+:)?dimension\s+ref="([^"]*)"/;
const PAST_DIMENSION = /<(?:\w+:)?(?:sheetViews|sheetFormatPr|cols|sheetData)\b/;

/** `head(n)` inflates the first n compressed bytes; inflation is small-then-larger since its cost is the output. */
function checkDimension(head: (n: number) => Buffer, entry: string, maxCells: number): void {
  for (let n = HEAD_BYTES; n <= 64 * HEAD_BYTES; n *= 4) {
    const data = head(n);
    const text = data.toString("latin1", 0, Math.min(data.length, 64 * 1024));
    const m = DIMENSION.exec(text);
    const cells = m ? rangeCells(m[1]) : null;
    if (cells !== null && cells > maxCells) throw sheetTooLarge(` ${entry.slice(entry.lastIndexOf("/") + 1)} 声明的范围为 ${m![1]}`, maxCells);
    if (m || PAST_DIMENSION.test(text) || data.length >= 64 * 1024) return;
  }
}

export function sheetTooLarge(what: string, maxCells: number): FileError {
  const limit = maxCells >= 1e4 ? `${maxCells / 1e4} 万` : String(maxCells);
  return new FileError("sheet-too-large", `工作表${what}，超出 ${limit}个单元格的上限，可能已损坏；请在 Excel 中删除多余的行列后另存`);
}
