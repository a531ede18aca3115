/**
 * The one production build the tests use (test/addin/build.test.ts and test/e2e): `webpack --mode production` into
 * .tmp/jest-dist with the test base URL, made by Jest's global setup before the workers start, and reused while no
 * input of the build changed (a stamp records when it was made). A production build is about 40 % of `npm test`:
 * before, the build test and the end-to-end suite each made their own.
 */
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, ".tmp", "jest-dist");
const STAMP = path.join(DIST, ".build-stamp");
/** The base URL the test build's manifest points at (any https URL that is not local). */
const BASE_URL = "https://addin.build-test.example/selfeval/";
/** What the build reads: when one of them is newer than the stamp, the build is made again. */
const INPUTS = ["src", "assets", "scripts", "webpack.config.js", "manifest.xml", "examples/sample.xlsx", "tsconfig.json", "package-lock.json"];

function newest(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), st.mtimeMs);
}

function fresh() {
  const stamp = fs.statSync(STAMP, { throwIfNoEntry: false });
  if (!stamp || fs.readFileSync(STAMP, "utf8").trim() !== BASE_URL) return false;
  return stamp.mtimeMs >= Math.max(...INPUTS.map((i) => newest(path.join(ROOT, i))));
}

/** Builds .tmp/jest-dist unless an up-to-date build is there; returns its path. Throws with webpack's output. */
function ensureDist() {
  if (fresh()) return DIST;
  const tmp = `${DIST}-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  try {
    execFileSync(process.execPath, [cli, "--mode", "production", "--output-path", tmp], {
      cwd: ROOT,
      env: { ...process.env, SELFEVAL_BASE_URL: BASE_URL, NODE_ENV: "production" },
      stdio: "pipe",
      timeout: 240_000,
    });
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`webpack failed:\n${String(e.stdout || "")}\n${String(e.stderr || "")}`);
  }
  fs.writeFileSync(path.join(tmp, ".build-stamp"), BASE_URL + "\n");
  // Swapped in whole, so a reader never sees half a build.
  fs.rmSync(DIST, { recursive: true, force: true });
  fs.renameSync(tmp, DIST);
  return DIST;
}

module.exports = { ensureDist, DIST, BASE_URL };
