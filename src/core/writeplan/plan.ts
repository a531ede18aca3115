/**
 * The write plan: which cells a fill would write, and with what. Pure: the hosts (Office.js, ExcelJS, the preview)
 * carry it out. Only empty cells are planned, unless the caller names a non-empty cell in `overwrite`.
 */
import { type CellRef, type CellValue, isBlank, qualified } from "../grid";
import type { NumberField, TextField } from "../form/model";
import { dec } from "../number";
import { isPercentFormat, showsDigits } from "../form/cells";
import { hasNote, type ScoredForm, sheetTotal } from "../scoring/form";
import { gradeFor } from "../scoring/profiles";
import { rateBy } from "../scoring/rate";
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

/** A number keeps the cell's own format when it already shows such a number (`#,##0.00_ `); else `fallback`. */
function formatFor(field: NumberField, fallback: string): string {
  const own = field.format;
  return showsDigits(own) && isPercentFormat(own) === isPercentFormat(fallback) ? own! : fallback;
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
  const number = (field: NumberField, kind: WriteKind, value: number | null) => {
    if (!field.absent) add(field.ref, kind, field.raw, value, formatFor(field, "0.00"));
  };
  const text = (field: TextField, kind: WriteKind, value: string | null, raw: CellValue) => add(field.ref, kind, raw, value);

  const { form } = scored;
  form.funding.forEach((row, i) => {
    const rate = scored.rowRates[i];
    // A sub-row with nothing budgeted and nothing spent is printed 0.00 (seed); a zero total budget is an error.
    const idle = rate === null && row.budget.value === 0 && row.executed.value === 0 && row !== scored.totalRow;
    if (rate === null && !idle) return;
    const value = rate ? rateBy(rate, scored.profile.rateRounding) : 0;
    if (row.rate.absent) return;
    if (row.rate.percentFormat) add(row.rate.ref, "rate", row.rate.raw, dec(value).div(100).toNumber(), formatFor(row.rate, "0.00%"));
    else number(row.rate, "rate", value);
  });
  if (scored.totalRow) number(scored.totalRow.score, "fundingScore", scored.fundingScore);
  for (const s of scored.indicators) number(s.indicator.score, "score", s.computed);
  // The 总分 the sheet's own scores give once this plan is written, and the 等级 of the 总分 the sheet will show, so a
  // filled form passes its own check of both.
  const own = sheetTotal(scored)?.total ?? null;
  if (form.total) number(form.total.score, "total", own);
  const totalWritten = form.total !== null && (isBlank(form.total.score.raw) || consent.has(qualified(form.total.score.ref)));
  const shown = totalWritten ? own : (form.total?.score.value ?? own);
  if (form.grade) text(form.grade, "grade", shown === null ? null : gradeFor(shown, scored.profile), form.grade.text);

  const noteCells = new Set<string>();
  for (const s of scored.indicators) {
    const note = s.indicator.note;
    const draft = draftIndicatorNote(s);
    if (!note || draft === null || hasNote(s.indicator)) continue;
    text(note, "note", draft, note.text);
    noteCells.add(qualified(note.ref));
  }
  // The funding rows have no note cell: under profiles that require it, the rate note goes in the first free one.
  const rateNote = scored.profile.rateNoteRequired && !form.indicators.some(hasNote) ? draftRateNote(scored) : null;
  const free = form.indicators.find((i) => i.note && i.note.text === null && !noteCells.has(qualified(i.note.ref)));
  if (rateNote && free?.note) text(free.note, "note", rateNote, null);
  return out;
}
