/**
 * `selfeval freeze`: a copy of a workbook in which every formula calling JX is native Excel (EXECRATE, FUNDSCORE,
 * PERFGRADE, TOTALSCORE, INDSCORE on a numeric target) or, where there is no native equivalent, its current value.
 * Written in two passes over the same bytes, each of which copies every part it does not touch byte for byte:
 * ../xlsx/patch.ts writes the values (as `fill` does), ../xlsx/create/patchFormulas.ts the formulas.
 */
import { type CellValue, type Grid, parseQualified, qualified } from "../core";
import { freezeFormula } from "../core/freeze";
import { openWorkbook, patchWorkbook, type PatchWrite } from "../xlsx";
import { patchFormulas, type FormulaWrite } from "../xlsx/create";
import { nodeCodec } from "./codec";
import { UsageError } from "./errors";
import { inflateNode } from "./inflate";
import { asFileError, type Limits, loadWorkbook } from "./load";
import { refuseInputAsOutput, writeAtomically } from "./output";
import { safe } from "./format/safe";
import { columns } from "./format/width";

export interface FrozenCell {
  cell: string;
  before: string;
  /** The native formula, or the value kept. */
  after: { formula: string } | { value: CellValue; reason: string };
}

/** Every grid of the workbook (windows of a large sheet merged by position: a cell read twice is the same cell). */
async function cellsOf(wb: Awaited<ReturnType<typeof openWorkbook>>): Promise<Map<string, Grid[]>> {
  const out = new Map<string, Grid[]>();
  for (const sheet of wb.parts.sheets) {
    const grids: Grid[] = [];
    await wb.readSheet(sheet, (g) => grids.push(g));
    out.set(sheet.name, grids);
  }
  return out;
}

function valueIn(grids: readonly Grid[], row: number, col: number): CellValue | undefined {
  for (const g of grids) {
    const v = g.values[row - g.top]?.[col - g.left];
    if (v !== undefined) return v;
  }
  return undefined;
}

export async function runFreeze(input: string, output: string, o: { limits: Limits; force: boolean }): Promise<FrozenCell[]> {
  await refuseInputAsOutput(input, output);
  const { bytes, workbook } = await loadWorkbook(input, o.limits);
  const frozen: FrozenCell[] = [];
  const values: PatchWrite[] = [];
  const formulas: FormulaWrite[] = [];
  try {
    const sheets = await cellsOf(workbook);
    for (const [sheet, grids] of sheets) {
      const seen = new Set<string>();
      const valueAt = (ref: string): CellValue | undefined => {
        const q = ref.includes("!") ? parseQualified(ref) : parseQualified(`${sheet}!${ref}`);
        return q ? valueIn(sheets.get(q.sheet) ?? [], q.row, q.col) : undefined;
      };
      for (const g of grids) {
        g.formulas?.forEach((row, r) =>
          row.forEach((formula, c) => {
            if (formula === null) return;
            const pos = { sheet, row: g.top + r, col: g.left + c };
            const key = `${pos.row},${pos.col}`;
            if (seen.has(key)) return;
            seen.add(key);
            const result = freezeFormula(formula, { valueAt });
            if (result === null) return;
            const cell = qualified(pos);
            if (result.kind === "native") {
              formulas.push({ ...pos, formula: result.formula });
              frozen.push({ cell, before: formula, after: { formula: result.formula } });
            } else {
              const v = g.values[r][c];
              // Text stays text (an inline string, never a formula); a blank result becomes an empty text.
              values.push({ ...pos, value: typeof v === "number" ? v : v === null ? "" : String(v) });
              frozen.push({ cell, before: formula, after: { value: v, reason: result.reason } });
            }
          }),
        );
      }
    }
    let out: Uint8Array = bytes;
    if (values.length > 0) out = (await patchWorkbook(workbook, values, nodeCodec)).bytes;
    if (formulas.length > 0) out = await patchFormulas(values.length > 0 ? await openWorkbook(out, { inflate: inflateNode }) : workbook, formulas, nodeCodec);
    await writeAtomically(output, out, o.force);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw asFileError(e);
  }
  return frozen;
}

export function formatFreeze(cells: readonly FrozenCell[], output: string): string {
  if (cells.length === 0) return `没有调用 JX 函数的单元格，已原样复制到 ${output}\n`;
  const rows = cells.map((c) => [c.cell, safe(c.before), "formula" in c.after ? `→ ${safe(c.after.formula)}` : `→ 数值 ${safe(String(c.after.value ?? "（空）"))}（${c.after.reason}）`]);
  const natives = cells.filter((c) => "formula" in c.after).length;
  return [`已写入 ${output}：${cells.length} 个单元格（${natives} 个改为 Excel 内置公式，${cells.length - natives} 个改为数值）`, ...columns(rows, "  ")].join("\n") + "\n";
}
