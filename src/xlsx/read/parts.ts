/**
 * The small parts of a workbook: the package relationships, workbook.xml (sheets, 1904 dates), sharedStrings and
 * styles (numFmts and cellXfs). Each is streamed through the XML tokenizer; only what a grid needs is kept.
 */
import { XlsxError } from "../errors";
import { XmlTokenizer } from "../tokenizer";
import { XmlStream, type XmlHandler } from "../xml";
import { relsPartOf, resolveTarget, type Inflate, type ZipArchive } from "../zip";

export interface Budget {
  /** Bytes the parts read may still inflate to, together. */
  left: number;
  readonly max: number;
  readonly tooBig: () => XlsxError;
  /** saxes instead of the tokenizer: the reference the tests compare the tokenizer's grids with. */
  readonly saxes?: boolean;
}

/** Streams one part through `handler`; a missing part is `null` (the caller decides whether that matters). */
export async function parsePart(zip: ZipArchive, part: string, inflate: Inflate, budget: Budget, handler: XmlHandler): Promise<boolean> {
  const entry = zip.get(part);
  if (!entry) return false;
  const xml = budget.saxes ? new XmlStream(part, handler) : new XmlTokenizer(part, handler);
  let n = 0;
  await zip.inflate(entry, inflate, budget.left, budget.tooBig, (chunk) => {
    n += chunk.length;
    xml.write(chunk);
  });
  budget.left -= n;
  xml.end();
  return true;
}

export interface Relationship {
  id: string;
  type: string;
  /** The target part, resolved to a ZIP entry name; null for external targets. */
  part: string | null;
}

export async function readRels(zip: ZipArchive, source: string, inflate: Inflate, budget: Budget): Promise<Relationship[]> {
  const out: Relationship[] = [];
  await parsePart(zip, relsPartOf(source), inflate, budget, {
    open(name, a) {
      const target = name === "Relationship" ? a.get("Target") : undefined;
      if (!target) return;
      const external = a.get("TargetMode") === "External";
      out.push({ id: a.get("Id") ?? "", type: a.get("Type") ?? "", part: external ? null : resolveTarget(source, target) });
    },
    close() {},
    text() {},
  });
  return out;
}

const REL = (type: string) => (r: Relationship) => r.type.endsWith(`/${type}`);

export interface SheetEntry {
  name: string;
  /** The worksheet part (any name: the relationships decide). */
  part: string;
  state: "visible" | "hidden" | "veryHidden";
  /** 0-based position among the workbook's sheets (calcChain's `i` counts sheetId, not this). */
  index: number;
  sheetId: number;
}

export interface WorkbookParts {
  workbookPart: string;
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
  workbookRels: Relationship[];
}

/** Follows `_rels/.rels` to the workbook part (not always xl/workbook.xml), then its relationships to the sheets. */
export async function readWorkbookParts(zip: ZipArchive, inflate: Inflate, budget: Budget): Promise<WorkbookParts> {
  const root = await readRels(zip, "", inflate, budget);
  const officeDoc = root.find(REL("officeDocument"))?.part ?? (zip.get("xl/workbook.xml") ? "xl/workbook.xml" : null);
  if (!officeDoc || !zip.get(officeDoc)) {
    throw new XlsxError("not-xlsx", "是 ZIP 压缩包但不是 Excel 工作簿（缺少 xl/workbook.xml，可能是 .docx 等其他文件）");
  }
  const rels = await readRels(zip, officeDoc, inflate, budget);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let position = 0;
  await parsePart(zip, officeDoc, inflate, budget, {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.get("date1904") === "1" || a.get("date1904") === "true";
      if (name !== "sheet") return;
      const index = position++;
      // r:id is namespaced; producers bind the prefix differently, so take any attribute named `…:id`.
      const idName = a.names().find((k) => k === "id" || k.endsWith(":id"));
      const rid = idName ? a.get(idName) : undefined;
      const rel = rid ? byId.get(rid) : undefined;
      // Chartsheets and dialogsheets hold no cells.
      if (!rel?.part || !REL("worksheet")(rel) || !zip.get(rel.part)) return;
      const s = a.get("state");
      const state = s === "hidden" || s === "veryHidden" ? s : "visible";
      sheets.push({ name: a.get("name") ?? `Sheet${index + 1}`, part: rel.part, state, index, sheetId: Number(a.get("sheetId")) || index + 1 });
    },
    close() {},
    text() {},
  });
  return {
    workbookPart: officeDoc,
    sheets,
    date1904,
    sharedStringsPart: rels.find(REL("sharedStrings"))?.part ?? null,
    stylesPart: rels.find(REL("styles"))?.part ?? null,
    workbookRels: rels,
  };
}

