/**
 * Finds every form in a grid by its labels and reads it into the model. Addresses are never fixed: each form is found
 * by its title and anchors, each table by its header row, and each column by what its header says (synonyms.ts), so
 * offsets, stacking, the regional templates, wrapped labels and merged cells all read the same way.
 */
import { type GridReader, isBlank } from "../grid";
import { type Block, first, hitsInRow, rowsBetween } from "./block";
import { readNumber, readText } from "./cells";
import { findFundingHeader, readFunding } from "./funding";
import { findIndicatorHeader, type IndicatorTable, readIndicators } from "./indicators";
import { textRightOf, valueColumnRightOf } from "./beside";
import { indexLabels, type LabelHit, type LabelIndex } from "./labels";
import type { Form, TextField } from "./model";

/** Reads every form on the grid, top to bottom. Never throws on odd content; missing parts come back null. */
export function readForms(reader: GridReader): Form[] {
  const index = indexLabels(reader);
  return splitBlocks(reader, index).map((block) => readBlock(reader, index, block));
}

/**
 * One block per form. A form starts at its 项目名称 (部门 on a 部门整体支出 form), or, for fragments without one, at its
 * funding header, else its indicator header. A second 项目名称 starts a new form only when a table lies between the
 * two (some templates name both 项目 and 部门). The title and year above the anchor belong to its form.
 */
function splitBlocks(reader: GridReader, index: LabelIndex): Block[] {
  const all: Block = { top: reader.top, bottom: reader.bottom, hits: index.hits, rows: index.rows, masks: index.masks };
  const funding = rowsOf(all, findFundingHeader);
  const indicators = rowsOf(all, findIndicatorHeader);
  const projects = [...new Set(index.hits.filter((h) => h.id === "project").map((h) => h.row))];
  let anchors: number[];
  if (projects.length > 0) {
    const tables = [...funding, ...indicators].sort((a, b) => a - b);
    anchors = [];
    // One sweep: `next` is the first table row after the last anchor kept.
    let next = 0;
    for (const row of projects) {
      const previous = anchors.at(-1);
      if (previous !== undefined) {
        while (next < tables.length && tables[next] <= previous) next++;
        if (next >= tables.length || tables[next] >= row) continue;
      }
      anchors.push(row);
    }
  } else anchors = funding.length > 0 ? funding : indicators;
  const headings = [...index.titles, ...index.years].sort((a, b) => a.row - b.row);
  const blocks: Block[] = anchors.map((anchor, i) => {
    // The title and year sit up to three rows above the anchor, below the previous form's anchor.
    const floor = Math.max(i > 0 ? anchors[i - 1] + 1 : reader.top, anchor - 3);
    const above = rowsBetween(headings, floor, anchor - 1);
    return { top: above.length > 0 ? above[0].row : anchor, bottom: reader.bottom, hits: [], rows: index.rows, masks: index.masks };
  });
  // Each block ends where the next one's title begins.
  blocks.forEach((b, i) => {
    if (i + 1 < blocks.length) b.bottom = blocks[i + 1].top - 1;
    b.hits = rowsBetween(index.hits, b.top, b.bottom);
  });
  return blocks;
}

function rowsOf(block: Block, find: (b: Block, from?: number) => number | undefined): number[] {
  const rows: number[] = [];
  for (let r = find(block); r !== undefined; r = find(block, r + 1)) rows.push(r);
  return rows;
}

