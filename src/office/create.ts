/**
 * 新建自评表: the batch that inserts a template (src/core/template) as a new sheet, all in one sync. Values go in as
 * blocks (text under the Text format first, so that no label is ever parsed as a formula or a number), then the real
 * formats, then the template's own formulas cell by cell; merges, drop-down lists, locked/unlocked cells, widths,
 * heights and print setup follow. Features of a later requirement set than the manifest's are skipped where Excel
 * lacks them (the form still works; only its drop-downs or page setup are missing).
 */
import { a1, columnLetters } from "../core/grid";
import type { MergedArea } from "../core/grid";
import type { TemplateSheet } from "../core/template/model";
import { put } from "./write";

export type Supports = (version: string) => boolean;

/** Excel's column width is in points; the template's is in characters of the default font (about 6 points each). */
const POINTS_PER_CHAR = 6;
/** The light fill that marks input cells (as in the .xlsx `selfeval new` writes). */
const INPUT_FILL = "#FFF9E5";

function area(m: MergedArea): string {
  return m.top === m.bottom && m.left === m.right ? a1(m.top, m.left) : `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
}

/** Queues every command of the new sheet on `context` (the caller syncs once). Returns the sheet proxy. */
export function createBatch(context: Excel.RequestContext, t: TemplateSheet, name: string, supports: Supports): Excel.Worksheet {
  const ws = context.workbook.worksheets.add(name);
  const rows = Math.max(...t.cells.map((c) => c.row)) + 1;
  const cols = Math.max(t.widths.length, ...t.cells.map((c) => c.col + 1));
  const block = ws.getRange(`A1:${a1(rows - 1, cols - 1)}`);
  // Three layers over the whole block: "" / "General" where the template has nothing (the sheet is new and empty).
  const grid = <T>(fill: T) => Array.from({ length: rows }, () => Array<T>(cols).fill(fill));
  const textFirst = grid<string>("General");
  const values = grid<string | number>("");
  const formats = grid<string>("General");
  for (const c of t.cells) {
    formats[c.row][c.col] = c.format ?? "General";
    if (c.formula !== undefined || c.value === null) continue;
    values[c.row][c.col] = c.value;
    if (typeof c.value === "string") textFirst[c.row][c.col] = "@";
  }
  block.numberFormat = textFirst;
  block.values = values;
  block.numberFormat = formats;
  for (const c of t.cells) {
    if (c.formula !== undefined) put(ws.getRange(a1(c.row, c.col)), { kind: "formula", formula: `=${c.formula}` }, c.format, true);
  }
  for (const m of t.merges) ws.getRange(area(m)).merge(false);
  for (const c of t.cells) {
    const f = ws.getRange(a1(c.row, c.col)).format;
    if (!c.style.locked) f.protection.locked = false;
    if (c.style.input) f.fill.color = INPUT_FILL;
    if (c.style.bold) f.font.bold = true;
    if (c.style.size && c.style.size !== 10) f.font.size = c.style.size;
    if (c.style.align) f.horizontalAlignment = c.style.align === "center" ? "Center" : c.style.align === "right" ? "Right" : "Left";
  }
  t.widths.forEach((w, col) => (ws.getRange(`${columnLetters(col)}:${columnLetters(col)}`).format.columnWidth = w * POINTS_PER_CHAR));
  for (const [row, h] of t.heights) ws.getRange(`${row + 1}:${row + 1}`).format.rowHeight = h;
  if (supports("1.8")) {
    for (const v of t.validations) {
      const dv = ws.getRange(area(v.range)).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: v.items.join(",") } };
      dv.prompt = { showPrompt: true, title: "", message: v.prompt };
      dv.errorAlert = {
        showAlert: v.strict,
        style: "Stop",
        title: "",
        message: `请从列表中选择：${v.items.join("、")}`,
      };
    }
  }
  if (supports("1.9")) {
    ws.pageLayout.paperSize = "A4" as Excel.PaperType;
    ws.pageLayout.orientation = t.print.landscape ? "Landscape" : "Portrait";
    // One page wide only: the page count down is left unset, as the .xlsx of `selfeval new` leaves fitToHeight.
    ws.pageLayout.zoom = { horizontalFitToPages: t.print.fitToWidth };
  }
  ws.activate();
  return ws;
}

/** A sheet name not in `taken`: the template's, else `name (2)`, `name (3)` … (Excel compares names case-blind). */
export function freeName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
