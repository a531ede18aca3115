/** `selfeval fill`: the core's write plan for every form, carried out on a copy of the workbook. */
import { type CellValue, planWrites, type PlannedWrite, type ProfileId, type WriteKind } from "../core";
import { formatNumber, type OpenWorkbook, patchWorkbook } from "../xlsx";
import { analyzeWorkbook, type WorkbookAnalysis } from "./analyze";
import { nodeCodec } from "./codec";
import { asFileError, type Limits, loadWorkbook } from "./load";
import { checkWritable, refuseInputAsOutput, writeAtomically } from "./output";
import type { Overwrite } from "./options";
import { safe } from "./format/safe";
import { columns } from "./format/width";

export interface FillOptions {
  profile: ProfileId;
  limits: Limits;
  overwrite: Overwrite;
  force: boolean;
}

export interface Written {
  write: PlannedWrite;
  /** The number format the cell ends up with. */
  format: string | null;
}

export interface FillResult {
  forms: number;
  written: Written[];
  /** Sheets the core could not finish (their forms read before the failure are still filled). */
  warnings: string[];
}

/** Each form's write plan, with consent for the cells `--overwrite` names and the cells of the rules it names. */
export function plannedFill(analysis: WorkbookAnalysis, overwrite: Overwrite): PlannedWrite[] {
  return analysis.forms.flatMap((f) => {
    const consent = new Set(overwrite.cells);
    for (const x of f.findings) if (x.cell && overwrite.rules.has(x.rule)) consent.add(x.cell);
    return planWrites(f.scored, { overwrite: consent });
  });
}

/** The workbook with the planned writes patched in: only the written cells' parts change (src/xlsx/patch), and
 * with nothing to write, the input's own bytes. */
export async function patchPlanned(bytes: Uint8Array, workbook: OpenWorkbook, planned: readonly PlannedWrite[]): Promise<Uint8Array> {
  if (planned.length === 0) return bytes;
  const writes = planned.map((w) => ({ sheet: w.ref.sheet, row: w.ref.row, col: w.ref.col, value: w.value, numberFormat: w.numberFormat }));
  return (await patchWorkbook(workbook, writes, nodeCodec)).bytes;
}

export async function runFill(input: string, output: string, options: FillOptions): Promise<FillResult> {
  // Refused before the work begins; writeAtomically checks again when it writes.
  await refuseInputAsOutput(input, output);
  await checkWritable(output, options.force);
  const { bytes, workbook } = await loadWorkbook(input, options.limits);
  const analysis = await analyzeWorkbook(workbook, { profile: options.profile });
  const planned = plannedFill(analysis, options.overwrite);
  let out: Uint8Array;
  try {
    out = await patchPlanned(bytes, workbook, planned);
  } catch (e) {
    throw asFileError(e);
  }
  await writeAtomically(output, out, options.force);
  return { forms: analysis.forms.length, written: planned.map((write) => ({ write, format: write.numberFormat ?? null })), warnings: analysis.sheetErrors };
}

const KIND: Record<WriteKind, string> = { rate: "执行率", fundingScore: "执行率得分", score: "得分", total: "总分", grade: "评分等级", note: "偏差说明" };

function shown(v: CellValue | string, format: string | null): string {
  if (v === null || (typeof v === "string" && v.trim() === "")) return "（空）";
  if (typeof v === "number") return formatNumber(v, format);
  return safe(String(v));
}

export function formatFill(result: FillResult, output: string): string {
  if (result.forms === 0) return `未找到自评表，已原样复制到 ${output}\n`;
  if (result.written.length === 0) return `${result.forms} 张自评表均无需填写的空单元格，已复制到 ${output}\n`;
  const rows = result.written.map(({ write, format }) => [write.cell, KIND[write.kind], `${shown(write.previous, format)} → ${shown(write.value, format)}`]);
  return [`已写入 ${output}：${result.forms} 张自评表，${rows.length} 个单元格`, ...columns(rows, "  ")].join("\n") + "\n";
}
