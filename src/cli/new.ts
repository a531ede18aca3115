/** `selfeval new`: a blank form with live native formulas, written as .xlsx by the project's own ZIP writer. */
import { promises as fs } from "fs";
import path from "path";
import zlib from "zlib";
import { buildTemplate, isTemplateId, TEMPLATE_IDS, TEMPLATES, type TemplateId } from "../core/template";
import { templateWorkbook } from "../xlsx/create";
import { UsageError } from "./errors";

export interface NewOptions {
  template: string;
  project?: string;
  year?: string;
  rows?: string;
  force: boolean;
}

export const codec = { deflate: (d: Uint8Array) => zlib.deflateRawSync(d), crc32: (d: Uint8Array) => zlib.crc32(d) };

function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} 应为 ${min} 到 ${max} 之间的整数，收到“${value}”`);
  return n;
}

/** Writes beside the target and renames, so an interrupted run never leaves half a file. */
export async function writeAtomically(output: string, bytes: Uint8Array, force: boolean): Promise<void> {
  const exists = await fs.lstat(output).then(() => true, () => false);
  if (exists && !force) throw new UsageError(`输出文件 ${output} 已存在；如需覆盖请加 --force`);
  const dir = await fs.realpath(path.dirname(output)).catch(() => null);
  if (dir === null) throw new UsageError(`输出目录 ${path.dirname(output)} 不存在`);
  const tmp = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes, { flag: "wx" });
    await fs.rename(tmp, output);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new UsageError(`无法写入 ${output}：${(e as { code?: string }).code ?? (e as Error).message}`);
  }
}

export async function runNew(output: string, o: NewOptions): Promise<{ template: TemplateId; cells: number }> {
  if (!isTemplateId(o.template)) throw new UsageError(`未知的模板“${o.template}”，可选：${TEMPLATE_IDS.join("、")}`);
  // The project name is written as an inline string: text, never a formula, whatever it starts with.
  const sheet = buildTemplate(o.template, { project: o.project, year: intOption(o.year, "--year", 1990, 2200), rows: intOption(o.rows, "--rows", 1, 200) });
  await writeAtomically(output, templateWorkbook([sheet], codec), o.force);
  return { template: o.template, cells: sheet.cells.filter((c) => c.formula !== undefined).length };
}

export function formatNew(result: { template: TemplateId; cells: number }, output: string): string {
  const t = TEMPLATES[result.template];
  return `已生成 ${output}：${t.label}，${result.cells} 个公式单元格（检查时请用 --profile ${t.profile.id}）\n`;
}
