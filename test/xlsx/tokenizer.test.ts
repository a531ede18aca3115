/**
 * The reader's own XML tokenizer (src/xlsx/tokenizer.ts) against saxes, the strict parser it replaced: the same
 * grids on every workbook fixture we have (other producers' shapes, the rich round-trip corpus, examples/, the
 * LibreOffice file), the same element events on generated XML (entities, CDATA, comments, attributes in any order
 * and quote style, `x:` prefixes, line ends) cut into chunks anywhere, and the same refusals of malformed parts.
 */
import fs from "fs";
import path from "path";
import fc from "../support/fc";
import { inflateNode } from "../../src/cli/inflate";
import type { Grid } from "../../src/core/grid";
import { openWorkbook, readGrids, type ReadOptions } from "../../src/xlsx";
import { XmlTokenizer } from "../../src/xlsx/tokenizer";
import { type XmlHandler, XmlStream } from "../../src/xlsx/xml";
import { openpyxlWorkbook, richWorkbook } from "../cli/rich";
import { buildSeedWorkbook } from "../support/seedWorkbook";
import { NS, SHEET, workbook } from "./producers";

const ROOT = path.resolve(__dirname, "..", "..");
const OPTIONS: ReadOptions = { inflate: inflateNode, maxInflated: 64 * 2 ** 20 };

async function bothGrids(bytes: Uint8Array, options: ReadOptions = OPTIONS): Promise<{ ours: Grid[]; saxes: Grid[] }> {
  return { ours: await readGrids(bytes, options), saxes: await readGrids(bytes, { ...options, xml: "saxes" }) };
}

