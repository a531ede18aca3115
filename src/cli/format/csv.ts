/** `--format csv`: one row per finding (RFC 4180 quoting, LF line ends, UTF-8 without BOM). */
import type { CheckReport } from "../check";

const CSV_COLUMNS = ["file", "sheet", "project", "rule", "severity", "cell", "message"] as const;

/** Quotes when needed; a leading = + - @ is defused so Excel opening the file never runs it as a formula. */
function csvField(value: string | null): string {
  let s = value ?? "";
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(report: CheckReport): string {
  const rows: string[] = [CSV_COLUMNS.join(",")];
  for (const f of report.files) {
    for (const form of f.forms) {
      for (const x of form.findings) {
        rows.push([f.file, form.sheet, form.project, x.rule, x.severity, x.cell, x.message].map(csvField).join(","));
      }
    }
  }
  return rows.join("\n") + "\n";
}
