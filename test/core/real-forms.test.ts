/**
 * The corpus of real published forms from many provinces (test/fixtures/real/, table in docs/real-forms.md): each is
 * read in its own template's layout — from an in-memory grid and from a rebuilt .xlsx — and must give the figures it
 * prints, the figures it should compute, a finding for each of its real slips, and no other error. A corpus form
 * that gains an error finding fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeGrid, type Finding, summarize } from "../../src/core";
import { inflateNode } from "../../src/cli/inflate";
import { readGrids } from "../../src/xlsx";
import { loadRealForms, type RealForm, realGrid, realWorkbook, SHEET, unseen } from "../support/realForms";

const FORMS = loadRealForms();

function analyze(form: RealForm) {
  const analysis = analyzeGrid(realGrid(form), { profile: form.profile });
  expect(analysis.error).toBeNull();
  expect(analysis.forms).toHaveLength(1);
  return analysis.forms[0];
}

const at = (f: Finding) => `${f.rule}@${f.cell?.replace(`${SHEET}!`, "")}`;

/** An error the form really has (a slip), or one on cells the excerpt does not show. */
function excused(form: RealForm, f: Finding): boolean {
  const cell = f.cell?.replace(`${SHEET}!`, "") ?? "";
  if (form.slips.some((s) => s.rule === f.rule && s.cell === cell)) return true;
  if (unseen(form, cell)) return true;
  // A part the excerpt cut off (`未找到总分行`) is not missing from the published form.
  return form.truncated !== undefined && f.rule === "missing-field" && f.message.startsWith("未找到");
}

test("the corpus: at least 15 real forms from at least 6 provinces, each with its source, template and profile", () => {
  expect(FORMS.length).toBeGreaterThanOrEqual(15);
  expect(new Set(FORMS.map((f) => f.province)).size).toBeGreaterThanOrEqual(6);
  expect(new Set(FORMS.map((f) => f.year)).size).toBeGreaterThanOrEqual(3);
  for (const f of FORMS) {
    expect(f.source).toMatch(/^https?:\/\/\S+$/);
    expect(f.template).not.toBe("");
    expect(f.grid.length).toBeGreaterThan(5);
  }
  expect(new Set(FORMS.map((f) => f.id)).size).toBe(FORMS.length);
  // docs/real-forms.md lists every form of the corpus.
  const doc = readFileSync(join(__dirname, "..", "..", "docs", "real-forms.md"), "utf8");
  for (const f of FORMS) expect({ id: f.id, listed: doc.includes(`\`${f.id}\``) }).toEqual({ id: f.id, listed: true });
});

describe.each(FORMS.map((f) => [f.id, f] as const))("%s", (_id, form) => {
  test("reads the figures as printed", () => {
    const s = summarize(analyze(form));
    expect(s.project).toBe(form.read.project);
    expect({ rate: s.stated.rate, fundingScore: s.stated.fundingScore, total: s.stated.total, grade: s.stated.grade }).toEqual({
      rate: form.read.rate,
      fundingScore: form.read.fundingScore,
      total: form.read.total,
      grade: form.read.grade,
    });
    expect(s.indicators.map((i) => i.weight)).toEqual(form.read.weights);
    expect(s.indicators.map((i) => i.statedScore)).toEqual(form.read.scores);
  });

  test("computes what the form should state", () => {
    const { computed } = summarize(analyze(form));
    const { expected } = form;
    if (expected.rate !== null) expect(computed.rate).toBe(expected.rate);
    if (expected.fundScore !== null) expect(computed.fundingScore).toBe(expected.fundScore);
    if (expected.total !== null) expect(computed.total).toBe(expected.total);
    if (expected.grade !== null) expect(computed.grade).toBe(expected.grade);
  });

  test("flags each real slip of the published form", () => {
    const found = new Set(analyze(form).findings.map(at));
    for (const slip of form.slips) expect({ slip: `${slip.rule}@${slip.cell}`, found: found.has(`${slip.rule}@${slip.cell}`) }).toEqual({ slip: `${slip.rule}@${slip.cell}`, found: true });
  });

  test("raises no other error", () => {
    const errors = analyze(form).findings.filter((f) => f.severity === "error" && !excused(form, f));
    expect(errors.map((f) => `${at(f)} ${f.message}`)).toEqual([]);
  });

  test("reads the same from the form rebuilt as .xlsx", async () => {
    const grids = await readGrids(new Uint8Array(await realWorkbook(form)), { inflate: inflateNode, maxInflated: 50_000_000, maxCells: 1_000_000 });
    const fromXlsx = grids.flatMap((g) => analyzeGrid(g, { profile: form.profile }).forms.map(summarize));
    expect(fromXlsx).toEqual([summarize(analyze(form))]);
  });
});
