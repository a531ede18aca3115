/**
 * Workbooks in other producers' shapes, written here as plain XML parts (issue 9, item 3): relative and absolute
 * relationship targets, any sheet part name, a hidden sheet, rich shared strings with a phonetic guide, and a sheet
 * holding every cell type with no <dimension> and rows and cells mostly without `r`. Shared by the reader's tests
 * (read.test.ts) and the tokenizer's (tokenizer.test.ts).
 */
import { zip } from "../cli/zipkit";

export const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const rels = (items: Array<[string, string, string]>) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`)
    .join("")}</Relationships>`;

export const STYLES = `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00%"/></numFmts><cellStyleXfs count="1"><xf numFmtId="3"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="2" applyNumberFormat="1"/></cellXfs></styleSheet>`;
export const STRINGS = `<sst ${NS} count="3" uniqueCount="3"><si><t>项目名称</t></si><si><r><rPr><b/></rPr><t>执行</t></r><r><t xml:space="preserve">率 </t></r><rPh sb="0" eb="2"><t>シッコウ</t></rPh></si><si><t>第一行_x000D_
第二行</t></si></sst>`;

export interface Shape {
  absolute?: boolean;
  date1904?: boolean;
  prefix?: string;
  sheetPart?: string;
  sheetXml: string;
}

export function workbook(shape: Shape): Buffer {
  const part = shape.sheetPart ?? "xl/worksheets/sheet1.xml";
  const t = (p: string, rel: string) => (shape.absolute ? `/${p}` : rel);
  return zip([
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
    { name: "_rels/.rels", data: Buffer.from(rels([["rId1", "officeDocument", t("xl/workbook.xml", "xl/workbook.xml")]])) },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `<workbook ${NS}><workbookPr${shape.date1904 ? ' date1904="1"' : ""}/><sheets><sheet name="数据" sheetId="1" r:id="rId1"/><sheet name="隐藏" sheetId="2" state="hidden" r:id="rId9"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        rels([
          ["rId1", "worksheet", t(part, part.replace(/^xl\//, ""))],
          ["rId9", "worksheet", t("xl/worksheets/hidden.xml", "./worksheets/../worksheets/hidden.xml")],
          ["rId2", "styles", t("xl/styles.xml", "styles.xml")],
          ["rId3", "sharedStrings", t("xl/sharedStrings.xml", "sharedStrings.xml")],
        ]),
      ),
    },
    { name: "xl/styles.xml", data: Buffer.from(STYLES) },
    { name: "xl/sharedStrings.xml", data: Buffer.from(STRINGS) },
    { name: part, data: Buffer.from(shape.sheetXml) },
    { name: "xl/worksheets/hidden.xml", data: Buffer.from(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>内部</t></is></c></row></sheetData></worksheet>`) },
  ]);
}

/** Every cell type in one sheet, with no <dimension>, rows and cells mostly without `r`. */
export const SHEET = (p = "") => `<${p}worksheet ${p ? NS.replace('xmlns="', `xmlns:${p.slice(0, -1)}="`) : NS}><${p}sheetData>
<${p}row><${p}c t="s"><${p}v>0</${p}v></${p}c><${p}c t="s"><${p}v>1</${p}v></${p}c><${p}c t="s"><${p}v>2</${p}v></${p}c></${p}row>
<${p}row><${p}c t="inlineStr"><${p}is><${p}t>内联</${p}t></${p}is></${p}c><${p}c t="inlineStr"><${p}is><${p}r><${p}t>富</${p}t></${p}r><${p}r><${p}t>文本</${p}t></${p}r></${p}is></${p}c><${p}c s="1"><${p}v>0.9824</${p}v></${p}c></${p}row>
<${p}row r="4"><${p}c r="A4"><${p}v>10</${p}v></${p}c><${p}c r="B4"><${p}f t="shared" ref="B4:B6" si="0">A4*2</${p}f><${p}v>20</${p}v></${p}c><${p}c t="str"><${p}f>"合计"&amp;A4</${p}f><${p}v>合计10</${p}v></${p}c></${p}row>
<${p}row><${p}c><${p}v>11</${p}v></${p}c><${p}c><${p}f t="shared" si="0"/><${p}v>22</${p}v></${p}c><${p}c t="e"><${p}f>1/0</${p}f><${p}v>#DIV/0!</${p}v></${p}c></${p}row>
<${p}row><${p}c r="A6"><${p}v>12</${p}v></${p}c><${p}c r="B6"><${p}f t="shared" si="0"/><${p}v>24</${p}v></${p}c><${p}c r="C6" t="b"><${p}v>1</${p}v></${p}c></${p}row>
<${p}row r="8"><${p}c r="A8" s="2"><${p}v>45291</${p}v></${p}c><${p}c r="B8" t="d"><${p}v>2024-12-31T00:00:00</${p}v></${p}c><${p}c r="C8" s="3"/></${p}row>
</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref="A10:C10"/></${p}mergeCells></${p}worksheet>`;

