/** zh-CN function names (issue 11): generated from functions.json, same ids, Microsoft's naming rules, manifest override. */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { DOMParser } from "@xmldom/xmldom";
import { functionId, ZH_CN_NAMES } from "../../src/core/freeze";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localize, nameProblem, OUTPUT } = require("../../scripts/functions-zh-CN.js") as {
  localize: (m: Metadata, names?: Record<string, string>) => Metadata;
  nameProblem: (name: string) => string | null;
  OUTPUT: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifest } = require("../../scripts/manifest-url.js") as { rewriteManifest: (xml: string, base: string) => Buffer };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runXmllint } = require("../../scripts/validate-manifest.js") as { runXmllint: (file: string) => { ok: boolean; missing?: string; output: string } };

interface Metadata {
  functions: Array<{ id: string; name: string; description: string; parameters: unknown[] }>;
}

const ROOT = path.resolve(__dirname, "../..");

describe("functions-zh-CN.json", () => {
  let en: Metadata;
  let zh: Metadata;
  beforeAll(async () => {
    // The same generator and source as the build's functions.json.
    const r = await generateCustomFunctionsMetadata([path.join(ROOT, "src/functions/functions.ts")], true);
    expect(r.errors).toEqual([]);
    en = JSON.parse(r.metadataJson) as Metadata;
    zh = localize(en);
  });

  test("exactly the ids of functions.json, in order, with only the display names changed", () => {
    expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    expect(en.functions).toHaveLength(8);
    zh.functions.forEach((f, i) => {
      expect({ ...f, name: en.functions[i].name }).toEqual(en.functions[i]);
      expect(f.name).toBe(ZH_CN_NAMES[f.id]);
      expect(f.name).not.toBe(en.functions[i].name);
    });
    expect(zh.functions.map((f) => f.name)).toEqual(["执行率", "执行率得分", "指标得分", "定性得分", "评分等级", "自评总分", "检查指标值", "偏差说明"]);
  });

  test("every name passes Microsoft's naming rules, and the rule check can fail", () => {
    for (const f of zh.functions) expect([f.name, nameProblem(f.name)]).toEqual([f.name, null]);
    expect(new Set(zh.functions.map((f) => f.name)).size).toBe(zh.functions.length);
    expect(nameProblem("率")).toMatch(/three/);
    expect(nameProblem("1执行率")).toMatch(/letter/);
    expect(nameProblem("执行-率")).toMatch(/character/);
    expect(nameProblem("ABC123")).toMatch(/cell reference/);
    expect(nameProblem("R1C1")).toMatch(/cell reference/);
    expect(() => localize(en, { ...ZH_CN_NAMES, EXECRATE: "率" })).toThrow(/EXECRATE/);
    const { DEVNOTE: _dropped, ...missing } = ZH_CN_NAMES;
    expect(() => localize(en, missing)).toThrow(/DEVNOTE/);
  });

  test("freeze knows every function by either name", () => {
    for (const f of zh.functions) {
      expect(functionId(f.name)).toBe(f.id);
      expect(functionId(f.id.toLowerCase())).toBe(f.id);
    }
  });

  test("the built manifest's zh-CN override on Functions.Metadata.Url points at the generated file", async () => {
    const base = "https://selfeval.example.gov.cn/addin/";
    const xml = rewriteManifest(await fs.readFile(path.join(ROOT, "manifest.xml"), "utf8"), base).toString("utf8");
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    const urls = Array.from(doc.getElementsByTagNameNS("http://schemas.microsoft.com/office/officeappbasictypes/1.0", "Url"));
    const meta = urls.find((u) => u.getAttribute("id") === "Functions.Metadata.Url")!;
    expect(meta.getAttribute("DefaultValue")).toBe(`${base}functions.json`);
    const overrides = Array.from(meta.getElementsByTagNameNS("http://schemas.microsoft.com/office/officeappbasictypes/1.0", "Override"));
    expect(overrides.map((o) => [o.getAttribute("Locale"), o.getAttribute("Value")])).toEqual([["zh-CN", `${base}${OUTPUT}`]]);
    // The XSD check still passes with the override (xmllint; skipped only where it is not installed, outside CI).
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "selfeval-manifest-")), "manifest.xml");
    await fs.writeFile(file, xml);
    const lint = runXmllint(file);
    if (lint.missing && !process.env.CI) return console.warn(`XSD check skipped: ${lint.output}`);
    expect([lint.ok, lint.output]).toEqual([true, lint.output]);
  });
});
