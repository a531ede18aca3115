/** The `selfeval` command line: argument parsing and printing only; the work is in check.ts / fill.ts and src/core. */
import { readFileSync } from "fs";
import os from "os";
import path from "path";
import { Command, CommanderError, Option } from "commander";
import type { Progress } from "./check";
import { FileError, oneLine, UsageError } from "./errors";

import { DEFAULT_MAX_MB } from "./defaults";
import { registerNewAndFreeze } from "./newFreezeCommands";

// The engine, the reader and the formats are loaded by the command that needs them, so `selfeval --version` and
// `--help` load commander alone (issue 9: under 0.15 s).

export interface Io {
  /** A promise when the output is full: the caller that can wait (check's reports) resolves it before writing more. */
  stdout(s: string): void | Promise<void>;
  stderr(s: string): void;
  /** Whether stderr is a terminal (the progress bar is drawn only there). */
  stderrIsTTY: boolean;
}

/**
 * Settles once the stream has room again (or is gone). A pipe read slower than files are checked (`| less`, a parent
 * collecting the output) would otherwise queue every report in memory: 20,000 files reached 330 MB of RSS (issue 9).
 */
const drained = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => {
    const done = () => {
      for (const e of ["drain", "close", "error"]) stream.off(e, done);
      resolve();
    };
    for (const e of ["drain", "close", "error"]) stream.on(e, done);
  });

const processIo = (): Io => ({
  stdout: (s) => (process.stdout.write(s) ? undefined : drained(process.stdout)),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: Boolean(process.stderr.isTTY),
});

/** More files than this earn a progress bar. */
const PROGRESS_MIN_FILES = 4;

async function progressBar(io: Io): Promise<Progress | undefined> {
  if (!io.stderrIsTTY) return undefined;
  const { SingleBar } = await import("cli-progress");
  let bar: InstanceType<typeof SingleBar> | null = null;
  return {
    start(total) {
      if (total < PROGRESS_MIN_FILES) return;
      bar = new SingleBar({ stream: process.stderr, format: "检查 [{bar}] {value}/{total} {file}", clearOnComplete: true, hideCursor: true });
      bar.start(total, 0, { file: "" });
    },
    tick: (file) => bar?.increment({ file }),
    stop: () => bar?.stop(),
  };
}

interface CheckFlags {
  profile?: string;
  json?: boolean;
  format?: string;
  rule?: string[];
  maxSize: string;
  jobs?: string;
}

const FORMATS = ["table", "json", "ndjson", "csv"];

