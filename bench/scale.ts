/**
 * `npm run bench:scale` (issue 9): the CLI as a user runs it, each run a process whose wall time and peak RSS
 * (/usr/bin/time) are printed.
 *  1. A workbook of one form plus a 1,000,000-row data sheet (~14 MB; generated here, never committed): `check` and
 *     `fill` must read the form within 300 MB of RSS.
 *  2. 2,000 and 20,000 one-form workbooks, `check --format ndjson` with `--jobs 1` and `--jobs 2`: time, and RSS
 *     flat in the number of files.
 *  3. 100,000 files (hard links to the 20,000), one run per `--jobs`: the peak RSS so far (VmHWM) read when the
 *     2,000th, 20,000th, 50,000th and 100,000th report arrives, so the plateau after V8 has sized its heaps shows.
 */
import { spawn, spawnSync } from "child_process";
import { readFileSync, promises as fs } from "fs";
import os from "os";
import path from "path";
import { buildSeedWorkbook } from "../test/support/seedWorkbook";
import { unzip, zip } from "../test/cli/zipkit";

const BIN = path.join(__dirname, "..", "bin", "selfeval.js");
const RSS_LIMIT_MB = 300;
/** "Flat in the number of files": 10× the files may cost at most this much more peak RSS. */
const FLAT = 0.2;

/** Runs the CLI under /usr/bin/time (it reports the peak RSS on stderr); seconds, MB, exit code, stdout. */
function measured(args: string[]): { s: number; mb: number; code: number; out: string } {
  const t = performance.now();
  const res = spawnSync("/usr/bin/time", ["-f", "RSS_KB=%M", process.execPath, BIN, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const s = (performance.now() - t) / 1000;
  const m = /RSS_KB=(\d+)/.exec(res.stderr) ?? [];
  return { s, mb: Number(m[1] ?? NaN) / 1024, code: res.status ?? -1, out: res.stdout };
}

/** The CLI as a child whose peak RSS so far is read from /proc (Linux) each time a mark's report line arrives. */
function traced(args: string[], marks: readonly number[]): Promise<{ s: number; at: Map<number, number>; lines: number; code: number }> {
  const t = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "ignore"] });
  const hwm = () => {
    try {
      return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1]) / 1024;
    } catch {
      return NaN;
    }
  };
  const at = new Map<number, number>();
  let lines = 0;
  child.stdout.on("data", (b: Buffer) => {
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) if (marks.includes(++lines)) at.set(lines, hwm());
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ s: (performance.now() - t) / 1000, at, lines, code: code ?? -1 })));
}

