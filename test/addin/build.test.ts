/**
 * The production build, end to end: the build Jest's global setup made once for this run (.tmp/jest-dist, shared
 * with test/e2e; test/support/dist.js), so a `dist/` someone is serving or building is never touched. Checks what it
 * emits, runs the built core.js + functions.js in a Node `vm` context with a stand-in `CustomFunctions` global, as
 * taskpane.html loads them, and checks that a production build without SELFEVAL_BASE_URL stops with its reason.
 *
 * Set SELFEVAL_DIST=<dir> to check an existing production build instead (e.g. `npm run build` ran earlier in the same
 * CI job: SELFEVAL_DIST=dist) and SELFEVAL_BASE_URL to the base URL it was built with.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import zlib from "zlib";
import { checkFiles, checkManifest } from "../../scripts/validate-manifest";
import { BASE_URL as TEST_BASE_URL, ensureDist } from "../support/dist";

const ROOT = path.resolve(__dirname, "../..");
const IDS = ["EXECRATE", "FUNDSCORE", "INDSCORE", "QUALSCORE", "PERFGRADE", "TOTALSCORE", "CHECKTARGET", "DEVNOTE"];
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const ICONS = [16, 32, 64, 80, 128].map((n) => `assets/icon-${n}.png`);
const BASE_URL = process.env.SELFEVAL_DIST ? (process.env.SELFEVAL_BASE_URL ?? TEST_BASE_URL) : TEST_BASE_URL;

let dist: string;

beforeAll(() => {
  // Made by the global setup; ensureDist only builds here when this file runs in a way the setup did not foresee.
  dist = process.env.SELFEVAL_DIST ? path.resolve(ROOT, process.env.SELFEVAL_DIST) : ensureDist();
}, 240_000);

const read = (f: string) => fs.readFileSync(path.join(dist, f), "utf8");
const urlValues = (xml: string) => [...xml.matchAll(/\b(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"/gi)].map((m) => m[1]);

interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[];
}
const metadata = () => JSON.parse(read("functions.json")) as { functions: FunctionMeta[] };

describe("npm run build → dist/", () => {
  test("manifest.xml: every URL https on the production base, none on localhost; passes the offline checks", () => {
    const xml = read("manifest.xml");
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
    const urls = urlValues(xml);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith(BASE_URL)).toBe(true);
    const { problems, facts } = checkManifest(xml, { production: true });
    expect(problems).toEqual([]);
    expect(facts.namespace).toBe("JX");
    expect(checkFiles(facts, dist)).toEqual([]); // every URL's file is in dist/
  });

  test("functions.json declares exactly the 8 JX ids, with Chinese descriptions, and the manifest points at it", () => {
    const { functions } = metadata();
    expect(functions.map((f) => f.id).sort()).toEqual([...IDS].sort());
    for (const f of functions) {
      expect(f.name).toBe(f.id); // display names stay ASCII in every language (docs/functions.md)
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    }
    const byId = new Map(functions.map((f) => [f.id, f]));
    expect(byId.get("EXECRATE")!.parameters.map((p) => [p.name, !!p.optional])).toEqual([
      ["executed", false],
      ["budget", false],
      ["rounding", true],
    ]);
    expect(byId.get("TOTALSCORE")!.parameters[1].dimensionality).toBe("matrix");
    const xml = read("manifest.xml");
    expect(xml).toContain(`DefaultValue="${BASE_URL}functions.json"`);
    expect(xml).toContain(`DefaultValue="${BASE_URL}functions.js"`);
    expect(xml).toMatch(/<bt:String id="Functions\.Namespace" DefaultValue="JX">/);
  });

  test("taskpane.html loads office.js from Microsoft's CDN first, then the shared core chunk, the functions and the task pane", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(scripts).toEqual([OFFICE_JS, "core.js", "functions.js", "taskpane.js"]);
    expect(fs.existsSync(path.join(dist, "office.js"))).toBe(false);
    for (const f of ["core.js", "functions.js", "taskpane.js"]) expect(read(f)).not.toContain("appsforoffice.microsoft.com");
    // The engine is in core.js once, not in both bundles: a function of src/core/number appears in core.js only.
    expect(read("core.js")).toContain("webpackChunkselfeval");
    expect(read("preview.html")).not.toContain("core.js");
  });

  test("icons and the help page are in dist/assets", () => {
    for (const icon of [...ICONS, "assets/help.html"]) expect(fs.existsSync(path.join(dist, icon))).toBe(true);
    for (const icon of ICONS) expect(fs.readFileSync(path.join(dist, icon)).subarray(1, 4).toString()).toBe("PNG");
  });

  test("sizes (gzip -9): functions.js ≤ 30 KB, taskpane.js ≤ 150 KB, all that taskpane.html loads ≤ 160 KB", () => {
    const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
    expect(gz("functions.js")).toBeLessThanOrEqual(30 * 1024);
    expect(gz("taskpane.js")).toBeLessThanOrEqual(150 * 1024);
    expect(gz("core.js") + gz("functions.js") + gz("taskpane.js")).toBeLessThanOrEqual(160 * 1024);
  });
});

describe("the built functions.js in a vm context with a stand-in CustomFunctions", () => {
  class StubError {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  }
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  let associateCalls = 0;

  beforeAll(() => {
    const CustomFunctions = {
      Error: StubError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
      associate: (id: string, fn: (...args: unknown[]) => unknown) => {
        associateCalls++;
        registered.set(id, fn);
      },
    };
    // Only what a page would have that the bundles might touch (`self`, where chunks meet); no document or Office.
    const context = vm.createContext({ CustomFunctions, console });
    context.self = context;
    // In taskpane.html's order: the shared chunk, then the functions bundle that needs it.
    vm.runInContext(read("core.js"), context, { filename: "core.js", timeout: 5000 });
    vm.runInContext(read("functions.js"), context, { filename: "functions.js", timeout: 5000 });
  });

  test("registers every id of functions.json once, as a function", () => {
    const ids = metadata().functions.map((f) => f.id);
    expect([...registered.keys()].sort()).toEqual([...ids].sort());
    expect(associateCalls).toBe(ids.length);
    for (const fn of registered.values()) expect(typeof fn).toBe("function");
  });

  test("each registered function computes (EXECRATE → 98.24) and returns errors as CustomFunctions.Error", () => {
    const call = (id: string, ...args: unknown[]) => registered.get(id)!(...args);
    expect(call("EXECRATE", 543.69, 553.4)).toBe(98.24);
    expect(call("FUNDSCORE", 49.85, 58)).toBe(8.59);
    expect(call("INDSCORE", "≤27.40(万元)", 24.39, 20)).toBe(20);
    expect(call("QUALSCORE", "未达成指标且效果较差", 10)).toBe(5);
    expect(call("PERFGRADE", 80)).toBe("良");
    expect(call("TOTALSCORE", 9.82, [[20], [10], [10], [10], [10], [10], [10], [10]])).toBe(99.82);
    expect(call("CHECKTARGET", "≥0")).toBe("≥0 恒成立，指标值设置过低");
    expect(call("DEVNOTE", "及时", "未达成指标且效果较差", 10, 5)).toMatch(/扣 5\.00 分/);
    const div0 = call("EXECRATE", 1, 0) as StubError;
    expect(div0).toBeInstanceOf(StubError);
    expect(div0.code).toBe("#DIV/0!");
    const text = call("EXECRATE", "abc", 1) as StubError;
    expect([text.code, text.message]).toEqual(["#VALUE!", "全年执行数应为数值，收到文本“abc”"]);
  });
});

describe("npm run build without SELFEVAL_BASE_URL", () => {
  test("stops before building, non-zero, and says why; no manifest with a placeholder host is written", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-nourl-"));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
      delete env.SELFEVAL_BASE_URL;
      const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
      const run = spawnSync(process.execPath, [webpack, "--mode", "production", "--output-path", out], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
      expect(run.status).not.toBe(0);
      expect(`${run.stdout}${run.stderr}`).toMatch(/SELFEVAL_BASE_URL is not set/);
      expect(fs.existsSync(path.join(out, "manifest.xml"))).toBe(false);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
