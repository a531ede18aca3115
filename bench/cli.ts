/**
 * `npm run bench:cli`: `selfeval check` over 200 generated workbooks (mixed layouts), in-process through the CLI's
 * own code path (runCheck + the JSON report), against ExcelJS loading the same files alone. The two are timed in
 * alternating rounds and the best round of each is kept, so disk cache and JIT warm-up favour neither.
 * Then a breakdown: each stage of a check timed per file (best of several rounds), as a share of the ExcelJS load;
 * `selfeval --version` as a process (lazy loading); the peak RSS of this process.
 * `--profile` adds a CPU profile of one check pass (written to .tmp/bench-cli.cpuprofile).
 */
import { execFileSync } from "child_process";
import { promises as fs, readFileSync } from "fs";
import inspector from "inspector";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { buildSeedWorkbook, type SeedWorkbookOptions } from "../test/support/seedWorkbook";

// The measured code is the compiled CLI in lib/ (what `selfeval` runs), not this script's on-the-fly transpile.
/* eslint-disable @typescript-eslint/no-require-imports */
const { analyzeGrid, summarize } = require("../lib/core") as typeof import("../src/core");
const { openWorkbook } = require("../lib/xlsx") as typeof import("../src/xlsx");
const { collectCheck } = require("../lib/cli/check") as typeof import("../src/cli/check");
const { limitsFor } = require("../lib/cli/load") as typeof import("../src/cli/load");
const { inflateNode } = require("../lib/cli/inflate") as typeof import("../src/cli/inflate");
const { sniff } = require("../lib/cli/sniff") as typeof import("../src/cli/sniff");
/* eslint-enable @typescript-eslint/no-require-imports */

const FILES = 200;
const ROUNDS = 7;
const TARGET = 0.35;

const VARIANTS: SeedWorkbookOptions[] = [
  { layout: "shanghai" },
  { layout: "ministry", stacked: true, rateAs: "fraction", origin: { row: 2, col: 1 } },
  { forms: [1, 3], origin: { row: 5, col: 3 }, amountUnit: "元" },
  { forms: [0, 2, 4], fullWidth: true, rateAs: "percentString" },
  { forms: [3], blankComputed: true, extraSheet: true },
  { forms: [4, 0], layout: "ministry", asciiOps: true },
];

async function generate(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const file = path.join(dir, `form-${String(i).padStart(3, "0")}.xlsx`);
    await buildSeedWorkbook(VARIANTS[i % VARIANTS.length]).workbook.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** The floor of the old path: the same synchronous read the CLI does, then ExcelJS's load. */
async function loadOnly(files: string[]): Promise<void> {
  for (const f of files) await new ExcelJS.Workbook().xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
}

let forms = 0;
async function check(files: string[]): Promise<void> {
  const report = await collectCheck(files, { profile: "default", rules: {}, limits: limitsFor(20) });
  forms = report.files.reduce((n, f) => n + f.forms.length, 0);
  if (JSON.stringify(report, null, 2).length === 0 || report.files.some((f) => f.error)) throw new Error("bench: a file failed");
}

/** Per-stage time of the check path, summed over files of each file's best round. */
async function breakdown(files: string[], rounds = 5): Promise<Record<string, number>> {
  const stages = ["read + sniff", "open (rels, styles, strings)", "sheets → grids", "analyze", "summarize", "JSON"] as const;
  const best = files.map(() => new Map<string, number>());
  const limits = limitsFor(20);
  for (let r = 0; r < rounds; r++) {
    for (const [i, f] of files.entries()) {
      let t = performance.now();
      const lap = (k: string) => {
        const now = performance.now();
        best[i].set(k, Math.min(best[i].get(k) ?? Infinity, now - t));
        t = now;
      };
      const buf = readFileSync(f);
      sniff(buf);
      lap("read + sniff");
      const wb = await openWorkbook(buf, { inflate: inflateNode, maxInflated: limits.maxUnpacked, maxCells: limits.maxCells });
      lap("open (rels, styles, strings)");
      const grids: import("../src/core").Grid[] = [];
      for (const s of wb.parts.sheets) await wb.readSheet(s, (g) => grids.push(g));
      lap("sheets → grids");
      const analyses = grids.map((g) => analyzeGrid(g));
      lap("analyze");
      const summaries = analyses.flatMap((a) => a.forms.map(summarize));
      lap("summarize");
      JSON.stringify(summaries, null, 2);
      lap("JSON");
    }
  }
  return Object.fromEntries(stages.map((k) => [k, best.reduce((n, m) => n + (m.get(k) ?? 0), 0)]));
}

async function profile(files: string[]): Promise<void> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  await post("Profiler.enable");
  await post("Profiler.start");
  await check(files);
  const { profile: p } = (await post("Profiler.stop")) as { profile: unknown };
  await fs.mkdir(".tmp", { recursive: true });
  await fs.writeFile(".tmp/bench-cli.cpuprofile", JSON.stringify(p));
  console.log("CPU profile of one check pass: .tmp/bench-cli.cpuprofile");
}

/** `selfeval --version` as a process, best of 5. */
function versionTime(): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    execFileSync(process.execPath, [path.join(__dirname, "..", "bin", "selfeval.js"), "--version"]);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "selfeval-bench-"));
  try {
    const files = await generate(dir);
    const bytes = (await Promise.all(files.map((f) => fs.stat(f)))).reduce((n, s) => n + s.size, 0);
    let best = { load: Infinity, check: Infinity };
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate which goes first, so neither always runs on a cache the other warmed.
      const order = r % 2 === 0 ? (["load", "check"] as const) : (["check", "load"] as const);
      for (const k of order) {
        const ms = await time(() => (k === "load" ? loadOnly(files) : check(files)));
        best = { ...best, [k]: Math.min(best[k], ms) };
      }
    }
    const ratio = best.check / best.load;
    console.log(`${FILES} workbooks, ${forms} forms, ${(bytes / 2 ** 20).toFixed(1)} MB; best of ${ROUNDS} alternating rounds`);
    console.log(`ExcelJS load alone: ${best.load.toFixed(0)} ms total, ${(best.load / FILES).toFixed(2)} ms/file`);
    console.log(`selfeval check:     ${best.check.toFixed(0)} ms total, ${(best.check / FILES).toFixed(2)} ms/file`);
    console.log(`ratio check / load: ${ratio.toFixed(3)} (target ≤ ${TARGET}) ${ratio <= TARGET ? "OK" : "OVER"}`);
    const parts = await breakdown(files);
    console.log("where a check's time goes (sum of per-file best of 5, % of ExcelJS load):");
    for (const [k, ms] of Object.entries(parts)) console.log(`  ${k.padEnd(29)} ${ms.toFixed(1).padStart(7)} ms  ${((100 * ms) / best.load).toFixed(1).padStart(5)}%`);
    const version = versionTime();
    console.log(`selfeval --version: ${version.toFixed(0)} ms (target < 150) ${version < 150 ? "OK" : "OVER"}`);
    console.log(`peak RSS of this process (ExcelJS loads included): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    if (process.argv.includes("--profile")) await profile(files);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
