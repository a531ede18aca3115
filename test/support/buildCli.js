/**
 * Jest globalSetup: compiles the CLI (tsconfig.cli.json → lib/) when its sources are newer than the last build, so
 * test/cli runs the built CLI on a fresh clone and stays fast (a no-op when nothing changed). A failed build is
 * reported but does not stop other suites; the CLI tests then fail on their own.
 */
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");
const STAMP = path.join(ROOT, "lib", ".cli-build-stamp");
const SOURCES = ["src/core", "src/xlsx", "src/cli", "tsconfig.cli.json", "tsconfig.json"];

function newest(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), st.mtimeMs);
}

module.exports = async function buildCli() {
  const stamp = fs.statSync(STAMP, { throwIfNoEntry: false });
  const built = fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"));
  if (built && stamp && stamp.mtimeMs >= Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))))) return;
  try {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "pipe" });
    fs.writeFileSync(STAMP, new Date().toISOString() + "\n");
  } catch (e) {
    const out = String((e && e.stdout) || "") + String((e && e.stderr) || "");
    console.warn(`\nbuild:cli failed (test/cli will run whatever lib/ holds):\n${out.split("\n").slice(0, 20).join("\n")}`);
  }
};
