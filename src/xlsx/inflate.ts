/**
 * The default inflater: the Web platform's DecompressionStream("deflate-raw"), present in browsers and in Node ≥ 18,
 * so the reader needs no zip library of its own. The CLI passes node:zlib instead (src/cli/inflate.ts: faster, and
 * synchronous for small parts).
 */
import type { Inflate } from "./zip";

const tooLarge = () => Object.assign(new Error("inflated past the cap"), { code: "ERR_BUFFER_TOO_LARGE" });

export const inflateWeb: Inflate = async (data, maxBytes, onChunk) => {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      n += value.length;
      if (n > maxBytes) throw tooLarge();
      onChunk(value);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
};
