/**
 * Finds every form in a grid by its labels and reads it into the model. Addresses are never fixed: each section is
 * found by its header labels, and each column by its header cell, so offsets, stacking, the ministry's extra
 * column, wrapped labels and merged cells all read the same way.
 */
import { type GridReader, isBlank } from "../grid";
import { labelKey } from "../text/normalize";
import { fundingRowKind, type LabelId, level1Kind } from "../vocabulary";
import { cellText, readNumber, readText, readValue } from "./cells";
import { indexLabels, type LabelHit, type LabelIndex } from "./labels";
import type { Form, FundingRow, Indicator, TextField } from "./model";

interface Block {
  top: number;
  bottom: number;
  /** In row order. */
  hits: LabelHit[];
}

/** The first hit of a row that satisfies `test` (hits are in row order: a binary search, no allocation). */
function findInRow(block: Block, row: number, test: (h: LabelHit) => boolean): LabelHit | undefined {
  const hits = block.hits;
  for (let i = lowerBound(hits, row); i < hits.length && hits[i].row === row; i++) if (test(hits[i])) return hits[i];
  return undefined;
}

/** Reads every form on the grid, top to bottom. Never throws on odd content; missing parts come back null. */
export function readForms(reader: GridReader): Form[] {
  const index = indexLabels(reader);
  return splitBlocks(reader, index).map((block) => readBlock(reader, index, block));
}

