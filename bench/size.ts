/**
 * `npm run bench:size`: gzip sizes (level 9, bytes) of the production bundles in dist/: functions.js (target
 * ≤ 30 KB; office.js is not in it, Excel loads it from Microsoft's CDN) and the task pane's own bundle, and what
 * taskpane.html loads in all besides office.js. Runs `npm run build` first when dist/ has no build.
 * `--json` prints one JSON object instead of the table.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import zlib from "zlib";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const TARGET_FUNCTIONS_GZIP = 30 * 1024;

if (!fs.existsSync(path.join(DIST, "functions.js")) || !fs.existsSync(path.join(DIST, "taskpane.html"))) {
  console.log("dist/ has no build: running npm run build");
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
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

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ functions, taskpane, taskpaneHtml: { scripts: pageScripts, gzip: pageGzip }, target: TARGET_FUNCTIONS_GZIP }));
} else {
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(`functions.js  ${functions.bytes} bytes, gzip ${functions.gzip} bytes (${kb(functions.gzip)} KB; target ≤ ${kb(TARGET_FUNCTIONS_GZIP)} KB)`);
  console.log(`taskpane.js   ${taskpane.bytes} bytes, gzip ${taskpane.gzip} bytes (${kb(taskpane.gzip)} KB)`);
  console.log(`taskpane.html loads ${pageScripts.join(" + ")} besides office.js: gzip ${pageGzip} bytes (${kb(pageGzip)} KB)`);
}
if (functions.gzip > TARGET_FUNCTIONS_GZIP) {
  console.error(`functions.js is over its ${kb0(TARGET_FUNCTIONS_GZIP)} KB gzip target`);
  process.exitCode = 1;
}

function kb0(n: number): string {
  return String(Math.round(n / 1024));
}
