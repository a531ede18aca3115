/**
 * A template (src/core/template) as a real .xlsx: one worksheet part per sheet, inline strings (no shared-strings
 * table to keep in step), formulas without cached values and `fullCalcOnLoad` so that Excel and LibreOffice compute
 * them on open, drop-down lists as data validations, input cells unlocked (sheet protection off), and the page set
 * up as A4, one page wide. Nothing here is a runtime dependency beyond the project's own ZIP writer.
 */
import { a1, rangeA1 } from "../../core/grid";
import type { TemplateCell, TemplateSheet } from "../../core/template";
import type { ZipCodec } from "../zipWrite";
import { StyleTable } from "./styles";
import { newZip } from "./zipNew";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** Text as XML 1.0 can hold it: control characters as OOXML's `_xHHHH_` escapes (a literal `_xHHHH_` escaped too). */
function escapeText(s: string): string {
  const x = s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => "_x005F" + m)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return escapeXml(x);
}

function cellXml(c: TemplateCell, style: number): string {
  const r = a1(c.row, c.col);
  const s = style ? ` s="${style}"` : "";
  if (c.formula !== undefined) return `<c r="${r}"${s}><f>${escapeXml(c.formula)}</f></c>`;
  if (c.value === null || c.value === "") return `<c r="${r}"${s}/>`;
  if (typeof c.value === "number") {
    if (!Number.isFinite(c.value)) throw new Error(`${r}: ${c.value} is not a number Excel can store`);
    return `<c r="${r}"${s}><v>${c.value}</v></c>`;
  }
  // An inline string is text whatever it starts with: `=100.00(%)` stays a target, never a formula.
  const space = /^\s|\s$|\n/.test(c.value) ? ' xml:space="preserve"' : "";
  return `<c r="${r}"${s} t="inlineStr"><is><t${space}>${escapeText(c.value)}</t></is></c>`;
}

function sheetXml(sheet: TemplateSheet, styles: StyleTable): string {
  const byRow = new Map<number, TemplateCell[]>();
  for (const c of sheet.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const lastRow = rows[rows.length - 1] ?? 0;
  const lastCol = Math.max(sheet.widths.length - 1, ...sheet.cells.map((c) => c.col));
  const data = rows
    .map((r) => {
      const h = sheet.heights.get(r);
      const cells = byRow.get(r)!.sort((a, b) => a.col - b.col).map((c) => cellXml(c, styles.index(c.style, c.format)));
      return `<row r="${r + 1}"${h ? ` ht="${h}" customHeight="1"` : ""}>${cells.join("")}</row>`;
    })
    .join("");
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const merges = sheet.merges.map((m) => `<mergeCell ref="${rangeA1(m.top, m.left, m.bottom, m.right)}"/>`).join("");
  const lists = sheet.validations
    .map((v) => {
      // A list literal is one quoted, comma-separated string of at most 255 characters.
      const items = v.items.join(",");
      if (items.length > 255 || v.items.some((i) => /[,"]/.test(i))) throw new Error(`list too long or not listable: ${items}`);
      const error = v.strict ? ' showErrorMessage="1" errorStyle="stop"' : ' showErrorMessage="0"';
      return (
        `<dataValidation type="list" allowBlank="1" showInputMessage="1"${error} promptTitle="${escapeXml("填写说明")}" prompt="${escapeXml(v.prompt)}" ` +
        `sqref="${rangeA1(v.range.top, v.range.left, v.range.bottom, v.range.right)}"><formula1>${escapeXml(`"${items}"`)}</formula1></dataValidation>`
      );
    })
    .join("");
  return (
    XML_HEAD +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="${rangeA1(0, 0, lastRow, lastCol)}"/>` +
    '<sheetViews><sheetView workbookViewId="0" tabSelected="1"/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="18"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData>${data}</sheetData>` +
    (merges ? `<mergeCells count="${sheet.merges.length}">${merges}</mergeCells>` : "") +
    (lists ? `<dataValidations count="${sheet.validations.length}">${lists}</dataValidations>` : "") +
    '<printOptions horizontalCentered="1"/>' +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    // paperSize 9 = A4; fitToWidth 1 and fitToHeight 0: one page wide, as many pages tall as it takes.
    `<pageSetup paperSize="9" orientation="${sheet.print.landscape ? "landscape" : "portrait"}" fitToWidth="${sheet.print.fitToWidth}" fitToHeight="0"/>` +
    "</worksheet>"
  );
}

/** Excel's rules for a sheet name: 1–31 characters, none of `: \ / ? * [ ]`, not starting or ending with `'`. */
export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) throw new Error(`工作表名称不合法：${name}`);
}

/** The workbook's bytes: one worksheet per template sheet, in order. */
export function templateWorkbook(sheets: readonly TemplateSheet[], codec: ZipCodec): Uint8Array {
  if (sheets.length === 0) throw new Error("no sheet");
  const names = new Set<string>();
  for (const s of sheets) {
    checkSheetName(s.name);
    if (names.has(s.name.toLowerCase())) throw new Error(`工作表名称重复：${s.name}`);
    names.add(s.name.toLowerCase());
  }
  const styles = new StyleTable();
  const sheetParts = sheets.map((s) => sheetXml(s, styles));
  const parts = new Map<string, string>();
  parts.set(
    "[Content_Types].xml",
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      "</Types>",
  );
  parts.set("_rels/.rels", XML_HEAD + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  parts.set(
    "xl/workbook.xml",
    XML_HEAD +
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
      '<bookViews><workbookView activeTab="0"/></bookViews>' +
      `<sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` +
      // No cached values are written: the application computes every formula when it opens the file.
      '<calcPr calcId="191029" fullCalcOnLoad="1"/>' +
      "</workbook>",
  );
  parts.set(
    "xl/_rels/workbook.xml.rels",
    XML_HEAD +
      `<Relationships xmlns="${PKG_REL}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
      "</Relationships>",
  );
  sheetParts.forEach((xml, i) => parts.set(`xl/worksheets/sheet${i + 1}.xml`, xml));
  parts.set("xl/styles.xml", styles.xml());
  return newZip(parts, codec);
}
