/** `--format csv`: one row per finding (RFC 4180 quoting, LF line ends, UTF-8 without BOM), written as files come. */
import type { FileReport, ReportSink, Write } from "../check";

const CSV_COLUMNS = ["file", "sheet", "project", "rule", "severity", "cell", "message"] as const;

/** Quotes when needed; a leading = + - @ is defused so Excel opening the file never runs it as a formula. */
function csvField(value: string | null): string {
  let s = value ?? "";
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRows(f: FileReport): string {
  let out = "";
  for (const form of f.forms) {
    for (const x of form.findings) out += [f.file, form.sheet, form.project, x.rule, x.severity, x.cell, x.message].map(csvField).join(",") + "\n";
  }
  return out;
}

export function csvSink(write: Write): ReportSink {
  void write(CSV_COLUMNS.join(",") + "\n");
  return { file: (r) => write(csvRows(r)), end() {} };
}
