/**
 * One raw-inflate handle per thread, reused for every small part whose size the ZIP directory declares.
 * `zlib.inflateRawSync` builds a whole stream object and a native zlib state (~40 KB) for each call and frees it on
 * the next GC: per part that cost 4.5 µs here against 0.5 µs reused, ~4 % of `check` on the 200-workbook bench
 * (8 parts a workbook) plus the garbage. Node has no public reusable synchronous inflater, so this drives the handle
 * that `inflateRawSync` itself drives (`_handle.writeSync`, `_writeState`, `reset`: the same since Node 10), checked
 * at first use; anything unexpected returns null and the caller takes the public path, which then gives the exact
 * error or output it always gave.
 */
import zlib from "zlib";

interface Handle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  reset(): void;
}
interface Engine {
  _handle?: Handle | null;
  _writeState?: Uint32Array;
  destroyed: boolean;
}

/** Larger parts gain nothing measurable from reuse; their output buffer is better sized by zlib itself. */
export const REUSE_MAX = 1 << 20;

let engine: Engine | null | false = null; // false: this Node does not have the expected internals

function acquire(): Engine | null {
  if (engine === false) return null;
  if (engine && !engine.destroyed && engine._handle) return engine;
  const z = new zlib.InflateRaw() as unknown as Engine & zlib.InflateRaw;
  // A failed write destroys the stream, which then emits `error`: without a listener that would be uncaught.
  z.on("error", () => undefined);
  const ok = typeof z._handle?.writeSync === "function" && typeof z._handle.reset === "function" && ArrayBuffer.isView(z._writeState) && z._writeState.length >= 2;
  engine = ok ? z : false;
  return ok ? z : null;
}

/**
 * The part inflated in one call into a buffer of the declared size, or null when this path does not apply: no
 * usable handle, a zlib error (corrupt data), or output past the declared size (a lying directory).
 */
export function inflateDeclared(data: Uint8Array, declared: number): Buffer | null {
  const z = acquire();
  if (!z) return null;
  // One byte more than declared: output that fills it was more than the directory said, and is read the slow way.
  const out = Buffer.allocUnsafe(declared + 1);
  try {
    z._handle!.writeSync(zlib.constants.Z_FINISH, data, 0, data.length, out, 0, out.length);
  } catch {
    engine = null;
    return null;
  }
  if (z.destroyed || !z._handle) {
    engine = null; // an error destroyed it; the caller's path reports it
    return null;
  }
  const left = z._writeState![0];
  z._handle.reset();
  // Room left with Z_FINISH and no error means the stream ended (a truncated one errors: "unexpected end of file").
  return left === 0 ? null : out.subarray(0, out.length - left);
}
