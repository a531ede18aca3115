/**
 * Files written by other producers' real code, not by a hand-built imitation of their shape: examples/sample.xlsx
 * opened and saved by openpyxl 3.0.9 (with a comment, a data validation and a chart) and by SheetJS CE 0.18.5 (inline
 * strings, no shared strings), 表1's G6/H6 emptied (test/fixtures/producers/make.sh made them). `check` reads every
 * form as it reads the original, and the filled file passes its own check; roundtrip.test.ts compares fill's output
 * with its input part by part and cell by cell, and LibreOffice shows the written cells.
 */
import path from "path";
import { checkJson, cleanup, type FormJson, type Report, ROOT, runCli, tmpDir } from "./helpers";

const DIR = path.join(ROOT, "test", "fixtures", "producers");
const PRODUCERS = ["openpyxl-3.0.9.xlsx", "sheetjs-0.18.5.xlsx"];

let dir: string;
let original: Report["files"][number];
beforeAll(async () => {
  dir = await tmpDir("selfeval-producers-");
  original = (await checkJson([path.join(ROOT, "examples", "sample.xlsx")])).report.files[0];
});
afterAll(() => cleanup(dir));

/** A form's figures and findings, without where it came from. */
const figures = (f: FormJson) => ({ ...f, findings: f.findings.map((x) => `${x.rule} ${x.cell} ${x.message}`) });

describe.each(PRODUCERS)("%s", (name) => {
  const file = path.join(DIR, name);

  test("check reads the five forms as in the original, 表1's emptied cells found blank and computed", async () => {
    const run = await checkJson([file]);
    const [report] = run.report.files;
    expect(report.error).toBeNull();
    expect(report.forms.map((f) => f.sheet)).toEqual(["表1", "表2", "表3", "表4", "表5"]);
    const [first, ...rest] = report.forms.map(figures);
    const [before, ...others] = original.forms.map(figures);
    expect(rest).toEqual(others);
    expect(first.stated).toEqual({ ...before.stated, rate: null, fundingScore: null });
    expect(first.computed).toEqual(before.computed);
    expect(first.indicators).toEqual(before.indicators);
    // The original's findings, and the two cells to fill.
    expect(first.findings.filter((x) => !/^missing-field 表1!(G6|H6) /.test(x))).toEqual(before.findings);
    expect(first.findings.filter((x) => /^missing-field 表1!(G6|H6) /.test(x))).toHaveLength(2);
  });

  test("the filled file passes its own check (fill itself is compared part by part in roundtrip.test.ts)", async () => {
    const out = path.join(dir, name.replace(/\.xlsx$/, "-filled.xlsx"));
    expect((await runCli(["fill", file, "-o", out])).code).toBe(0);
    const [first, ...rest] = (await checkJson([out])).report.files[0].forms;
    expect(first.stated).toEqual(first.computed);
    expect(first.findings.filter((x) => x.rule === "missing-field")).toEqual([]);
    expect(rest.map(figures)).toEqual(original.forms.slice(1).map(figures));
  });
});
