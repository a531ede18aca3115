/**
 * `fill` as a patch: the output is the input archive with only the written cells changed. Each written <c> is
 * replaced or inserted (in column order; a missing <row> is created in row order) in its worksheet part; numbers
 * go in as <v>, text as an inline string (sharedStrings.xml is untouched, and text is never a formula). The cell
 * keeps its style `s`; only when the plan asks for another number format (a General cell receiving 0.00) is a style
 * appended to styles.xml, leaving every existing index as it was. Overwriting a formula drops calcChain.xml (Excel
 * rebuilds it silently; a stale chain makes it offer a repair). Every other part is copied compressed, untouched.
 */
import { a1 } from "../core/grid";
import { corrupt } from "./errors";
import { widenDimension, widenSpans } from "./extent";
import { type OpenWorkbook, shiftFormula } from "./read";
import { relsPartOf, type Inflate } from "./zip";
import { rewriteZip, type ZipCodec } from "./zipWrite";

export interface PatchWrite {
  sheet: string;
  row: number;
  col: number;
  value: string | number;
  /** The number format the cell must show; when it differs from the cell's own, a style is derived. */
  numberFormat?: string;
}

export interface PatchOptions extends ZipCodec {
  inflate: Inflate;
}

export interface PatchResult {
  bytes: Uint8Array;
  /** Part names rewritten (for the report and the tests). */
  changed: string[];
  /** True when a formula was overwritten and calcChain.xml dropped. */
  droppedCalcChain: boolean;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

async function text(wb: OpenWorkbook, part: string, inflate: Inflate): Promise<string | null> {
  const e = wb.zip.get(part);
  if (!e) return null;
  const chunks: Uint8Array[] = [];
  // The patched parts are held whole: a form's sheet, styles, the rels; never a part we only copy.
  await wb.zip.inflate(e, inflate, 1024 * 2 ** 20, () => corrupt(`${part} 过大`), (c) => chunks.push(c.slice()));
  let n = 0;
  for (const c of chunks) n += c.length;
  const all = new Uint8Array(n);
  n = 0;
  for (const c of chunks) {
    all.set(c, n);
    n += c.length;
  }
  return dec.decode(all);
}

const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** XML 1.0 cannot hold most control characters: OOXML writes them `_xHHHH_`, and a literal `_xHHHH_` as `_x005F_xHHHH_`. */
function escapeText(s: string): string {
  const x = s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => "_x005F" + m)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return escapeXml(x);
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[2] ?? m[3]) : null;
}

