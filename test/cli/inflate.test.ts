/**
 * The CLI's inflater (src/cli/inflate.ts) with its reused handle (inflateReuse.ts): the same bytes and the same
 * errors as `zlib.inflateRawSync`, whatever the ZIP directory claims, and still usable after a corrupt part.
 */
import zlib from "zlib";
import { inflateNode } from "../../src/cli/inflate";
import { inflateDeclared } from "../../src/cli/inflateReuse";

const text = Buffer.from('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(200));
const raw = zlib.deflateRawSync(text);

async function inflated(data: Uint8Array, declared: number, max = 2 ** 30): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  await inflateNode(data, max, (c) => chunks.push(c), declared);
  return Buffer.concat(chunks);
}

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return { message: (e as Error).message, code: (e as { code?: string }).code };
  }
  throw new Error("did not throw");
};

test("the declared size, a smaller one (a lying directory) and a larger one all give the whole part", async () => {
  expect((await inflated(raw, text.length)).equals(text)).toBe(true);
  expect((await inflated(raw, 100)).equals(text)).toBe(true);
  expect((await inflated(raw, text.length * 3)).equals(text)).toBe(true);
  expect(inflateDeclared(raw, text.length)?.equals(text)).toBe(true);
  expect(inflateDeclared(raw, text.length - 1)).toBeNull(); // more than declared: the caller's path reads it
});

test("corrupt and truncated parts fail as inflateRawSync fails, and the next part still inflates", async () => {
  const corrupt = Buffer.from(raw);
  corrupt[0] ^= 0xff;
  corrupt[5] ^= 0xff;
  const truncated = raw.subarray(0, raw.length >> 1);
  for (const bad of [corrupt, truncated]) {
    const expected = errorOf(() => zlib.inflateRawSync(bad));
    await expect(inflated(bad, text.length)).rejects.toMatchObject(expected);
    expect((await inflated(raw, text.length)).equals(text)).toBe(true);
  }
});

test("the cap holds whatever is declared", async () => {
  await expect(inflated(raw, 10, 1000)).rejects.toMatchObject({ code: "ERR_BUFFER_TOO_LARGE" });
  await expect(inflated(raw, text.length, 1000)).rejects.toMatchObject({ code: "ERR_BUFFER_TOO_LARGE" });
});

test("one handle serves many parts of different sizes", () => {
  for (let i = 1; i <= 300; i++) {
    const part = Buffer.from("x".repeat(i * 37) + String(i));
    expect(inflateDeclared(zlib.deflateRawSync(part), part.length)?.equals(part)).toBe(true);
  }
});