/** `_x000D_` and the like: how OOXML escapes characters XML cannot hold (ECMA-376 ST_Xstring). */
export function unescapeX(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/**
 * Text of a string item (`<si>` or `<is>`): plain `<t>`, or rich-text runs `<r><t>`; phonetic guides (`<rPh>`) are
 * not part of the text. `open`/`close`/`text` are fed the item's inner events.
 */
export class StringItem {
  private parts: string[] = [];
  private inT = false;
  private inPhonetic = 0;
  open(name: string): void {
    if (name === "rPh") this.inPhonetic++;
    else if (name === "t" && this.inPhonetic === 0) this.inT = true;
  }
  close(name: string): void {
    if (name === "rPh") this.inPhonetic--;
    else if (name === "t") this.inT = false;
  }
  text(t: string): void {
    if (this.inT) this.parts.push(t);
  }
  take(): string {
    const s = unescapeX(this.parts.length === 1 ? this.parts[0] : this.parts.join(""));
    this.parts = [];
    return s;
  }
}

export async function readSharedStrings(zip: ZipArchive, part: string | null, inflate: Inflate, budget: Budget): Promise<string[]> {
  const out: string[] = [];
  if (!part) return out;
  const item = new StringItem();
  let inSi = false;
  await parsePart(zip, part, inflate, budget, {
    open(name) {
      if (name === "si") inSi = true;
      else if (inSi) item.open(name);
    },
    close(name) {
      if (name === "si") {
        inSi = false;
        out.push(item.take());
      } else if (inSi) item.close(name);
    },
    text(t) {
      if (inSi) item.text(t);
    },
  });
  return out;
}

/** Excel's built-in number formats by id (ECMA-376 18.8.30), as ExcelJS names them. */
const BUILTIN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};
/** Ids 27–36 and 50–58 are locale date formats (the zh-CN ones among them); their codes are not stored in the file. */
const LOCALE_DATE = (id: number) => (id >= 27 && id <= 36) || (id >= 50 && id <= 58);

/** A format code that shows a date or time: y m d h s outside quotes, escapes and brackets (not `[h]` durations' digits). */
export function isDateFormat(code: string | null): boolean {
  if (!code) return false;
  const bare = code.split(";")[0].replace(/"[^"]*"|\\.|_.|\*./g, "").replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare);
}

export interface Styles {
  /** Number format code per cellXfs index; null for General. */
  formats: (string | null)[];
  /** Whether that format shows a date (the cell's number is then read as a date serial). */
  dates: boolean[];
  /** numFmtId per cellXfs index (the patcher derives new styles from it). */
  numFmtIds: number[];
}

export async function readStyles(zip: ZipArchive, part: string | null, inflate: Inflate, budget: Budget): Promise<Styles> {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  if (part) {
    let inXfs = false;
    await parsePart(zip, part, inflate, budget, {
      open(name, a) {
        if (name === "numFmt") custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
        else if (name === "cellXfs") inXfs = true;
        else if (name === "xf" && inXfs) ids.push(Number(a.get("numFmtId")) || 0);
      },
      close(name) {
        if (name === "cellXfs") inXfs = false;
      },
      text() {},
    });
  }
  const formats = ids.map((id) => formatCode(id, custom));
  return { formats, dates: ids.map((id, i) => LOCALE_DATE(id) || isDateFormat(formats[i])), numFmtIds: ids };
}

export function formatCode(id: number, custom: ReadonlyMap<number, string>): string | null {
  const code = custom.get(id) ?? BUILTIN[id] ?? (LOCALE_DATE(id) ? "yyyy-mm-dd" : null);
  return code && !/^general$/i.test(code) ? code : null;
}

export const EMPTY_STYLES: Styles = { formats: [], dates: [], numFmtIds: [] };
