/**
 * The production build, end to end: `webpack --mode production` once (about 10–20 s) into a temporary directory, so
 * that a `dist/` someone is serving or building is never touched, then checks of what it emits and a run of the
 * built functions.js in a Node `vm` context with a stand-in `CustomFunctions` global.
 *
 * Set SELFEVAL_DIST=<dir> to check an existing production build instead (e.g. `npm run build` ran earlier in the same
 * CI job: SELFEVAL_DIST=dist); it must have been built with SELFEVAL_BASE_URL unset or equal to BASE_URL below.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import zlib from "zlib";
import { checkFiles, checkManifest } from "../../scripts/validate-manifest";
import { DEFAULT_PROD_URL } from "../../scripts/manifest-url";

const ROOT = path.resolve(__dirname, "../..");
const IDS = ["EXECRATE", "FUNDSCORE", "INDSCORE", "QUALSCORE", "PERFGRADE", "TOTALSCORE", "CHECKTARGET", "DEVNOTE"];
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const ICONS = [16, 32, 64, 80, 128].map((n) => `assets/icon-${n}.png`);
const BASE_URL = process.env.SELFEVAL_DIST ? DEFAULT_PROD_URL : "https://addin.build-test.example/selfeval/";

let dist: string;
let built: string | null = null;

beforeAll(() => {
  if (process.env.SELFEVAL_DIST) {
    dist = path.resolve(ROOT, process.env.SELFEVAL_DIST);
    return;
  }
  built = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-dist-"));
  dist = built;
  const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const run = spawnSync(process.execPath, [webpack, "--mode", "production", "--output-path", dist], {
    cwd: ROOT,
    env: { ...process.env, SELFEVAL_BASE_URL: BASE_URL, NODE_ENV: "production" },
    encoding: "utf8",
    timeout: 170_000,
  });
  if (run.status !== 0) throw new Error(`webpack failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
}, 180_000);

afterAll(() => {
  if (built) fs.rmSync(built, { recursive: true, force: true });
});

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

  test("taskpane.html loads office.js from Microsoft's CDN first, then the functions and task pane bundles", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(scripts).toEqual([OFFICE_JS, "functions.js", "taskpane.js"]);
    expect(fs.existsSync(path.join(dist, "office.js"))).toBe(false);
    for (const f of ["functions.js", "taskpane.js"]) expect(read(f)).not.toContain("appsforoffice.microsoft.com");
  });

  test("icons and the help page are in dist/assets", () => {
    for (const icon of [...ICONS, "assets/help.html"]) expect(fs.existsSync(path.join(dist, icon))).toBe(true);
    for (const icon of ICONS) expect(fs.readFileSync(path.join(dist, icon)).subarray(1, 4).toString()).toBe("PNG");
  });

  test("functions.js stays within 30 KB gzip", () => {
    expect(zlib.gzipSync(fs.readFileSync(path.join(dist, "functions.js")), { level: 9 }).length).toBeLessThanOrEqual(30 * 1024);
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
    // Only what a page would have that the bundle might touch; no window, document or Office.
    const context = vm.createContext({ CustomFunctions, console });
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
