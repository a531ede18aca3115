/**
 * Writes a ZIP from an archive read by ZipArchive: entries kept as they are are copied compressed, byte for byte
 * (never inflated); replaced entries are deflated anew; dropped entries are left out. Order and timestamps are kept.
 */
import type { ZipArchive, ZipEntry } from "./zip";

export interface ZipCodec {
  deflate(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

interface Out {
  entry: ZipEntry;
  name: Uint8Array;
  data: Uint8Array;
  method: number;
  crc: number;
  size: number;
}

const utf8 = new TextEncoder();

/** `replace`: new contents by part name (`null` drops the part); every other entry is copied. */
export function rewriteZip(zip: ZipArchive, replace: ReadonlyMap<string, Uint8Array | null>, codec: ZipCodec): Uint8Array {
  const outs: Out[] = [];
  for (const e of zip.entries) {
    const name = utf8.encode(e.name);
    if (!replace.has(e.name)) {
      outs.push({ entry: e, name, data: zip.raw(e), method: e.method, crc: e.crc, size: e.size });
      continue;
    }
    const data = replace.get(e.name);
    if (!data) continue;
    outs.push({ entry: e, name, data: codec.deflate(data), method: 8, crc: codec.crc32(data), size: data.length });
  }
  let total = 22;
  for (const o of outs) total += 30 + 46 + 2 * o.name.length + o.data.length;
  if (total > 0xffffffff || outs.length > 0xfffe) throw new Error("ZIP64 output is not supported");
  const buf = new Uint8Array(total);
  const view = new DataView(buf.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const o of outs) {
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    // Sizes are in the header: no data descriptor (bit 3), UTF-8 names (bit 11).
    view.setUint16(p + 6, 0x0800, true);
    view.setUint16(p + 8, o.method, true);
    view.setUint16(p + 10, o.entry.time, true);
    view.setUint16(p + 12, o.entry.date, true);
    view.setUint32(p + 14, o.crc, true);
    view.setUint32(p + 18, o.data.length, true);
    view.setUint32(p + 22, o.size, true);
    view.setUint16(p + 26, o.name.length, true);
    view.setUint16(p + 28, 0, true);
    buf.set(o.name, p + 30);
    buf.set(o.data, p + 30 + o.name.length);
    p += 30 + o.name.length + o.data.length;
  }
  const cd = p;
  outs.forEach((o, i) => {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x0800, true);
    view.setUint16(p + 10, o.method, true);
    view.setUint16(p + 12, o.entry.time, true);
    view.setUint16(p + 14, o.entry.date, true);
    view.setUint32(p + 16, o.crc, true);
    view.setUint32(p + 20, o.data.length, true);
    view.setUint32(p + 24, o.size, true);
    view.setUint16(p + 28, o.name.length, true);
    view.setUint32(p + 38, o.entry.externalAttrs, true);
    view.setUint32(p + 42, offsets[i], true);
    buf.set(o.name, p + 46);
    p += 46 + o.name.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, outs.length, true);
  view.setUint16(p + 10, outs.length, true);
  view.setUint32(p + 12, p - cd, true);
  view.setUint32(p + 16, cd, true);
  return buf.subarray(0, p + 22);
}
