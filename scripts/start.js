#!/usr/bin/env node
/**
 * `npm start` / `npm stop` for the 自评表助手 add-in, chosen by platform.
 *
 *   Windows, macOS: office-addin-debugging through npx (it is kept out of devDependencies because its keytar
 *                   dependency does not install on Linux). It starts the dev server and sideloads manifest.xml into
 *                   desktop Excel; `npm start -- web` targets Excel on the web instead (see docs/addin.md).
 *   Linux, others:  Excel desktop does not exist there, so this starts the dev server and prints the URLs of the
 *                   browser preview and of the manifest to upload into Excel on the web.
 *
 * Usage: node scripts/start.js [start|stop] [--preview] [extra args for office-addin-debugging]
 *   --preview (or SELFEVAL_START=preview) forces the dev-server-only behaviour on Windows/macOS too.
 */
"use strict";

const { spawn } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = "manifest.xml";
const { DEV_URL: BASE } = require("./manifest-url");

function parseArgs(argv) {
  const args = argv.slice(2);
  let command = "start";
  if (args[0] === "start" || args[0] === "stop") command = args.shift();
  const preview = args.includes("--preview") || process.env.SELFEVAL_START === "preview";
  const rest = args.filter((a) => a !== "--preview");
  return { command, preview, rest };
}

/** Whether this platform can sideload into desktop Excel with office-addin-debugging. */
function hasDesktopExcel(platform = process.platform) {
  return platform === "win32" || platform === "darwin";
}

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
  child.on("error", (err) => {
    console.error(`无法运行 ${cmd}: ${err.message}`);
    process.exit(1);
  });
  const forward = (sig) => () => child.kill(sig);
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
}

function officeAddinDebugging(command, rest) {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  run(npx, ["--yes", "office-addin-debugging", command, MANIFEST, ...rest]);
}

function devServer() {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  console.log("自评表助手：正在启动开发服务器（首次编译约需十几秒）");
  console.log(`  浏览器预览:   ${BASE}preview.html`);
  console.log(`  任务窗格页面: ${BASE}taskpane.html`);
  console.log(`  Excel 网页版: 插入 → 加载项 → 上传我的加载项，选择 ${path.join(ROOT, MANIFEST)}`);
  console.log("  证书是自签名的：浏览器第一次访问时需要手动信任。按 Ctrl+C 停止。");
  run(process.execPath, [cli, "serve", "--mode", "development"]);
}

function main() {
  const { command, preview, rest } = parseArgs(process.argv);
  if (hasDesktopExcel() && !preview) {
    officeAddinDebugging(command, rest);
    return;
  }
  if (command === "stop") {
    console.log("此平台上 npm start 在前台运行开发服务器：在它的终端里按 Ctrl+C 停止。");
    return;
  }
  devServer();
}

if (require.main === module) main();

module.exports = { parseArgs, hasDesktopExcel };
