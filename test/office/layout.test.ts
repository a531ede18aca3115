/** The adapter's pure helpers: merge tiles, address lists, chunk sizes, change tracking. */
import fc from "../support/fc";
import { ChangeTracker, OWN_WINDOW_MS } from "../../src/office/changes";
import {
  blockA1,
  chunkRows,
  mergeTiles,
  parseAddressList,
  parseRangeAddress,
  READ_CELL_LIMIT,
  rowsPerChunk,
  splitTile,
  tilesFor,
  uniqueAreas,
} from "../../src/office/layout";

describe("mergeTiles", () => {
  test("tiles partition the block and no tile can anchor more than 512 merged areas", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 1500 }), fc.integer({ min: 1, max: 700 }), (top, left, rows, cols) => {
        const block = { top, left, bottom: top + rows - 1, right: left + cols - 1 };
        const tiles = mergeTiles(block);
        let cells = 0;
        let bad = 0;
        for (const t of tiles) {
          const r = t.bottom - t.top + 1;
          const c = t.right - t.left + 1;
          if ((r + 1) * (c + 1) > 1024 || t.top < block.top || t.left < block.left || t.bottom > block.bottom || t.right > block.right) bad++;
          cells += r * c;
        }
        expect(bad).toBe(0);
        expect(cells).toBe(rows * cols);
      }),
      { numRuns: 150 },
    );
  });

  test("an 8-column form sheet is cut into bands of 112 rows", () => {
    const tiles = mergeTiles({ top: 0, left: 0, bottom: 999, right: 7 });
    expect(tiles[0]).toEqual({ top: 0, left: 0, bottom: 111, right: 7 });
    expect(tiles).toHaveLength(9);
  });
});

describe("addresses", () => {
  test("RangeAreas addresses, quoted sheet names with commas and quotes included", () => {
    expect(parseAddressList("表1!A1:H1,表1!B5:B8")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 7 },
      { top: 4, left: 1, bottom: 7, right: 1 },
    ]);
    expect(parseAddressList("'a, b''c'!A1:B2,'a, b''c'!C3")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
    expect(parseAddressList("")).toEqual([]);
  });

  test("blockA1 and parseRangeAddress round-trip", () => {
    const b = { top: 5, left: 6, bottom: 20, right: 7 };
    expect(blockA1(b)).toBe("G6:H21");
    expect(parseRangeAddress(`自评表!${blockA1(b)}`)).toEqual(b);
    expect(blockA1({ top: 0, left: 0, bottom: 0, right: 0 })).toBe("A1");
  });

  test("chunks keep each read under the budget", () => {
    expect(rowsPerChunk(24_000, 8, 48, 4 * 1024 * 1024)).toBe(10_922);
    expect(rowsPerChunk(100, 8, 48, 4 * 1024 * 1024)).toBe(100);
    expect(rowsPerChunk(10, 100_000, 48, 1000)).toBe(1);
  });
});

describe("ChangeTracker", () => {
  test("foreign changes count, our own do not (by triggerSource, or by address on older hosts)", () => {
    let now = 0;
    const t = new ChangeTracker(() => now);
    const mark = t.mark("s1");
    t.record({ sheetId: "s1", address: "G6", triggerSource: "ThisLocalAddin", kind: "data" });
    expect(t.changedSince("s1", mark)).toBe(false);
    t.expectOwn([
      { sheetId: "s1", row: 5, col: 6 },
      { sheetId: "s1", row: 6, col: 6 },
    ]);
    t.settleOwn();
    t.record({ sheetId: "s1", address: "G6:G7", kind: "format" });
    expect(t.changedSince("s1", mark)).toBe(false);
    t.record({ sheetId: "s1", address: "G6:G8", kind: "format" });
    expect(t.changedSince("s1", mark)).toBe(true);
    expect(t.lastChange("s1")?.address).toBe("G6:G8");
    const m2 = t.mark("s1");
    t.record({ sheetId: "s1", address: "G6", triggerSource: "Unknown", kind: "data" }); // the host says: not us
    expect(t.changedSince("s1", m2)).toBe(true);
    const m3 = t.mark("s1");
    now = 60_000; // long after our write
    t.record({ sheetId: "s1", address: "G6", kind: "format" });
    expect(t.changedSince("s1", m3)).toBe(true);
    expect(t.changedSince("s2", t.mark("s2"))).toBe(false);
  });

  test("the window for our own events starts when the batch's sync resolves, not when it was queued", () => {
    let now = 0;
    const t = new ChangeTracker(() => now);
    const mark = t.mark("s1");
    t.expectOwn([{ sheetId: "s1", row: 5, col: 6 }]);
    now = 25_000; // a long batch: longer than the window itself
    t.record({ sheetId: "s1", address: "G6", kind: "format" }); // arrives while the batch is still running
    t.settleOwn();
    now = 25_000 + OWN_WINDOW_MS - 1; // late, but inside the window counted from the sync's end
    t.record({ sheetId: "s1", address: "G6", kind: "format" });
    expect(t.changedSince("s1", mark)).toBe(false);
    now = 25_000 + OWN_WINDOW_MS + 1;
    t.record({ sheetId: "s1", address: "G6", kind: "format" });
    expect(t.changedSince("s1", mark)).toBe(true);
    // A sheet id that looks like a name is only ever matched as an id.
    const m2 = t.mark("表1");
    t.record({ sheetId: "表1", address: "G6", kind: "format" });
    expect(t.changedSince("表1", m2)).toBe(true);
  });
});

describe("merge tiles after a failure", () => {
  test("splitTile cuts a tile in four (two when one row or column thick), covering it exactly", () => {
    const t = { top: 10, left: 0, bottom: 101, right: 9 };
    const parts = splitTile(t);
    expect(parts).toHaveLength(4);
    expect(parts.reduce((n, p) => n + (p.bottom - p.top + 1) * (p.right - p.left + 1), 0)).toBe(92 * 10);
    for (const p of parts) expect((p.bottom - p.top + 1) * (p.right - p.left + 1)).toBeLessThan(512);
    expect(splitTile({ top: 0, left: 0, bottom: 0, right: 510 })).toHaveLength(2);
    expect(tilesFor(t, 2)).toHaveLength(mergeTiles(t).length * 16);
  });

  test("uniqueAreas keeps each area once, in first-seen order", () => {
    const a = { top: 1, left: 0, bottom: 2, right: 0 };
    const b = { top: 5, left: 1, bottom: 5, right: 3 };
    expect(uniqueAreas([a, b, { ...a }, b])).toEqual([a, b]);
  });

  test("chunkRows: never above 5,000,000 cells, and on the web within the payload budget too", () => {
    expect(chunkRows(750_000, 8, 48, false)).toBe(625_000);
    expect(chunkRows(1000, 8, 48, false)).toBe(1000);
    expect(chunkRows(750_000, 8, 48, true)).toBe(10_922);
    expect(READ_CELL_LIMIT).toBe(5_000_000);
  });
});