function parseJobs(value: string | undefined): number {
  if (value === undefined) return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs 应为 1 到 256 之间的整数，收到“${value}”`);
  return n;
}

async function check(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  const { parseMaxSize, parseProfile, parseRules } = await import("./options");
  // --rule is variadic, so `--rule a=off book.xlsx` hands it the path too: items without `=` are paths.
  const ruleItems = (flags.rule ?? []).filter((s) => s.includes("="));
  const inputs = [...paths, ...(flags.rule ?? []).filter((s) => !s.includes("="))];
  if (flags.json && flags.format && flags.format !== "json") throw new UsageError("--json 与 --format 不能同时指定不同的格式");
  const format = flags.json ? "json" : (flags.format ?? "table");
  if (!FORMATS.includes(format)) throw new UsageError(`未知的输出格式“${format}”，可选：${FORMATS.join("、")}`);
  const { limitsFor } = await import("./load");
  const options = { profile: parseProfile(flags.profile), rules: parseRules(ruleItems), limits: limitsFor(parseMaxSize(flags.maxSize)) };
  const jobs = parseJobs(flags.jobs);
  if (inputs.length === 0) throw new UsageError("请指定要检查的 .xlsx 文件或文件夹");

  const { runCheck, Tally } = await import("./check");
  const tally = new Tally();
  const write = (s: string) => io.stdout(s);
  let sink;
  if (format === "json") sink = (await import("./format/json")).jsonSink(write, options.profile);
  else if (format === "ndjson") sink = (await import("./format/json")).ndjsonSink(write, () => tally, options.profile);
  else if (format === "csv") sink = (await import("./format/csv")).csvSink(write);
  else sink = (await import("./format/table")).tableSink(write, () => tally, options.profile);
  // The table shows unreadable files itself; the other formats keep stdout machine-readable, so they go to stderr too.
  const onFile = sink.file;
  sink.file = (r) => {
    const wait = onFile(r);
    if (format !== "table" && r.error) io.stderr(`selfeval: ${r.file}: ${r.error.message}\n`);
    return wait;
  };
  await runCheck(inputs, options, sink, { jobs, progress: await progressBar(io), tally });
  return tally.exitCode();
}

interface FillFlags {
  output: string;
  profile?: string;
  overwrite?: string[];
  force?: boolean;
  maxSize: string;
}

async function fill(input: string | undefined, flags: FillFlags, io: Io): Promise<number> {
  const { parseMaxSize, parseOverwrite, parseProfile } = await import("./options");
  const { limitsFor } = await import("./load");
  const { formatFill, runFill } = await import("./fill");
  const items = [...(flags.overwrite ?? [])];
  // --overwrite is variadic: `fill --overwrite a in.xlsx -o out` hands it the input too.
  if (input === undefined && items.length > 0 && /\.xls[xm]?$/i.test(items[items.length - 1])) input = items.pop();
  if (input === undefined) throw new UsageError("请指定要填写的 .xlsx 文件");
  const options = {
    profile: parseProfile(flags.profile),
    limits: limitsFor(parseMaxSize(flags.maxSize)),
    overwrite: parseOverwrite(items),
    force: Boolean(flags.force),
  };
  try {
    const result = await runFill(input, flags.output, options);
    io.stdout(formatFill(result, flags.output));
    for (const w of result.warnings) io.stderr(`selfeval: ${input}: ${oneLine(w)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof FileError) {
      io.stderr(`selfeval: ${input}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** From package.json, two levels up from both src/cli and lib/cli. */
function version(): string {
  try {
    return (JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}

function program(io: Io, done: (code: number) => void): Command {
  const p = new Command("selfeval")
    .description("财政项目支出绩效自评表：检查（check）与填写（fill）")
    .version(version())
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`selfeval: 用法错误：${oneLine(s.replace(/^error:\s*/, ""))}（selfeval --help 查看用法）\n`),
    });
  const profile = new Option("--profile <id>", "评分方案：default、mof2020、hubei、sichuan、ningxia").default("default");
  const maxSize = new Option("--max-size <MB>", "超过此大小的文件不读取").default(String(DEFAULT_MAX_MB));

  p.command("check")
    .description("检查 .xlsx 文件（文件夹递归查找）中的每一张自评表")
    .argument("[paths...]", ".xlsx 文件或文件夹")
    .addOption(profile)
    .option("--json", "输出 JSON（同 --format json）")
    // Checked in check() so that a wrong value gets the zh-CN usage message (exit 2).
    .option("--format <format>", "输出格式：table（默认）、json、ndjson（每个文件一行 JSON，最后一行为汇总）或 csv")
    .option("--rule <id=level...>", "调整规则级别：规则=off|info|warning|error，可重复")
    .addOption(maxSize)
    .option("--jobs <n>", "并行检查的线程数（默认：CPU 核数）")
    .action(async (paths: string[], flags: CheckFlags) => done(await check(paths, flags, io)));

  p.command("fill")
    .description("填写空的计算单元格与偏差说明草稿，另存为新文件")
    .argument("[input]", "要填写的 .xlsx 文件")
    .requiredOption("-o, --output <file>", "输出文件（不能是输入文件）")
    .addOption(profile)
    .option("--overwrite <rule-or-cell...>", "同意覆盖的非空单元格：规则编号（其发现所指的单元格）或单元格（表1!G6）")
    .option("--force", "输出文件已存在时覆盖它")
    .addOption(maxSize)
    .action(async (input: string | undefined, flags: FillFlags) => done(await fill(input, flags, io)));
  // issue 11: `new` and `freeze` live in their own files (./newFreezeCommands.ts).
  registerNewAndFreeze(p, maxSize, done, io);
  return p;
}

/** Runs the CLI; resolves to the exit code (0 clean, 1 error findings, 2 unreadable file or bad usage). */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  const p = program(io, (c) => (code = c));
  if (argv.length <= 2) {
    io.stderr(p.helpInformation());
    return 2;
  }
  try {
    await p.parseAsync([...argv]);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError || e instanceof FileError) io.stderr(`selfeval: ${e.message}\n`);
    else io.stderr(`selfeval: 内部错误：${oneLine(e)}\n`);
    if (process.env.SELFEVAL_DEBUG) io.stderr(String((e as Error).stack) + "\n");
    return 2;
  }
}

export function run(): void {
  // A reader that stops early (`| head`) is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
      process.exit(process.exitCode ?? 0);
    });
  }
  main(process.argv).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`selfeval: 内部错误：${oneLine(e)}\n`);
      process.exitCode = 2;
    },
  );
}
