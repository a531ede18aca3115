#!/usr/bin/env node
/**
 * Offline check of the add-in manifest: xmllint against Microsoft's manifest XSDs (patched copies in shared/schemas,
 * see its README) plus the structural rules the XSDs cannot express for a shared-runtime custom-functions add-in.
 *
 * Usage: node scripts/validate-manifest.js [manifest.xml] [--production] [--schema-dir DIR] [--structure-only]
 *   manifest.xml      default ./manifest.xml; dist/manifest.xml works too (its built files are then checked)
 *   --production      also require that no URL points at localhost (use on the production build's manifest)
 *   --schema-dir DIR  folder with OfficeAppManifestV1_1.xsd; default $SELFEVAL_SCHEMA_DIR, else ../shared/schemas
 *   --structure-only  skip xmllint (it is otherwise required: a missing xmllint or schema folder is a failure)
 *
 * Exit 0 when every check passes, 1 otherwise. Online check (needs network): npm run validate:online.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { DOMParser } = require("@xmldom/xmldom");

const ROOT = path.resolve(__dirname, "..");
const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";
const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};
const EXPECTED_NAMESPACE = "JX";
const TRANSLATION_LOCALE = "zh-CN";
/** Strings whose zh-CN value is meant to equal the default (not prose). */
const UNTRANSLATED_IDS = new Set(["Functions.Namespace"]);
const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;
const RIBBON_ICON_SIZES = ["16", "32", "80"];
const LOCAL_HOST = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i;

/** Where the manifest XSDs are: --schema-dir, $SELFEVAL_SCHEMA_DIR, or shared/schemas next to this repository. */
function defaultSchemaDir() {
  return process.env.SELFEVAL_SCHEMA_DIR || path.resolve(ROOT, "..", "shared", "schemas");
}

/** Path of xmllint on PATH, or null. */
function findXmllint() {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return probe.error ? null : "xmllint";
}

/**
 * Runs xmllint against the schema folder. Returns { ok, status, output, missing } where missing names what is
 * absent ("xmllint" or "schema") when the check could not run at all.
 */
function runXmllint(manifestPath, schemaDir = defaultSchemaDir()) {
  const schema = path.join(schemaDir, ROOT_SCHEMA);
  if (!findXmllint()) {
    return {
      ok: false,
      missing: "xmllint",
      output: "xmllint not found: install libxml2-utils (apt-get install -y libxml2-utils)",
    };
  }
  if (!fs.existsSync(schema)) {
    return {
      ok: false,
      missing: "schema",
      output: `schema not found: ${schema} (set SELFEVAL_SCHEMA_DIR or --schema-dir to the folder with ${ROOT_SCHEMA})`,
    };
  }
  const res = spawnSync("xmllint", ["--nonet", "--noout", "--schema", schema, manifestPath], { encoding: "utf8" });
  return { ok: res.status === 0, status: res.status, output: `${res.stdout}${res.stderr}`.trim() };
}

// ---- DOM helpers -------------------------------------------------------------------------------------------------

function elements(node, ns, name) {
  return Array.from(node.getElementsByTagNameNS(ns, name));
}

function childElements(node, name) {
  return Array.from(node.childNodes).filter((n) => n.nodeType === 1 && (!name || n.localName === name));
}

function firstChild(node, name) {
  return childElements(node, name)[0] || null;
}

function xsiType(node) {
  return node.getAttributeNS(NS.xsi, "type") || "";
}

function text(node) {
  return node ? node.textContent.trim() : "";
}

/** Parses manifest text; returns { doc, errors }. */
function parseManifest(xml) {
  const errors = [];
  const onError = (level, msg) => {
    if (level !== "warning") errors.push(String(msg).split("\n")[0]);
  };
  let doc = null;
  try {
    doc = new DOMParser({ onError }).parseFromString(xml, "text/xml");
  } catch (err) {
    errors.push(err.message.split("\n")[0]);
  }
  return { doc, errors };
}

