/**
 * The write plan: which cells a fill would write, and with what. Pure: the hosts (Office.js, ExcelJS, the preview)
 * carry it out. Only empty cells are planned, unless the caller names a non-empty cell in `overwrite`.
 */
import { type CellRef, type CellValue, isBlank, qualified } from "../grid";
import type { TextField } from "../form/model";
import { formHasNote, hasNote, type ScoredForm } from "../scoring/form";
import { computedCells } from "./computed";
import { draftIndicatorNote, draftRateNote, safeText } from "./notes";

export type WriteKind = "rate" | "fundingScore" | "score" | "total" | "grade" | "note";

export interface PlannedWrite {
  ref: CellRef;
  /** `Sheet!A1`. */
  cell: string;
  kind: WriteKind;
  /** A number is written as a number; a string is always written as text, never as a formula. */
  value: number | string;
  /** Set when the number must carry a format (a rate in a percent-formatted cell is written as a fraction). */
  numberFormat?: string;
  /** What the cell held when read, for revert and for the consent check. */
  previous: CellValue;
}

export interface PlanOptions {
  /** Non-empty cells (`Sheet!A1`) the user explicitly agreed to overwrite. */
  overwrite?: ReadonlySet<string>;
}

export function planWrites(scored: ScoredForm, options: PlanOptions = {}): PlannedWrite[] {
  const out: PlannedWrite[] = [];
  const consent = options.overwrite ?? new Set<string>();
  const add = (ref: CellRef, kind: WriteKind, previous: CellValue, value: number | string | null, numberFormat?: string) => {
    if (value === null) return;
    const cell = qualified(ref);
    if (!isBlank(previous) && !consent.has(cell)) return;
    if (previous === value) return;
    const write: PlannedWrite = { ref, cell, kind, value: typeof value === "string" ? safeText(value) : value, previous };
    if (numberFormat) write.numberFormat = numberFormat;
    out.push(write);
  };
  const text = (field: TextField, kind: WriteKind, value: string | null, raw: CellValue) => add(field.ref, kind, raw, value);

  for (const c of computedCells(scored, consent)) add(c.ref, c.kind, c.raw, c.value, typeof c.value === "number" ? c.numberFormat : undefined);

  const { form } = scored;
  const noteCells = new Set<string>();
  for (const s of scored.indicators) {
    const note = s.indicator.note;
    const draft = draftIndicatorNote(s);
    if (!note || draft === null || hasNote(s.indicator)) continue;
    text(note, "note", draft, note.text);
    noteCells.add(qualified(note.ref));
  }
  // The funding rows have no note cell: under profiles that require it, the rate note goes in the first free one.
  // Under profiles that require it, the rate note goes in the funding table's own 原因 cell when it is empty, else in
  // the first free indicator note cell.
  const rateNote = scored.profile.rateNoteRequired && !formHasNote(form) ? draftRateNote(scored) : null;
  const free = form.fundingNote?.text === null ? form.fundingNote : form.indicators.find((i) => i.note && i.note.text === null && !noteCells.has(qualified(i.note.ref)))?.note;
  if (rateNote && free) text(free, "note", rateNote, null);
  return out;
}