function readBlock(reader: GridReader, index: LabelIndex, block: Block): Form {
  const sheet = reader.grid.sheet;
  const rightOf = (hit: LabelHit | undefined) => textRightOf(reader, block, hit);
  const title = rowsBetween(index.titles, block.top, block.bottom)[0];
  const year = rowsBetween(index.years, block.top, block.bottom)[0];
  const project = rightOf(first(block, "project"));
  const department = rightOf(first(block, "department"));
  const unit = rightOf(first(block, "unit"));

  const fundingHeader = findFundingHeader(block);
  const fundingTable = fundingHeader !== undefined ? readFunding(reader, block, fundingHeader) : null;
  const indicatorHeader = findIndicatorHeader(block, fundingHeader ?? block.top);
  const totalHit = indicatorHeader !== undefined ? first(block, "total", indicatorHeader + 1) : undefined;
  const table = indicatorHeader !== undefined ? readIndicators(reader, block, indicatorHeader, totalHit?.row ?? block.bottom) : null;
  const indicators = table?.indicators ?? [];

  const goals = readGoals(reader, block, indicatorHeader ?? block.bottom + 1);
  const total = readTotal(reader, block, table, totalHit, fundingHeader ?? indicatorHeader ?? block.bottom + 1);
  const gradeHit = first(block, "grade", totalHit?.row ?? block.top);
  const grade = rightOf(gradeHit) ?? gradeBeside(reader, sheet, total);

  const lastHit = block.hits.reduce((m, h) => Math.max(m, h.row), block.top);
  const bottom = Math.max(lastHit, indicators.at(-1)?.row ?? 0, grade?.ref.row ?? 0);
  const cols = block.hits.length > 0 ? block.hits.map((h) => h.col) : [reader.left];
  for (const f of [project, department, unit, grade]) if (f) cols.push(f.ref.col);
  const left = Math.min(...cols);
  let right = Math.max(...cols);
  for (const m of reader.mergesBetween(block.top, bottom)) if (m.bottom <= bottom && m.left >= left) right = Math.max(right, m.right);

  const fundingLabels = block.hits.filter((h) => h.id === "funding");
  const amountUnit = fundingTable?.amountUnit ?? fundingLabels.map((h) => h.decoration.amountUnit).find((u) => u !== null) ?? "万元";
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
    funding: fundingTable?.rows ?? [],
    fundingWeight: fundingTable?.headerWeight ?? null,
    fundingNote: fundingTable?.note ?? null,
    goalExpected: goals.expected,
    goalActual: goals.actual,
    indicators,
    total,
    grade,
  };
}

const GRADE_WORD = /^(?:优|良|中|差|优秀|良好|中等|较差|合格|不合格)$/;

/** A grade printed unlabelled right of the stated total (Yunnan: `总分 | 100 | 96 | 优`). */
function gradeBeside(reader: GridReader, sheet: string, total: Form["total"]): TextField | null {
  if (!total) return null;
  const { row, col } = total.score.ref;
  for (let c = col + 1; c <= reader.right && c <= col + 2; c++) {
    if (reader.isMergedAway(row, c)) continue;
    const t = readText(reader, sheet, row, c);
    if (t.text !== null) return GRADE_WORD.test(t.text.replace(/\s/g, "")) ? t : null;
  }
  return null;
}

/**
 * The stated 总分: in the total row's 得分 column (or the merged cell over it), in a cell beside the 总分 label
 * (Hubei merges the value into one cell away from the 得分 column), or, in templates without a total row, beside a
 * `自评得分` label in the header block (Ningxia).
 */
function readTotal(reader: GridReader, block: Block, table: IndicatorTable | null, totalHit: LabelHit | undefined, tablesStart: number): Form["total"] {
  const sheet = reader.grid.sheet;
  let total: Form["total"] = null;
  if (totalHit && table?.columns.score) {
    const row = totalHit.row;
    const weightCol = table.columns.weight?.col;
    let score = reader.owner(row, table.columns.score.col);
    if (isBlank(reader.value(score.row, score.col))) {
      const beside = valueColumnRightOf(reader, block, totalHit);
      if (beside !== null && beside !== weightCol) score = { row, col: beside };
    }
    const weightCell = weightCol === undefined ? null : reader.owner(row, weightCol);
    const shared = weightCell !== null && weightCell.row === score.row && weightCell.col === score.col;
    total = {
      weight: weightCell === null || shared ? null : readNumber(reader, sheet, weightCell.row, weightCell.col),
      score: readNumber(reader, sheet, score.row, score.col),
    };
  }
  if (!total || (total.score.value === null && !total.score.unreadable)) {
    const stated = statedTotalAbove(block, tablesStart);
    const col = stated ? valueColumnRightOf(reader, block, stated) : null;
    if (stated && col !== null) total = { weight: null, score: readNumber(reader, sheet, stated.row, col) };
  }
  return total;
}

/** A `自评得分` / `得分` label above the tables with a number beside it: the form's stated total. */
function statedTotalAbove(block: Block, beforeRow: number): LabelHit | undefined {
  for (let r = block.top; r < beforeRow; r++) {
    const hit = hitsInRow(block, r).find((h) => h.id === "score" || h.id === "total");
    if (hit) return hit;
  }
  return undefined;
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
