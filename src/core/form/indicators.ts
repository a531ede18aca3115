/** The indicator table (绩效指标): its header row, its columns by meaning, and one Indicator per row. */
import { type GridReader, isBlank } from "../grid";
import { parseValue } from "../value/parse";
import { level1Kind, maskOf } from "../vocabulary";
import { type Block, firstRowWhere, rowMask } from "./block";
import { absentNumber, cellText, readNumber, readText, readValue } from "./cells";
import { type ColumnMap, headerBottom, mapColumns } from "./columns";
import type { Indicator, TextField, ValueField } from "./model";

const INDICATOR_COLUMNS: ReadonlySet<string> = new Set([
  "level1",
  "level2",
  "level3",
  "nature",
  "target",
  "measureUnit",
  "actual",
  "weight",
  "score",
  "deviationNote",
]);
const LEVEL3 = maskOf(["level3"]);
const LEVEL1 = maskOf(["level1"]);
const VALUE_COLUMNS = maskOf(["target", "actual", "weight", "score"]);
const isIndicatorHeader = (m: number) => (m & LEVEL3) !== 0 || ((m & LEVEL1) !== 0 && (m & VALUE_COLUMNS) !== 0);

/** The indicator table's header: a row with 三级指标, or with 一级指标 and a value column. */
export function findIndicatorHeader(block: Block, fromRow = block.top): number | undefined {
  return firstRowWhere(block, fromRow, isIndicatorHeader);
}

/** Rows that end the indicator table. */
const ENDS = maskOf(["grade", "project", "end", "total"]);

export interface IndicatorTable {
  indicators: Indicator[];
  columns: ColumnMap;
}

export function readIndicators(reader: GridReader, block: Block, headerRow: number, last: number): IndicatorTable {
  const sheet = reader.grid.sheet;
  const columns = mapColumns(reader, block, headerRow, INDICATOR_COLUMNS);
  const c = {
    level1: columns.level1?.col,
    level2: columns.level2?.col,
    level3: columns.level3?.col,
    nature: columns.nature?.col,
    target: columns.target?.col,
    measureUnit: columns.measureUnit?.col,
    actual: columns.actual?.col,
    weight: columns.weight?.col,
    score: columns.score?.col,
    deviationNote: columns.deviationNote?.col,
  };
  const nameCol = c.level3 ?? (c.level2 !== undefined ? c.level2 + 1 : (c.level1 ?? reader.left));
  const out: Indicator[] = [];
  let level1: TextField | null = null;
  let level2: TextField | null = null;
  const valueCols = [c.target, c.actual, c.weight, c.score].filter((k): k is number => k !== undefined);
  const cellsOfRow = [nameCol, ...valueCols];
  // Merged level cells hold their text only in the top cell: carry it down.
  const carried = (r: number, k: number | undefined, previous: TextField | null): TextField => {
    if (k === undefined) return { text: null, ref: { sheet, row: r, col: nameCol } };
    const o = reader.owner(r, k);
    if (o.row !== r && previous && previous.ref.row === o.row && previous.ref.col === o.col) return previous;
    const own = readText(reader, sheet, o.row, o.col);
    if (own.text !== null || o.row !== r) return own;
    return previous && previous.text !== null ? previous : own;
  };
  for (let r = headerBottom(block, headerRow, INDICATOR_COLUMNS) + 1; r <= last; r++) {
    if ((rowMask(block, r) & ENDS) !== 0) break;
    if (cellsOfRow.every((k) => isBlank(reader.value(r, k)))) continue;
    if (isPlaceholder(reader, r, nameCol, valueCols)) continue;
    level1 = carried(r, c.level1, level1);
    level2 = carried(r, c.level2, level2);
    const unit = c.measureUnit === undefined ? null : cellText(reader, r, c.measureUnit);
    out.push({
      index: out.length,
      row: r,
      level1,
      level1Kind: level1Kind(level1.text),
      level2,
      name: readText(reader, sheet, r, nameCol),
      target: c.target === undefined ? none(sheet, r, nameCol) : joined(reader, sheet, r, c.target, c.nature === undefined ? null : cellText(reader, r, c.nature), unit),
      actual: c.actual === undefined ? none(sheet, r, nameCol) : joined(reader, sheet, r, c.actual, null, unit),
      weight: c.weight === undefined ? absentNumber(sheet, r, nameCol) : readNumber(reader, sheet, r, c.weight),
      score: c.score === undefined ? absentNumber(sheet, r, nameCol) : readNumber(reader, sheet, r, c.score),
      note: c.deviationNote === undefined ? null : readText(reader, sheet, r, c.deviationNote),
    });
  }
  return { indicators: out, columns };
}

/** The template's own filler rows (`指标2:`, `……`), left in published forms with nothing beside them. */
const PLACEHOLDER = /^(?:指标\d+[:：]?|[.…。·]+|\d+)$/;

function isPlaceholder(reader: GridReader, row: number, nameCol: number, valueCols: readonly number[]): boolean {
  for (const k of valueCols) if (!isBlank(reader.value(row, k))) return false;
  const name = cellText(reader, row, nameCol);
  return name !== null && PLACEHOLDER.test(name.replace(/\s/g, ""));
}

/** A value column the template lacks. */
function none(sheet: string, row: number, col: number): ValueField {
  return { text: null, ref: { sheet, row, col }, parsed: parseValue(null) };
}

/** 指标性质 as an operator: `≥` / `正向` → ≥, `≤` / `反向` → ≤, `=`; 定性 and anything else adds nothing. */
function operatorOf(nature: string | null): string {
  if (nature === null) return "";
  const n = nature.replace(/\s/g, "").replace(/指标$/, "");
  if (/^(?:≥|>=|＞＝|≧|正向|大于等于)$/.test(n)) return "≥";
  if (/^(?:≤|<=|＜＝|≦|反向|小于等于)$/.test(n)) return "≤";
  if (/^(?:=|＝|等于)$/.test(n)) return "=";
  if (/^(?:>|＞|大于)$/.test(n)) return ">";
  if (/^(?:<|＜|小于)$/.test(n)) return "<";
  return "";
}

/**
 * A target or actual, joined with the separate 指标性质 and 度量单位 columns of templates that have them
 * (`=` | `100` | `%` → `=100%`). A value that already carries an operator or a unit keeps its own.
 */
function joined(reader: GridReader, sheet: string, row: number, col: number, nature: string | null, unit: string | null): ValueField {
  const own = readValue(reader, sheet, row, col);
  const op = operatorOf(nature);
  if ((op === "" && unit === null) || own.text === null || own.parsed.kind !== "quantity") return own;
  const q = own.parsed;
  const text = `${q.op === null ? op : ""}${own.text}${q.unit === null && unit !== null ? unit : ""}`;
  return text === own.text ? own : { text, ref: own.ref, parsed: parseValue(text) };
}
