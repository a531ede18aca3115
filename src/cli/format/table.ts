/** The default, human-readable report: one block per form, findings with their cells, a closing tally. */
import { type FindingSummary, type Figures, fmt2, type FormSummary } from "../../core";
import type { FileReport, ReportSink, Tally, Write } from "../check";
import { safe } from "./safe";
import { columns } from "./width";

const SEVERITY: Record<FindingSummary["severity"], string> = { error: "错误", warning: "警告", info: "提示" };

const num = (n: number | null, suffix = "") => (n === null ? "—" : fmt2(n) + suffix);

function figureRows(stated: Figures, computed: Figures): string[][] {
  const rows: Array<[string, string, string, boolean]> = [
    ["执行率", num(stated.rate, "%"), num(computed.rate, "%"), stated.rate !== computed.rate],
    ["执行率得分", num(stated.fundingScore), num(computed.fundingScore), stated.fundingScore !== computed.fundingScore],
    ["总分", num(stated.total), num(computed.total), stated.total !== computed.total],
    ["评分等级", safe(stated.grade ?? "—"), safe(computed.grade ?? "—"), stated.grade !== computed.grade],
  ];
  // A mark only where both sides hold a figure and they differ; an empty stated cell is a fill, not a mismatch.
  return [["项目", "表内填写", "计算结果", ""], ...rows.map(([k, s, c, d]) => [k, s, c, d && s !== "—" && c !== "—" ? "≠" : ""])];
}

function formBlock(f: FormSummary): string[] {
  const title = `${safe(f.sheet)}!${f.range}  ${safe(f.project ?? "（未填项目名称）")}${f.year !== null ? `（${f.year}年度）` : ""}`;
  const out = [`  ${title}`];
  const who = [f.department && `主管部门：${safe(f.department)}`, f.unit && `实施单位：${safe(f.unit)}`].filter(Boolean).join("  ");
  if (who) out.push(`    ${who}`);
  out.push(...columns(figureRows(f.stated, f.computed), "    "));
  if (f.findings.length === 0) {
    out.push("    未发现问题");
  } else {
    out.push(`    问题 ${f.findings.length} 项：`);
    const rows = f.findings.map((x) => [SEVERITY[x.severity], safe(x.cell ?? "—"), x.rule, safe(x.message)]);
    out.push(...columns([["级别", "单元格", "规则", "说明"], ...rows], "      "));
  }
  return out;
}

export function fileBlock(r: FileReport): string[] {
  const out = [`文件：${safe(r.file)}`];
  if (r.error) out.push(`  无法读取（${r.error.code}）：${safe(r.error.message)}`);
  if (!r.error && r.forms.length === 0) out.push("  未找到自评表");
  for (const f of r.forms) out.push(...formBlock(f), "");
  if (out[out.length - 1] !== "") out.push("");
  return out;
}

export function tallyLine(t: Tally, profile: string): string {
  return (
    `合计：${t.files} 个文件，${t.forms} 张自评表（评分方案 ${profile}）；` +
    `错误 ${t.count.error} 项，警告 ${t.count.warning} 项，提示 ${t.count.info} 项` +
    (t.unreadable ? `；${t.unreadable} 个文件无法读取` : "")
  );
}

/** Writes each file's block as it comes, the tally at the end. */
export function tableSink(write: Write, tally: () => Tally, profile: string): ReportSink {
  return {
    file: (r) => write(fileBlock(r).join("\n") + "\n"),
    end: () => void write(tallyLine(tally(), profile) + "\n"),
  };
}