async function bigWorkbook(file: string, rows: number): Promise<void> {
  const seed = unzip(Buffer.from(await buildSeedWorkbook({ forms: [0], blankComputed: true }).workbook.xlsx.writeBuffer()));
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${((r * 7919) % 100000) / 100}</v></c><c r="C${r}"><v>${(r * 31) % 997}</v></c></row>`);
  const sheet = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join("")}</sheetData></worksheet>`);
  const edit = (name: string, f: (s: string) => string) => {
    const e = seed.find((x) => x.name === name)!;
    e.data = Buffer.from(f(e.data.toString("utf8")));
  };
  edit("xl/workbook.xml", (s) => s.replace("</sheets>", '<sheet name="数据" sheetId="99" r:id="rIdData"/></sheets>'));
  edit("xl/_rels/workbook.xml.rels", (s) => s.replace("</Relationships>", '<Relationship Id="rIdData" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/></Relationships>'));
  edit("[Content_Types].xml", (s) => s.replace("</Types>", '<Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
  seed.push({ name: "xl/worksheets/data.xml", data: sheet });
  await fs.writeFile(file, zip(seed));
  console.log(`  generated: ${(sheet.length / 2 ** 20).toFixed(0)} MB of sheet XML, file ${((await fs.stat(file)).size / 2 ** 20).toFixed(1)} MB`);
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "selfeval-scale-"));
  try {
    console.log("1. one form + a 1,000,000-row data sheet");
    const big = path.join(dir, "big.xlsx");
    await bigWorkbook(big, 1_000_000);
    const check = measured(["check", big, "--format", "ndjson"]);
    const forms = (JSON.parse(check.out.trim().split("\n").pop()!) as { summary: { forms: number } }).summary.forms;
    console.log(`  check: ${check.s.toFixed(1)} s, peak RSS ${check.mb.toFixed(0)} MB, exit ${check.code}, forms read ${forms} ${check.mb <= RSS_LIMIT_MB && forms === 1 ? "OK" : "OVER"}`);
    const fill = measured(["fill", big, "-o", path.join(dir, "big-filled.xlsx")]);
    console.log(`  fill:  ${fill.s.toFixed(1)} s, peak RSS ${fill.mb.toFixed(0)} MB, exit ${fill.code}, ${fill.out.split("\n")[0]} ${fill.mb <= RSS_LIMIT_MB ? "OK" : "OVER"}`);
    await fs.rm(big);

    console.log("2. many one-form workbooks (check --format ndjson)");
    const one = Buffer.from(await buildSeedWorkbook({ forms: [1] }).workbook.xlsx.writeBuffer());
    const many = path.join(dir, "many");
    await fs.mkdir(many);
    let made = 0;
    const rss = new Map<number, number>(); // jobs → peak RSS at 2,000 files
    for (const n of [2000, 20000]) {
      for (; made < n; made++) await fs.writeFile(path.join(many, `f${String(made).padStart(5, "0")}.xlsx`), one);
      for (const jobs of [1, 2]) {
        // Collected through a pipe, as a caller would: a writer that ignored backpressure would show here.
        const r = measured(["check", many, "--format", "ndjson", "--jobs", String(jobs)]);
        const lines = r.out.trimEnd().split("\n").length;
        console.log(`  ${String(n).padStart(6)} files, --jobs ${jobs}: ${r.s.toFixed(1)} s (${((1000 * r.s) / n).toFixed(2)} ms/file), peak RSS ${r.mb.toFixed(0)} MB, ${lines - 1} reports, exit ${r.code}`);
        if (n === 2000) rss.set(jobs, r.mb);
        else {
          const growth = r.mb / rss.get(jobs)! - 1;
          console.log(`    RSS 2,000 → 20,000 files, --jobs ${jobs}: ${rss.get(jobs)!.toFixed(0)} → ${r.mb.toFixed(0)} MB (${growth >= 0 ? "+" : ""}${(100 * growth).toFixed(0)} %) ${growth <= FLAT ? "OK" : "OVER"}`);
        }
      }
    }

    console.log("3. 100,000 files (each of the 20,000 linked five times), peak RSS so far as the reports arrive");
    const links = path.join(dir, "links");
    await fs.mkdir(links);
    for (let i = 0; i < 100_000; i++) await fs.link(path.join(many, `f${String(i % 20000).padStart(5, "0")}.xlsx`), path.join(links, `g${String(i).padStart(6, "0")}.xlsx`));
    const marks = [2000, 20000, 50000, 100000];
    for (const jobs of [1, 2]) {
      const r = await traced(["check", links, "--format", "ndjson", "--jobs", String(jobs)], marks);
      const mb = marks.map((m) => r.at.get(m) ?? NaN);
      const growth = mb[3] / mb[1] - 1;
      console.log(
        `  --jobs ${jobs}: ${r.s.toFixed(1)} s, ${r.lines - 1} reports, exit ${r.code}; peak RSS at ${marks.map((m, k) => `${m.toLocaleString("en")}: ${mb[k].toFixed(0)}`).join(", ")} MB; ` +
          `20,000 → 100,000 files ${growth >= 0 ? "+" : ""}${(100 * growth).toFixed(0)} % ${growth <= FLAT ? "OK" : "OVER"}`,
      );
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
