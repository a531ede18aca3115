/** The merge reference fast path (src/xlsx/read/sheet.ts) agrees with the general one (split + parseA1) on any input. */
import fc from "../support/fc";
import { parseA1 } from "../../src/core/grid";
import { parseMerge } from "../../src/xlsx/read/sheet";

function general(ref: string) {
  const [a, b = a] = ref.split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

test("Excel's own references and reversed ones", () => {
  expect(parseMerge("A1:H22")).toEqual({ top: 0, left: 0, bottom: 21, right: 7 });
  expect(parseMerge("XFD1048576:AA10")).toEqual({ top: 9, left: 26, bottom: 1048575, right: 16383 });
});

test("any reference: the same area, or null, as the general path", () => {
  const part = fc.oneof(
    fc.constantFrom("A", "Z", "AA", "XFD", "ABCD", "a", "$A", ""),
    fc.constantFrom("1", "9", "10", "1048576", "12345678", "0", "01", "$1", " 1"),
    fc.stringMatching(/^[A-Z$a-z0-9: ]{0,6}$/),
  );
  const ref = fc.array(part, { maxLength: 6 }).map((xs) => xs.join(""));
  fc.assert(fc.property(ref, (r) => expect(parseMerge(r)).toEqual(general(r))), { numRuns: 3000 });
  for (const r of ["A1:B2", "A1", "A1:B2:C3", " A1:B2", "A1:B2 ", "a1:b2", "$A$1:$B$2", "A0:B2", "AAAA1:B2", "A12345678:B1", "A1234567:B1", ":", "A1:"]) {
    expect(parseMerge(r)).toEqual(general(r));
  }
});