/** All resources of the manifest: { images, urls, shortStrings, longStrings } as Maps id → element. */
function resources(doc, problems) {
  const out = { images: new Map(), urls: new Map(), shortStrings: new Map(), longStrings: new Map() };
  const res = elements(doc, NS.ov, "Resources")[0];
  if (!res) {
    problems.push("VersionOverrides has no <Resources>");
    return out;
  }
  const lists = [
    ["Images", "Image", out.images],
    ["Urls", "Url", out.urls],
    ["ShortStrings", "String", out.shortStrings],
    ["LongStrings", "String", out.longStrings],
  ];
  const seen = new Set();
  for (const [listName, itemName, map] of lists) {
    for (const list of childElements(res, listName)) {
      for (const item of childElements(list, itemName)) {
        const id = item.getAttribute("id");
        if (seen.has(id)) problems.push(`resource id "${id}" is defined more than once`);
        seen.add(id);
        map.set(id, item);
      }
    }
  }
  return out;
}

/** Which resource list a resid on this element must point into. */
function residKind(el) {
  switch (el.localName) {
    case "Image":
      return "images";
    case "SourceLocation":
    case "FunctionFile":
    case "Runtime":
    case "LearnMoreUrl":
      return "urls";
    case "Label":
    case "Title":
    case "Namespace":
      return "shortStrings";
    case "Description":
      return "longStrings";
    default:
      return null;
  }
}

const KIND_NAMES = {
  images: "bt:Images",
  urls: "bt:Urls",
  shortStrings: "bt:ShortStrings",
  longStrings: "bt:LongStrings",
};

/** Every URL-valued attribute in the manifest, as [where, url]. */
function allUrls(doc) {
  const found = [];
  const urlElements = ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"];
  for (const name of urlElements) {
    for (const el of elements(doc, NS.app, name)) {
      found.push([`<${name}>`, el.getAttribute("DefaultValue")]);
      for (const o of childElements(el, "Override")) found.push([`<${name}> override`, o.getAttribute("Value")]);
    }
  }
  for (const el of elements(doc, NS.app, "AppDomain")) found.push(["<AppDomain>", text(el)]);
  for (const name of ["Url", "Image"]) {
    for (const el of elements(doc, NS.bt, name)) {
      if (!el.getAttribute("DefaultValue")) continue; // an <bt:Image size resid> reference, not a resource
      found.push([`${name} "${el.getAttribute("id")}"`, el.getAttribute("DefaultValue")]);
      for (const o of childElements(el, "Override")) {
        found.push([`${name} "${el.getAttribute("id")}" ${o.getAttribute("Locale")}`, o.getAttribute("Value")]);
      }
    }
  }
  return found;
}

function hasOverride(el, locale) {
  return childElements(el, "Override").find((o) => o.getAttribute("Locale") === locale && o.getAttribute("Value"));
}

const CJK = /[\u3400-\u9fff]/;

/**
 * Structural checks. Returns a list of problems (empty when the manifest is fine) and some facts for callers.
 * options: { production: boolean, namespace: string }
 */
