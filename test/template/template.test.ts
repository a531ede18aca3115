/** The templates as data and as files: the reader understands each, a blank one asks to be filled in, `selfeval new`. */
import { promises as fs } from "fs";
import path from "path";
import zlib from "zlib";
import { analyzeGrid } from "../../src/core";
import { buildTemplate, TEMPLATE_IDS, TEMPLATES, templateGrid } from "../../src/core/template";
import { readGrids, ZipArchive } from "../../src/xlsx";
import { runCli } from "../cli/helpers";
import { SEED_FORMS } from "../support/seed";
import { seedInputs, tmp } from "./support";

const analyse = (id: (typeof TEMPLATE_IDS)[number], o = {}) => analyzeGrid(templateGrid(buildTemplate(id, o)), { profile: TEMPLATES[id].profile.id });

describe.each(TEMPLATE_IDS)("%s", (id) => {
  test("the reader finds one form with the seed's rows, and every computed cell is a formula", () => {
    const sheet = buildTemplate(id, seedInputs(SEED_FORMS[0], "表1"));
    const { forms } = analyzeGrid(templateGrid(sheet), { profile: TEMPLATES[id].profile.id });
    expect(forms).toHaveLength(1);
    const form = forms[0].scored.form;
    expect(form.project?.text).toBe(SEED_FORMS[0].project);
    expect(form.indicators.map((i) => i.name.text)).toEqual(SEED_FORMS[0].indicators.map((i) => i[2]));
    expect(form.indicators.map((i) => i.weight.value)).toEqual(SEED_FORMS[0].indicators.map((i) => i[5]));
    const formulaAt = (p: { row: number; col: number }) => sheet.cells.find((c) => c.row === p.row && c.col === p.col)?.formula;
    const { computed } = sheet.inputs;
    for (const p of [computed.rate, computed.fundingScore, computed.total, computed.grade, ...sheet.inputs.indicators.map((i) => i.score)]) expect(formulaAt(p)).toBeTruthy();
    // The reader's cells are the template's cells: what it reads as 执行率 and 总分 is where the formulas are.
    expect(forms[0].scored.totalRow!.rate.ref).toMatchObject(computed.rate);
    expect(form.total!.score.ref).toMatchObject(computed.total);
    expect(form.grade!.ref).toMatchObject(computed.grade);
    // Inputs are unlocked, formulas locked; text never starts a formula (targets such as =100.00(%) are values).
    for (const c of sheet.cells) if (c.formula !== undefined) expect(c.style.locked).toBe(true);
    for (const p of [sheet.inputs.project, ...sheet.inputs.indicators.map((i) => i.actual)]) expect(sheet.cells.find((c) => c.row === p.row && c.col === p.col)?.style.locked).toBe(false);
    expect(sheet.validations.some((v) => v.items.join() === "达成指标,部分达成指标并具有一定效果,未达成指标且效果较差")).toBe(true);
    expect(sheet.print).toMatchObject({ paper: "A4", fitToWidth: 1 });
  });

  test("a blank form: every computed cell is a 'fill in' (missing-field info), and no rule but missing-field/zero-budget fires", () => {
    const { forms, error } = analyse(id);
    expect(error).toBeNull();
    expect(forms).toHaveLength(1);
    const findings = forms[0].findings;
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(["missing-field"]));
    const info = findings.filter((f) => f.severity === "info").map((f) => f.message);
    for (const what of ["执行率为空，可自动填写", "执行率得分为空", "总分为空", "评分等级为空", "全年执行数待填写"]) {
      expect(info.some((m) => m.startsWith(what))).toBe(true);
    }
  });

  test("a blank form gives \"fill in\" findings only, no error", () => {
    const findings = analyse(id).forms[0].findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});

describe("selfeval new", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmp("selfeval-new-");
  });

  test.each(TEMPLATE_IDS)("--template %s writes a workbook the reader understands", async (id) => {
    const file = path.join(dir, `${id}.xlsx`);
    const run = await runCli(["new", "--template", id, "--project", "=测试项目", "--year", "2025", "-o", file]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain(`--profile ${TEMPLATES[id].profile.id}`);
    const bytes = new Uint8Array(await fs.readFile(file));
    const grids = await readGrids(bytes);
    const { forms } = analyzeGrid(grids[0], { profile: TEMPLATES[id].profile.id });
    expect(forms).toHaveLength(1);
    // A project name that starts with `=` is text, not a formula.
    expect(forms[0].scored.form.project?.text).toBe("=测试项目");
    expect(forms[0].scored.form.year).toBe(2025);
    const zip = new ZipArchive(bytes);
    const sheet = zlib.inflateRawSync(zip.raw(zip.get("xl/worksheets/sheet1.xml")!)).toString("utf8");
    expect(sheet).toMatch(/<dataValidation type="list"[^>]*showErrorMessage="0"/);
    expect(sheet).toMatch(/<pageSetup paperSize="9"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(sheet).toMatch(/<protection locked="0"\/>|s="\d+"/);
    expect(sheet).not.toMatch(/<sheetProtection/);
    const styles = zlib.inflateRawSync(zip.raw(zip.get("xl/styles.xml")!)).toString("utf8");
    expect(styles).toContain('<protection locked="0"/>');
    expect(grids[0].formulas!.flat().filter((f) => f !== null).length).toBeGreaterThan(10);
  });

  test("refuses an existing output without --force, and an unknown template", async () => {
    const file = path.join(dir, "exists.xlsx");
    await fs.writeFile(file, "keep");
    const run = await runCli(["new", "--template", "shanghai", "-o", file]);
    expect(run.code).toBe(2);
    expect(await fs.readFile(file, "utf8")).toBe("keep");
    const bad = await runCli(["new", "--template", "beijing", "-o", path.join(dir, "x.xlsx")]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/未知的模板/)]);
  });
});
