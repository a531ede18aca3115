/** Forms with injected errors: every rule the seed can be made to trip shows up, at its cell, in two layouts. */
import { RULE_IDS } from "../../src/core";
import { cellRef, type FormCells, parseCellRef, type SeedForm, seedForms, type SeedWorkbookOptions } from "../support/seedWorkbook";
import { checkJson, cleanup, tmpDir, writeSeed } from "./helpers";

interface Case {
  rule: string;
  form: number;
  seed?: (f: SeedForm) => void;
  cell: (c: FormCells) => string;
  severity: string;
}

const CASES: Case[] = [
  { rule: "exec-rate-mismatch", form: 0, seed: (f) => void (f.funding[0][5] = 98.42), cell: (c) => c.rateCell, severity: "error" },
  { rule: "funding-score-mismatch", form: 0, seed: (f) => void (f.funding[0][6] = 9.5), cell: (c) => c.fundingScoreCell, severity: "error" },
  { rule: "indicator-score-mismatch", form: 0, seed: (f) => void (f.indicators[1][6] = 8), cell: (c) => c.indicators[1].scoreCell, severity: "error" },
  { rule: "score-exceeds-weight", form: 0, seed: (f) => void (f.indicators[1][6] = 12), cell: (c) => c.indicators[1].scoreCell, severity: "error" },
  { rule: "total-mismatch", form: 0, seed: (f) => void (f.total = 99), cell: (c) => c.totalCell, severity: "error" },
  { rule: "grade-mismatch", form: 3, seed: (f) => void (f.grade = "优"), cell: (c) => c.gradeCell, severity: "error" },
  { rule: "weights-sum", form: 0, seed: (f) => void (f.indicators[0][5] = 15), cell: (c) => c.totalWeightCell, severity: "error" },
  { rule: "funding-rows-sum", form: 1, seed: (f) => void (f.funding[3][2] = 50), cell: (c) => c.funding[0].budgetCell, severity: "error" },
  { rule: "zero-budget", form: 0, seed: (f) => void (f.funding[0][2] = 0), cell: (c) => c.funding[0].budgetCell, severity: "error" },
  { rule: "execution-exceeds-budget", form: 0, seed: (f) => void (f.funding[0][3] = 600), cell: (c) => c.funding[0].spentCell, severity: "warning" },
  { rule: "budget-adjusted", form: 0, cell: (c) => c.funding[0].budgetCell, severity: "info" },
  { rule: "missing-deviation-note", form: 1, cell: (c) => c.rateCell, severity: "warning" },
  { rule: "value-unparseable", form: 0, seed: (f) => void (f.indicators[1][3] = "≥90.00(％"), cell: (c) => c.indicators[1].targetCell, severity: "warning" },
  { rule: "unit-mismatch", form: 2, seed: (f) => void (f.indicators[0][4] = "243900.00(元)"), cell: (c) => c.indicators[0].actualCell, severity: "warning" },
  { rule: "target-trivial", form: 1, cell: (c) => c.indicators[1].targetCell, severity: "warning" },
  { rule: "target-vague", form: 0, cell: (c) => c.indicators[0].targetCell, severity: "warning" },
  { rule: "over-achievement", form: 4, cell: (c) => c.indicators[6].actualCell, severity: "warning" },
  { rule: "cost-vs-execution", form: 2, seed: (f) => void (f.indicators[0][4] = "25.00(万元)"), cell: (c) => c.indicators[0].actualCell, severity: "warning" },
  { rule: "missing-field", form: 0, seed: (f) => void (f.project = ""), cell: (c) => projectCell(c), severity: "error" },
];

/** 项目名称's value cell: one right of the label, two rows under the title. */
function projectCell(c: FormCells): string {
  const t = parseCellRef(c.titleCell);
  return cellRef(t.sheet, t.row + 2, t.col + 1);
}

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});
afterAll(() => cleanup(dir));

test("every rule of the engine has a case here", () => {
  expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(RULE_IDS));
});

test.each<[string, SeedWorkbookOptions]>([
  ["Shanghai, one form per sheet", {}],
  ["ministry, offset, fractions", { layout: "ministry", origin: { row: 3, col: 2 }, rateAs: "fraction" }],
])("%s: each injected error is reported at its cell", async (name, options) => {
  const { file, cells } = await writeSeed(dir, `${name}.xlsx`, {
    ...options,
    // Whole forms, not seed indices: the builder shares one copy between repeated indices.
    forms: CASES.map((c) => seedForms()[c.form]),
    mutate: (f, i) => CASES[i].seed?.(f),
  });
  const { code, report } = await checkJson([file]);
  expect(code).toBe(1);
  const forms = report.files[0].forms;
  expect(forms).toHaveLength(CASES.length);
  CASES.forEach((c, i) => {
    const got = forms[i].findings.filter((x) => x.rule === c.rule).map((x) => ({ rule: x.rule, cell: x.cell, severity: x.severity }));
    expect(got).toContainEqual({ rule: c.rule, cell: c.cell(cells[i]), severity: c.severity });
  });
});
