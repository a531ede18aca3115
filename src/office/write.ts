/**
 * The write and revert batches: the Excel commands that put a plan's values into cells, the race restore of the
 * write (one sync, or two when an edit slipped in between the read and the batch), and the exact restore of a
 * snapshot. The port decides beforehand whether a write may happen at all; nothing here refuses.
 */
import { a1, type CellRef, type CellValue, isBlank } from "../core/grid";
import { keepFormat } from "../core/guard";
import type { CellSnapshot } from "../core/port";
import type { PlannedWrite } from "../core/writeplan";
import { cellFormula, cellValue } from "./cells";

/** What a write or rewrite put in a cell: a value, or (转为普通公式 / 公式化) a formula. */
export type Written = string | number | boolean | null | { formula: string };

/** Whether a cell (its value and formula now) still holds what we wrote. */
export function holds(value: CellValue, formula: string | null, w: Written | undefined): boolean {
  if (w === undefined) return false;
  if (w !== null && typeof w === "object") return formula === w.formula;
  return formula === null && (value === w || (isBlank(value) && (w === null || w === "")));
}

export type Content = { kind: "formula"; formula: string } | { kind: "value"; value: CellValue };

/** How a sheet may be written: a protected sheet whose protection forbids formatting cells gets no format commands. */
export type FormatsAllowed = (sheet: string) => boolean;

/**
 * Queues the commands that put `content` into one cell and leave it with `format` (undefined: keep the cell's).
 *   - Text goes in under the Text format (`@`) so Excel never parses it (no formula from `=…`, no number from `98%`),
 *     then the cell gets its format back; Excel does not re-parse a cell whose format changes. Where formats may not
 *     be changed, a leading `'` does the same job (Excel keeps the rest as text).
 *   - A formula goes in under General, then the cell gets its saved format: under `@` (the cell's current format,
 *     or its saved one) Excel would store the formula as text.
 */
export function put(range: Excel.Range, content: Content, format: string | undefined, formats: boolean): void {
  if (content.kind === "formula") {
    if (formats) range.numberFormat = [["General"]];
    range.formulas = [[content.formula]];
    if (formats && format !== undefined && format !== "General") range.numberFormat = [[format]];
    return;
  }
  const v = content.value;
  if (typeof v === "string" && v !== "") {
    if (!formats) {
      range.values = [[`'${v}`]];
      return;
    }
    range.numberFormat = [["@"]];
    range.values = [[v]];
    range.numberFormat = [[format ?? "General"]];
    return;
  }
  if (formats && format !== undefined) range.numberFormat = [[format]];
  range.values = [[v === null ? "" : v]];
}

/** The format a planned write leaves its cell with (undefined: the cell keeps its own). */
export function formatOf(w: PlannedWrite, snap: CellSnapshot): string | undefined {
  if (typeof w.value === "string") return w.numberFormat ?? snap.numberFormat ?? "General";
  return w.numberFormat ?? keepFormat(snap.numberFormat, w.value);
}

/** Whether the write needs a format command that a protected sheet without allowFormatCells would refuse. */
export function needsFormatChange(w: PlannedWrite, snap: CellSnapshot): boolean {
  const format = formatOf(w, snap);
  return format !== undefined && format !== (snap.numberFormat ?? "General");
}

export function sameContent(r: Excel.Range, s: CellSnapshot): boolean {
  const v = cellValue(r.values[0][0]);
  const f = cellFormula(r.formulas[0][0], v);
  if (f !== null || s.formula !== null) return f === s.formula;
  return v === s.value || (isBlank(v) && s.value === null);
}

/** A Range proxy for a cell; worksheets are looked up once per batch. */
export function ranges(context: Excel.RequestContext) {
  const sheets = new Map<string, Excel.Worksheet>();
  return (ref: CellRef) => {
    let ws = sheets.get(ref.sheet);
    if (!ws) sheets.set(ref.sheet, (ws = context.workbook.worksheets.getItem(ref.sheet)));
    return ws.getRange(a1(ref.row, ref.col));
  };
}

/**
 * One guarded batch: loads each target's content before its commands (still one sync), runs `write`, and when a
 * target no longer holds what the read saw (an edit whose event had not reached us), a second sync puts back exactly
 * what the cells held. Returns the raced cells (`Sheet!A1`), or null when the batch stands. The write and the
 * rewrite batches share it.
 */
export async function guardedBatch<T extends { ref: CellRef; cell: string }>(
  context: Excel.RequestContext,
  targets: readonly T[],
  snapshot: readonly CellSnapshot[],
  formats: FormatsAllowed,
  write: (cell: (ref: CellRef) => Excel.Range, target: T, i: number) => void,
): Promise<string[] | null> {
  const cell = ranges(context);
  const before = targets.map((w) => {
    const r = cell(w.ref);
    r.load("values,formulas,numberFormat");
    return r;
  });
  targets.forEach((w, i) => write(cell, w, i));
  await context.sync();
  const changed = targets.filter((_, i) => !sameContent(before[i], snapshot[i]));
  if (changed.length === 0) return null;
  targets.forEach((w, i) => {
    const b = before[i];
    const formula = cellFormula(b.formulas[0][0], cellValue(b.values[0][0]));
    const content: Content = formula ? { kind: "formula", formula } : { kind: "value", value: cellValue(b.values[0][0]) };
    put(cell(w.ref), content, String(b.numberFormat[0][0] ?? "General"), formats(w.ref.sheet));
  });
  await context.sync();
  return changed.map((w) => w.cell);
}

/** The write batch of 写回得分: each planned value in its cell, guarded against a race (see guardedBatch). */
export function writeBatch(context: Excel.RequestContext, writes: readonly PlannedWrite[], snapshot: readonly CellSnapshot[], formats: FormatsAllowed): Promise<string[] | null> {
  return guardedBatch(context, writes, snapshot, formats, (cell, w, i) =>
    put(cell(w.ref), { kind: "value", value: w.value }, formatOf(w, snapshot[i]), formats(w.ref.sheet)),
  );
}

/**
 * The revert batch. When the sheet changed after our write (`check`), one sync first confirms that every cell still
 * holds what we wrote (`wrote`, by `Sheet!A1`); if one does not, nothing is restored and those cells are returned.
 */
export async function revertBatch(
  context: Excel.RequestContext,
  snapshot: readonly CellSnapshot[],
  wrote: ReadonlyMap<string, Written>,
  check: boolean,
  formats: FormatsAllowed,
): Promise<string[]> {
  const cell = ranges(context);
  if (check) {
    const now = snapshot.map((s) => {
      const r = cell(s.ref);
      r.load("values,formulas");
      return r;
    });
    await context.sync();
    const edited = snapshot
      .filter((s, i) => {
        const v = cellValue(now[i].values[0][0]);
        return !holds(v, cellFormula(now[i].formulas[0][0], v), wrote.get(s.cell));
      })
      .map((s) => s.cell);
    if (edited.length > 0) return edited;
  }
  for (const s of snapshot) {
    const content: Content = s.formula ? { kind: "formula", formula: s.formula } : { kind: "value", value: s.value };
    put(cell(s.ref), content, s.numberFormat ?? "General", formats(s.ref.sheet));
  }
  await context.sync();
  return [];
}
