#!/usr/bin/env node
"use strict";
// The CLI is compiled to lib/ by `npm run build:cli` (tsconfig.cli.json).
try {
  require("../lib/cli/main.js").run();
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("lib/cli/main.js")) {
    process.stderr.write("selfeval: 尚未编译，请先运行 npm run build:cli\n");
    process.exitCode = 2;
  } else {
    throw e;
  }
}
