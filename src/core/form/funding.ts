/** The funding table (项目资金): its header row, its columns by meaning, and each row's amounts and rate. */
import { type GridReader, isBlank } from "../grid";
import { FUNDING_HEADER_COLUMNS } from "../synonyms";
import { labelKey } from "../text/normalize";
import { fundingRowKind, maskOf } from "../vocabulary";
import { bits, type Block, firstRowWhere, hitsInRow, rowMask } from "./block";
import { absentNumber, cellText, readNumber, readText } from "./cells";
import { type ColumnMap, headerBottom, mapColumns } from "./columns";
import type { FundingRow, NumberField, TextField } from "./model";

const FUNDING_COLUMNS: ReadonlySet<string> = new Set(["budgetInitial", "budgetFull", "executed", "rate", "weight", "score", "reason"]);
const HEADER_MASK = maskOf(FUNDING_HEADER_COLUMNS);
const isFundingHeader = (mask: number) => bits(mask & HEADER_MASK) >= 2;

/** Labels that end the funding rows. */
const FUNDING_ENDS = maskOf(["goals", "goalExpected", "goalActual", "level1", "level3", "performance", "end"]);

/** The funding table's header: the first row holding two of 年初预算数 / 全年预算数 / 全年执行数 / 执行率. */
export function findFundingHeader(block: Block, fromRow = block.top): number | undefined {
  return firstRowWhere(block, fromRow, isFundingHeader);
}

export interface FundingTable {
  rows: FundingRow[];
  columns: ColumnMap;
  /** The weight a header states (`得分(20分*执行率)`, `预算执行情况(10分)`), when the table has no weight cell. */
  headerWeight: number | null;
  amountUnit: "万元" | "元" | null;
  /** The 原因 cell beside the funding rows (merged over them), where the template has one. */
  note: TextField | null;
}

export function readFunding(reader: GridReader, block: Block, headerRow: number): FundingTable {
  const sheet = reader.grid.sheet;
  const columns = mapColumns(reader, block, headerRow, FUNDING_COLUMNS);
  const amountCols = [columns.budgetInitial, columns.budgetFull, columns.executed].filter((h) => h !== undefined).map((h) => h.col);
  const rows: FundingRow[] = [];
  // A header row whose amount headers were all taken by a lower header row (`得分` under both) has no amount column:
  // it names no row to read (and the label search below would start at an infinite column).
  if (amountCols.length === 0 && columns.rate === undefined) return { rows, columns, headerWeight: null, amountUnit: null, note: null };
  const firstAmount = Math.min(...amountCols, columns.rate?.col ?? Infinity);
  let headerWeight = columns.score?.decoration.weight ?? columns.rate?.decoration.weight ?? null;
  let amountUnit: "万元" | "元" | null = null;
  for (const row of [headerRow, headerRow - 1]) {
    for (const h of hitsInRow(block, row)) {
      amountUnit ??= h.decoration.amountUnit;
      if (h.id === "funding") headerWeight ??= h.decoration.weight;
    }
  }
  const missing = -1;
  const at = (id: keyof ColumnMap) => columns[id]?.col ?? missing;
  for (let r = headerBottom(block, headerRow, FUNDING_COLUMNS) + 1; r <= block.bottom && rows.length < 12; r++) {
    if ((rowMask(block, r) & FUNDING_ENDS) !== 0) break;
    const label = rowLabel(reader, block, r, firstAmount);
    const kind = label ? fundingRowKind(labelKey(label)) : "unknown";
    const num = (col: number, asRate = false): NumberField =>
      col === missing ? absentNumber(sheet, r, firstAmount) : readNumber(reader, sheet, r, col, asRate);
    const row: FundingRow = {
      kind,
      label: label ?? "",
      row: r,
      initial: num(at("budgetInitial")),
      // A template with only 年初预算数 (some 部门整体 forms) divides by it: it is the only budget the form states.
      budget: num(columns.budgetFull ? at("budgetFull") : at("budgetInitial")),
      executed: num(at("executed")),
      weight: num(at("weight")),
      rate: num(at("rate"), true),
      score: num(at("score")),
    };
    const empty = [row.initial, row.budget, row.executed].every((f) => f.raw === null || isBlank(f.raw));
    if (kind === "unknown" && empty) break;
    settleRate(row, columns.rate?.decoration.ratio ?? false);
    rows.push(row);
  }
  // The 原因 cell is merged over the funding rows: its text sits in the merge's top-left cell.
  const reasonCol = columns.reason?.col;
  const first = rows[0];
  const owner = reasonCol === undefined || !first ? null : reader.owner(first.row, reasonCol);
  const note = owner ? readText(reader, sheet, owner.row, owner.col) : null;
  return { rows, columns, headerWeight, amountUnit, note };
}

/** The row's label: the nearest text left of its first amount (the funding label's own merged cell excepted). */
function rowLabel(reader: GridReader, block: Block, r: number, firstAmount: number): string | null {
  for (let k = firstAmount - 1; k >= reader.left; k--) {
    if (reader.isMergedAway(r, k)) continue;
    const t = cellText(reader, r, k);
    if (t !== null && !isFundingLabelAt(block, r, k)) return t;
  }
  return null;
}

function isFundingLabelAt(block: Block, row: number, col: number): boolean {
  if ((rowMask(block, row) & FUNDING_LABEL) === 0) return false;
  for (const h of hitsInRow(block, row)) if (h.col === col && h.id === "funding") return true;
  return false;
}
const FUNDING_LABEL = maskOf(["funding"]);

/**
 * Decides whether a bare rate is a fraction: under a `(B/A)` header it is (`1` is 100 %) unless the amounts say it
 * is in percent points; elsewhere it is in percent points unless the amounts say it is a fraction (`0.9824`).
 * Never by magnitude alone.
 */
function settleRate(row: FundingRow, ratioHeader: boolean): void {
  const { rate, budget, executed } = row;
  // `97.75%` typed as text says its unit itself; only a bare number is in question.
  if (rate.value === null || rate.percentFormat || (typeof rate.raw === "string" && rate.raw.trim().endsWith("%"))) return;
  const exact = budget.value && executed.value !== null ? (executed.value / budget.value) * 100 : null;
  const near = (x: number) => exact !== null && Math.abs(x - exact) < 0.02;
  const asFraction = ratioHeader ? !(near(rate.value) && !near(rate.value * 100)) : near(rate.value * 100) && !near(rate.value) && rate.value !== 0;
  if (!asFraction) return;
  rate.value = Math.round(rate.value * 1e6) / 1e4;
  rate.percentFormat = true;
}
