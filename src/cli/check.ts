/**
 * `selfeval check`: every form of every workbook, read, scored and checked by the core, reported file by file as
 * the results come (in input order), so memory stays flat in the number of files and no report is built whole.
 */
import { type FormSummary, type ProfileId, type RuleSettings, summarize } from "../core";
import { analyzeWorkbook } from "./analyze";
import { discover, type Target } from "./discover";
import { XlsxError } from "../xlsx";
import { FileError, type FileErrorCode, oneLine } from "./errors";
import { type Limits, loadWorkbook } from "./load";
import { mapOrdered } from "./pool";

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

const failed = (file: string, e: unknown): FileReport => {
  const known = e instanceof FileError || e instanceof XlsxError ? e : null;
  return { file, error: known ? { code: known.code, message: known.message } : { code: "read-failed", message: `读取失败：${oneLine(e)}` }, forms: [] };
};

/** One workbook (also what a worker thread runs). Never throws: an unreadable file is a report with an error. */
export async function checkFile(t: Target, options: CheckOptions): Promise<FileReport> {
  if (t.error) return failed(t.file, t.error);
  try {
    const { workbook } = await loadWorkbook(t.file, options.limits);
    const analysis = await analyzeWorkbook(workbook, { profile: options.profile, rules: options.rules });
    // A sheet the core could not finish still reports the forms read before the failure.
    const error = analysis.sheetErrors.length > 0 ? { code: "sheet-unreadable" as const, message: oneLine(analysis.sheetErrors.join("；")) } : null;
    return { file: t.file, error, forms: analysis.forms.map(summarize) };
  } catch (e) {
    return failed(t.file, e);
  }
}

export interface Progress {
  start(total: number): void;
  tick(file: string): void;
  stop(): void;
}

/** Writes to the output; a promise when the output is full (resolved once it has drained). */
export type Write = (s: string) => void | Promise<void>;

/** Receives each file's report in input order, then the end. */
export interface ReportSink {
  /** A promise means: wait for it before the next report (the output is full). */
  file(report: FileReport): void | Promise<void>;
  end(): void;
}

/** Tallies for the exit code and the closing line, kept instead of the reports. */
export class Tally {
  files = 0;
  forms = 0;
  unreadable = 0;
  count = { error: 0, warning: 0, info: 0 };
  add(r: FileReport): void {
    this.files++;
    if (r.error) this.unreadable++;
    this.forms += r.forms.length;
    for (const f of r.forms) for (const x of f.findings) this.count[x.severity]++;
  }
  /** ESLint's convention: 2 when a file could not be read, else 1 when any finding is an error, else 0. */
  exitCode(): 0 | 1 | 2 {
    if (this.unreadable > 0) return 2;
    return this.count.error > 0 ? 1 : 0;
  }
}

export interface RunOptions {
  /** Worker threads (1: this thread). */
  jobs?: number;
  progress?: Progress;
  /** Counts kept as the files pass (the sinks read it at the end). */
  tally?: Tally;
}

export async function runCheck(inputs: readonly string[], options: CheckOptions, sink: ReportSink, run: RunOptions = {}): Promise<Tally> {
  const { jobs = 1, progress } = run;
  const targets = discover(inputs);
  const tally = run.tally ?? new Tally();
  progress?.start(targets.length);
  try {
    await mapOrdered(targets, jobs, options, (report, t) => {
      tally.add(report);
      const wait = sink.file(report);
      progress?.tick(t.file);
      return wait;
    });
  } finally {
    progress?.stop();
  }
  sink.end();
  return tally;
}

/** The whole report in memory (tests and the bench; the CLI streams instead). */
export async function collectCheck(inputs: readonly string[], options: CheckOptions, jobs = 1): Promise<CheckReport> {
  const files: FileReport[] = [];
  await runCheck(inputs, options, { file: (r) => void files.push(r), end() {} }, { jobs });
  return { profile: options.profile, files };
}
