// ESLint flat config for selfeval (run by `npm run lint` through office-addin-lint, which picks this file up).
//
// Layers:
//   1. JavaScript recommended + typescript-eslint recommended for every source file.
//   2. eslint-plugin-office-addins' Office.js rules (load/sync discipline) on ts/tsx; React rules on tsx.
//   3. Architecture boundaries per folder (no-restricted-imports / no-restricted-globals):
//        src/core/**       pure logic: no exceljs, React/Fluent, Node built-ins, no other src/ folder,
//                          no Excel / Office / CustomFunctions / OfficeRuntime / document / window
//        src/taskpane/**   UI: never imports src/office directly, never touches Excel
//        src/functions/**  custom functions: imports src/core only
//        src/cli/**        Node CLI: no src/office, src/taskpane
//        src/xlsx/**       workbook files (CLI, worker threads and the preview's page): src/core only, no Node built-ins,
//                          no UI, no Office host, no DOM
//        src/preview/**    the browser preview (no office.js on its page): no src/office, src/cli, src/functions,
//                          no Office host globals
//        everything else   only src/office/** may reference the Excel global (values and types)
//   Prettier formatting is not enforced (the office-addins preset's prettier/prettier rule is left out): the tree
//   is not prettier-formatted.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import { builtinModules } from "node:module";
import tseslint from "typescript-eslint";

// eslint-plugin-office-addins' React preset starts with eslint-plugin-react's flat "recommended" config. Its other
// entries register its own, older @typescript-eslint plugin, which would clash with typescript-eslint's, so only the
// React part and the office-addins rule set are taken from it.
const reactRecommended = officeAddins.configs.react[0];

const NODE_GLOBALS = Object.fromEntries(
  [
    "require",
    "module",
    "exports",
    "process",
    "console",
    "__dirname",
    "__filename",
    "Buffer",
    "URL",
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
  ].map((name) => [name, "readonly"])
);

// ---- Architecture boundaries ----------------------------------------------------------------------------------------

/** A relative import that reaches the top-level src/<folder> from anywhere below src/. */
const intoFolder = (folder) => `^(\\.{1,2}/)+${folder}(/|$)`;
const folderImport = (folder, message) => ({ regex: intoFolder(folder), message });

const NODE_BUILTINS = [...new Set(builtinModules.map((m) => m.replace(/^node:/, "")))];
const nodeBuiltinPaths = (message) => [
  { group: ["node:*"], message },
  { group: NODE_BUILTINS.flatMap((m) => [m, `${m}/*`]), message },
];
const uiLibraries = (message) => [{ group: ["react", "react/*", "react-dom", "react-dom/*", "@fluentui/*"], message }];
const exceljs = (message) => [{ group: ["exceljs", "exceljs/*"], message }];

const EXCEL_MSG = "Only src/office/** may use the Excel API (pass data in, not Excel).";
const EXCEL_GLOBAL = { name: "Excel", message: EXCEL_MSG };
/** Type positions (let r: Excel.Range) are not globals to no-restricted-globals, so they are matched by syntax. */
const namespaceTypes = (names, message) => ({
  selector: `TSQualifiedName[left.name=/^(${names.join("|")})$/]`,
  message,
});
const EXCEL_TYPES = namespaceTypes(["Excel"], EXCEL_MSG);
const hostGlobals = (where) =>
  ["Excel", "Office", "OfficeRuntime", "CustomFunctions"].map((name) => ({
    name,
    message: `${where} must not depend on the Office host (${name}); the adapters in src/office pass data in.`,
  }));
const browserGlobals = (where) =>
  ["document", "window"].map((name) => ({ name, message: `${where} runs in Node, Excel and the browser: no ${name}.` }));

const CORE_MSG = "src/core is pure logic shared by the CLI, the add-in and the preview";
const coreBoundary = {
  files: ["src/core/**/*.{ts,tsx,js,mjs,cjs}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...exceljs(`${CORE_MSG}: read workbooks in src/xlsx, not with exceljs here.`),
          ...uiLibraries(`${CORE_MSG}: no UI libraries.`),
          ...nodeBuiltinPaths(`${CORE_MSG}: no Node built-ins (it also runs in Excel and the browser).`),
          ...["office", "taskpane", "cli", "xlsx", "functions", "commands", "preview"].map((f) =>
            folderImport(f, `${CORE_MSG}: it must not import src/${f}; that folder imports core instead.`)
          ),
        ],
      },
    ],
    "no-restricted-globals": ["error", ...hostGlobals("src/core"), ...browserGlobals("src/core")],
    "no-restricted-syntax": [
      "error",
      namespaceTypes(
        ["Excel", "Office", "OfficeRuntime", "CustomFunctions"],
        `${CORE_MSG}: no Office host types; describe the data in core's own types.`
      ),
    ],
  },
};

const taskpaneBoundary = {
  files: ["src/taskpane/**/*.{ts,tsx,js,jsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          folderImport("office", "The task pane reaches Excel through the interfaces it is given, not src/office directly."),
          folderImport("cli", "The task pane must not import the Node CLI."),
        ],
      },
    ],
    "no-restricted-globals": ["error", EXCEL_GLOBAL],
    "no-restricted-syntax": ["error", EXCEL_TYPES],
  },
};

