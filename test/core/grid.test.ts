import fc from "../support/fc";
import { a1, GridReader, type MergedArea, parseA1, parseQualified, qualified } from "../../src/core/grid";

describe("addresses", () => {
  test.each([
    [0, 0, "A1"],
    [19, 6, "G20"],
    [0, 25, "Z1"],
    [0, 26, "AA1"],
    [1048575, 16383, "XFD1048576"],
  ])("(%d, %d) is %s and back", (row, col, text) => {
    expect(a1(row, col)).toBe(text);
    expect(parseA1(text)).toEqual({ row, col });
  });

  test("qualified addresses keep the sheet name as it appears", () => {
    expect(qualified({ sheet: "表1", row: 5, col: 6 })).toBe("表1!G6");
    expect(parseQualified("'Sheet 2'!J20")).toEqual({ sheet: "Sheet 2", row: 19, col: 9 });
    expect(parseQualified("no address")).toBeNull();
  });
});

describe("GridReader merges", () => {
  const grid = (merges: MergedArea[]) => ({
    sheet: "s",
    top: 2,
    left: 1,
    values: [
      ["a", null, null],
      [null, null, "b"],
      [null, null, null],
    ],
    merges,
  });

  test("covered cells read their merge's top-left; the top-left and other cells read themselves", () => {
    const r = new GridReader(grid([{ top: 2, left: 1, bottom: 3, right: 2 }]));
    expect(r.owner(3, 2)).toEqual({ row: 2, col: 1 });
    expect(r.isMergedAway(3, 2)).toBe(true);
    expect(r.isMergedAway(2, 1)).toBe(false);
    expect(r.mergedValue(3, 1)).toBe("a");
    expect(r.owner(3, 3)).toEqual({ row: 3, col: 3 });
    expect(r.isMergedAway(40, 40)).toBe(false);
  });

  test("property: the owner of every cell agrees with a plain scan of the merges, even for merges outside the block", () => {
    const merge = fc.record({ top: fc.integer({ min: 0, max: 8 }), left: fc.integer({ min: 0, max: 6 }), h: fc.nat(3), w: fc.nat(3) });
    fc.assert(
      fc.property(fc.array(merge, { maxLength: 6 }), (raw) => {
        // Non-overlapping, as Excel guarantees: keep each merge that overlaps none kept before.
        const merges: MergedArea[] = [];
        for (const m of raw) {
          const area = { top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w };
          if (merges.every((k) => k.bottom < area.top || k.top > area.bottom || k.right < area.left || k.left > area.right)) merges.push(area);
        }
        const r = new GridReader(grid(merges));
        for (let row = 0; row < 12; row++) {
          for (let col = 0; col < 10; col++) {
            const inBlock = row >= 2 && row <= 4 && col >= 1 && col <= 3;
            const m = merges.find((k) => k.top <= row && row <= k.bottom && k.left <= col && col <= k.right);
            const away = inBlock && m !== undefined && !(m.top === row && m.left === col);
            expect(r.isMergedAway(row, col)).toBe(away);
            expect(r.owner(row, col)).toEqual(away ? { row: m!.top, col: m!.left } : { row, col });
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
