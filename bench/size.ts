/**
 * `npm run bench:size`: gzip sizes (level 9, bytes) of the production bundles in dist/ against their targets:
 * functions.js ≤ 30 KB, taskpane.js ≤ 150 KB, and everything taskpane.html loads besides office.js (core.js, the
 * engine chunk both share, + functions.js + taskpane.js) ≤ 160 KB; office.js is not counted, Excel loads it from
 * Microsoft's CDN. Runs a production build first when dist/ has none (with a throwaway base URL when
 * SELFEVAL_BASE_URL is unset: sizes do not depend on it). Exits 1 when a target is missed. `--json`: one JSON object.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import zlib from "zlib";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const TARGET_FUNCTIONS_GZIP = 30 * 1024;
const TARGET_TASKPANE_GZIP = 150 * 1024;
const TARGET_PAGE_GZIP = 160 * 1024;

if (!fs.existsSync(path.join(DIST, "functions.js")) || !fs.existsSync(path.join(DIST, "taskpane.html"))) {
  console.log("dist/ has no build: running npm run build");
  const env = { ...process.env, SELFEVAL_BASE_URL: process.env.SELFEVAL_BASE_URL || "https://size-bench.example/selfeval/" };
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", env, shell: process.platform === "win32" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

function sizes(file: string): { file: string; bytes: number; gzip: number } {
  const data = fs.readFileSync(path.join(DIST, file));
  return { file, bytes: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
}

/** The local scripts taskpane.html loads (office.js comes from the CDN and is not counted). */
const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
const pageScripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));

const functions = sizes("functions.js");
const taskpane = sizes("taskpane.js");
const page = pageScripts.map(sizes);
const pageGzip = page.reduce((n, s) => n + s.gzip, 0);

const targets = { functions: TARGET_FUNCTIONS_GZIP, taskpane: TARGET_TASKPANE_GZIP, taskpaneHtml: TARGET_PAGE_GZIP };
if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ functions, taskpane, taskpaneHtml: { scripts: pageScripts, files: page, gzip: pageGzip }, targets }));
} else {
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(`functions.js  ${functions.bytes} bytes, gzip ${functions.gzip} bytes (${kb(functions.gzip)} KB; target ≤ ${kb(TARGET_FUNCTIONS_GZIP)} KB)`);
  console.log(`taskpane.js   ${taskpane.bytes} bytes, gzip ${taskpane.gzip} bytes (${kb(taskpane.gzip)} KB; target ≤ ${kb(TARGET_TASKPANE_GZIP)} KB)`);
  for (const p of page.filter((x) => x.file !== "functions.js" && x.file !== "taskpane.js")) {
    console.log(`${p.file.padEnd(13)} ${p.bytes} bytes, gzip ${p.gzip} bytes (${kb(p.gzip)} KB)`);
  }
  console.log(`taskpane.html loads ${pageScripts.join(" + ")} besides office.js: gzip ${pageGzip} bytes (${kb(pageGzip)} KB; target ≤ ${kb(TARGET_PAGE_GZIP)} KB)`);
}
for (const [what, size, target] of [
  ["functions.js", functions.gzip, TARGET_FUNCTIONS_GZIP],
  ["taskpane.js", taskpane.gzip, TARGET_TASKPANE_GZIP],
  ["what taskpane.html loads", pageGzip, TARGET_PAGE_GZIP],
] as const) {
  if (size > target) {
    console.error(`${what} is over its ${kb0(target)} KB gzip target`);
    process.exitCode = 1;
  }
}

function kb0(n: number): string {
  return String(Math.round(n / 1024));
}
