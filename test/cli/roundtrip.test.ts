/**
 * Issue 9's acceptance for `fill`: on a corpus of rich workbooks, every part but the written sheets comes out
 * byte-identical after inflation, the written sheets differ only in the written cells (both parsed with xmldom, an
 * independent parser, and compared cell by cell and in everything else), and LibreOffice opens the output and
 * shows the written values.
 */
import { promises as fs } from "fs";
import path from "path";
import { DOMParser, type Element, XMLSerializer } from "@xmldom/xmldom";
import { parseCellRef } from "../support/seedWorkbook";
import { cleanup, runCli, tmpDir } from "./helpers";
import { findSoffice, freshProfile, sheetsAsCsv, convert } from "./libreoffice";
import { openpyxlWorkbook, type Rich, richWorkbook } from "./rich";
import { unzip } from "./zipkit";

const SOFFICE = findSoffice();
const SHARED_LO = path.resolve(__dirname, "..", "..", "..", "shared", "fixtures", "libreoffice-sample.xlsx");

let dir: string;
let profile: string;
beforeAll(async () => {
  dir = await tmpDir("selfeval-rt-");
  profile = await freshProfile(path.join(dir, "profile"));
});
afterAll(() => cleanup(dir));

/** `  表1!G6  执行率  （空） → 98.24` → ["表1!G6", "98.24"]. */
function writtenCells(stdout: string): Array<[string, string]> {
  return stdout
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((l) => {
      const m = /^ {2}(\S+)\s+\S+\s+.+? → (.+)$/.exec(l)!;
      return [m[1], m[2]];
    });
}

const parts = (buf: Buffer) => new Map(unzip(buf).map((e) => [e.name, e.data]));

interface SheetView {
  cells: Map<string, string>;
  rows: Set<string>;
  rest: string;
}

/** A worksheet as its cells (ref → serialized <c>) and everything else, with cells and rows only the output has removed. */
function view(xml: Buffer, dropRowsNotIn?: ReadonlySet<string>): SheetView {
  const doc = new DOMParser().parseFromString(xml.toString("utf8"), "text/xml");
  const ser = new XMLSerializer();
  const cells = new Map<string, string>();
  const rows = new Set<string>();
  for (const row of Array.from(doc.getElementsByTagName("row")) as Element[]) {
    rows.add(row.getAttribute("r") ?? "");
    for (const c of Array.from(row.getElementsByTagName("c")) as Element[]) {
      cells.set(c.getAttribute("r") ?? "", ser.serializeToString(c));
      row.removeChild(c);
    }
    if (dropRowsNotIn && !dropRowsNotIn.has(row.getAttribute("r") ?? "")) row.parentNode!.removeChild(row);
  }
  return { cells, rows, rest: ser.serializeToString(doc) };
}

/** styles.xml differs only by `added` cell formats appended to cellXfs (a written cell that had no style of its own). */
function expectStylesAppended(before: Buffer, after: Buffer, added: number) {
  const xfs = (xml: string) => /<cellXfs count="(\d+)">(.*)<\/cellXfs>/s.exec(xml)!;
  const [a, b] = [before, after].map((x) => x.toString("utf8"));
  const [wholeA, countA, listA] = xfs(a);
  const [wholeB, countB, listB] = xfs(b);
  expect(Number(countB)).toBe(Number(countA) + added);
  expect(listB.startsWith(listA)).toBe(true);
  expect(listB.slice(listA.length).match(/<xf [^>]*\/>/g)).toHaveLength(added);
  expect(b.replace(wholeB, "")).toBe(a.replace(wholeA, ""));
}

