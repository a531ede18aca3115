/**
 * The rule set's public contract: ids, module names, tests and docs. Every rule in RULES must have
 * test/rules/<id>.test.ts and docs/rules/<id>.md, a module src/core/rules/<id>.ts that exports it, a zh-CN
 * description and a `default` message; and the ids are exactly the published list.
 */
import { existsSync, readdirSync } from "fs";
import { join } from "path";
import { RULES } from "../../src/core";

const ROOT = join(__dirname, "..", "..");
const RULES_DIR = join(ROOT, "src", "core", "rules");

/** The public contract: the CLI, the task pane and users' settings name rules by these ids. Never rename one. */
const CONTRACT = [
  "exec-rate-mismatch",
  "funding-score-mismatch",
  "indicator-score-mismatch",
  "score-exceeds-weight",
  "total-mismatch",
  "grade-mismatch",
  "weights-sum",
  "funding-rows-sum",
  "zero-budget",
  "execution-exceeds-budget",
  "budget-adjusted",
  "missing-deviation-note",
  "value-unparseable",
  "unit-mismatch",
  "target-trivial",
  "target-vague",
  "over-achievement",
  "cost-vs-execution",
  "missing-field",
];

/** Files in src/core/rules that are infrastructure, not rules. */
const NOT_RULES = new Set(["index.ts", "registry.ts", "runner.ts", "types.ts"]);

const ids = RULES.map((r) => r.meta.id);
const CJK = /[\u4e00-\u9fff]/;

describe("rule registry", () => {
  test("ids are unique", () => {
    const dupes = ids.filter((id, k) => ids.indexOf(id) !== k);
    expect(dupes).toEqual([]);
  });

  test("every id is in the public contract list", () => {
    expect(ids.filter((id) => !CONTRACT.includes(id))).toEqual([]);
  });

  test("every contract id is registered (none dropped)", () => {
    expect(CONTRACT.filter((id) => !ids.includes(id))).toEqual([]);
  });

  test("every rule module in src/core/rules is registered", () => {
    const modules = readdirSync(RULES_DIR)
      .filter((f) => f.endsWith(".ts") && !NOT_RULES.has(f))
      .map((f) => f.replace(/\.ts$/, ""));
    expect(modules.filter((m) => !ids.includes(m))).toEqual([]);
  });
});

describe.each(RULES.map((r) => [r.meta.id, r] as const))("%s", (id, rule) => {
  test("module file name equals the id and exports this rule", () => {
    const file = join(RULES_DIR, `${id}.ts`);
    expect(existsSync(file)).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as { default?: unknown };
    expect(mod.default).toBe(rule);
  });

  test("has test/rules/<id>.test.ts", () => {
    expect(existsSync(join(__dirname, `${id}.test.ts`))).toBe(true);
  });

  test("has docs/rules/<id>.md", () => {
    expect(existsSync(join(ROOT, "docs", "rules", `${id}.md`))).toBe(true);
  });

  test("meta.docs points at an existing file (docs/rules/<id>.md)", () => {
    expect(rule.meta.docs).toBe(`docs/rules/${id}.md`);
    expect(existsSync(join(ROOT, rule.meta.docs))).toBe(true);
  });

  test("has a zh-CN description", () => {
    expect(rule.meta.description.trim()).not.toBe("");
    expect(rule.meta.description).toMatch(CJK);
  });

  // Regression test: this case once failed in the engine.
  test("has a `default` message (zh-CN)", () => {
    expect(Object.keys(rule.meta.messages)).toContain("default");
    expect(rule.meta.messages.default).toMatch(CJK);
  });

  test("every message is zh-CN", () => {
    for (const text of Object.values(rule.meta.messages)) expect(text).toMatch(CJK);
  });

  test("default severity is error, warning or info", () => {
    expect(["error", "warning", "info"]).toContain(rule.meta.severity);
  });
});
