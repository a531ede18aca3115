/**
 * A tiny ESLint-RuleTester-style harness for the engine's rules.
 *
 * Each case starts from one of the five seed forms (test/fixtures/seed-forms.json), optionally mutates the seed data
 * (`seed`) and/or the laid-out grid (`edit`, with `setCell`), runs `analyzeGrid` with only the rule under test
 * enabled (every other rule "off"), and compares the findings.
 *
 * With the Shanghai layout of formGrid every seed form lands on the same rows:
 *   B3 project · row 6 年度资金总额 · rows 7–9 funding sub-rows · rows 13–20 the eight indicators · 21 总分 · 22 评分等级
 * and columns A level1 · B level2 · C name/年初 · D target/全年预算 · E actual/全年执行 · F weight/分数 · G score/执行率 · H note/得分.
 */
import { analyzeGrid, type Finding, type Profile, type ProfileId, RULE_IDS, type RuleSettings, type Severity } from "../../src/core";
import { formGrid, type Placed, setCell } from "../support/formGrid";
import { seedForm, type SeedForm } from "../support/seed";

export { setCell };

/** Column indices of the Shanghai layout. */
export const COL = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5, G: 6, H: 7 } as const;

export interface Case {
  name: string;
  /** Seed form index, 0–4 (seed form 1 is index 0). Default 0. */
  form?: number;
  /** A profile id, or a whole Profile object for a custom convention. Default "default". */
  profile?: ProfileId | Profile;
  /** Mutates the seed data before it is laid out. */
  seed?: (f: SeedForm) => void;
  /** Mutates the laid-out grid. */
  edit?: (p: Placed) => void;
  /** Extra rule settings for the rule under test (e.g. `{ "target-vague": "error" }`). */
  rules?: RuleSettings;
}

export interface ExpectedFinding {
  severity: Severity;
  /** `表1!G6`, or null. */
  cell: string | null;
  /** A substring of the message (include the numbers). */
  message?: string;
  /** The proposed value; checked only when the key is present. */
  expected?: number | string | null;
  /** The value the cell holds; checked only when the key is present. */
  actual?: number | string | null;
}

export interface InvalidCase extends Case {
  /** All findings of the rule, in report order (the runner sorts by row, column, severity). */
  errors: ExpectedFinding[];
}

/** Runs one case through analyzeGrid with only `ruleId` enabled and returns that rule's findings. */
export function findingsOf(ruleId: string, c: Case): Finding[] {
  const seed = seedForm(c.form ?? 0);
  c.seed?.(seed);
  const placed = formGrid(seed);
  c.edit?.(placed);
  const rules: Record<string, "off" | Severity | undefined> = {};
  for (const id of RULE_IDS) if (id !== ruleId) rules[id] = "off";
  Object.assign(rules, c.rules ?? {});
  const analysis = analyzeGrid(placed.grid, { profile: c.profile, rules });
  if (analysis.error) throw new Error(analysis.error);
  if (analysis.forms.length !== 1) throw new Error(`expected one form, read ${analysis.forms.length}`);
  // Filter as well, in case a case's own `rules` re-enables another rule.
  return analysis.forms[0].findings.filter((f) => f.rule === ruleId);
}

function brief(f: Finding): string {
  return `${f.severity} ${f.cell} ${f.message}`;
}

export function assertFindings(ruleId: string, actual: Finding[], expected: ExpectedFinding[]): void {
  expect(actual.map(brief)).toHaveLength(expected.length);
  expected.forEach((e, k) => {
    const f = actual[k];
    expect(f.rule).toBe(ruleId);
    expect({ severity: f.severity, cell: f.cell }).toEqual({ severity: e.severity, cell: e.cell });
    if (e.message !== undefined) expect(f.message).toContain(e.message);
    if ("expected" in e) expect(f.expected).toEqual(e.expected);
    if ("actual" in e) expect(f.actual).toEqual(e.actual);
  });
}

/** Declares a `describe` block with one test per valid and invalid case. */
export function ruleTester(ruleId: string, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  if (!RULE_IDS.includes(ruleId)) throw new Error(`unknown rule ${ruleId}`);
  describe(ruleId, () => {
    describe("valid", () => {
      test.each(cases.valid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(findingsOf(ruleId, c).map(brief)).toEqual([]);
      });
    });
    describe("invalid", () => {
      test.each(cases.invalid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        assertFindings(ruleId, findingsOf(ruleId, c), c.errors);
      });
    });
  });
}

/** Seed-form cases, one per index, for the `valid` table. */
export function seeds(indices: number[], profile?: ProfileId): Case[] {
  return indices.map((i) => ({ name: `seed form ${i + 1}${profile ? ` (${profile})` : ""}`, form: i, profile }));
}

/** Sets several cells of the laid-out grid: `[row, col, value]` with absolute 0-based rows from `p.rows`. */
export function cells(p: Placed, ...edits: Array<[number, number, string | number | null]>): void {
  for (const [r, c, v] of edits) setCell(p.grid, r, c, v);
}
