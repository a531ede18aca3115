/** Rule settings (severity override, "off") and the runner's crash isolation. */
import { analyzeGrid, GridReader, PROFILES, readForms, RULES, type Rule, runRules, scoreForm } from "../../src/core";
import { formGrid } from "../support/formGrid";
import { seedForm } from "../support/seed";
import { findingsOf } from "./ruleTester";

/** All rules on, seed form i (0-based), with the given settings. */
function allFindings(i: number, rules = {}) {
  const analysis = analyzeGrid(formGrid(seedForm(i)).grid, { rules });
  return analysis.forms[0].findings;
}

function scoredSeed(i: number) {
  const [form] = readForms(new GridReader(formGrid(seedForm(i)).grid));
  return scoreForm(form, PROFILES.default);
}

describe("severity settings", () => {
  test("target-vague is a warning by default (seed form 1)", () => {
    const f = allFindings(0).filter((x) => x.rule === "target-vague");
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["warning", "表1!D13"]]);
  });

  test('rules: {"target-vague": "error"} raises it', () => {
    const f = allFindings(0, { "target-vague": "error" }).filter((x) => x.rule === "target-vague");
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["error", "表1!D13"]]);
  });

  test('rules: {"target-vague": "info"} lowers it', () => {
    const f = allFindings(0, { "target-vague": "info" }).filter((x) => x.rule === "target-vague");
    expect(f.map((x) => x.severity)).toEqual(["info"]);
  });

  test('rules: {"target-vague": "off"} silences it and leaves the others alone', () => {
    const on = allFindings(0);
    const off = allFindings(0, { "target-vague": "off" });
    expect(off.some((x) => x.rule === "target-vague")).toBe(false);
    expect(off).toEqual(on.filter((x) => x.rule !== "target-vague"));
    expect(off.map((x) => x.rule)).toContain("budget-adjusted");
  });

  test("every rule can be switched off", () => {
    const settings = Object.fromEntries(RULES.map((r) => [r.meta.id, "off" as const]));
    for (let i = 0; i < 5; i++) expect(allFindings(i, settings)).toEqual([]);
  });

  test("budget-adjusted (info by default) can be raised to error", () => {
    const f = allFindings(0, { "budget-adjusted": "error" }).filter((x) => x.rule === "budget-adjusted");
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["error", "表1!D6"]]);
  });

  test("a finding's own softer severity is kept under a harsher setting (noted departure stays a warning)", () => {
    const f = findingsOf("indicator-score-mismatch", { name: "", form: 3, rules: { "indicator-score-mismatch": "error" } });
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["warning", "表1!G13"]]);
  });

  test("…but never harsher than the setting: info lowers the noted departure too", () => {
    const f = findingsOf("indicator-score-mismatch", { name: "", form: 3, rules: { "indicator-score-mismatch": "info" } });
    expect(f.map((x) => x.severity)).toEqual(["info"]);
  });

  test("a rate-note warning (default profile) lowered to info", () => {
    const f = findingsOf("missing-deviation-note", { name: "", form: 2, rules: { "missing-deviation-note": "info" } });
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["info", "表1!G6"]]);
  });

  test("an unknown rule id in the settings is ignored", () => {
    expect(allFindings(0, { "no-such-rule": "off" })).toEqual(allFindings(0));
  });
});

describe("a rule that throws", () => {
  const boom: Rule = {
    meta: { id: "boom", severity: "warning", description: "总是出错", messages: { default: "不会出现" }, docs: "docs/rules/boom.md" },
    check() {
      throw new Error("kaput");
    },
  };

  test("becomes a finding of its own (error, no cell) and does not stop the others", () => {
    const scored = scoredSeed(0);
    const expected = runRules(scored);
    const found = runRules(scored, {}, [boom, ...RULES]);
    const crash = found.filter((f) => f.rule === "boom");
    expect(crash).toEqual([
      { rule: "boom", severity: "error", cell: null, ref: null, message: "规则 boom 未能完成检查（kaput），请检查表格结构。" },
    ]);
    expect(found.filter((f) => f.rule !== "boom")).toEqual(expected);
    expect(expected.map((f) => f.rule).sort()).toEqual(["budget-adjusted", "target-vague"]);
  });

  test("placed last or in the middle, the rules after it still run", () => {
    const scored = scoredSeed(1);
    const expected = runRules(scored);
    const middle = [...RULES.slice(0, 8), boom, ...RULES.slice(8)];
    expect(runRules(scored, {}, middle).filter((f) => f.rule !== "boom")).toEqual(expected);
    expect(runRules(scored, {}, [...RULES, boom]).filter((f) => f.rule !== "boom")).toEqual(expected);
  });

  test("findings reported before the throw are kept", () => {
    const partial: Rule = {
      meta: { ...boom.meta, id: "partial" },
      check({ form, report }) {
        report({ ref: form.project!.ref, data: {} });
        throw new Error("half-way");
      },
    };
    const found = runRules(scoredSeed(0), {}, [partial]);
    expect(found.map((f) => [f.rule, f.severity, f.cell, f.message])).toEqual([
      ["partial", "error", null, "规则 partial 未能完成检查（half-way），请检查表格结构。"],
      ["partial", "warning", "表1!B3", "不会出现"],
    ]);
  });

  test("a thrown non-Error is reported by its string value", () => {
    const odd: Rule = {
      meta: { ...boom.meta, id: "odd" },
      check() {
        throw "oops";
      },
    };
    expect(runRules(scoredSeed(0), {}, [odd])[0].message).toBe("规则 odd 未能完成检查（oops），请检查表格结构。");
  });

  test('a throwing rule set to "off" is not run at all', () => {
    expect(runRules(scoredSeed(0), { boom: "off" }, [boom])).toEqual([]);
  });

  test("an unknown message id is the rule's bug: a crash finding, not a silent default message", () => {
    const typo: Rule = {
      meta: { ...boom.meta, id: "typo", messages: { default: "默认", rate: "执行率" } },
      check({ form, report }) {
        report({ messageId: "rate", ref: form.project!.ref });
        report({ messageId: "rat", ref: form.project!.ref });
      },
    };
    expect(runRules(scoredSeed(0), {}, [typo]).map((f) => [f.severity, f.cell, f.message])).toEqual([
      ["error", null, "规则 typo 未能完成检查（未知的消息 rat），请检查表格结构。"],
      ["warning", "表1!B3", "执行率"],
    ]);
  });

  test("a crash is always an error, whatever the rule's configured severity", () => {
    expect(runRules(scoredSeed(0), { boom: "info" }, [boom]).map((f) => f.severity)).toEqual(["error"]);
  });
});
