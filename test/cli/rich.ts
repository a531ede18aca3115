/**
 * Rich workbooks for the fill round trip (issue 9): what finance offices' files hold besides cells. Built from a
 * real ExcelJS seed workbook (forms with their computed cells blank), then given, as real OPC parts, what ExcelJS
 * cannot write: a chart in the image's drawing, customXml, custom document properties, a calcChain, a sheet part
 * with a non-standard name, and (for the openpyxl shape) absolute relationship targets and openpyxl's part layout.
 */
import ExcelJS from "exceljs";
import { buildSeedWorkbook, type FormCells } from "../support/seedWorkbook";
import { unzip, zip, type ZipEntry } from "./zipkit";

/** A 1×1 PNG. */
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex");

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'表1'!$F$13:$F$20</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const CHART_ANCHOR = (rid: string) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="99" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;

const CUSTOM_PROPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="审核状态"><vt:lpwstr>待审核</vt:lpwstr></property></Properties>`;
const CUSTOM_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="\\APA.XSL"/>`;
const CUSTOM_XML_PROPS = `<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6A3F1A4B-1C2D-4E5F-8A9B-0C1D2E3F4A5B}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`;

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface Rich {
  name: string;
  data: Buffer;
  cells: FormCells[];
  /** The worksheet parts that hold the forms (what fill may change). */
  formParts: string[];
}

const text = (e: ZipEntry) => e.data.toString("utf8");

class Parts {
  constructor(public list: ZipEntry[]) {}
  get(name: string): string {
    const e = this.list.find((x) => x.name === name);
    if (!e) throw new Error(`no part ${name}`);
    return text(e);
  }
  has = (name: string) => this.list.some((x) => x.name === name);
  set(name: string, data: string | Buffer): void {
    const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    const e = this.list.find((x) => x.name === name);
    if (e) e.data = buf;
    else this.list.push({ name, data: buf });
  }
  edit(name: string, f: (s: string) => string): void {
    this.set(name, f(this.get(name)));
  }
  rename(from: string, to: string): void {
    const e = this.list.find((x) => x.name === from)!;
    e.name = to;
  }
  override(part: string, type: string): void {
    this.edit("[Content_Types].xml", (s) => s.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`));
  }
  rel(relsPart: string, id: string, type: string, target: string): void {
    if (!this.has(relsPart)) this.set(relsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`);
    this.edit(relsPart, (s) => s.replace("</Relationships>", `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/></Relationships>`));
  }
}

/** The ExcelJS part of the corpus: what ExcelJS itself can write (image, comment, validation, cond. formats, names, hidden sheet, fit to page). */
async function excelJsBase(): Promise<{ entries: ZipEntry[]; cells: FormCells[] }> {
  const { workbook, cells } = buildSeedWorkbook({ forms: [0, 1], blankComputed: true, extraSheet: true });
  const ws = workbook.getWorksheet("表1")!;
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 1;
  ws.getCell("B3").note = { texts: [{ text: "审核人：张三" }] };
  ws.getCell("F13").dataValidation = { type: "decimal", operator: "between", allowBlank: true, formulae: [0, 100] };
  ws.addConditionalFormatting({ ref: "G13:G20", rules: [{ type: "cellIs", operator: "lessThan", formulae: [5], priority: 1, style: { font: { color: { argb: "FFFF0000" } } } }] });
  const image = workbook.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(image, { tl: { col: 9, row: 16 }, ext: { width: 40, height: 40 } });
  workbook.definedNames.add("'表1'!$G$21", "总分");
  const hidden = workbook.addWorksheet("隐藏", { state: "hidden" });
  hidden.getCell("A1").value = "内部备注";
  return { entries: unzip(Buffer.from(await workbook.xlsx.writeBuffer())), cells };
}

/** The Excel-like rich workbook: ExcelJS's parts plus chart, customXml, custom properties, calcChain, and 表2 in `xl/worksheets/form-b.xml`. */
export async function richWorkbook(): Promise<Rich> {
  const { entries, cells } = await excelJsBase();
  const p = new Parts(entries);
  addCommon(p, "xl/worksheets/sheet1.xml");
  // 表2's part gets a name of its own: the workbook's relationships are what name it.
  p.rename("xl/worksheets/sheet2.xml", "xl/worksheets/form-b.xml");
  p.edit("xl/_rels/workbook.xml.rels", (s) => s.replace('Target="worksheets/sheet2.xml"', 'Target="worksheets/form-b.xml"'));
  p.edit("[Content_Types].xml", (s) => s.replace('PartName="/xl/worksheets/sheet2.xml"', 'PartName="/xl/worksheets/form-b.xml"'));
  const sheet2Rels = "xl/worksheets/_rels/sheet2.xml.rels";
  if (p.has(sheet2Rels)) p.rename(sheet2Rels, "xl/worksheets/_rels/form-b.xml.rels");
  return { name: "rich-excel.xlsx", data: zip(p.list), cells, formParts: ["xl/worksheets/sheet1.xml", "xl/worksheets/form-b.xml"] };
}

