/**
 * `fill` writing outside a sheet's stated extent (issue 9, item 4): `<dimension ref>` and the rows' `spans` are
 * widened to take in every written cell, so Excel never offers to repair the file; read back through the reader.
 */
import { nodeCodec } from "../../src/cli/codec";
import { inflateNode } from "../../src/cli/inflate";
import { openWorkbook, patchWorkbook, readGrids } from "../../src/xlsx";
import { widenDimension, widenSpans } from "../../src/xlsx/extent";
import { unzip } from "../cli/zipkit";
import { NS, workbook } from "./producers";

test("spans: one range widened, a list of ranges that misses the column dropped, a covered column left alone", () => {
  expect(widenSpans('<row r="2" spans="1:3" ht="20">', [4])).toBe('<row r="2" spans="1:5" ht="20">');
  expect(widenSpans("<row r='2' spans='2:3'>", [0])).toBe("<row r='2' spans='1:3'>");
  expect(widenSpans('<row r="2" spans="1:2 5:6">', [3])).toBe('<row r="2">');
  expect(widenSpans('<row r="2" spans="1:2 5:6">', [5])).toBe('<row r="2" spans="1:2 5:6">');
  expect(widenSpans('<row r="2"/>', [9])).toBe('<row r="2"/>');
});

test("dimension: widened to the written cells, left alone when it holds them or is absent", () => {
  const xml = `<worksheet><dimension ref="B2:C3"/><sheetData/></worksheet>`;
  const at = xml.indexOf("<sheetData");
  const e = widenDimension(xml, "", at, [{ row: 4, col: 5 }])!;
  expect(xml.slice(0, e.start) + e.text + xml.slice(e.end)).toBe(`<worksheet><dimension ref="B2:F5"/><sheetData/></worksheet>`);
  expect(widenDimension(xml, "", at, [{ row: 0, col: 0 }])!.text).toBe("A1:C3");
  expect(widenDimension(xml, "", at, [{ row: 2, col: 2 }])).toBeNull();
  expect(widenDimension(`<worksheet><dimension ref="A1"/><sheetData/></worksheet>`, "", 40, [{ row: 0, col: 0 }])).toBeNull();
  expect(widenDimension(`<worksheet><sheetData/></worksheet>`, "", 11, [{ row: 9, col: 9 }])).toBeNull();
});

test("a fill outside the dimension and the spans updates both, in every kind of row it writes to", async () => {
  const sheetXml = `<x:worksheet ${NS.replace('xmlns="', 'xmlns:x="')}><x:dimension ref="A1:C3"/><x:sheetData>
<x:row r="1" spans="1:3"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="C1"><x:v>3</x:v></x:c></x:row>
<x:row r="2" spans="1:3"><x:c r="A2"><x:v>4</x:v></x:c></x:row>
<x:row r="3" spans="1:3"/>
</x:sheetData></x:worksheet>`;
  const wb = await openWorkbook(workbook({ sheetXml }), { inflate: inflateNode });
  const writes = [
    { sheet: "数据", row: 0, col: 1, value: 2 }, // inside: B1, row 1 keeps its spans
    { sheet: "数据", row: 1, col: 4, value: "新" }, // E2: past row 2's spans
    { sheet: "数据", row: 2, col: 6, value: 7 }, // G3: into an empty <row/>
    { sheet: "数据", row: 5, col: 0, value: 8 }, // A6: a new row
  ];
  const out = (await patchWorkbook(wb, writes, nodeCodec)).bytes;
  const xml = unzip(Buffer.from(out))
    .find((e) => e.name === "xl/worksheets/sheet1.xml")!
    .data.toString("utf8");
  expect(xml).toContain('<x:dimension ref="A1:G6"/>');
  expect(xml).toContain('<x:row r="1" spans="1:3">');
  expect(xml).toContain('<x:row r="2" spans="1:5">');
  expect(xml).toContain('<x:row r="3" spans="1:7">');
  expect(xml).toMatch(/<x:row r="6"><x:c r="A6"/);
  // Every cell still reads where it was written.
  const [g] = await readGrids(out, { inflate: inflateNode });
  expect([g.values[0].slice(0, 3), g.values[1][4], g.values[2][6], g.values[5][0]]).toEqual([[1, 2, 3], "新", 7, 8]);
});