function checkManifest(xml, options = {}) {
  const namespace = options.namespace || EXPECTED_NAMESPACE;
  const problems = [];
  const { doc, errors } = parseManifest(xml);
  if (!doc || errors.length > 0) {
    return { problems: errors.map((e) => `not well-formed XML: ${e}`), facts: {} };
  }
  const root = doc.documentElement;
  if (!root || root.localName !== "OfficeApp" || root.namespaceURI !== NS.app) {
    return { problems: ["root element is not <OfficeApp> in the appforoffice/1.1 namespace"], facts: {} };
  }
  if (xsiType(root) !== "TaskPaneApp") problems.push(`OfficeApp xsi:type is "${xsiType(root)}", not TaskPaneApp`);

  // Identity.
  const id = text(firstChild(root, "Id"));
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    problems.push(`<Id> is not a GUID: "${id}"`);
  }

  // Base manifest: host, permissions, requirements, localized name and description.
  const hosts = childElements(firstChild(root, "Hosts") || root, "Host").map((h) => h.getAttribute("Name"));
  if (!hosts.includes("Workbook")) problems.push(`<Hosts> has no Workbook host (found: ${hosts.join(", ") || "none"})`);
  const permissions = text(firstChild(root, "Permissions"));
  if (permissions !== "ReadWriteDocument") problems.push(`<Permissions> is "${permissions}", not ReadWriteDocument`);

  const sets = new Map();
  const requirements = firstChild(root, "Requirements");
  if (requirements) {
    for (const setsEl of childElements(requirements, "Sets")) {
      const dflt = setsEl.getAttribute("DefaultMinVersion") || "1.1";
      for (const s of childElements(setsEl, "Set")) sets.set(s.getAttribute("Name"), s.getAttribute("MinVersion") || dflt);
    }
  }
  if (!sets.has("SharedRuntime")) problems.push("<Requirements> does not name the SharedRuntime requirement set");
  for (const name of ["ExcelApi", "CustomFunctionsRuntime"]) {
    if (!sets.has(name)) problems.push(`<Requirements> does not name the ${name} requirement set`);
  }

  for (const name of ["DisplayName", "Description"]) {
    const el = firstChild(root, name);
    if (!el) problems.push(`<${name}> is missing`);
    else if (!hasOverride(el, TRANSLATION_LOCALE)) problems.push(`<${name}> has no ${TRANSLATION_LOCALE} <Override>`);
  }

  // VersionOverrides.
  const res = resources(doc, problems);
  const vo = elements(doc, NS.ov, "VersionOverrides")[0];
  if (!vo) {
    problems.push("<VersionOverrides> is missing");
    return { problems, facts: { sets } };
  }

  // Every resid points at a resource of the right kind.
  const referenced = new Set();
  const walk = (node) => {
    for (const el of childElements(node)) {
      if (el.hasAttribute("resid")) {
        const resid = el.getAttribute("resid");
        const kind = residKind(el);
        referenced.add(resid);
        if (!kind) problems.push(`<${el.localName} resid="${resid}">: unexpected element with a resid`);
        else if (!res[kind].has(resid)) {
          const elsewhere = Object.keys(res).find((k) => res[k].has(resid));
          problems.push(
            elsewhere
              ? `<${el.localName} resid="${resid}"> points into ${KIND_NAMES[elsewhere]}, expected ${KIND_NAMES[kind]}`
              : `<${el.localName} resid="${resid}"> names no resource in ${KIND_NAMES[kind]}`
          );
        }
      }
      walk(el);
    }
  };
  walk(vo);
  for (const kind of Object.keys(res)) {
    for (const rid of res[kind].keys()) {
      if (!referenced.has(rid)) problems.push(`resource "${rid}" in ${KIND_NAMES[kind]} is never used`);
    }
  }

  // Shared runtime: one long-lived runtime whose resid is also the functions page, the function file and the pane.
  const runtimes = elements(vo, NS.ov, "Runtime");
  const runtimeResid = runtimes[0] ? runtimes[0].getAttribute("resid") : null;
  if (runtimes.length !== 1) problems.push(`expected exactly one <Runtime>, found ${runtimes.length}`);
  else if (runtimes[0].getAttribute("lifetime") !== "long") problems.push('<Runtime> lifetime is not "long"');

  const extensionPoints = elements(vo, NS.ov, "ExtensionPoint");
  const cf = extensionPoints.find((e) => xsiType(e) === "CustomFunctions");
  let pageResid = null;
  let namespaceValue = null;
  if (!cf) problems.push("no CustomFunctions <ExtensionPoint>");
  else {
    for (const part of ["Script", "Page", "Metadata"]) {
      const loc = firstChild(firstChild(cf, part) || cf, "SourceLocation");
      if (!firstChild(cf, part) || !loc) problems.push(`CustomFunctions <${part}> has no <SourceLocation>`);
      if (part === "Page" && loc) pageResid = loc.getAttribute("resid");
    }
    const nsEl = firstChild(cf, "Namespace");
    const nsString = nsEl && res.shortStrings.get(nsEl.getAttribute("resid"));
    namespaceValue = nsString ? nsString.getAttribute("DefaultValue") : null;
    if (namespaceValue !== namespace) {
      problems.push(`custom functions namespace is "${namespaceValue}", expected "${namespace}"`);
    }
    if (nsString) {
      for (const o of childElements(nsString, "Override")) {
        if (o.getAttribute("Value") !== namespace) {
          problems.push(`namespace override for ${o.getAttribute("Locale")} is "${o.getAttribute("Value")}", not "${namespace}"`);
        }
      }
    }
  }
  const functionFiles = elements(vo, NS.ov, "FunctionFile").map((f) => f.getAttribute("resid"));
  if (functionFiles.length === 0) problems.push("no <FunctionFile>");
  const paneResids = extensionPoints
    .flatMap((ep) => elements(ep, NS.ov, "Action"))
    .filter((a) => xsiType(a) === "ShowTaskpane")
    .map((a) => {
      const loc = firstChild(a, "SourceLocation");
      return loc ? loc.getAttribute("resid") : null;
    });
  if (paneResids.length === 0) problems.push("no ShowTaskpane <Action>");
  const sharedResids = [
    ["Runtime", runtimeResid],
    ["CustomFunctions Page", pageResid],
    ...functionFiles.map((r) => ["FunctionFile", r]),
    ...paneResids.map((r) => ["ShowTaskpane SourceLocation", r]),
  ];
  if (new Set(sharedResids.map(([, r]) => r)).size > 1) {
    problems.push(
      "shared runtime resids differ: " + sharedResids.map(([where, r]) => `${where}=${r}`).join(", ")
    );
  }
  const runtimeUrl = runtimeResid && res.urls.get(runtimeResid) ? res.urls.get(runtimeResid).getAttribute("DefaultValue") : null;
  const defaultSource = firstChild(firstChild(root, "DefaultSettings") || root, "SourceLocation");
  if (runtimeUrl && defaultSource && defaultSource.getAttribute("DefaultValue") !== runtimeUrl) {
    problems.push(
      `<DefaultSettings><SourceLocation> (${defaultSource.getAttribute("DefaultValue")}) differs from the runtime page ${runtimeUrl}`
    );
  }

  // Ribbon icons.
  for (const icon of elements(vo, NS.ov, "Icon")) {
    const sizes = childElements(icon, "Image").map((i) => i.getAttribute("size"));
    const missing = RIBBON_ICON_SIZES.filter((s) => !sizes.includes(s));
    if (missing.length) problems.push(`an <Icon> lacks sizes ${missing.join(", ")}`);
  }

  // Strings: length limits and a Chinese translation for each.
  for (const [kind, max] of [
    ["shortStrings", SHORT_STRING_MAX],
    ["longStrings", LONG_STRING_MAX],
  ]) {
    for (const [sid, el] of res[kind]) {
      const values = [el.getAttribute("DefaultValue"), ...childElements(el, "Override").map((o) => o.getAttribute("Value"))];
      if (values.some((v) => (v || "").length > max)) problems.push(`string "${sid}" is longer than ${max} characters`);
      const zh = hasOverride(el, TRANSLATION_LOCALE);
      if (!zh) problems.push(`string "${sid}" has no ${TRANSLATION_LOCALE} override`);
      else if (!UNTRANSLATED_IDS.has(sid) && !CJK.test(zh.getAttribute("Value"))) {
        problems.push(`string "${sid}": the ${TRANSLATION_LOCALE} override has no Chinese text`);
      }
    }
  }

  // URLs: https everywhere; no local address in a production manifest.
  const urls = allUrls(doc);
  for (const [where, url] of urls) {
    if (!/^https:\/\//i.test(url || "")) problems.push(`${where}: not an https URL: "${url}"`);
    if (options.production && LOCAL_HOST.test(url || "")) problems.push(`${where}: production manifest points at ${url}`);
  }

  return {
    problems,
    facts: { sets, namespace: namespaceValue, runtimeResid, runtimeUrl, urls: urls.map(([, u]) => u) },
  };
}