describe("the same grids as saxes on every fixture", () => {
  const files: Array<[string, () => Promise<Uint8Array>]> = [
    ["producers: relative targets", async () => workbook({ sheetXml: SHEET() })],
    ["producers: absolute targets, data.xml", async () => workbook({ absolute: true, sheetPart: "xl/worksheets/data.xml", sheetXml: SHEET() })],
    ["producers: x: prefixes, 1904 dates", async () => workbook({ date1904: true, sheetXml: SHEET("x:") })],
    ["rich corpus: Excel-like", async () => (await richWorkbook()).data],
    ["rich corpus: openpyxl's shape", async () => (await openpyxlWorkbook()).data],
    ["seed workbook, ministry layout, stacked", async () => Buffer.from(await buildSeedWorkbook({ layout: "ministry", stacked: true, extraSheet: true }).workbook.xlsx.writeBuffer())],
    ...fs
      .readdirSync(path.join(ROOT, "examples"))
      .filter((f) => f.endsWith(".xlsx"))
      .map((f): [string, () => Promise<Uint8Array>] => [`examples/${f}`, async () => fs.readFileSync(path.join(ROOT, "examples", f))]),
    ["../shared/fixtures/libreoffice-sample.xlsx", async () => fs.readFileSync(path.join(ROOT, "..", "shared", "fixtures", "libreoffice-sample.xlsx"))],
  ];
  test.each(files)("%s", async (_name, load) => {
    const { ours, saxes } = await bothGrids(await load());
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.some((g) => g.values.length > 0)).toBe(true);
    expect(ours).toEqual(saxes);
  });

  test("and the same windows of a sheet too big for one grid", async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 3000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>行&amp;${r}</t></is></c></row>`);
    const bytes = workbook({ sheetXml: `<worksheet ${NS}><sheetData>${rows.join("\n")}</sheetData><mergeCells><mergeCell ref="A2:B2"/></mergeCells></worksheet>` });
    const windows = async (xml: "saxes" | "tokenizer") => {
      const wb = await openWorkbook(bytes, { ...OPTIONS, windowCells: 500, xml });
      const out: Array<[Grid, unknown]> = [];
      await wb.readSheet(wb.parts.sheets[0], (g, w) => out.push([g, w]));
      return out;
    };
    const ours = await windows("tokenizer");
    expect(ours.length).toBeGreaterThan(1);
    expect(ours).toEqual(await windows("saxes"));
  });
});

/**
 * Element events with adjacent text joined (both parsers may split text; the reader's handlers join it too).
 * Whitespace outside the root is left out: saxes reports it, the tokenizer does not, and it is no part of a sheet.
 */
function events(parse: (h: XmlHandler) => void): string[] {
  const out: string[] = [];
  let text = "";
  let depth = 0;
  const flush = () => {
    if (text !== "" && depth > 0) out.push(`text ${JSON.stringify(text)}`);
    text = "";
  };
  parse({
    open(name, a) {
      flush();
      const attrs = a
        .names()
        .sort()
        .map((k) => `${k}=${JSON.stringify(a.get(k))}`);
      out.push(`open ${name} ${attrs.join(" ")}`);
      depth++;
    },
    close(name) {
      flush();
      out.push(`close ${name}`);
      depth--;
    },
    text(t) {
      text += t;
    },
  });
  flush();
  return out;
}

const withSaxes = (xml: Buffer) => events((h) => {
  const p = new XmlStream("part.xml", h);
  p.write(xml);
  p.end();
});

/** The tokenizer fed `xml` cut at `cuts` (byte offsets: a cut may fall inside a tag, an entity or a UTF-8 character). */
const withTokenizer = (xml: Buffer, cuts: number[] = []) => events((h) => {
  const t = new XmlTokenizer("part.xml", h);
  let from = 0;
  for (const c of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (c <= from || c >= xml.length) continue;
    t.write(xml.subarray(from, c));
    from = c;
  }
  t.write(xml.subarray(from));
  t.end();
});

// Generated SpreadsheetML: text that needs escaping, written as entities, character references or CDATA.
const textChar = fc.constantFrom("a", "Z", "7", " ", "执", "行", "率", "%", "≥", "<", ">", "&", '"', "'", "\n", "\r\n", "\t", "😀", "]", "_x000D_");
const rawText = fc.array(textChar, { maxLength: 12 }).map((a) => a.join(""));
const escapeText = (s: string, style: number): string => {
  if (style === 2 && !s.includes("]]>") && !s.includes("\r")) return `<![CDATA[${s}]]>`;
  return s.replace(/[&<>"']/g, (c) => (style === 1 ? `&#${c.charCodeAt(0)};` : style === 3 ? `&#x${c.charCodeAt(0).toString(16)};` : ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" } as Record<string, string>)[c]));
};
const attrValue = (s: string, quote: string) => s.replace(/[&<"']/g, (c) => (c === quote || c === "&" || c === "<" ? ({ "&": "&amp;", "<": "&lt;", '"': "&quot;", "'": "&apos;" } as Record<string, string>)[c] : c));

interface GenCell {
  kind: "n" | "s" | "inline" | "str" | "b" | "blank";
  num: number;
  text: string;
  style: number;
  escape: number;
  attrOrder: number[];
  quote: string;
  space: string;
  withR: boolean;
}
const genCell = fc.record<GenCell>({
  kind: fc.constantFrom("n", "s", "inline", "str", "b", "blank"),
  num: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  text: rawText,
  style: fc.integer({ min: 0, max: 3 }),
  escape: fc.integer({ min: 0, max: 3 }),
  attrOrder: fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
  quote: fc.constantFrom('"', "'"),
  space: fc.constantFrom(" ", "  ", "\n  ", "\t", " \r\n"),
  withR: fc.boolean(),
});
interface GenSheet {
  prefix: string;
  rows: GenCell[][];
  comment: boolean;
  indent: string;
  merge: boolean;
}
const genSheet = fc.record<GenSheet>({
  prefix: fc.constantFrom("", "x:"),
  rows: fc.array(fc.array(genCell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
  comment: fc.boolean(),
  indent: fc.constantFrom("", "\n", "\r\n  "),
  merge: fc.boolean(),
});

function sheetXml(g: GenSheet): string {
  const p = g.prefix;
  const ns = p ? NS.replace('xmlns="', `xmlns:${p.slice(0, -1)}="`) : NS;
  const rows = g.rows.map((cells, r) => {
    const body = cells.map((c, i) => {
      const ref = `${String.fromCharCode(65 + i)}${r + 1}`;
      const q = c.quote;
      const t = { n: null, s: "s", inline: "inlineStr", str: "str", b: "b", blank: null }[c.kind];
      const attrs = [c.withR ? `r=${q}${ref}${q}` : "", `s${c.space}=${c.space}${q}${c.style}${q}`, t ? `t=${q}${attrValue(t, q)}${q}` : ""];
      const open = `<${p}c${c.attrOrder.map((k) => (attrs[k] ? c.space + attrs[k] : "")).join("")}`;
      const text = escapeText(c.text, c.escape);
      switch (c.kind) {
        case "blank":
          return `${open}/>`;
        case "n":
          return `${open}><${p}v>${c.num}</${p}v></${p}c>`;
        case "s":
          return `${open}><${p}v>${Math.abs(Math.trunc(c.num)) % 3}</${p}v></${p}c>`;
        case "inline":
          return `${open}><${p}is>${g.comment ? "<!-- rich -->" : ""}<${p}r><${p}t xml:space=${q}preserve${q}>${text}</${p}t></${p}r><${p}t>${text}</${p}t></${p}is></${p}c>`;
        case "str":
          return `${open}><${p}f>${text}</${p}f><${p}v>${text}</${p}v></${p}c>`;
        case "b":
          return `${open}><${p}v>${c.num > 0 ? 1 : 0}</${p}v></${p}c>`;
      }
    });
    return `<${p}row r="${r + 1}"${g.indent ? ` spans="1:${cells.length}"` : ""}>${body.join(g.indent)}</${p}row>`;
  });
  const merges = g.merge ? `<${p}mergeCells count='1'><${p}mergeCell ref = 'A1:B1' /></${p}mergeCells>` : "";
  rows.push(`<${p}row><${p}c><${p}v>1</${p}v></${p}c></${p}row>`); // never an empty grid
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${g.indent}${g.comment ? "<!-- made by a test -->" : ""}<${p}worksheet ${ns}>${g.indent}<${p}sheetData>${rows.join(g.indent)}</${p}sheetData>${merges}</${p}worksheet>${g.indent}`;
}

describe("generated sheet XML", () => {
  test("the same grids as saxes", async () => {
    await fc.assert(
      fc.asyncProperty(genSheet, async (g) => {
        const { ours, saxes } = await bothGrids(workbook({ sheetXml: sheetXml(g) }));
        expect(ours).toEqual(saxes);
        expect(ours[0].values.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  test("the same events as saxes, however the bytes are cut into chunks", () => {
    fc.assert(
      fc.property(genSheet, fc.array(fc.nat(), { maxLength: 6 }), (g, cuts) => {
        const xml = Buffer.from(sheetXml(g));
        const expected = withSaxes(xml);
        expect(withTokenizer(xml)).toEqual(expected);
        expect(withTokenizer(xml, cuts.map((c) => c % xml.length))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  test("every cut of one part, byte by byte", () => {
    const xml = Buffer.from(`<?xml version="1.0"?>\r\n<!DOCTYPE w [<!ELEMENT w ANY>]><w a='1 &amp;&#x4E2D;\r\n2'><x:c r="A1" t = "s"><![CDATA[<&>]]>&lt;执&#13;行&#x1F600;</x:c><!-- - --><?pi x?><e/></w>\n`);
    const expected = withSaxes(xml);
    expect(expected).toContain('open w a="1 &中 2"');
    for (let i = 1; i < xml.length; i++) expect(withTokenizer(xml, [i])).toEqual(expected);
  });
});

describe("malformed parts are refused as saxes refuses them", () => {
  test.each([
    ["an element not closed", "<a><b></a>"],
    ["the root not closed", "<a><b/>"],
    ["an end tag with no start", "<a/></a>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["an entity without ;", "<a>&amp</a>"],
    ["a bad character reference", "<a>&#0;</a>"],
    ["an unquoted attribute", "<a b=1/>"],
    ["an attribute twice", '<a b="1" b="2"/>'],
    ["< in an attribute", '<a b="<"/>'],
    ["an unknown entity in an attribute no one reads", '<a b="&x;"/>'],
    ["text after the root", "<a/>text"],
    ["two roots", "<a/><b/>"],
    ["no root", "<?xml version='1.0'?>"],
    ["a tag cut off", '<a><b c="1"'],
  ])("%s", (_name, xml) => {
    const buf = Buffer.from(xml);
    expect(() => withSaxes(buf)).toThrow();
    expect(() => withTokenizer(buf)).toThrow(/不是合法的 XML/);
  });

  test("a node of more than 32 MB is refused before it is held whole", () => {
    const t = new XmlTokenizer("part.xml", { open() {}, close() {}, text() {} });
    t.write(Buffer.from('<a><!-- '));
    const chunk = Buffer.alloc(2 ** 20, 0x61);
    expect(() => {
      for (let i = 0; i < 40; i++) t.write(chunk);
    }).toThrow(/超过 32 MB 的单个 XML 节点/);
  });
});
