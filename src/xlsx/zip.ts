/**
 * The ZIP container of an .xlsx, read central directory first: the directory says which parts exist and where, and
 * a part is inflated only when it is read, through the host's inflater (node:zlib in the CLI, the browser's
 * DecompressionStream in the preview), with an output cap since declared sizes can lie. Parts that are not read
 * (images, charts, customXml …) are never inflated, and `fill` copies their compressed bytes as they are.
 */
import { corrupt, truncated, XlsxError } from "./errors";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** What the directory claims; never trusted for memory, only for choosing a strategy. */
  size: number;
  localOffset: number;
  /** DOS time and date, copied into a rewritten archive. */
  time: number;
  date: number;
  externalAttrs: number;
}

/**
 * Inflates raw-deflate `data`, handing the output to `onChunk` piece by piece. Must reject with an error whose
 * `code` is `ERR_BUFFER_TOO_LARGE` once more than `maxBytes` come out, and stop inflating then; an error thrown by
 * `onChunk` must stop it too and be the rejection. `sizeHint`: what the directory claims the output is (may lie;
 * only for sizing buffers).
 */
export type Inflate = (data: Uint8Array, maxBytes: number, onChunk: (chunk: Uint8Array) => void, sizeHint?: number) => Promise<void>;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const utf8 = new TextDecoder("utf-8");
/** Names not flagged UTF-8 are CP437 by the spec; every producer of .xlsx writes ASCII part names anyway. */
const latin1 = new TextDecoder("latin1");

export class ZipArchive {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.entries = this.readDirectory();
    // OPC part names are case-insensitive; the first of two equal names wins, as Excel does.
    for (const e of this.entries) if (!this.byName.has(e.name.toLowerCase())) this.byName.set(e.name.toLowerCase(), e);
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  private u16 = (p: number) => this.view.getUint16(p, true);
  private u32 = (p: number) => this.view.getUint32(p, true);
  private u64 = (p: number) => Number(this.view.getBigUint64(p, true));

  private findEocd(): number {
    const b = this.bytes;
    const stop = Math.max(0, b.length - 22 - 0xffff);
    for (let i = b.length - 22; i >= stop; i--) if (b[i] === 0x50 && this.u32(i) === EOCD) return i;
    return -1;
  }

  private readDirectory(): ZipEntry[] {
    const b = this.bytes;
    const eocd = this.findEocd();
    if (eocd < 0) throw truncated();
    let count = this.u16(eocd + 10);
    let offset = this.u32(eocd + 16);
    if ((offset === 0xffffffff || count === 0xffff) && eocd >= 20 && this.u32(eocd - 20) === ZIP64_LOCATOR) {
      const z = this.u64(eocd - 12);
      if (z + 56 > b.length) throw truncated();
      count = this.u64(z + 32);
      offset = this.u64(z + 48);
    }
    const out: ZipEntry[] = [];
    let p = offset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > b.length) throw truncated();
      if (this.u32(p) !== CENTRAL) throw corrupt("ZIP 中央目录格式错误");
      const flags = this.u16(p + 8);
      const nameLen = this.u16(p + 28);
      const extraLen = this.u16(p + 30);
      const commentLen = this.u16(p + 32);
      if (p + 46 + nameLen > b.length) throw truncated();
      const raw = b.subarray(p + 46, p + 46 + nameLen);
      const entry: ZipEntry = {
        name: (flags & 0x800 ? utf8 : latin1).decode(raw),
        method: this.u16(p + 10),
        flags,
        time: this.u16(p + 12),
        date: this.u16(p + 14),
        crc: this.u32(p + 16),
        compressedSize: this.u32(p + 20),
        size: this.u32(p + 24),
        localOffset: this.u32(p + 42),
        externalAttrs: this.u32(p + 38),
      };
      this.zip64(p + 46 + nameLen, extraLen, entry);
      out.push(entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  }

  /** The ZIP64 extra field holds, in order, only the fields whose 32-bit slot is 0xFFFFFFFF. */
  private zip64(start: number, len: number, e: ZipEntry): void {
    const end = Math.min(start + len, this.bytes.length);
    for (let q = start; q + 4 <= end; q += 4 + this.u16(q + 2)) {
      if (this.u16(q) !== 1) continue;
      const stop = Math.min(q + 4 + this.u16(q + 2), end);
      let r = q + 4;
      const next = (v: number) => (v === 0xffffffff && r + 8 <= stop ? this.u64((r += 8) - 8) : v);
      e.size = next(e.size);
      e.compressedSize = next(e.compressedSize);
      e.localOffset = next(e.localOffset);
    }
  }

  /** The entry's stored (compressed) bytes, as they are in the archive. */
  raw(e: ZipEntry): Uint8Array {
    const h = e.localOffset;
    if (h + 30 > this.bytes.length) throw truncated();
    if (this.u32(h) !== LOCAL) throw corrupt(`条目 ${e.name} 的头部错误`);
    const start = h + 30 + this.u16(h + 26) + this.u16(h + 28);
    const end = start + e.compressedSize;
    if (end > this.bytes.length) throw truncated();
    return this.bytes.subarray(start, end);
  }

  /** Inflates an entry into `onChunk`, refusing past `maxBytes` (`tooBig` says why). */
  async inflate(e: ZipEntry, inflate: Inflate, maxBytes: number, tooBig: () => XlsxError, onChunk: (chunk: Uint8Array) => void): Promise<void> {
    const data = this.raw(e);
    if (e.method === 0) {
      if (data.length > maxBytes) throw tooBig();
      if (data.length > 0) onChunk(data);
      return;
    }
    if (e.method !== 8) throw corrupt(`条目 ${e.name} 使用了不支持的压缩方式 ${e.method}`);
    // What the consumer throws (a sheet too large, a restart in windows) passes through as it is.
    const consumer = { failed: false, error: undefined as unknown };
    try {
      await inflate(
        data,
        maxBytes,
        (chunk) => {
          try {
            onChunk(chunk);
          } catch (e) {
            consumer.failed = true;
            consumer.error = e;
            throw e;
          }
        },
        e.size,
      );
    } catch (err) {
      if (consumer.failed) throw consumer.error;
      if (err instanceof XlsxError) throw err;
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooBig();
      throw corrupt(`条目 ${e.name} 无法解压`);
    }
  }
}

/** Resolves a relationship target against the part that owns the relationship (OPC: absolute or relative). */
export function resolveTarget(source: string, target: string): string {
  const clean = safeDecode(target.split("#")[0]).replace(/\\/g, "/");
  const base = clean.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of clean.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // a stray % is a literal character in a malformed target
  }
}

/** The `_rels/x.rels` part that holds the relationships of part `x`. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}