/**
 * Files behind the manifest's URLs: every URL under the runtime page's base must exist in `dir`. When dir holds no
 * built taskpane page (the repository root), only assets/ is checked.
 */
function checkFiles(facts, dir) {
  const problems = [];
  if (!facts.runtimeUrl) return problems;
  const base = facts.runtimeUrl.slice(0, facts.runtimeUrl.lastIndexOf("/") + 1);
  const built = fs.existsSync(path.join(dir, path.basename(new URL(facts.runtimeUrl).pathname)));
  for (const url of new Set(facts.urls)) {
    if (!url || !url.startsWith(base)) continue;
    const rel = decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]);
    if (!built && !rel.startsWith("assets/")) continue;
    const file = path.join(dir, rel);
    if (!fs.existsSync(file)) {
      problems.push(`${url}: no file ${path.join(path.relative(ROOT, dir) || ".", rel)}`);
    } else if (built && rel.endsWith(".json")) {
      problems.push(...checkFunctionsJson(file, url));
    }
  }
  return problems;
}

/** A built functions.json must declare at least one function (an empty one means the functions entry is a stub). */
function checkFunctionsJson(file, url) {
  let metadata;
  try {
    metadata = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return [`${url}: not JSON (custom functions metadata; is src/functions/functions.ts still a placeholder?)`];
  }
  const functions = metadata && Array.isArray(metadata.functions) ? metadata.functions : [];
  return functions.length ? [] : [`${url}: declares no custom function`];
}

