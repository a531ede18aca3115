/**
 * manifest.xml: schema (xmllint against the patched Microsoft XSDs in shared/schemas), shared-runtime wiring,
 * resources, zh-CN translations, icons, and the production URL rewrite. No network, no webpack run.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { DOMParser } from "@xmldom/xmldom";
import { checkFiles, checkManifest, NS, runXmllint } from "../../scripts/validate-manifest";
import { DEFAULT_PROD_URL, DEV_URL, productionBaseUrl, rewriteManifest } from "../../scripts/manifest-url";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const MANIFEST = fs.readFileSync(MANIFEST_PATH, "utf8");
const SCHEMA_DIR = process.env.SELFEVAL_SCHEMA_DIR || path.resolve(__dirname, "../../../shared/schemas");
const SCHEMA = path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd");

/** URLs in DefaultValue/Value attributes (not namespace URIs or comments). */
const urlValues = (xml: string) => [...xml.matchAll(/\b(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);

type El = Element;

function parse(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== "warning") errors.push(msg);
    },
  }).parseFromString(xml, "text/xml") as unknown as Document;
  if (errors.length) throw new Error(`manifest.xml is not well-formed: ${errors.join("; ")}`);
  return doc;
}

const doc = parse(MANIFEST);
const root = doc.documentElement;

function all(ns: string, name: string, node: Document | El = doc): El[] {
  return Array.from(node.getElementsByTagNameNS(ns, name)) as El[];
}
function children(node: El, name?: string): El[] {
  return (Array.from(node.childNodes) as Node[]).filter(
    (n): n is El => n.nodeType === 1 && (!name || (n as El).localName === name)
  );
}
function child(node: El, name: string): El {
  const found = children(node, name)[0];
  if (!found) throw new Error(`<${node.localName}> has no <${name}>`);
  return found;
}
const xsiType = (el: El) => el.getAttributeNS(NS.xsi, "type");

/** Resource id → element, per list. */
function resourceMap(list: string, item: string): Map<string, El> {
  const map = new Map<string, El>();
  for (const l of all(NS.bt, list)) for (const el of children(l, item)) map.set(el.getAttribute("id")!, el);
  return map;
}
const images = resourceMap("Images", "Image");
const urls = resourceMap("Urls", "Url");
const shortStrings = resourceMap("ShortStrings", "String");
const longStrings = resourceMap("LongStrings", "String");

/** Explains how to make the xmllint test run instead of being skipped or failing. */
function xmllintMissingReason(): string | null {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (probe.error) return "xmllint is not installed (apt-get install -y libxml2-utils)";
  if (!fs.existsSync(SCHEMA)) return `no manifest schema at ${SCHEMA} (set SELFEVAL_SCHEMA_DIR to shared/schemas)`;
  return null;
}
const missingReason = xmllintMissingReason();
if (missingReason && !process.env.CI) {
  // Outside CI the schema test is skipped, loudly; in CI it runs and fails with the reason.
  console.warn(`manifest schema check skipped: ${missingReason}`);
}
const schemaTest = missingReason && !process.env.CI ? test.skip : test;

