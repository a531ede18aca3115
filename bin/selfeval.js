#!/usr/bin/env node
"use strict";
// The CLI is compiled to lib/ by `npm run build:cli` (tsconfig.cli.json).
try {
  require("../lib/cli/main.js").run();
} catch (e) {
  // Only when lib/cli/main.js itself is missing, not a module it requires.
  if (e && e.code === "MODULE_NOT_FOUND" && Array.isArray(e.requireStack) && e.requireStack[0] === __filename) {
    process.stderr.write("selfeval: 尚未编译，请先运行 npm run build:cli\n");
    process.exitCode = 2;
  } else {
    throw e;
  }
}
