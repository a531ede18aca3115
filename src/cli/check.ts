/** `selfeval check`: every form of every workbook, read, scored and checked by the core, as the JSON contract. */
import { analyzeGrid, type FormSummary, type ProfileId, type RuleSettings, summarize } from "../core";
import { workbookToGrids } from "../xlsx";
import { discover, type Target } from "./discover";
import { type FileErrorCode, FileError, oneLine } from "./errors";
import { type Limits, loadWorkbook } from "./load";

export interface CheckOptions {
  profile: ProfileId;
  rules: RuleSettings;
  limits: Limits;
}

export interface FileReport {
  file: string;
  error: { code: FileErrorCode; message: string } | null;
  forms: FormSummary[];
}

export interface CheckReport {
  profile: string;
  files: FileReport[];
}

const failed = (file: string, e: unknown): FileReport => ({
  file,
  error: e instanceof FileError ? { code: e.code, message: e.message } : { code: "read-failed", message: `读取失败：${oneLine(e)}` },
  forms: [],
});

async function checkTarget(t: Target, options: CheckOptions): Promise<FileReport> {
  if (t.error) return failed(t.file, t.error);
  try {
    const wb = await loadWorkbook(t.file, options.limits);
    const forms: FormSummary[] = [];
    const sheetErrors: string[] = [];
    for (const grid of workbookToGrids(wb)) {
      const analysis = analyzeGrid(grid, { profile: options.profile, rules: options.rules });
      for (const f of analysis.forms) forms.push(summarize(f));
      if (analysis.error) sheetErrors.push(analysis.error);
    }
    // A sheet the core could not finish still reports the forms read before the failure.
    const error = sheetErrors.length > 0 ? { code: "sheet-unreadable" as const, message: oneLine(sheetErrors.join("；")) } : null;
    return { file: t.file, error, forms };
  } catch (e) {
    return failed(t.file, e);
  }
}

export interface Progress {
  start(total: number): void;
  tick(file: string): void;
  stop(): void;
}

export async function runCheck(inputs: readonly string[], options: CheckOptions, progress?: Progress): Promise<CheckReport> {
  const targets = discover(inputs);
  const files: FileReport[] = [];
  progress?.start(targets.length);
  try {
    for (const t of targets) {
      files.push(await checkTarget(t, options));
      progress?.tick(t.file);
    }
  } finally {
    progress?.stop();
  }
  return { profile: options.profile, files };
}

/** ESLint's convention: 2 when a file could not be read, else 1 when any finding is an error, else 0. */
export function exitCodeOf(report: CheckReport): 0 | 1 | 2 {
  if (report.files.some((f) => f.error)) return 2;
  return report.files.some((f) => f.forms.some((form) => form.findings.some((x) => x.severity === "error"))) ? 1 : 0;
}