describe("manifest.xml against the Office manifest XSDs (xmllint)", () => {
  schemaTest("validates with xmllint --nonet against OfficeAppManifestV1_1.xsd", () => {
    if (missingReason) throw new Error(`cannot check the manifest schema in CI: ${missingReason}`);
    const res = runXmllint(MANIFEST_PATH, SCHEMA_DIR);
    expect(res.output).toContain("validates");
    expect(res.status).toBe(0);
  });

  schemaTest("the schema check is live: a manifest with lifetime=\"forever\" fails it", () => {
    if (missingReason) throw new Error(`cannot check the manifest schema in CI: ${missingReason}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-manifest-"));
    try {
      const bad = path.join(dir, "manifest.xml");
      fs.writeFileSync(bad, MANIFEST.replace('lifetime="long"', 'lifetime="forever"'));
      const res = runXmllint(bad, SCHEMA_DIR);
      expect(res.status).toBe(3);
      expect(res.output).toMatch(/lifetime/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("manifest.xml structure", () => {
  test("is a TaskPaneApp for Workbook with ReadWriteDocument", () => {
    expect(root.localName).toBe("OfficeApp");
    expect(root.namespaceURI).toBe(NS.app);
    expect(xsiType(root)).toBe("TaskPaneApp");
    expect(children(child(root, "Hosts"), "Host").map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(child(root, "Permissions").textContent?.trim()).toBe("ReadWriteDocument");
    expect(child(root, "Id").textContent).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
  });

  test("requires SharedRuntime 1.1, ExcelApi 1.13 and CustomFunctionsRuntime", () => {
    const sets = new Map(
      children(child(child(root, "Requirements"), "Sets"), "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])
    );
    expect(sets.get("SharedRuntime")).toBe("1.1");
    expect(sets.get("ExcelApi")).toBe("1.13");
    expect(sets.get("CustomFunctionsRuntime")).toMatch(/^1\.\d$/);
  });

  test("every resid names a resource of the right kind, and every resource is used", () => {
    const kindOf: Record<string, Map<string, El>> = {
      Image: images,
      SourceLocation: urls,
      FunctionFile: urls,
      Runtime: urls,
      LearnMoreUrl: urls,
      Label: shortStrings,
      Title: shortStrings,
      Namespace: shortStrings,
      Description: longStrings,
    };
    const vo = all(NS.ov, "VersionOverrides")[0];
    const withResid = (Array.from(vo.getElementsByTagName("*")) as El[]).filter((e) => e.hasAttribute("resid"));
    expect(withResid.length).toBeGreaterThan(10);
    const used = new Set<string>();
    for (const el of withResid) {
      const resid = el.getAttribute("resid")!;
      used.add(resid);
      const map = kindOf[el.localName];
      expect({ element: el.localName, resid, known: Boolean(map) }).toEqual({ element: el.localName, resid, known: true });
      expect({ element: el.localName, resid, exists: map.has(resid) }).toEqual({ element: el.localName, resid, exists: true });
    }
    const defined = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()];
    expect(new Set(defined).size).toBe(defined.length);
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
  });

  test("one long-lived runtime shared by the functions page, the function file and the task pane button", () => {
    const runtimes = all(NS.ov, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    const runtimeResid = runtimes[0].getAttribute("resid");

    const cf = all(NS.ov, "ExtensionPoint").filter((e) => xsiType(e) === "CustomFunctions");
    expect(cf).toHaveLength(1);
    const pageResid = child(child(cf[0], "Page"), "SourceLocation").getAttribute("resid");
    const functionFiles = all(NS.ov, "FunctionFile").map((f) => f.getAttribute("resid"));
    const panes = all(NS.ov, "Action")
      .filter((a) => xsiType(a) === "ShowTaskpane")
      .map((a) => child(a, "SourceLocation").getAttribute("resid"));
    expect(functionFiles.length).toBeGreaterThan(0);
    expect(panes.length).toBeGreaterThan(0);
    for (const resid of [pageResid, ...functionFiles, ...panes]) expect(resid).toBe(runtimeResid);

    const pageUrl = urls.get(runtimeResid!)!.getAttribute("DefaultValue");
    expect(pageUrl).toBe(`${DEV_URL}taskpane.html`);
    expect(child(child(root, "DefaultSettings"), "SourceLocation").getAttribute("DefaultValue")).toBe(pageUrl);
    const metadata = child(child(cf[0], "Metadata"), "SourceLocation").getAttribute("resid");
    expect(urls.get(metadata!)!.getAttribute("DefaultValue")).toBe(`${DEV_URL}functions.json`);
  });

  test("the ribbon button sits in a custom group on the Home tab", () => {
    const tab = all(NS.ov, "OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const group = child(tab, "Group");
    const button = children(group, "Control").find((c) => xsiType(c) === "Button");
    expect(button).toBeDefined();
    expect(xsiType(child(button!, "Action"))).toBe("ShowTaskpane");
  });

  test("the custom functions namespace is JX", () => {
    const cf = all(NS.ov, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    const ns = shortStrings.get(child(cf, "Namespace").getAttribute("resid")!)!;
    expect(ns.getAttribute("DefaultValue")).toBe("JX");
    for (const o of children(ns, "Override")) expect(o.getAttribute("Value")).toBe("JX");
  });

  test("every user-visible string has a zh-CN override in Chinese", () => {
    const zh = (el: El) => children(el, "Override").find((o) => o.getAttribute("Locale") === "zh-CN");
    const strings: [string, El][] = [
      ["DisplayName", child(root, "DisplayName")],
      ["Description", child(root, "Description")],
      ...[...shortStrings, ...longStrings].map(([id, el]): [string, El] => [id, el]),
    ];
    expect(strings.length).toBeGreaterThanOrEqual(9);
    const missing = strings.filter(([, el]) => !zh(el)?.getAttribute("Value")).map(([id]) => id);
    expect(missing).toEqual([]);
    const notChinese = strings
      .filter(([id]) => id !== "Functions.Namespace")
      .filter(([, el]) => !/[\u4e00-\u9fff]/.test(zh(el)!.getAttribute("Value")!))
      .map(([id]) => id);
    expect(notChinese).toEqual([]);
    expect(zh(child(root, "DisplayName"))!.getAttribute("Value")).toBe("自评表助手");
  });

  test("every URL is https://localhost:3000/… so the production rewrite reaches all of them", () => {
    const found = urlValues(MANIFEST);
    expect(found.length).toBeGreaterThan(8);
    expect(found.filter((u) => !u.startsWith(DEV_URL))).toEqual([]);
    expect(all(NS.app, "AppDomain")).toHaveLength(0);
  });

  test("icons 16/32/64/80/128 exist as PNGs of their size, and every image URL has its file", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    for (const [id, el] of images) {
      const size = Number(/(\d+)x\1/.exec(id)?.[1]);
      const file = el.getAttribute("DefaultValue")!.slice(DEV_URL.length);
      const png = fs.readFileSync(path.join(ROOT, file));
      expect([id, png.readUInt32BE(16)]).toEqual([id, size]);
    }
    const { facts } = checkManifest(MANIFEST);
    expect(checkFiles(facts, ROOT)).toEqual([]);
  });
});

describe("scripts/validate-manifest.js structural checks", () => {
  test("find nothing wrong with manifest.xml", () => {
    expect(checkManifest(MANIFEST).problems).toEqual([]);
  });

  const mutations: [string, (xml: string) => string, RegExp][] = [
    [
      "a FunctionFile with another resid",
      (x) => x.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'),
      /shared runtime resids differ/,
    ],
    ["a short-lived runtime", (x) => x.replace('lifetime="long"', 'lifetime="short"'), /lifetime/],
    ["an unknown resid", (x) => x.replace('<Label resid="SelfEval.Group.Label"/>', '<Label resid="No.Such"/>'), /No\.Such/],
    [
      "a resid into the wrong list",
      (x) => x.replace('<Label resid="SelfEval.Group.Label"/>', '<Label resid="Taskpane.Url"/>'),
      /points into bt:Urls/,
    ],
    ["no SharedRuntime requirement", (x) => x.replace(/<Set Name="SharedRuntime"[^>]*\/>/, ""), /SharedRuntime/],
    [
      "a missing zh-CN override",
      (x) => x.replace('<bt:Override Locale="zh-CN" Value="绩效自评"/>', ""),
      /SelfEval\.Group\.Label.*zh-CN/,
    ],
    ["an untranslated zh-CN override", (x) => x.replace('Value="绩效自评"', 'Value="Self-evaluation"'), /no Chinese/],
    ["another namespace", (x) => x.replace('DefaultValue="JX"', 'DefaultValue="RATES"'), /namespace/],
    ["an http URL", (x) => x.replace(`${DEV_URL}functions.json`, "http://localhost:3000/functions.json"), /not an https URL/],
    [
      "a duplicate resource id",
      (x) => x.replace('<bt:Image id="Icon.80x80"', '<bt:Image id="Icon.32x32"'),
      /more than once/,
    ],
  ];
  test.each(mutations)("catch %s", (_name, mutate, expected) => {
    const xml = mutate(MANIFEST);
    expect(xml).not.toBe(MANIFEST);
    const { problems } = checkManifest(xml);
    expect(problems.join("\n")).toMatch(expected);
  });

  test("in production mode, flag any URL left on localhost", () => {
    expect(checkManifest(MANIFEST, { production: true }).problems.join("\n")).toMatch(/production manifest points at/);
  });
});

describe("production URL rewrite (what `npm run build` does to dist/manifest.xml)", () => {
  test("replaces every dev URL with the base URL, leaving a valid manifest without localhost", () => {
    const base = "https://addins.example.org/selfeval/";
    const out = rewriteManifest(Buffer.from(MANIFEST), base).toString("utf8");
    expect(out).not.toMatch(/localhost/);
    const found = urlValues(out);
    expect(found.length).toBe(urlValues(MANIFEST).length);
    expect(found.filter((u) => !u.startsWith(base))).toEqual([]);
    expect(checkManifest(out, { production: true }).problems).toEqual([]);
  });

  schemaTest("the rewritten manifest still passes xmllint", () => {
    if (missingReason) throw new Error(`cannot check the manifest schema in CI: ${missingReason}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-manifest-"));
    try {
      const file = path.join(dir, "manifest.xml");
      fs.writeFileSync(file, rewriteManifest(MANIFEST, DEFAULT_PROD_URL));
      expect(runXmllint(file, SCHEMA_DIR).status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("takes the base URL from SELFEVAL_BASE_URL, defaulting to the placeholder", () => {
    expect(productionBaseUrl({})).toBe(DEFAULT_PROD_URL);
    expect(DEFAULT_PROD_URL).toBe("https://selfeval.example.gov.cn/addin/");
    expect(productionBaseUrl({ SELFEVAL_BASE_URL: "https://cdn.example.org/jx" })).toBe("https://cdn.example.org/jx/");
    expect(() => productionBaseUrl({ SELFEVAL_BASE_URL: "http://cdn.example.org/" })).toThrow(/https/);
    expect(() => productionBaseUrl({ SELFEVAL_BASE_URL: "https://localhost:8443/" })).toThrow(/local/);
    expect(() => productionBaseUrl({ SELFEVAL_BASE_URL: "not a url" })).toThrow(/not a URL/);
  });

  test("refuses a manifest that would keep a local URL", () => {
    const sneaky = MANIFEST.replace(`${DEV_URL}functions.json`, "https://127.0.0.1:3000/functions.json");
    expect(() => rewriteManifest(sneaky, DEFAULT_PROD_URL)).toThrow(/local URL/);
  });
});