async function roundTrip(name: string, input: Buffer, sheetParts: Record<string, string>, extraArgs: string[] = [], stylesAdded = 0) {
  const file = path.join(dir, name);
  await fs.writeFile(file, input);
  const out = path.join(dir, name.replace(/\.xlsx$/, "-filled.xlsx"));
  const run = await runCli(["fill", file, "-o", out, ...extraArgs]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const written = writtenCells(run.stdout);
  expect(written.length).toBeGreaterThan(0);
  const before = parts(input);
  const after = parts(await fs.readFile(out));
  expect([...after.keys()]).toEqual([...before.keys()]);
  const writtenParts = new Set(written.map(([ref]) => sheetParts[parseCellRef(ref).sheet]));
  // Every part but the written sheets: the same bytes.
  const changed = [...before.keys()].filter((n) => !before.get(n)!.equals(after.get(n)!));
  expect(changed.sort()).toEqual([...writtenParts, ...(stylesAdded > 0 ? ["xl/styles.xml"] : [])].sort());
  if (stylesAdded > 0) expectStylesAppended(before.get("xl/styles.xml")!, after.get("xl/styles.xml")!, stylesAdded);
  for (const part of writtenParts) {
    const a = view(before.get(part)!);
    const b = view(after.get(part)!, a.rows);
    expect(b.rest).toBe(a.rest);
    const refs = written.filter(([ref]) => sheetParts[parseCellRef(ref).sheet] === part).map(([ref]) => ref.split("!")[1]);
    const differing = [...new Set([...a.cells.keys(), ...b.cells.keys()])].filter((r) => a.cells.get(r) !== b.cells.get(r));
    expect(differing.sort()).toEqual([...refs].sort());
    for (const r of refs) {
      const cell = new DOMParser().parseFromString(b.cells.get(r)!, "text/xml").documentElement!;
      const old = a.cells.get(r) ? new DOMParser().parseFromString(a.cells.get(r)!, "text/xml").documentElement! : null;
      // The cell keeps its own style (the seed's computed cells already show 0.00).
      if (old) expect(cell.getAttribute("s")).toBe(old.getAttribute("s"));
      expect(cell.getElementsByTagName("f").length).toBe(0);
      const t = cell.getAttribute("t");
      expect(t === null || t === "inlineStr").toBe(true);
    }
  }
  return { out, written };
}

async function expectLibreOfficeShows(out: string, written: Array<[string, string]>, name: string) {
  if (!SOFFICE) {
    if (process.env.CI) throw new Error("CI is set but soffice is not installed");
    return;
  }
  const sheets = await sheetsAsCsv(SOFFICE, profile, out, path.join(dir, `${name}-csv`));
  for (const [ref, value] of written) {
    const { sheet, row, col } = parseCellRef(ref);
    expect([ref, sheets.get(sheet)?.[row]?.[col]]).toEqual([ref, value]);
  }
}

const FORM_PARTS = (rich: Rich) => ({ 表1: rich.formParts[0], 表2: rich.formParts[1] });

test("Excel-like: chart, image, comment, customXml, custom properties, calcChain, fit to page, validation, conditional format, names, hidden sheet, a sheet part named form-b.xml", async () => {
  const rich = await richWorkbook();
  const { out, written } = await roundTrip(rich.name, rich.data, FORM_PARTS(rich));
  // Both forms were filled, the second one in the part with its own name.
  expect(written.some(([r]) => r.startsWith("表2!"))).toBe(true);
  await expectLibreOfficeShows(out, written, "rich");
});

test("openpyxl's shape: absolute relationship targets, comments under xl/comments/", async () => {
  const rich = await openpyxlWorkbook();
  const { out, written } = await roundTrip(rich.name, rich.data, FORM_PARTS(rich));
  await expectLibreOfficeShows(out, written, "openpyxl");
});

test("LibreOffice's own files: the shared fixture (2 cells into sheet1.xml, 13 parts untouched)", async () => {
  const { out, written } = await roundTrip("lo-sample.xlsx", await fs.readFile(SHARED_LO), { 表1: "xl/worksheets/sheet1.xml" });
  expect(written.map(([r]) => r)).toEqual(["表1!G6", "表1!H6"]);
  await expectLibreOfficeShows(out, written, "lo-sample");
});

test.each([
  ["openpyxl-3.0.9.xlsx", 0],
  // SheetJS keeps no style on the emptied cells: their 0.00 format comes as one cell format appended to cellXfs.
  ["sheetjs-0.18.5.xlsx", 1],
])("written by the library itself (test/fixtures/producers): %s, the two emptied cells of 表1", async (name, stylesAdded) => {
  const input = await fs.readFile(path.join(__dirname, "..", "fixtures", "producers", name));
  const { out, written } = await roundTrip(name, input, { 表1: "xl/worksheets/sheet1.xml" }, [], stylesAdded);
  expect(written).toEqual([["表1!G6", expect.stringMatching(/^98\.24%?$/)], ["表1!H6", "9.82"]]);
  // The appended cell format is the 0.00 the write plan asks for.
  if (stylesAdded > 0) expect(parts(await fs.readFile(out)).get("xl/styles.xml")!.toString()).toMatch(/<xf numFmtId="2" applyNumberFormat="1"[^>]*\/><\/cellXfs>/);
  await expectLibreOfficeShows(out, written, name);
});

(SOFFICE || process.env.CI ? test : test.skip)("the rich workbook saved by LibreOffice", async () => {
  const rich = await richWorkbook();
  const src = path.join(dir, "lo-src", "rich-lo.xlsx");
  await fs.mkdir(path.dirname(src), { recursive: true });
  await fs.writeFile(src, rich.data);
  const converted = await convert(SOFFICE!, profile, src, "xlsx", path.join(dir, "lo-out"));
  const { out, written } = await roundTrip("rich-by-lo.xlsx", await fs.readFile(converted), { 表1: "xl/worksheets/sheet1.xml", 表2: "xl/worksheets/sheet2.xml" });
  await expectLibreOfficeShows(out, written, "rich-lo");
});

test("--overwrite on a formula cell: the constant replaces it, a shared formula's dependant keeps its own formula, calcChain goes", async () => {
  const rich = await richWorkbook();
  const entries = unzip(rich.data);
  const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
  // 表1's first indicator score G13 as a shared formula master with a stale result (5 where 20 is due), and J13
  // (outside the form) its dependant; both in the calc chain.
  const xml = sheet.data
    .toString("utf8")
    .replace(/<c r="G13"( s="\d+")?\/>/, '<c r="G13"$1><f t="shared" ref="G13:J13" si="0">F13*1</f><v>5</v></c>')
    .replace(/(<c r="H13"[^>]*?(?:\/>|>.*?<\/c>))(<\/row>)/, '$1<c r="J13"><f t="shared" si="0"/><v>0</v></c>$2');
  expect(xml).toContain('<c r="J13"><f t="shared" si="0"/>');
  expect(xml).toContain("F13*1</f><v>5</v>");
  sheet.data = Buffer.from(xml);
  const chain = entries.find((e) => e.name === "xl/calcChain.xml")!;
  chain.data = Buffer.from(chain.data.toString("utf8").replace("<c ", '<c r="G13" i="1"/><c r="J13"/><c '));
  const { zip } = await import("./zipkit");
  const file = path.join(dir, "formula.xlsx");
  await fs.writeFile(file, zip(entries));
  const out = path.join(dir, "formula-filled.xlsx");
  const run = await runCli(["fill", file, "-o", out, "--overwrite", "表1!G13"]);
  expect(run.code).toBe(0);
  expect(writtenCells(run.stdout)).toContainEqual(["表1!G13", "20.00"]);
  const after = parts(await fs.readFile(out));
  expect(after.has("xl/calcChain.xml")).toBe(false);
  expect(after.get("xl/_rels/workbook.xml.rels")!.toString()).not.toContain("calcChain");
  expect(after.get("[Content_Types].xml")!.toString()).not.toContain("calcChain");
  const filled = after.get("xl/worksheets/sheet1.xml")!.toString();
  expect(filled).toMatch(/<c r="G13"( s="\d+")?><v>20<\/v><\/c>/);
  expect(filled).toContain('<c r="J13"><f>I13*1</f><v>0</v></c>');
  // Everything else is still the input's (the two form sheets receive writes: 表2 is filled as well).
  const before = parts(zip(entries));
  for (const [name, data] of before) {
    if (["xl/calcChain.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", ...rich.formParts].includes(name)) continue;
    expect([name, after.get(name)?.equals(data)]).toEqual([name, true]);
  }
  await expectLibreOfficeShows(out, [["表1!G13", "20.00"]], "formula");
});
