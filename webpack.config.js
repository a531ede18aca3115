/**
 * webpack config for the 自评表助手 add-in (layout of Microsoft's Office Yeoman templates, shared runtime).
 *
 *   npm run build       production build into dist/; dist/manifest.xml points at $SELFEVAL_BASE_URL
 *   npm run build:dev   development build into dist/ (manifest keeps https://localhost:3000/)
 *   npm run dev-server  https://localhost:3000 (taskpane.html, functions.json, /preview.html)
 *
 * Production base URL: $SELFEVAL_BASE_URL, required: a production build without it stops with an error rather than
 * write a placeholder host into dist/manifest.xml (see scripts/manifest-url.js and docs/addin.md).
 *
 * Pages:
 *   taskpane.html  the shared runtime: core + functions + task pane bundles, office.js from Microsoft's CDN. The
 *                  engine modules both entries use are one chunk (core.js), loaded once for the page.
 *   commands.html  commands bundle, office.js from the CDN (not referenced by the shared-runtime manifest)
 *   preview.html   browser preview without Excel: preview bundle only, no office.js
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const { DEV_URL, productionBaseUrl, rewriteManifest } = require("./scripts/manifest-url");

const DEV_PORT = Number(new URL(DEV_URL).port);

/**
 * HTTPS for the dev server: office-addin-dev-certs' certificate when it has been installed (trusted by Office on
 * Windows/macOS after `npx office-addin-dev-certs install`), else webpack-dev-server's own self-signed one.
 */
function httpsServerOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    return {
      type: "https",
      options: Object.fromEntries(
        Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))])
      ),
    };
  }
  return { type: "https" };
}

/** The production base URL; a missing one is an error, so no build ships a manifest pointing at a placeholder. */
function requiredBaseUrl(env = process.env) {
  if (!(env.SELFEVAL_BASE_URL || "").trim()) {
    throw new Error(
      "SELFEVAL_BASE_URL is not set: a production build needs the https URL where dist/ will be served, e.g.\n" +
        "  SELFEVAL_BASE_URL=https://addins.example.org/selfeval/ npm run build\n" +
        "(npm run build:dev keeps https://localhost:3000/; see docs/addin.md)"
    );
  }
  return productionBaseUrl(env);
}

/** Chunks of the shared-runtime page: functions and the task pane load together, so they share the engine. */
const SHARED_RUNTIME = new Set(["functions", "taskpane"]);

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  const baseUrl = dev ? DEV_URL : requiredBaseUrl();

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    // Order matters: taskpane.html loads the functions bundle before the task pane bundle.
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/office/taskpaneEntry.tsx",
      commands: "./src/commands/commands.ts",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".html"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type-check with `npm run typecheck`; ts-loader's checker reports false errors on rebuilds.
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules let webpack tree-shake React/Fluent; tsconfig.json keeps commonjs for Node/Jest.
              compilerOptions: { module: "es2020", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: path.resolve(__dirname, "src/functions/functions.ts"),
      }),
      new (require("./scripts/functions-zh-CN").FunctionsZhCnPlugin)(), // dist/functions-zh-CN.json (issue 11)
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"], // core.js, their shared chunk, is added before them
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          // Literal names only: a glob such as manifest*.xml makes the dev server rebuild forever.
          { from: "assets", to: "assets" },
          // The workbook the browser preview opens at start (fetched as ./sample.xlsx).
          { from: "examples/sample.xlsx", to: "sample.xlsx" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifest(content, baseUrl)),
          },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        // Each entry has its own runtime; per-runtime export analysis would keep a copy of every shared module in each.
        usedExports: false,
        cacheGroups: {
          // Engine modules (src/core, big.js) used by both bundles of taskpane.html go into core.js, loaded once.
          // Each entry keeps its own runtime, so functions.js and taskpane.js still get their own module instances.
          core: {
            name: "core",
            test: /[\\/](src[\\/]core|node_modules[\\/]big\.js)[\\/]/,
            chunks: (chunk) => SHARED_RUNTIME.has(chunk.name),
            minChunks: 2,
            minSize: 0,
            enforce: true,
          },
        },
      },
    },
    performance: {
      // The task pane bundle carries React and Fluent UI (about 100 KB gzip); warn only well above that.
      maxAssetSize: 2_000_000,
      maxEntrypointSize: 2_500_000,
    },
    watchOptions: {
      ignored: ["**/node_modules", "**/dist", "**/.git"],
    },
    devServer: {
      port: DEV_PORT,
      server: httpsServerOptions(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};