/**
 * openpyxl's shape: absolute relationship targets (`/xl/worksheets/sheet1.xml`: what made ExcelJS call such files
 * corrupt), parts under openpyxl's names, `<workbookPr/>` with no date system, comments in `xl/comments/`.
 */
export async function openpyxlWorkbook(): Promise<Rich> {
  const { entries, cells } = await excelJsBase();
  const p = new Parts(entries);
  addCommon(p, "xl/worksheets/sheet1.xml");
  for (const e of p.list.filter((x) => x.name.endsWith(".rels"))) {
    // `a/_rels/b.xml.rels` holds b.xml's relationships, resolved against `a/`; the package's own are at the root.
    const dir = e.name.slice(0, e.name.lastIndexOf("_rels/"));
    e.data = Buffer.from(
      text(e).replace(/Target="([^"]+)"/g, (m, t: string) => {
        if (/^(https?:|mailto:|\/)/.test(t) || /TargetMode="External"/.test(m)) return m;
        const parts: string[] = [];
        for (const seg of (dir + t).split("/")) {
          if (seg === "..") parts.pop();
          else if (seg && seg !== ".") parts.push(seg);
        }
        return `Target="/${parts.join("/")}"`;
      }),
    );
  }
  // openpyxl keeps comments under xl/comments/commentN.xml.
  const comments = p.list.find((x) => /^xl\/comments\d*\.xml$/.test(x.name));
  if (comments) {
    const to = "xl/comments/comment1.xml";
    const from = comments.name;
    p.rename(from, to);
    for (const e of p.list) if (e.name.endsWith(".rels") || e.name === "[Content_Types].xml") e.data = Buffer.from(text(e).split(`/${from}`).join(`/${to}`));
  }
  p.edit("xl/workbook.xml", (s) => s.replace(/<workbookPr[^>]*\/>/, "<workbookPr/>"));
  return { name: "openpyxl-shape.xlsx", data: zip(p.list), cells, formParts: ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] };
}

/** What every rich variant gets on top of ExcelJS's parts. */
function addCommon(p: Parts, formSheet: string): void {
  const drawing = p.list.find((x) => /^xl\/drawings\/drawing\d+\.xml$/.test(x.name));
  if (!drawing) throw new Error("ExcelJS wrote no drawing for the image");
  const drawingRels = drawing.name.replace(/([^/]+)$/, "_rels/$1.rels");
  p.set("xl/charts/chart1.xml", CHART);
  p.override("xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
  p.rel(drawingRels, "rIdChart1", "chart", "../charts/chart1.xml");
  p.edit(drawing.name, (s) => s.replace(/<\/(xdr:)?wsDr>$/, (m) => `${CHART_ANCHOR("rIdChart1")}${m}`));
  p.set("docProps/custom.xml", CUSTOM_PROPS);
  p.override("docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml");
  p.rel("_rels/.rels", "rIdCustom", "custom-properties", "docProps/custom.xml");
  p.set("customXml/item1.xml", CUSTOM_XML);
  p.set("customXml/itemProps1.xml", CUSTOM_XML_PROPS);
  p.set("customXml/_rels/item1.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`);
  p.override("customXml/itemProps1.xml", "application/vnd.openxmlformats-officedocument.customXmlProperties+xml");
  p.rel("xl/_rels/workbook.xml.rels", "rIdCustomXml1", "customXml", "../customXml/item1.xml");
  // The extra sheet's SUM is in the calculation chain.
  const extraIndex = (p.get("xl/workbook.xml").match(/<sheet\b[^>]*name="其他数据"[^>]*sheetId="(\d+)"/) ?? [])[1] ?? "3";
  p.set("xl/calcChain.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B4" i="${extraIndex}"/></calcChain>`);
  p.override("xl/calcChain.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml");
  p.rel("xl/_rels/workbook.xml.rels", "rIdCalc", "calcChain", "calcChain.xml");
  p.edit("xl/workbook.xml", (s) => (s.includes("<calcPr") ? s : s.replace("</workbook>", '<calcPr calcId="191029" fullCalcOnLoad="1" iterate="1" iterateCount="50"/></workbook>')));
  if (!p.get(formSheet).includes("fitToPage")) throw new Error("ExcelJS wrote no fitToPage");
}
