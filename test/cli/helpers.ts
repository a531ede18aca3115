/** Runs the built CLI (`bin/selfeval.js` → lib/) as a child process, on workbooks written to a temp folder. */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import os from "os";
import path from "path";
import type { FormSummary } from "../../src/core";
import { buildSeedWorkbook, type FormCells, type SeedWorkbookOptions } from "../support/seedWorkbook";

export const ROOT = path.resolve(__dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "selfeval.js");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  if (!existsSync(path.join(ROOT, "lib", "cli", "main.js"))) throw new Error("lib/cli/main.js missing: run `npm run build:cli`");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, SELFEVAL_DEBUG: "", ...options.env }, maxBuffer: 256 * 2 ** 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** The report of `check --json`, parsed. */
export async function checkJson(args: string[], options?: { cwd?: string }) {
  const run = await runCli(["check", "--json", ...args], options);
  return { ...run, report: JSON.parse(run.stdout) as Report };
}

export interface Report {
  profile: string;
  files: Array<{ file: string; error: { code: string; message: string } | null; forms: FormJson[] }>;
}

/** A form of the report: exactly what the core's summarize() returns (the public contract's shape). */
export type FormJson = FormSummary;

/** stderr holds exactly `lines` lines, none of them a stack frame. */
export function expectCleanStderr(stderr: string, lines = 1): void {
  const got = stderr.split("\n").filter((l) => l !== "");
  expect(got).toHaveLength(lines);
  for (const l of got) {
    expect(l).toMatch(/^selfeval: /);
    expect(l).not.toMatch(/^\s+at |Error:|node:internal/);
  }
}

/** A fresh temp folder, removed by `cleanup`. */
export async function tmpDir(prefix = "selfeval-cli-"): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function cleanup(dir: string | undefined): Promise<void> {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
}

/** Writes seed forms as a real .xlsx; returns its path and where each form's cells went. */
export async function writeSeed(dir: string, name: string, options: SeedWorkbookOptions = {}): Promise<{ file: string; cells: FormCells[] }> {
  const { workbook, cells } = buildSeedWorkbook(options);
  const file = path.join(dir, name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await workbook.xlsx.writeFile(file);
  return { file, cells };
}
