/**
 * A new ZIP through the project's one ZIP writer (../zipWrite.ts `rewriteZip`), which rewrites an archive it was
 * given: here the archive is a skeleton listing the part names with empty stored data, every entry of which is then
 * replaced by its contents, deflated. (A `writeZip(parts)` entry point in zipWrite.ts would make the skeleton
 * unnecessary; that file belongs to the reader's owner.)
 */
import { ZipArchive } from "../zip";
import { rewriteZip, type ZipCodec } from "../zipWrite";

const utf8 = new TextEncoder();
/** 1980-01-01 00:00 in DOS format: a fixed stamp, so the same template gives the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** An archive of empty stored entries named `names`, in order. */
function skeleton(names: readonly string[]): Uint8Array {
  const encoded = names.map((n) => utf8.encode(n));
  const size = encoded.reduce((s, n) => s + 30 + 46 + 2 * n.length, 22);
  const buf = new Uint8Array(size);
  const v = new DataView(buf.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const name of encoded) {
    offsets.push(p);
    v.setUint32(p, 0x04034b50, true);
    v.setUint16(p + 4, 20, true);
    v.setUint16(p + 6, 0x0800, true);
    v.setUint16(p + 12, DOS_DATE, true);
    v.setUint16(p + 26, name.length, true);
    buf.set(name, p + 30);
    p += 30 + name.length;
  }
  const cd = p;
  encoded.forEach((name, i) => {
    v.setUint32(p, 0x02014b50, true);
    v.setUint16(p + 4, 20, true);
    v.setUint16(p + 6, 20, true);
    v.setUint16(p + 8, 0x0800, true);
    v.setUint16(p + 14, DOS_DATE, true);
    v.setUint16(p + 28, name.length, true);
    v.setUint32(p + 42, offsets[i], true);
    buf.set(name, p + 46);
    p += 46 + name.length;
  });
  v.setUint32(p, 0x06054b50, true);
  v.setUint16(p + 8, encoded.length, true);
  v.setUint16(p + 10, encoded.length, true);
  v.setUint32(p + 12, p - cd, true);
  v.setUint32(p + 16, cd, true);
  return buf;
}

/** A ZIP holding `parts` (name → contents) in the given order, each deflated by `codec`. */
export function newZip(parts: ReadonlyMap<string, string | Uint8Array>, codec: ZipCodec): Uint8Array {
  const names = [...parts.keys()];
  const contents = new Map<string, Uint8Array>();
  for (const [name, data] of parts) contents.set(name, typeof data === "string" ? utf8.encode(data) : data);
  return rewriteZip(new ZipArchive(skeleton(names)), contents, codec);
}