function colOf(ref: string): number {
  const m = /^([A-Za-z]{1,3})/.exec(ref);
  if (!m) return -1;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

function rowOfRef(ref: string): number {
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) - 1 : -1;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Where each write lands in a sheet's XML, and the sheet's element prefix (`x:` for some producers). */
function locate(xml: string, targets: ReadonlyArray<{ row: number; col: number }>) {
  const open = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw corrupt("工作表缺少 sheetData");
  const prefix = open[1] ?? "";
  const colStyles: Array<{ min: number; max: number; style: number }> = [];
  const colsRe = new RegExp(`<${prefix}col\\b[^>]*>`, "g");
  for (let m = colsRe.exec(xml.slice(0, open.index)); m; m = colsRe.exec(xml.slice(0, open.index))) {
    const style = Number(attr(m[0], "style") ?? 0);
    colStyles.push({ min: Number(attr(m[0], "min")) - 1, max: Number(attr(m[0], "max")) - 1, style });
  }
  const colStyle = (c: number) => colStyles.find((x) => c >= x.min && c <= x.max)?.style ?? 0;
  const selfClosing = open[2] === "/";
  const dataStart = open.index + open[0].length;
  const closeTag = `</${prefix}sheetData>`;
  const dataEnd = selfClosing ? open.index : xml.indexOf(closeTag, dataStart);
  if (dataEnd < 0) throw corrupt("工作表的 sheetData 未闭合");

  interface RowInfo {
    row: number;
    style: number | null;
    /** Offset just after the row's start tag, and of its end tag (`</row>`), or -1 for `<row/>`. */
    bodyStart: number;
    bodyEnd: number;
    tagStart: number;
    tagEnd: number;
    cells: Array<{ col: number; start: number; end: number; style: number; f: string | null }>;
  }
  const rows: RowInfo[] = [];
  const re = new RegExp(`<${prefix}(row|c)\\b[^>]*?(/?)>|</${prefix}row>`, "g");
  re.lastIndex = dataStart;
  let current: RowInfo | null = null;
  let nextRow = 0;
  let nextCol = 0;
  for (let m = re.exec(xml); m && m.index < dataEnd; m = re.exec(xml)) {
    const tag = m[0];
    if (m[1] === "row") {
      const r = attr(tag, "r");
      const row = r ? Number(r) - 1 : nextRow;
      nextRow = row + 1;
      nextCol = 0;
      const custom = attr(tag, "customFormat");
      const s = attr(tag, "s");
      current = { row, style: s !== null && (custom === "1" || custom === "true") ? Number(s) : null, bodyStart: m.index + tag.length, bodyEnd: -1, tagStart: m.index, tagEnd: m.index + tag.length, cells: [] };
      rows.push(current);
      if (m[2] === "/") current = null;
    } else if (m[1] === "c") {
      if (!current) continue;
      const r = attr(tag, "r");
      const col = r ? colOf(r) : nextCol;
      nextCol = col + 1;
      let end = m.index + tag.length;
      let f: string | null = null;
      if (m[2] !== "/") {
        const close = xml.indexOf(`</${prefix}c>`, end);
        if (close < 0) throw corrupt("单元格未闭合");
        const body = xml.slice(end, close);
        const fm = new RegExp(`<${prefix}f\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}f>)`).exec(body);
        f = fm ? fm[0] : null;
        end = close + `</${prefix}c>`.length;
        re.lastIndex = end;
      }
      current.cells.push({ col, start: m.index, end, style: Number(attr(tag, "s") ?? 0), f });
    } else {
      if (current) {
        current.bodyEnd = m.index;
        current.tagEnd = m.index + m[0].length;
      }
      current = null;
    }
  }

  return {
    prefix,
    spot(row: number, col: number) {
      const r = rows.find((x) => x.row === row);
      if (!r) {
        const after = rows.find((x) => x.row > row);
        return { kind: "row" as const, at: after ? after.tagStart : dataEnd, style: colStyle(col) };
      }
      const cell = r.cells.find((c) => c.col === col);
      if (cell) return { kind: "cell" as const, cell, style: cell.style };
      const after = r.cells.find((c) => c.col > col);
      if (r.bodyEnd < 0) return { kind: "emptyRow" as const, r, style: r.style ?? colStyle(col) };
      return { kind: "insert" as const, at: after ? after.start : r.bodyEnd, row: r, style: r.style ?? colStyle(col) };
    },
    selfClosing,
    dataEnd,
    openEnd: dataStart,
    openStart: open.index,
    rows,
    targets,
  };
}

function cellXml(prefix: string, row: number, col: number, style: number, value: string | number): string {
  const r = a1(row, col);
  const s = style ? ` s="${style}"` : "";
  if (typeof value === "number") return `<${prefix}c r="${r}"${s}><${prefix}v>${String(value)}</${prefix}v></${prefix}c>`;
  const t = escapeText(value);
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  return `<${prefix}c r="${r}"${s} t="inlineStr"><${prefix}is><${prefix}t${space}>${t}</${prefix}t></${prefix}is></${prefix}c>`;
}

/** Styles: an appended cellXfs entry per (style, number format) pair a write needs; existing indices never move. */
class StyleBook {
  private added = new Map<string, number>();
  private newXfs: string[] = [];
  private newFmts: Array<{ id: number; code: string }> = [];
  private xfTags: string[] | null = null;
  constructor(
    private readonly wb: OpenWorkbook,
    private xml: string | null,
  ) {}

  /** The style index showing `format`, derived from `style` when its own format differs. */
  styleFor(style: number, format: string | undefined): number {
    if (format === undefined) return style;
    const own = this.wb.styles.formats[style] ?? null;
    if ((own ?? "General") === format) return style;
    const key = `${style}\u0000${format}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    if (this.xml === null) return style; // no styles part to extend: the value is still right, shown as General
    const xfs = this.cellXfs();
    const base = xfs[style] ?? xfs[0] ?? "<xf/>";
    const id = this.fmtId(format);
    let xf = base.replace(/\snumFmtId\s*=\s*"[^"]*"/, "").replace(/\sapplyNumberFormat\s*=\s*"[^"]*"/, "");
    xf = xf.replace(/^<(\w+:)?xf\b/, (m) => `${m} numFmtId="${id}" applyNumberFormat="1"`);
    const index = this.wb.styles.formats.length + this.newXfs.length;
    this.newXfs.push(xf);
    this.added.set(key, index);
    return index;
  }

  private cellXfs(): string[] {
    if (this.xfTags) return this.xfTags;
    const m = /<(\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(\w+:)?cellXfs>/.exec(this.xml!);
    this.xfTags = m ? [...m[2].matchAll(/<(\w+:)?xf\b[^>]*?(?:\/>|>[\s\S]*?<\/(\w+:)?xf>)/g)].map((x) => x[0]) : [];
    return this.xfTags;
  }

  private fmtId(code: string): number {
    const builtin: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
    if (builtin[code] !== undefined) return builtin[code];
    const existing = [...this.xml!.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)].map((m) => m[0]);
    for (const tag of existing) if (attr(tag, "formatCode") === escapeXml(code) || attr(tag, "formatCode") === code) return Number(attr(tag, "numFmtId"));
    const mine = this.newFmts.find((f) => f.code === code);
    if (mine) return mine.id;
    const used = existing.map((t) => Number(attr(t, "numFmtId")) || 0);
    const id = Math.max(163, ...used, ...this.newFmts.map((f) => f.id)) + 1;
    this.newFmts.push({ id, code });
    return id;
  }

  /** styles.xml with the additions, or null when nothing was added. */
  result(): string | null {
    if (this.newXfs.length === 0 || this.xml === null) return null;
    let xml = this.xml;
    if (this.newFmts.length > 0) {
      const tags = this.newFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`).join("");
      const nf = /<(\w+:)?numFmts\b([^>]*?)(\/?)>/.exec(xml);
      if (nf && nf[3] !== "/") {
        const close = xml.indexOf(`</${nf[1] ?? ""}numFmts>`, nf.index);
        xml = xml.slice(0, close) + tags + xml.slice(close);
        xml = xml.replace(/(<(?:\w+:)?numFmts\b[^>]*?\scount=")(\d+)(")/, (_, a: string, n: string, b: string) => `${a}${Number(n) + this.newFmts.length}${b}`);
      } else {
        const ss = /<(\w+:)?styleSheet\b[^>]*>/.exec(xml)!;
        const block = `<numFmts count="${this.newFmts.length}">${tags}</numFmts>`;
        xml = nf ? xml.replace(nf[0], block) : xml.slice(0, ss.index + ss[0].length) + block + xml.slice(ss.index + ss[0].length);
      }
    }
    const close = /<\/(\w+:)?cellXfs>/.exec(xml);
    if (!close) return null;
    xml = xml.slice(0, close.index) + this.newXfs.join("") + xml.slice(close.index);
    xml = xml.replace(/(<(?:\w+:)?cellXfs\b[^>]*?\scount=")(\d+)(")/, (_, a: string, n: string, b: string) => `${a}${Number(n) + this.newXfs.length}${b}`);
    return xml;
  }
}

