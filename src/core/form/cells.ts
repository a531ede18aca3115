/** Reading one cell as a number or a text, tolerant of how real workbooks write them. */
import Big from "big.js";
import { type CellRef, type GridReader, isBlank } from "../grid";
import { tidyText, toHalfWidth } from "../text/normalize";
import { parseValue } from "../value/parse";
import type { NumberField, TextField, ValueField } from "./model";

/** No figure on a form comes near 10^15 (万元 or 元); beyond it doubles lose cents and sums overflow. */
export const MAX_FIGURE = 1e15;

function inRange(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x) < MAX_FIGURE;
}

const NOT_APPLICABLE = new Set(["-", "--", "—", "——", "–", "/", "\\", "无", "不适用", "N/A", "n/a"]);

function isPercentFormat(format: string | null): boolean {
  return format !== null && /%/.test(format.replace(/"[^"]*"/g, ""));
}

/** Exact x × 100 (0.9824 → 98.24, not 98.24000000000001). */
function hundredfold(x: number): number {
  return new Big(x).times(100).toNumber();
}

export function readNumber(reader: GridReader, sheet: string, row: number, col: number, asRate = false): NumberField {
  const ref: CellRef = { sheet, row, col };
  const raw = reader.value(row, col);
  const percent = isPercentFormat(reader.format(row, col));
  const field: NumberField = { value: null, raw, ref, unreadable: false, notApplicable: false, percentFormat: percent };
  if (isBlank(raw)) return field;
  if (typeof raw === "number") {
    if (!inRange(raw)) {
      field.unreadable = true;
      return field;
    }
    const shown = reader.text(row, col);
    field.percentFormat = percent || (shown !== null && shown.trimEnd().endsWith("%"));
    field.value = asRate && field.percentFormat ? hundredfold(raw) : raw;
    return field;
  }
  if (typeof raw === "boolean") {
    field.unreadable = true;
    return field;
  }
  const s = toHalfWidth(String(raw)).replace(/[\s,]/g, "");
  if (NOT_APPLICABLE.has(s)) {
    field.notApplicable = true;
    return field;
  }
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(%?)$/.exec(s);
  if (!m || (m[2] === "%" && !asRate)) {
    field.unreadable = true;
    return field;
  }
  field.value = Number(m[1]);
  if (!inRange(field.value)) {
    field.value = null;
    field.unreadable = true;
  }
  return field;
}

/** The text of a cell: strings tidied, numbers as displayed. Null when blank. */
export function cellText(reader: GridReader, row: number, col: number): string | null {
  const raw = reader.value(row, col);
  if (isBlank(raw)) return null;
  if (typeof raw === "string") return tidyText(raw) || null;
  const shown = reader.text(row, col);
  if (shown !== null && shown.trim() !== "") return tidyText(shown);
  if (typeof raw === "number" && isPercentFormat(reader.format(row, col)) && Number.isFinite(raw)) {
    return `${hundredfold(raw)}%`;
  }
  return String(raw);
}

export function readText(reader: GridReader, sheet: string, row: number, col: number): TextField {
  return { text: cellText(reader, row, col), ref: { sheet, row, col } };
}

/** A target or actual: its text and its parse. */
export function readValue(reader: GridReader, sheet: string, row: number, col: number): ValueField {
  const raw = reader.value(row, col);
  const text = cellText(reader, row, col);
  const parsed =
    typeof raw === "number" && !isPercentFormat(reader.format(row, col)) ? parseValue(raw) : parseValue(text);
  return { text, ref: { sheet, row, col }, parsed };
}
