/** Prints the plain closing line CI reads: `jest: N passed, M failed`. */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`jest: ${passed} passed, ${failed} failed\n`);
  }
}
module.exports = SummaryReporter;
