/**
 * dist/functions-zh-CN.json: functions.json (generated from the JSDoc by custom-functions-metadata-plugin) with each
 * function's display `name` replaced by its Chinese name from src/core/freeze/names-zh-CN.json, the table `freeze`
 * reads too. Same ids, same parameters, same descriptions: the two files cannot drift, since one is made from the
 * other at every build. manifest.xml selects it with <bt:Override Locale="zh-CN"> on Functions.Metadata.Url.
 *
 * Names follow Microsoft's rules (Custom functions naming and localization): start with a letter, at least three
 * characters, only Unicode letters, underscores and periods, not a cell reference (A1…XFD1048576, R1C1).
 */
"use strict";

const NAMES = require("../src/core/freeze/names-zh-CN.json");

const OUTPUT = "functions-zh-CN.json";

/** Why `name` breaks Microsoft's naming rules, or null when it does not. */
function nameProblem(name) {
  if (typeof name !== "string" || [...name].length < 3) return "shorter than three characters";
  if (!/^\p{L}/u.test(name)) return "does not start with a letter";
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^R[0-9]*C[0-9]*$/i.test(name)) return "looks like a cell reference";
  if (!/^[\p{L}_.]+$/u.test(name)) return "has a character other than letters, underscores and periods";
  return null;
}

/** The zh-CN metadata for a functions.json object; throws when an id has no name or a name breaks the rules. */
function localize(metadata, names = NAMES) {
  const ids = metadata.functions.map((f) => f.id);
  const extra = Object.keys(names).filter((id) => !ids.includes(id));
  if (extra.length > 0) throw new Error(`functions-zh-CN: names for unknown ids ${extra.join(", ")}`);
  return {
    ...metadata,
    functions: metadata.functions.map((f) => {
      const name = names[f.id];
      if (name === undefined) throw new Error(`functions-zh-CN: no Chinese name for ${f.id}`);
      const problem = nameProblem(name);
      if (problem) throw new Error(`functions-zh-CN: name ${name} of ${f.id} ${problem}`);
      return { ...f, name };
    }),
  };
}

/** webpack plugin: after the metadata plugin has emitted functions.json, emits functions-zh-CN.json beside it. */
class FunctionsZhCnPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsZhCnPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FunctionsZhCnPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL + 1 }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) {
          compilation.errors.push(new Error("functions-zh-CN: functions.json was not emitted"));
          return;
        }
        const zh = localize(JSON.parse(asset.source.source().toString()));
        compilation.emitAsset(OUTPUT, new sources.RawSource(JSON.stringify(zh, null, 4)));
      });
    });
  }
}

module.exports = { FunctionsZhCnPlugin, localize, nameProblem, OUTPUT };
