/**
 * Jest globalSetup: builds what the suites run as built artefacts, once per `jest` run, before the workers start:
 *   - lib/ (the CLI, test/cli) through ./buildCli.js, when its sources changed;
 *   - .tmp/jest-dist (the production webpack build, test/addin/build.test.ts and test/e2e) through ./dist.js, when
 *     the run includes those suites and the build's inputs changed. A failed build is reported here and again by the
 *     suites that need it (they call ensureDist themselves), so other suites still run.
 */
"use strict";
const buildCli = require("./buildCli");
const { ensureDist } = require("./dist");

/** Whether this run selects the suites that use the production build (no pattern: the whole suite). */
function wantsDist(globalConfig) {
  const given = globalConfig.testPathPatterns;
  const patterns = Array.isArray(given) ? given : (given && given.patterns) || (globalConfig.testPathPattern ? [globalConfig.testPathPattern] : []);
  if (patterns.length === 0) return true;
  return patterns.some((p) => /addin|e2e|build|preview/.test(String(p)));
}

module.exports = async function globalSetup(globalConfig) {
  await buildCli();
  if (process.env.SELFEVAL_DIST || !wantsDist(globalConfig)) return;
  const started = Date.now();
  try {
    ensureDist();
  } catch (e) {
    console.warn(`\nproduction build failed (test/addin and test/e2e will report it):\n${String(e.message).slice(0, 2000)}`);
    return;
  }
  if (Date.now() - started > 1000) console.log(`\nproduction build for the tests: ${((Date.now() - started) / 1000).toFixed(1)} s`);
};