const FUNCTIONS_MSG = "src/functions (JX.* custom functions) may import src/core only";
const functionsBoundary = {
  files: ["src/functions/**/*.{ts,tsx,js}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          // Anything that is neither a relative path into src/core nor a file of src/functions itself.
          {
            regex: "^(?!(\\.{1,2}/)+core(/|$)|\\./)",
            message: `${FUNCTIONS_MSG}: no packages (bundle size, shared runtime start-up).`,
          },
          ...["office", "taskpane", "cli", "xlsx", "commands", "preview"].map((f) =>
            folderImport(f, `${FUNCTIONS_MSG}, not src/${f}.`)
          ),
        ],
      },
    ],
    "no-restricted-globals": ["error", EXCEL_GLOBAL],
    "no-restricted-syntax": ["error", EXCEL_TYPES],
  },
};

const cliBoundary = {
  files: ["src/cli/**/*.{ts,js}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          folderImport("office", "The CLI runs without Excel: no src/office."),
          folderImport("taskpane", "The CLI must not import the task pane."),
          ...uiLibraries("The CLI has no UI library."),
        ],
      },
    ],
    "no-restricted-globals": ["error", EXCEL_GLOBAL],
    "no-restricted-syntax": ["error", EXCEL_TYPES],
  },
};

const XLSX_MSG = "src/xlsx reads and patches workbook files for the CLI (Node, worker threads) and the preview (browser)";
const xlsxBoundary = {
  files: ["src/xlsx/**/*.{ts,tsx,js}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...["office", "taskpane", "preview", "cli", "functions", "commands"].map((f) =>
            folderImport(f, `${XLSX_MSG}: it may import src/core only, not src/${f}.`)
          ),
          ...nodeBuiltinPaths(`${XLSX_MSG}: no Node built-ins (the host passes its inflater in; see src/xlsx/inflate.ts).`),
          ...uiLibraries(`${XLSX_MSG}: no UI libraries.`),
          ...exceljs(`${XLSX_MSG}: it reads and writes the parts itself; ExcelJS is for test fixtures (test/support/exceljs).`),
        ],
      },
    ],
    "no-restricted-globals": ["error", ...hostGlobals("src/xlsx"), ...browserGlobals("src/xlsx")],
    "no-restricted-syntax": ["error", namespaceTypes(["Excel", "Office", "OfficeRuntime", "CustomFunctions"], `${XLSX_MSG}: no Office host types.`)],
  },
};

const PREVIEW_MSG = "src/preview runs in a plain browser page without office.js";
const previewBoundary = {
  files: ["src/preview/**/*.{ts,tsx,js,jsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          folderImport("office", `${PREVIEW_MSG}: it implements the WorkbookPort in memory, never through src/office.`),
          folderImport("cli", `${PREVIEW_MSG}: no Node CLI code.`),
          folderImport("functions", `${PREVIEW_MSG}: the custom functions need Excel's CustomFunctions runtime.`),
          ...nodeBuiltinPaths(`${PREVIEW_MSG}: no Node built-ins.`),
        ],
      },
    ],
    "no-restricted-globals": ["error", ...hostGlobals("src/preview")],
    "no-restricted-syntax": ["error", namespaceTypes(["Excel", "Office", "OfficeRuntime", "CustomFunctions"], `${PREVIEW_MSG}: no Office host types.`)],
  },
};

/** Everything in src/ except src/office and the folders with their own rule above. */
const excelOnlyInOffice = {
  files: ["src/**/*.{ts,tsx,js,jsx}"],
  ignores: ["src/office/**"],
  rules: { "no-restricted-globals": ["error", EXCEL_GLOBAL], "no-restricted-syntax": ["error", EXCEL_TYPES] },
};

export default defineConfig(
  {
    ignores: ["dist/**", "lib/**", "coverage/**", "test-artifacts/**", ".tmp/**", "node_modules/**", "bin/**"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Office.js rules where Office.js is used (the plugin's preset omits .tsx). Not in src/xlsx, src/core or the CLI:
    // the rules guess proxies from call shapes, and exceljs code (cell.row after getCell) trips them falsely.
    files: ["src/{office,taskpane,functions,commands}/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "no-eval": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.tsx"],
    ...reactRecommended,
    settings: { react: { version: "19" } },
    rules: {
      ...reactRecommended.rules,
      // React 17+ JSX transform (tsconfig "jsx": "react-jsx"): React need not be in scope.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      "react/prop-types": "off",
    },
  },
  {
    // Node-side JavaScript: build config and scripts (CommonJS).
    files: ["*.js", "scripts/**/*.js", "test/**/*.js", "bin/**/*.js"],
    languageOptions: { sourceType: "commonjs", ecmaVersion: 2022, globals: NODE_GLOBALS },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["*.mjs"],
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: NODE_GLOBALS },
  },
  excelOnlyInOffice,
  coreBoundary,
  taskpaneBoundary,
  functionsBoundary,
  cliBoundary,
  xlsxBoundary,
  previewBoundary
);