/** Index of the first element whose row is ≥ row (the lists are in row order). */
function lowerBound<T extends { row: number }>(list: readonly T[], row: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rowsBetween<T extends { row: number }>(list: readonly T[], top: number, bottom: number): T[] {
  return list.slice(lowerBound(list, top), lowerBound(list, bottom + 1));
}

/** One block per form: from a 项目名称 (or, for fragments, a funding or indicator header) to the next one. */
function splitBlocks(reader: GridReader, index: LabelIndex): Block[] {
  const anchorOrder: LabelId[] = ["project", "budgetInitial", "level3"];
  let anchors: number[] = [];
  for (const id of anchorOrder) {
    anchors = [...new Set(index.hits.filter((h) => h.id === id).map((h) => h.row))];
    if (anchors.length > 0) break;
  }
  const headings = [...index.titles, ...index.years].sort((a, b) => a.row - b.row);
  const blocks: Block[] = [];
  anchors.forEach((anchor, i) => {
    // The title and year sit up to three rows above 项目名称, below the previous form's anchor.
    const floor = Math.max(i > 0 ? anchors[i - 1] + 1 : reader.top, anchor - 3);
    const above = rowsBetween(headings, floor, anchor - 1);
    const top = above.length > 0 ? above[0].row : anchor;
    blocks.push({ top, bottom: reader.bottom, hits: [] });
  });
  // Each block ends where the next one's title begins.
  blocks.forEach((b, i) => {
    if (i + 1 < blocks.length) b.bottom = blocks[i + 1].top - 1;
    b.hits = rowsBetween(index.hits, b.top, b.bottom);
  });
  return blocks;
}

function first(block: Block, id: LabelId, fromRow = block.top): LabelHit | undefined {
  return block.hits.find((h) => h.id === id && h.row >= fromRow);
}

function inRow(block: Block, row: number, id: LabelId, fromCol = -1): LabelHit | undefined {
  return findInRow(block, row, (h) => h.id === id && h.col > fromCol);
}

function readBlock(reader: GridReader, index: LabelIndex, block: Block): Form {
  const sheet = reader.grid.sheet;
  const isLabel = (row: number, col: number) => findInRow(block, row, (h) => h.col === col) !== undefined;

  /** The value right of a label: the first non-blank cell before the next label, else the first cell. */
  const rightOf = (hit: LabelHit | undefined): TextField | null => {
    if (!hit) return null;
    let firstCell: number | null = null;
    for (let c = hit.col + 1; c <= reader.right; c++) {
      if (reader.isMergedAway(hit.row, c)) continue;
      if (isLabel(hit.row, c)) break;
      if (firstCell === null) firstCell = c;
      if (!isBlank(reader.value(hit.row, c))) return readText(reader, sheet, hit.row, c);
    }
    return { text: null, ref: { sheet, row: hit.row, col: firstCell ?? hit.col + 1 } };
  };

  const title = rowsBetween(index.titles, block.top, block.bottom)[0];
  const year = rowsBetween(index.years, block.top, block.bottom)[0];
  const project = rightOf(first(block, "project"));
  const department = rightOf(first(block, "department"));
  const unit = rightOf(first(block, "unit"));

  const fundingHeader = first(block, "budgetInitial");
  const funding = fundingHeader ? readFunding(reader, block, fundingHeader.row) : [];
  const fundingLabel = first(block, "funding");
  const amountUnit = /\(元\)|（元）/.test(fundingLabel?.key ?? "") ? "元" : "万元";

  const indicatorHeader = first(block, "level3") ?? first(block, "level1");
  const totalHit = first(block, "total", indicatorHeader?.row ?? block.top);
  const indicators = indicatorHeader ? readIndicators(reader, block, indicatorHeader.row, totalHit?.row) : [];

  const goals = readGoals(reader, block, indicatorHeader?.row ?? block.bottom + 1);
  const gradeHit = first(block, "grade", totalHit?.row ?? block.top);
  const total = totalHit && indicatorHeader ? readTotal(reader, block, indicatorHeader.row, totalHit.row) : null;
  const grade = rightOf(gradeHit);

  const lastHit = block.hits.reduce((m, h) => Math.max(m, h.row), block.top);
  const bottom = Math.max(lastHit, indicators.at(-1)?.row ?? 0, grade?.ref.row ?? 0);
  const cols = block.hits.length > 0 ? block.hits.map((h) => h.col) : [reader.left];
  for (const f of [project, department, unit, grade]) if (f) cols.push(f.ref.col);
  const left = Math.min(...cols);
  let right = Math.max(...cols);
  for (const m of reader.mergesBetween(block.top, bottom)) if (m.bottom <= bottom && m.left >= left) right = Math.max(right, m.right);

  return {
    sheet,
    range: { top: block.top, left, bottom, right },
    layout: first(block, "performance") ? "ministry" : "shanghai",
    title: title?.text ?? null,
    year: year?.year ?? null,
    project,
    department,
    unit,
    amountUnit,
    funding,
    goalExpected: goals.expected,
    goalActual: goals.actual,
    indicators,
    total,
    grade,
  };
}

/** Labels that end the funding rows. */
const FUNDING_ENDS = new Set<LabelId>(["goals", "goalExpected", "goalActual", "level1", "level3", "performance", "total"]);

function readFunding(reader: GridReader, block: Block, headerRow: number): FundingRow[] {
  const sheet = reader.grid.sheet;
  const col = (id: LabelId) => inRow(block, headerRow, id)?.col;
  const c = {
    initial: col("budgetInitial")!,
    budget: col("budgetFull"),
    executed: col("executed"),
    weight: col("weight"),
    rate: col("rate"),
    score: col("score"),
  };
  const rows: FundingRow[] = [];
  for (let r = headerRow + 1; r <= block.bottom && rows.length < 8; r++) {
    if (findInRow(block, r, (h) => FUNDING_ENDS.has(h.id))) break;
    let label: string | null = null;
    for (let k = c.initial - 1; k >= reader.left && label === null; k--) {
      if (reader.isMergedAway(r, k)) continue;
      const t = cellText(reader, r, k);
      if (t !== null && !findInRow(block, r, (h) => h.col === k && h.id === "funding")) label = t;
    }
    const kind = label ? fundingRowKind(labelKey(label)) : "unknown";
    const num = (k: number | undefined, asRate = false) => readNumber(reader, sheet, r, k ?? c.initial, asRate);
    const row: FundingRow = {
      kind,
      label: label ?? "",
      row: r,
      initial: num(c.initial),
      budget: num(c.budget),
      executed: num(c.executed),
      weight: num(c.weight),
      rate: num(c.rate, true),
      score: num(c.score),
    };
    const empty = [row.initial, row.budget, row.executed].every((f) => f.raw === null || isBlank(f.raw));
    if (kind === "unknown" && empty) break;
    guessFraction(row);
    rows.push(row);
  }
  return rows;
}

/** A rate typed as 0.9824 without a % format: read it as a fraction when the amounts say so. */
function guessFraction(row: FundingRow): void {
  const { rate, budget, executed } = row;
  if (rate.value === null || rate.percentFormat || rate.value === 0 || Math.abs(rate.value) > 1.5) return;
  if (!budget.value || executed.value === null) return;
  const exact = (executed.value / budget.value) * 100;
  if (Math.abs(rate.value * 100 - exact) < 0.02 && Math.abs(rate.value - exact) >= 0.02) {
    rate.value = Math.round(rate.value * 1e6) / 1e4;
    rate.percentFormat = true;
  }
}

function readGoals(reader: GridReader, block: Block, beforeRow: number): { expected: TextField | null; actual: TextField | null } {
  const sheet = reader.grid.sheet;
  const below = (hit: LabelHit | undefined): TextField | null => {
    if (!hit) return null;
    for (let r = hit.row + 1; r < beforeRow && r <= hit.row + 3; r++) {
      const o = reader.owner(r, hit.col);
      if (!isBlank(reader.value(o.row, o.col))) return readText(reader, sheet, o.row, o.col);
    }
    return { text: null, ref: { sheet, row: hit.row + 1, col: hit.col } };
  };
  return { expected: below(first(block, "goalExpected")), actual: below(first(block, "goalActual")) };
}

function readIndicators(reader: GridReader, block: Block, headerRow: number, totalRow: number | undefined): Indicator[] {
  const sheet = reader.grid.sheet;
  const col = (id: LabelId) => inRow(block, headerRow, id)?.col;
  const c = {
    level1: col("level1"),
    level2: col("level2"),
    level3: col("level3"),
    target: col("target"),
    actual: col("actual"),
    weight: col("weight"),
    score: col("score"),
    note: col("deviationNote"),
  };
  const nameCol = c.level3 ?? (c.level2 !== undefined ? c.level2 + 1 : headerRow);
  const last = totalRow !== undefined ? totalRow - 1 : block.bottom;
  const out: Indicator[] = [];
  let level1: TextField | null = null;
  let level2: TextField | null = null;
  const cellsOfRow = [nameCol, c.target, c.actual, c.weight, c.score].filter((k): k is number => k !== undefined);
  const at = (k: number | undefined) => k ?? nameCol;
  // Merged level cells hold their text only in the top cell: carry it down.
  const carried = (r: number, k: number | undefined, previous: TextField | null): TextField => {
    if (k === undefined) return { text: null, ref: { sheet, row: r, col: nameCol } };
    const o = reader.owner(r, k);
    if (o.row !== r && previous && previous.ref.row === o.row && previous.ref.col === o.col) return previous;
    const own = readText(reader, sheet, o.row, o.col);
    if (own.text !== null || o.row !== r) return own;
    return previous && previous.text !== null ? previous : own;
  };
  for (let r = headerRow + 1; r <= last; r++) {
    if (findInRow(block, r, (h) => h.id === "grade" || h.id === "project")) break;
    if (cellsOfRow.every((k) => isBlank(reader.value(r, k)))) continue;
    level1 = carried(r, c.level1, level1);
    level2 = carried(r, c.level2, level2);
    out.push({
      index: out.length,
      row: r,
      level1,
      level1Kind: level1Kind(level1.text),
      level2,
      name: readText(reader, sheet, r, nameCol),
      target: readValue(reader, sheet, r, at(c.target)),
      actual: readValue(reader, sheet, r, at(c.actual)),
      weight: readNumber(reader, sheet, r, at(c.weight)),
      score: readNumber(reader, sheet, r, at(c.score)),
      note: c.note === undefined ? null : readText(reader, sheet, r, c.note),
    });
  }
  return out;
}

function readTotal(reader: GridReader, block: Block, headerRow: number, totalRow: number): Form["total"] {
  const sheet = reader.grid.sheet;
  const weightCol = inRow(block, headerRow, "weight")?.col;
  const scoreCol = inRow(block, headerRow, "score")?.col;
  if (scoreCol === undefined) return null;
  return {
    weight: weightCol === undefined ? null : readNumber(reader, sheet, totalRow, weightCol),
    score: readNumber(reader, sheet, totalRow, scoreCol),
  };
}