/** Applies `writes` to the workbook's bytes. Throws before anything is written when a write names no sheet. */
export async function patchWorkbook(wb: OpenWorkbook, writes: readonly PatchWrite[], options: PatchOptions): Promise<PatchResult> {
  const bySheet = new Map<string, PatchWrite[]>();
  for (const w of writes) {
    if (!Number.isInteger(w.row) || !Number.isInteger(w.col) || w.row < 0 || w.col < 0 || w.col > 16383 || w.row > 1048575) {
      throw new Error(`patch: bad position ${w.row},${w.col} on ${w.sheet}`);
    }
    if (typeof w.value === "number" && !Number.isFinite(w.value)) throw new Error(`patch: ${w.value} is not a number Excel can store`);
    if (!wb.parts.sheets.some((s) => s.name === w.sheet)) throw new Error(`patch: no sheet named ${JSON.stringify(w.sheet)}`);
    const list = bySheet.get(w.sheet) ?? [];
    list.push(w);
    bySheet.set(w.sheet, list);
  }
  const replace = new Map<string, Uint8Array | null>();
  const styles = new StyleBook(wb, wb.parts.stylesPart ? await text(wb, wb.parts.stylesPart, options.inflate) : null);
  let formulaOverwritten = false;

  for (const sheet of wb.parts.sheets) {
    const list = bySheet.get(sheet.name);
    if (!list) continue;
    // The last write to a cell wins; the rest are in row, then column order.
    const unique = new Map<string, PatchWrite>();
    for (const w of list) unique.set(`${w.row},${w.col}`, w);
    const sorted = [...unique.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    const xml = await text(wb, sheet.part, options.inflate);
    if (xml === null) continue;
    const place = locate(xml, sorted);
    const p = place.prefix;
    const edits: Edit[] = [];
    const newRows = new Map<number, { at: number; cells: string[]; row: number }>();
    const emptyRows = new Map<number, { r: { tagStart: number; tagEnd: number; row: number }; cells: string[]; cols: number[] }>();
    const orphanedShared = new Set<string>();
    /** Existing rows that receive a new cell: their `spans` must take in its column. */
    const widened = new Map<number, { r: { tagStart: number; bodyStart: number }; cols: number[] }>();
    for (const w of sorted) {
      const spot = place.spot(w.row, w.col);
      const style = styles.styleFor(spot.style, w.numberFormat);
      const c = cellXml(p, w.row, w.col, style, w.value);
      if (spot.kind === "cell") {
        if (spot.cell.f) {
          formulaOverwritten = true;
          const si = attr(spot.cell.f, "si");
          if (si !== null && attr(spot.cell.f, "t") === "shared" && !/\/>$/.test(spot.cell.f)) orphanedShared.add(si);
        }
        edits.push({ start: spot.cell.start, end: spot.cell.end, text: c });
      } else if (spot.kind === "insert") {
        edits.push({ start: spot.at, end: spot.at, text: c });
        const e = widened.get(spot.row.row) ?? { r: spot.row, cols: [] };
        e.cols.push(w.col);
        widened.set(spot.row.row, e);
      } else if (spot.kind === "emptyRow") {
        const e = emptyRows.get(spot.r.row) ?? { r: spot.r, cells: [], cols: [] };
        e.cells.push(c);
        e.cols.push(w.col);
        emptyRows.set(spot.r.row, e);
      } else {
        const e = newRows.get(w.row) ?? { at: spot.at, cells: [], row: w.row };
        e.cells.push(c);
        newRows.set(w.row, e);
      }
    }
    for (const { r, cells, cols } of emptyRows.values()) {
      const tag = widenSpans(xml.slice(r.tagStart, r.tagEnd), cols).replace(/\s*\/>$/, ">");
      edits.push({ start: r.tagStart, end: r.tagEnd, text: `${tag}${cells.join("")}</${p}row>` });
    }
    for (const { r, cols } of widened.values()) {
      const tag = xml.slice(r.tagStart, r.bodyStart);
      const fixed = widenSpans(tag, cols);
      if (fixed !== tag) edits.push({ start: r.tagStart, end: r.bodyStart, text: fixed });
    }
    for (const { at, cells, row } of newRows.values()) edits.push({ start: at, end: at, text: `<${p}row r="${row + 1}">${cells.join("")}</${p}row>` });
    if (place.selfClosing) {
      // <sheetData/>: the new rows go into a sheetData of their own.
      const rowsXml = edits.filter((e) => e.start === place.dataEnd).map((e) => e.text).join("");
      edits.length = 0;
      edits.push({ start: place.openStart, end: place.openEnd, text: `<${p}sheetData>${rowsXml}</${p}sheetData>` });
    }
    const dimension = widenDimension(xml, p, place.openStart, sorted);
    if (dimension) edits.push(dimension);
    // A shared formula's master was overwritten: each dependant gets the formula written out for itself.
    if (orphanedShared.size > 0) edits.push(...detachShared(xml, p, orphanedShared, edits));
    edits.sort((a, b) => a.start - b.start || a.end - b.end);
    let out = "";
    let last = 0;
    for (const e of edits) {
      out += xml.slice(last, e.start) + e.text;
      last = e.end;
    }
    out += xml.slice(last);
    replace.set(sheet.part, enc.encode(out));
  }

  const stylesXml = styles.result();
  if (stylesXml !== null && wb.parts.stylesPart) replace.set(wb.parts.stylesPart, enc.encode(stylesXml));

  let droppedCalcChain = false;
  if (formulaOverwritten) {
    const rel = wb.parts.workbookRels.find((r) => r.type.endsWith("/calcChain") && r.part);
    if (rel?.part && wb.zip.get(rel.part)) {
      droppedCalcChain = true;
      replace.set(wb.zip.get(rel.part)!.name, null);
      const relsPart = relsPartOf(wb.parts.workbookPart);
      const rels = await text(wb, relsPart, options.inflate);
      if (rels !== null) replace.set(wb.zip.get(relsPart)!.name, enc.encode(rels.replace(/<(\w+:)?Relationship\b[^>]*calcChain[^>]*\/>/g, "")));
      const types = await text(wb, "[Content_Types].xml", options.inflate);
      if (types !== null) replace.set(wb.zip.get("[Content_Types].xml")!.name, enc.encode(types.replace(/<(\w+:)?Override\b[^>]*calcChain[^>]*\/>/g, "")));
    }
  }
  return { bytes: rewriteZip(wb.zip, replace, options), changed: [...replace.keys()], droppedCalcChain };
}

/** Rewrites every `<f t="shared" si="N"/>` dependant of an overwritten master as its own formula. */
function detachShared(xml: string, p: string, orphaned: ReadonlySet<string>, edits: readonly Edit[]): Edit[] {
  const masters = new Map<string, { row: number; col: number; text: string }>();
  const out: Edit[] = [];
  // Self-closing cells are matched as such, so that no match runs on into the next cell's body.
  const cellRe = new RegExp(`<${p}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}c>)`, "g");
  for (const m of xml.matchAll(cellRe)) {
    const body = m[2];
    const ref = attr(m[1] + " ", "r");
    if (body === undefined || ref === null) continue;
    const f = new RegExp(`<${p}f\\b([^>]*?)(/>|>([\\s\\S]*?)</${p}f>)`).exec(body);
    if (!f) continue;
    const si = attr(f[1] + " ", "si");
    if (si === null || !orphaned.has(si) || attr(f[1] + " ", "t") !== "shared") continue;
    const row = rowOfRef(ref);
    const col = colOf(ref);
    if (f[3] !== undefined) {
      masters.set(si, { row, col, text: f[3] });
      continue;
    }
    const master = masters.get(si);
    const start = m.index! + m[0].length - `</${p}c>`.length - body.length + f.index;
    if (!master || edits.some((e) => e.start <= start && start < e.end)) continue;
    out.push({ start, end: start + f[0].length, text: `<${p}f>${shiftFormula(master.text, row - master.row, col - master.col)}</${p}f>` });
  }
  return out;
}