function parseArgs(argv) {
  const opts = { manifest: path.join(ROOT, "manifest.xml"), production: false, schemaDir: null, xmllint: true };
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--production") opts.production = true;
    else if (a === "--structure-only") opts.xmllint = false;
    else if (a === "--schema-dir") opts.schemaDir = args[++i];
    else if (a.startsWith("--schema-dir=")) opts.schemaDir = a.slice("--schema-dir=".length);
    else if (a === "-h" || a === "--help") opts.help = true;
    else if (a.startsWith("-")) throw new Error(`unknown option ${a}`);
    else opts.manifest = path.resolve(a);
  }
  return opts;
}

function main() {
  let opts;
  try {
    opts = parseArgs(process.argv);
  } catch (err) {
    console.error(err.message);
    return 1;
  }
  if (opts.help) {
    console.log(fs.readFileSync(__filename, "utf8").split("*/")[0]);
    return 0;
  }
  const rel = path.relative(process.cwd(), opts.manifest) || opts.manifest;
  if (!fs.existsSync(opts.manifest)) {
    console.error(`${rel}: not found${rel.startsWith("dist") ? " (run npm run build first)" : ""}`);
    return 1;
  }
  let failed = false;

  if (opts.xmllint) {
    const lint = runXmllint(opts.manifest, opts.schemaDir || defaultSchemaDir());
    if (lint.missing) {
      console.error(`xmllint: cannot run: ${lint.output}`);
      failed = true;
    } else if (!lint.ok) {
      console.error(`xmllint: ${rel} fails the manifest schema (exit ${lint.status}):\n${lint.output}`);
      failed = true;
    } else {
      console.log(`xmllint: ${rel} validates against ${ROOT_SCHEMA}`);
    }
  } else {
    console.log("xmllint: skipped (--structure-only)");
  }

  const { problems, facts } = checkManifest(fs.readFileSync(opts.manifest, "utf8"), { production: opts.production });
  problems.push(...checkFiles(facts, path.dirname(opts.manifest)));
  if (problems.length) {
    console.error(`structure: ${problems.length} problem(s) in ${rel}:`);
    for (const p of problems) console.error(`  - ${p}`);
    failed = true;
  } else {
    const sets = [...(facts.sets || new Map())].map(([n, v]) => `${n} ${v}`).join(", ");
    console.log(`structure: ${rel} OK (namespace ${facts.namespace}; runtime ${facts.runtimeUrl}; ${sets})`);
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main();

module.exports = { checkManifest, checkFiles, runXmllint, parseManifest, defaultSchemaDir, findXmllint, NS };
