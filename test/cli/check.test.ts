/** `selfeval check` on the seed forms in several layouts: JSON, table, csv, options and exit codes. */
import { execFile } from "child_process";
import path from "path";
import { seedForms } from "../support/seedWorkbook";
import { BIN, checkJson, cleanup, expectCleanStderr, runCli, tmpDir, writeSeed } from "./helpers";

const SEED = seedForms();
const figures = (i: number) => ({ rate: SEED[i].funding[0][5], fundingScore: SEED[i].funding[0][6], total: SEED[i].total, grade: SEED[i].grade });

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});
afterAll(() => cleanup(dir));

describe("check --json on the seed forms", () => {
  test("Shanghai layout, one form per sheet: every printed figure is read and recomputed", async () => {
    const { file, cells } = await writeSeed(dir, "shanghai.xlsx");
    const { code, report, stderr } = await checkJson([file]);
    expect(stderr).toBe("");
    expect(code).toBe(0); // the seed has warnings and infos, no errors
    expect(report.profile).toBe("default");
    expect(report.files).toHaveLength(1);
    const [f] = report.files;
    expect(f).toMatchObject({ file, error: null });
    expect(f.forms.map((x) => x.sheet)).toEqual(["表1", "表2", "表3", "表4", "表5"]);
    f.forms.forEach((form, i) => {
      expect(form.project).toBe(SEED[i].project);
      expect(form.year).toBe(2024);
      expect(form.unit).toBe(SEED[i].unit);
      expect(`${form.sheet}!${form.range}`).toBe(cells[i].range);
      expect(form.stated).toEqual(figures(i));
      expect(form.indicators).toHaveLength(8);
      expect(form.indicators.map((x) => x.cells.score)).toEqual(cells[i].indicators.map((x) => x.scoreCell));
    });
    // Seed form 1 as in the example.
    expect(f.forms[0].computed).toEqual({ rate: 98.24, fundingScore: 9.82, total: 99.82, grade: "优" });
    expect(f.forms[0].indicators[1]).toMatchObject({ name: "特保队员工作完成率", weight: 10, statedScore: 10, computedScore: 10 });
    // Seed form 4's 平均成本: staff judged 5 of 10 where the formula gives 0, with a note: a warning at its cell.
    expect(f.forms[3].findings).toContainEqual(
      expect.objectContaining({ rule: "indicator-score-mismatch", severity: "warning", cell: cells[3].indicators[0].scoreCell, expected: 0, actual: 5 }),
    );
  });

  test("ministry layout stacked on one sheet with fraction rates: rates come out in percent points", async () => {
    const { file, cells } = await writeSeed(dir, "ministry.xlsx", { layout: "ministry", stacked: true, rateAs: "fraction", sheetName: "汇总" });
    const { code, report } = await checkJson([file]);
    expect(code).toBe(0);
    const forms = report.files[0].forms;
    expect(forms.map((x) => `${x.sheet}!${x.range}`)).toEqual(cells.map((c) => c.range));
    forms.forEach((form, i) => expect(form.stated).toEqual(figures(i)));
    expect(forms[0].stated.rate).toBe(98.24);
  });

  test.each([
    ["offset origin", { origin: { row: 4, col: 3 } }],
    ["amounts in 元", { amountUnit: "元" as const }],
    ["full-width labels and operators", { fullWidth: true }],
    ["rates typed as text 98.24%", { rateAs: "percentString" as const }],
  ])("%s: the same figures", async (name, options) => {
    const { file, cells } = await writeSeed(dir, `${name}.xlsx`, options);
    const { code, report } = await checkJson([file]);
    expect(code).toBe(0);
    const forms = report.files[0].forms;
    expect(forms).toHaveLength(5);
    forms.forEach((form, i) => {
      expect(`${form.sheet}!${form.range}`).toBe(cells[i].range);
      expect(form.stated).toEqual(figures(i));
      expect(form.computed.rate).toBe(figures(i).rate);
    });
  });

  test("a folder is searched recursively; files are reported by path, in order", async () => {
    const sub = path.join(dir, "folder");
    await writeSeed(sub, "b.xlsx", { forms: [1] });
    await writeSeed(sub, "a/a.xlsx", { forms: [0] });
    await writeSeed(sub, "~$b.xlsx", { forms: [2] }); // an Excel lock file name: skipped
    const { code, report } = await checkJson([sub]);
    expect(code).toBe(0);
    expect(report.files.map((f) => f.file)).toEqual([path.join(sub, "a", "a.xlsx"), path.join(sub, "b.xlsx")]);
  });

  test("--profile mof2020 rounds the rate half-up; an unknown profile is bad usage", async () => {
    const { file } = await writeSeed(dir, "profile.xlsx", { forms: [0] });
    const mof = await checkJson([file, "--profile", "mof2020"]);
    expect(mof.report.profile).toBe("mof2020");
    expect(mof.report.files[0].forms[0].computed.rate).toBe(98.25); // 543.69 / 553.40 = 98.2454…
    const bad = await runCli(["check", file, "--profile", "guangxi"]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expectCleanStderr(bad.stderr);
    expect(bad.stderr).toContain("未知的评分方案“guangxi”");
  });
});

describe("--rule", () => {
  test("off removes a rule; error raises one and the exit code follows", async () => {
    const { file, cells } = await writeSeed(dir, "rules.xlsx", { forms: [0] });
    const base = await checkJson([file]);
    expect(base.report.files[0].forms[0].findings.map((x) => x.rule)).toContain("target-vague");
    const off = await checkJson([file, "--rule", "target-vague=off", "--rule", "budget-adjusted=off"]);
    expect(off.report.files[0].forms[0].findings).toEqual([]);
    const raised = await checkJson(["--rule", "target-vague=error", file]); // a path after --rule is still a path
    expect(raised.code).toBe(1);
    expect(raised.report.files[0].forms[0].findings).toContainEqual(
      expect.objectContaining({ rule: "target-vague", severity: "error", cell: cells[0].indicators[0].targetCell }),
    );
    const comma = await checkJson([file, "--rule", "target-vague=off,budget-adjusted=off"]);
    expect(comma.report.files[0].forms[0].findings).toEqual([]);
  });

  test.each([
    [["--rule", "no-such-rule=off"], "未知的规则“no-such-rule”"],
    [["--rule", "target-vague=loud"], "级别“loud”无效"],
    [["--json", "--format", "csv"], "--json 与 --format"],
    [["--format", "xml"], "xml"],
    [["--max-size", "abc"], "--max-size"],
    [["--frobnicate"], "用法错误"],
  ])("bad usage %j: exit 2 with one line", async (args, message) => {
    const { file } = await writeSeed(dir, "usage.xlsx", { forms: [0] });
    const run = await runCli(["check", file, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expectCleanStderr(run.stderr);
    expect(run.stderr).toContain(message);
  });

  test("no path, no command: exit 2", async () => {
    const none = await runCli(["check"]);
    expect(none.code).toBe(2);
    expectCleanStderr(none.stderr);
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(["--help"])).code).toBe(0);
  });
});

describe("output formats", () => {
  test("table: Chinese headings, both figure columns, findings with their cells, a tally", async () => {
    const { file, cells } = await writeSeed(dir, "table.xlsx", { forms: [0, 1] });
    const run = await runCli(["check", file]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    for (const s of [`文件：${file}`, "表1!A1:H22  其他专项工作经费（2024年度）", "表内填写", "计算结果", "执行率得分", "评分等级", "级别", "单元格"]) {
      expect(out).toContain(s);
    }
    expect(out).toMatch(/执行率\s+98\.24%\s+98\.24%/);
    expect(out).toMatch(/总分\s+99\.82\s+99\.82/);
    expect(out).toMatch(new RegExp(`警告\\s+${cells[1].rateCell}\\s+missing-deviation-note\\s+执行率 85.94% 低于 90%`));
    expect(out).toMatch(/合计：1 个文件，2 张自评表（评分方案 default）；错误 0 项，警告 \d+ 项，提示 \d+ 项\n$/);
  });

  test("table marks a stated figure that differs from the computed one", async () => {
    const { file } = await writeSeed(dir, "table-diff.xlsx", { forms: [0], mutate: (f) => void (f.total = 95) });
    const run = await runCli(["check", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/总分\s+95\.00\s+99\.82\s+≠/);
  });

  test("csv: the issue's columns, one row per finding, quoted and defused where needed", async () => {
    const project = '=项目,"甲"';
    const { file } = await writeSeed(dir, "csv.xlsx", { forms: [0, 1], mutate: (f, i) => void (i === 0 && (f.project = project)) });
    const json = await checkJson([file]);
    const run = await runCli(["check", file, "--format", "csv"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("file,sheet,project,rule,severity,cell,message");
    const findings = json.report.files[0].forms.flatMap((f) => f.findings);
    // Seed forms 1 and 2: 2 + 4 findings, the first of them budget-adjusted on 表1!D6.
    expect(findings).toHaveLength(6);
    expect(findings[0]).toMatchObject({ rule: "budget-adjusted", severity: "info", cell: "表1!D6" });
    expect(lines[1]).toContain("全年预算数 553.40 与年初预算数 476.00 不同（调整 +77.40）");
    expect(lines).toHaveLength(1 + findings.length);
    expect(lines[1]).toBe(`${file},表1,"'=项目,""甲""",${findings[0].rule},${findings[0].severity},${findings[0].cell},${findings[0].message}`);
    expect(lines.some((l) => l.startsWith(`${file},表2,信息化项目建设,missing-deviation-note,warning,表2!G6,`))).toBe(true);
  });
});

test("a reader that stops early (| head) gets no stack trace", async () => {
  const many = path.join(dir, "pipe");
  for (let i = 0; i < 12; i++) await writeSeed(many, `f${i}.xlsx`);
  const command = `"${process.execPath}" "${BIN}" check --json "${many}" | head -c 1 > /dev/null`;
  const stderr = await new Promise<string>((resolve) => execFile("bash", ["-c", command], (err, out, errOut) => resolve(String(errOut))));
  expect(stderr).toBe("");
});
