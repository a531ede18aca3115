/** node:zlib as the ZIP code's inflate, deflate and CRC-32: what `fill`, `freeze` and `new` read and write with. */
import zlib from "zlib";
import { inflateNode } from "./inflate";

export const nodeCodec = {
  inflate: inflateNode,
  deflate: (d: Uint8Array) => zlib.deflateRawSync(d),
  crc32: (d: Uint8Array) => zlib.crc32(d),
};
