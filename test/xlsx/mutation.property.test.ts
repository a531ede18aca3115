/**
 * Property: a real workbook (ExcelJS's, openpyxl's, SheetJS's, LibreOffice's) with its XML mutated at random (values
 * and attributes swapped for odd ones, tokens inserted, spans cut or repeated) is either refused with the reader's own
 * one-line error (XlsxError) or checked; and where the engine plans writes, `fill`'s patch succeeds and its output
 * reads back. Anything else — a TypeError, a write position Excel cannot hold, a hang — is a bug. A longer run of
 * this search (625,000 mutated workbooks outside Jest) found cells past XFD1048576 reaching the patch writer. The
 * ZIP container itself, bytes of its headers changed (400,000 outside Jest, clean), is read or refused the same way.
 */
import { existsSync, readFileSync } from "fs";
import path from "path";
import zlib from "zlib";
import fc from "../support/fc";
import { analyzeWorkbook } from "../../src/cli/analyze";
import { nodeCodec } from "../../src/cli/codec";
import { patchPlanned, plannedFill } from "../../src/cli/fill";
import { inflateNode } from "../../src/cli/inflate";
import { RULE_IDS } from "../../src/core";
import { openWorkbook, readGrids, XlsxError, ZipArchive } from "../../src/xlsx";
import { rewriteZip } from "../../src/xlsx/zipWrite";

const ROOT = path.resolve(__dirname, "..", "..");
const MUTABLE = /worksheets\/[^/]+\.xml$|sharedStrings\.xml$|workbook\.xml$|styles\.xml$|\.rels$/;

/** Values an attribute or a text node may be swapped for: edges of Excel's ranges, types, the form's own labels. */
const ODD = ["0", "-1", "99999999", "1e308", "NaN", "", "A0", "XFD1048576", "XFE1", "A1048577", "B2:A1", "A1:XFD1048576", "s", "str", "e", "b", "d", "inlineStr", "shared", "array", "#DIV/0!", "=1+1", "98.24", "年初预算数", "全年预算数", "执行率", "得分", "总分", "项目名称", "0.00%"];
/** Fragments that break the XML. */
const TOKENS = ["<", ">", "/", '"', "&", "&#", "<c r=\"A1\">", "</c>", "<row>", "</row>", "<v>", "<f>", "<![CDATA[", "<!--", "\u0000"];

type Edit = { kind: "swap" | "insert" | "cut" | "repeat"; at: number; pick: number; len: number };
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom("swap", "swap", "swap", "insert", "cut", "repeat"),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  pick: fc.nat(),
  len: fc.integer({ min: 1, max: 200 }),
});

function mutate(xml: string, edits: Edit[]): string {
  let text = xml;
  for (const e of edits) {
    const p = Math.floor(e.at * text.length);
    if (e.kind === "swap") {
      // One attribute value or text node, replaced whole: the XML stays well formed.
      const spots = [...text.matchAll(e.pick % 2 ? /"([^"<>]*)"/g : />([^<>]*)</g)];
      if (spots.length === 0) continue;
      const m = spots[Math.floor(e.at * spots.length)];
      const [open, close] = [m[0][0], m[0][m[0].length - 1]];
      text = text.slice(0, m.index) + open + ODD[e.pick % ODD.length] + close + text.slice(m.index! + m[0].length);
    } else if (e.kind === "insert") text = text.slice(0, p) + TOKENS[e.pick % TOKENS.length] + text.slice(p);
    else if (e.kind === "cut") text = text.slice(0, p) + text.slice(p + e.len);
    else {
      const q = e.pick % Math.max(text.length, 1);
      text = text.slice(0, p) + text.slice(q, q + e.len) + text.slice(p);
    }
  }
  return text;
}

const SOURCES = [
  path.join(ROOT, "examples", "sample.xlsx"),
  path.join(ROOT, "test", "fixtures", "producers", "openpyxl-3.0.9.xlsx"),
  path.join(ROOT, "test", "fixtures", "producers", "sheetjs-0.18.5.xlsx"),
  path.resolve(ROOT, "..", "shared", "fixtures", "libreoffice-sample.xlsx"),
].filter((f) => existsSync(f));

describe.each(SOURCES.map((f) => [path.basename(f), f]))("%s mutated", (_name, file) => {
  const bytes = new Uint8Array(readFileSync(file));
  const zip = new ZipArchive(bytes);
  const parts = zip.entries.filter((e) => MUTABLE.test(e.name));
  const xmlOf = (name: string) => zlib.inflateRawSync(zip.raw(zip.get(name)!)).toString("utf8");

  test("bytes of its ZIP headers changed: read, or refused with the reader's own error", async () => {
    // Offsets of the local headers, central directory entries and end record (PK\x03\x04, PK\x01\x02, PK\x05\x06).
    const view = Buffer.from(bytes);
    const headers = [...view.keys()].filter((i) => i + 4 <= view.length && [0x04034b50, 0x02014b50, 0x06054b50].includes(view.readUInt32LE(i)));
    const outcomes = { read: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(headers.length - 1), fc.nat(45), fc.constantFrom(0, 1, 0x7f, 0x80, 0xff)), { minLength: 1, maxLength: 4 }), async (flips) => {
        const b = Buffer.from(bytes);
        for (const [h, offset, value] of flips) if (headers[h] + offset < b.length) b[headers[h] + offset] = value;
        try {
          await readGrids(b, { inflate: inflateNode });
          outcomes.read++;
        } catch (e) {
          expect(e).toBeInstanceOf(XlsxError);
          outcomes.refused++;
        }
      }),
      { numRuns: 300 },
    );
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 60_000);

  test("refused with the reader's own error, or checked and filled", async () => {
    const outcomes = { refused: 0, checked: 0, filled: 0 };
    await fc.assert(
      fc.asyncProperty(fc.nat(parts.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), async (k, edits) => {
        const name = parts[k].name;
        const mutated = rewriteZip(zip, new Map([[name, Buffer.from(mutate(xmlOf(name), edits))]]), nodeCodec);
        // The reader alone: refused only with its own error (analyzeWorkbook would wrap any error as "corrupt").
        try {
          await readGrids(mutated, { inflate: inflateNode });
        } catch (e) {
          expect(e).toBeInstanceOf(XlsxError);
          expect((e as Error).message).not.toContain("\n");
          outcomes.refused++;
          return;
        }
        const wb = await openWorkbook(mutated, { inflate: inflateNode });
        const analysis = await analyzeWorkbook(wb, {});
        expect(analysis.sheetErrors).toEqual([]);
        outcomes.checked++;
        // fill --overwrite with every rule: each finding's cell may be written.
        const planned = plannedFill(analysis, { rules: new Set(RULE_IDS), cells: new Set() });
        if (planned.length === 0) return;
        const out = await patchPlanned(mutated, wb, planned);
        const again = await analyzeWorkbook(await openWorkbook(out, { inflate: inflateNode }), {});
        expect(again.forms).toHaveLength(analysis.forms.length);
        outcomes.filled++;
      }),
      { numRuns: 150 },
    );
    // The mutations reach every path: some files refused, some checked, some filled and read back.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.checked).toBeGreaterThan(0);
    expect(outcomes.filled).toBeGreaterThan(0);
  }, 120_000);
});
