/** `selfeval new`: a blank form with live native formulas, written as .xlsx by the project's own ZIP writer. */
import { buildTemplate, isTemplateId, TEMPLATE_IDS, TEMPLATES, type TemplateId } from "../core/template";
import { templateWorkbook } from "../xlsx/create";
import { nodeCodec } from "./codec";
import { UsageError } from "./errors";
import { writeAtomically } from "./output";

export interface NewOptions {
  template: string;
  project?: string;
  year?: string;
  rows?: string;
  force: boolean;
}

function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} 应为 ${min} 到 ${max} 之间的整数，收到“${value}”`);
  return n;
}

export async function runNew(output: string, o: NewOptions): Promise<{ template: TemplateId; cells: number }> {
  if (!isTemplateId(o.template)) throw new UsageError(`未知的模板“${o.template}”，可选：${TEMPLATE_IDS.join("、")}`);
  // The project name is written as an inline string: text, never a formula, whatever it starts with.
  const sheet = buildTemplate(o.template, { project: o.project, year: intOption(o.year, "--year", 1990, 2200), rows: intOption(o.rows, "--rows", 1, 200) });
  await writeAtomically(output, templateWorkbook([sheet], nodeCodec), o.force);
  return { template: o.template, cells: sheet.cells.filter((c) => c.formula !== undefined).length };
}

export function formatNew(result: { template: TemplateId; cells: number }, output: string): string {
  const t = TEMPLATES[result.template];
  return `已生成 ${output}：${t.label}，${result.cells} 个公式单元格（检查时请用 --profile ${t.profile.id}）\n`;
}
