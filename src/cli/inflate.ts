/** The reader's inflater in Node: node:zlib (native; 3× fflate's pure-JS inflate here, see the README's notes). */
import zlib from "zlib";
import type { Inflate } from "../xlsx";
import { inflateDeclared, REUSE_MAX } from "./inflateReuse";

/** Output inflated in one synchronous call; a part that inflates to more is streamed instead. */
const SYNC_OUTPUT = 8 * 2 ** 20;

const tooLarge = () => Object.assign(new Error("inflated past the cap"), { code: "ERR_BUFFER_TOO_LARGE" });

export const inflateNode: Inflate = async (data, maxBytes, onChunk, sizeHint = 0) => {
  if (sizeHint > 0 && sizeHint < maxBytes && sizeHint <= REUSE_MAX) {
    const out = inflateDeclared(data, sizeHint);
    if (out) return onChunk(out);
  }
  // Small parts (nearly all of them) in one call: no stream, no event-loop hops. An output buffer of the declared
  // size (it may lie: then zlib grows it) saves the default 16 KB pieces being joined.
  try {
    const chunkSize = Math.min(SYNC_OUTPUT, Math.max(zlib.constants.Z_MIN_CHUNK, sizeHint + 1));
    const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(maxBytes, SYNC_OUTPUT)), chunkSize });
    onChunk(out);
    return;
  } catch (e) {
    if ((e as { code?: string }).code !== "ERR_BUFFER_TOO_LARGE" || maxBytes <= SYNC_OUTPUT) throw e;
  }
  await new Promise<void>((resolve, reject) => {
    const z = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    let n = 0;
    let done = false;
    const fail = (e: unknown) => {
      if (done) return;
      done = true;
      z.destroy();
      reject(e);
    };
    z.on("data", (chunk: Buffer) => {
      if (done) return;
      n += chunk.length;
      if (n > maxBytes) return fail(tooLarge());
      try {
        onChunk(chunk);
      } catch (e) {
        fail(e);
      }
    });
    z.on("error", fail);
    z.on("end", () => {
      if (!done) {
        done = true;
        resolve();
      }
    });
    z.end(data);
  });
};
