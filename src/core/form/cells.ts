/** Reading one cell as a number or a text, tolerant of how real workbooks write them. */
import Big from "big.js";
import { type GridReader, isBlank } from "../grid";
import { tidyText, toHalfWidth } from "../text/normalize";
import { MAX_FIGURE, parseValue } from "../value/parse";
import type { NumberField, TextField, ValueField } from "./model";

function inRange(x: number): boolean {
  return Math.abs(x) < MAX_FIGURE;
}

const NOT_APPLICABLE = new Set(["-", "--", "—", "——", "–", "/", "\\", "无", "不适用", "N/A", "n/a"]);

/** A number format without its literal parts (quoted text, `[…]` colours and locales, escaped characters). */
function formatCodes(format: string): string {
  return format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
}

export function isPercentFormat(format: string | null): boolean {
  return format !== null && formatCodes(format).includes("%");
}

/** A format that shows a number's digits (`0.00`, `#,##0.00_ `, `0%`): not General, text (`@`) or a date. */
export function showsDigits(format: string | null): boolean {
  if (format === null) return false;
  const codes = formatCodes(format);
  return /[0#]/.test(codes) && !/[ymdhs@]/i.test(codes);
}

/** Exact x × 100 (0.9824 → 98.24, not 98.24000000000001). */
function hundredfold(x: number): number {
  return new Big(x).times(100).toNumber();
}

export function readNumber(reader: GridReader, sheet: string, row: number, col: number, asRate = false): NumberField {
  const raw = reader.value(row, col);
  const format = reader.format(row, col);
  let percentFormat = format !== null && isPercentFormat(format);
  let value: number | null = null;
  let unreadable = false;
  let notApplicable = false;
  if (typeof raw === "number") {
    if (inRange(raw)) {
      const shown = reader.text(row, col);
      percentFormat ||= shown !== null && shown.trimEnd().endsWith("%");
      value = asRate && percentFormat ? hundredfold(raw) : raw;
    } else unreadable = true;
  } else if (typeof raw === "boolean") {
    unreadable = true;
  } else if (!isBlank(raw)) {
    // `-` fills most sub-row cells: recognise it before any normalising.
    const s = NOT_APPLICABLE.has(raw as string) ? (raw as string) : toHalfWidth(String(raw)).replace(/[\s,]/g, "");
    if (NOT_APPLICABLE.has(s)) notApplicable = true;
    else {
      // `99.55分`: a score written with its unit.
      const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(%?)分?$/.exec(s);
      const n = m && (m[2] !== "%" || asRate) ? Number(m[1]) : NaN;
      if (inRange(n)) value = n;
      else unreadable = true;
    }
  }
  // One object literal, one shape: the reader makes tens of thousands of these.
  return { value, raw, ref: { sheet, row, col }, unreadable, notApplicable, percentFormat, format, absent: false };
}

/** A column the template lacks: a blank field whose `ref` points at the row (for findings), never written. */
export function absentNumber(sheet: string, row: number, col: number): NumberField {
  return { value: null, raw: null, ref: { sheet, row, col }, unreadable: false, notApplicable: false, percentFormat: false, format: null, absent: true };
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
  // `—` in a target or actual means "not applicable" (Ningxia's 项目决策 rows): nothing to parse or score.
  const parsed =
    typeof raw === "number" && !isPercentFormat(reader.format(row, col))
      ? parseValue(raw)
      : parseValue(text !== null && NOT_APPLICABLE.has(text) ? null : text);
  return { text, ref: { sheet, row, col }, parsed };
}
