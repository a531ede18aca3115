/**
 * Files written by other producers' real code, not by a hand-built imitation of their shape: examples/sample.xlsx
 * opened and saved by openpyxl 3.0.9 (with a comment, a data validation and a chart) and by SheetJS CE 0.18.5 (inline
 * strings, no shared strings), 表1's G6/H6 emptied (test/fixtures/producers/make.sh made them). `check` reads every
 * form as it reads the original; `fill` writes only the two cells, into 表1's part alone; LibreOffice shows them.
 */
import { promises as fs } from "fs";
import path from "path";
import { checkJson, cleanup, type FormJson, type Report, ROOT, runCli, tmpDir } from "./helpers";
import { findSoffice, freshProfile, sheetsAsCsv } from "./libreoffice";
import { unzip } from "./zipkit";

const SOFFICE = findSoffice();
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

  test("fill writes G6 and H6 into 表1's part only; LibreOffice shows them", async () => {
    const out = path.join(dir, name.replace(/\.xlsx$/, "-filled.xlsx"));
    const run = await runCli(["fill", file, "-o", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/表1!G6\s+执行率\s+（空） → 98\.24%?\n/);
    expect(run.stdout).toMatch(/表1!H6\s+执行率得分\s+（空） → 9\.82\n/);
    const before = new Map(unzip(await fs.readFile(file)).map((e) => [e.name, e.data]));
    const after = new Map(unzip(await fs.readFile(out)).map((e) => [e.name, e.data]));
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...before.keys()].filter((n) => !before.get(n)!.equals(after.get(n)!));
    // SheetJS keeps no style on the emptied cells: their 0.00 format comes as one style appended to cellXfs.
    expect(changed).toEqual(name.startsWith("sheetjs") ? ["xl/styles.xml", "xl/worksheets/sheet1.xml"] : ["xl/worksheets/sheet1.xml"]);
    if (changed.includes("xl/styles.xml")) {
      const xfs = (xml: string) => /<cellXfs count="(\d+)">(.*)<\/cellXfs>/s.exec(xml)!;
      const [a, b] = [before, after].map((m) => m.get("xl/styles.xml")!.toString("utf8"));
      const [, countA, listA] = xfs(a);
      const [, countB, listB] = xfs(b);
      expect(Number(countB)).toBe(Number(countA) + 1);
      expect(listB.startsWith(listA)).toBe(true);
      expect(listB.slice(listA.length)).toMatch(/^<xf numFmtId="2" applyNumberFormat="1"[^>]*\/>$/);
      expect(b.replace(xfs(b)[0], "")).toBe(a.replace(xfs(a)[0], ""));
    }
    // The filled file passes its own check of 执行率 and 执行率得分.
    const again = (await checkJson([out])).report.files[0].forms[0];
    expect(again.stated).toEqual(again.computed);
    if (!SOFFICE) {
      if (process.env.CI) throw new Error("CI is set but soffice is not installed");
      return;
    }
    const sheets = await sheetsAsCsv(SOFFICE, await freshProfile(path.join(dir, `profile-${name}`)), out, path.join(dir, `${name}-csv`));
    expect(sheets.get("表1")?.[5]?.slice(6, 8)).toEqual([expect.stringMatching(/^98\.24%?$/), "9.82"]);
  }, 60_000);
});
