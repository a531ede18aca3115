/** Jest: ts-jest without type-checking (isolatedModules halves the run; `npm run typecheck` checks types). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }],
  },
  setupFiles: ["<rootDir>/test/support/setup-globals.ts"],
  // Built artefacts, made once per run before the workers start: lib/ for test/cli (when its sources changed) and
  // the production webpack build that test/addin/build.test.ts and test/e2e share (test/support/dist.js).
  globalSetup: "<rootDir>/test/support/globalSetup.js",
  moduleNameMapper: {
    // office-addin-mock needs only the OfficeApp enum; the real package is ESM-only under Jest.
    "^office-addin-manifest$": "<rootDir>/test/support/office-addin-manifest-stub.js",
  },
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  testTimeout: 60000,
};
