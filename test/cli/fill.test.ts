/** `selfeval fill`: the write plan carried out on a copy; nothing else in the workbook changes. */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { buildSeedWorkbook, cellOf, type FormCells, seedForms } from "../support/seedWorkbook";
import { differences, load } from "./compare";
import { cleanup, expectCleanStderr, runCli, tmpDir, writeSeed } from "./helpers";
import { writeHostile, writeNoForm } from "./hostile";

const SEED = seedForms();
let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});
afterAll(() => cleanup(dir));

/** `  表1!G6  执行率  （空） → 98.24` lines of the fill report, as [cell, kind, old, new]. */
function written(stdout: string): Array<[string, string, string, string]> {
  return stdout
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((l) => {
      const m = /^ {2}(\S+)\s+(\S+)\s+(.+?) → (.+)$/.exec(l);
      if (!m) throw new Error(`not a fill line: ${l}`);
      return [m[1], m[2], m[3], m[4]];
    });
}

/** The cells a fill of a blanked seed form must write. */
function computedCells(c: FormCells): string[] {
  return [...c.funding.map((f) => f.rateCell), c.fundingScoreCell, ...c.indicators.map((x) => x.scoreCell), c.totalCell, c.gradeCell];
}

/** Every cell the fill of the five blanked forms writes: the computed ones, and seed form 4's two due notes. */
function expectedCells(cells: FormCells[]): string[] {
  return [...cells.flatMap(computedCells), cells[3].indicators[0].noteCell, cells[3].indicators[4].noteCell].sort();
}

describe("fill on the blanked seed forms", () => {
  let input: string;
  let output: string;
  let cells: FormCells[];
  let stdout: string;
  beforeAll(async () => {
    ({ file: input, cells } = await writeSeed(dir, "blank.xlsx", { blankComputed: true, extraSheet: true }));
    output = path.join(dir, "filled.xlsx");
    const run = await runCli(["fill", input, "-o", output]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    stdout = run.stdout;
  });

  test("prints what it wrote, cell by cell, old → new", () => {
    // 5 forms × (4 rates + 执行率得分 + 8 scores + 总分 + 评分等级) + form 4's 2 notes.
    expect(stdout.split("\n")[0]).toBe(`已写入 ${output}：5 张自评表，77 个单元格`);
    const lines = written(stdout);
    expect(lines).toContainEqual(["表1!G6", "执行率", "（空）", "98.24"]);
    expect(lines).toContainEqual(["表1!H6", "执行率得分", "（空）", "9.82"]);
    expect(lines).toContainEqual(["表1!G21", "总分", "（空）", "99.82"]);
    expect(lines).toContainEqual(["表1!F22", "评分等级", "（空）", "优"]);
    const planned = new Set(lines.map((l) => l[0]));
    for (const c of cells) for (const ref of computedCells(c)) expect(planned).toContain(ref);
    expect([...planned].sort()).toEqual(expectedCells(cells));
    // Seed form 4's blanked notes come back as drafts that state the gap and leave the cause to the user.
    expect(lines.filter((l) => l[1] === "偏差说明").map((l) => l[0])).toEqual([cells[3].indicators[0].noteCell, cells[3].indicators[4].noteCell]);
  });

  test("restores the seed's figures; seed form 4's staff judgment is the one documented difference", async () => {
    const wb = await load(output);
    const num = (ref: string) => {
      const cell = cellOf(wb, ref);
      expect(cell.type).toBe(ExcelJS.ValueType.Number); // a number, never text
      expect(cell.numFmt).toBe("0.00");
      return cell.value as number;
    };
    for (const [i, c] of cells.entries()) {
      const f = SEED[i];
      // Every row's rate as printed, idle sub-rows (0 of 0) included as 0.00.
      expect(c.funding.map((row) => num(row.rateCell))).toEqual(f.funding.map((row) => row[5]));
      expect(num(c.fundingScoreCell)).toBe(f.funding[0][6]);
      const scores = c.indicators.map((x) => num(x.scoreCell));
      if (i === 3) {
        // 平均成本 =17500.00(元/人), actual 0: the formula scores 0 where staff judged 5 of 10, so 75 / 中, not 80 / 良.
        expect(scores).toEqual(f.indicators.map((x, k) => (k === 0 ? 0 : x[6])));
        expect(f.indicators[0][6]).toBe(5);
        expect([num(c.totalCell), cellOf(wb, c.gradeCell).value]).toEqual([75, "中"]);
        expect([f.total, f.grade]).toEqual([80, "良"]);
      } else {
        expect(scores).toEqual(f.indicators.map((x) => x[6]));
        expect([num(c.totalCell), cellOf(wb, c.gradeCell).value]).toEqual([f.total, f.grade]);
      }
    }
  });

  test("everything else survives: values, styles, formats, merges, widths, heights, the other sheet", async () => {
    const planned = new Set(expectedCells(cells));
    const [a, b] = await Promise.all([load(input), load(output)]);
    expect(differences(a, b, planned)).toEqual([]);
    // The comparison itself does see the filled cells.
    expect(differences(a, b).length).toBeGreaterThanOrEqual(planned.size);
    expect(b.getWorksheet("其他数据")!.getCell("B4").value).toEqual({ formula: "SUM(B2:B3)", result: 2114.5 });
  });

  test("a second fill of the output finds nothing left to write", async () => {
    const again = path.join(dir, "again.xlsx");
    const run = await runCli(["fill", output, "-o", again]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`5 张自评表均无需填写的空单元格，已复制到 ${again}\n`);
  });
});

test("fraction layout: a rate lands as a fraction in its percent format; a cell's own number format is kept, General or a date format is not", async () => {
  const { workbook, cells } = buildSeedWorkbook({ forms: [0], layout: "ministry", rateAs: "fraction", blankComputed: true });
  const own = cellOf(workbook, cells[0].totalCell);
  own.style = { ...own.style, numFmt: "#,##0.00_ " };
  const general = cellOf(workbook, cells[0].fundingScoreCell);
  general.style = { ...general.style, numFmt: "General" };
  const date = cellOf(workbook, cells[0].indicators[0].scoreCell);
  date.style = { ...date.style, numFmt: "yyyy-mm-dd" };
  const input = path.join(dir, "fraction.xlsx");
  await workbook.xlsx.writeFile(input);
  const output = path.join(dir, "fraction-filled.xlsx");
  const run = await runCli(["fill", input, "-o", output]);
  expect(run.code).toBe(0);
  expect(written(run.stdout)).toContainEqual([cells[0].rateCell, "执行率", "（空）", "98.24%"]);
  const wb = await load(output);
  expect(cellOf(wb, cells[0].rateCell)).toMatchObject({ value: 0.9824, numFmt: "0.00%" });
  expect(cellOf(wb, cells[0].totalCell)).toMatchObject({ value: 99.82, numFmt: "#,##0.00_ " });
  expect(cellOf(wb, cells[0].fundingScoreCell)).toMatchObject({ value: 9.82, numFmt: "0.00" });
  expect(cellOf(wb, cells[0].indicators[0].scoreCell)).toMatchObject({ value: 20, numFmt: "0.00" }); // a date format is no place for a score
});

describe("refusals", () => {
  let input: string;
  beforeAll(async () => {
    ({ file: input } = await writeSeed(dir, "refuse/in.xlsx", { forms: [0], blankComputed: true }));
  });

  test.each([
    ["the same path", (p: string) => p],
    ["another path to it", (p: string) => path.join(path.dirname(p), "..", "refuse", ".", "in.xlsx")],
  ])("never over its input: %s", async (name, other) => {
    const before = await fs.readFile(input);
    const run = await runCli(["fill", input, "-o", other(input), "--force"]);
    expect(run.code).toBe(2);
    expectCleanStderr(run.stderr);
    expect(run.stderr).toContain("就是输入文件");
    expect((await fs.readFile(input)).equals(before)).toBe(true);
  });

  test("never over its input through a symlink or a hard link", async () => {
    const sym = path.join(dir, "refuse", "sym.xlsx");
    const hard = path.join(dir, "refuse", "hard.xlsx");
    await fs.symlink(input, sym);
    await fs.link(input, hard);
    for (const out of [sym, hard]) {
      const run = await runCli(["fill", input, "-o", out, "--force"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("就是输入文件");
    }
  });

  test("an existing output only with --force; a missing output folder is an error", async () => {
    const out = path.join(dir, "refuse", "exists.xlsx");
    await fs.writeFile(out, "keep me");
    const refused = await runCli(["fill", input, "-o", out]);
    expect(refused.code).toBe(2);
    expectCleanStderr(refused.stderr);
    expect(refused.stderr).toContain("已存在；如需覆盖请加 --force");
    expect(await fs.readFile(out, "utf8")).toBe("keep me");
    const forced = await runCli(["fill", input, "-o", out, "--force"]);
    expect(forced.code).toBe(0);
    expect((await load(out)).worksheets).toHaveLength(1);
    const nowhere = await runCli(["fill", input, "-o", path.join(dir, "no", "such", "dir.xlsx")]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain("不存在");
  });

  test("hostile input: one line, exit 2, no output", async () => {
    const bad = await writeHostile(dir, "encrypted", "locked.xlsx");
    const out = path.join(dir, "locked-out.xlsx");
    const run = await runCli(["fill", bad, "-o", out]);
    expect(run.code).toBe(2);
    expectCleanStderr(run.stderr);
    expect(run.stderr).toContain("设置了打开密码");
    await expect(fs.stat(out)).rejects.toThrow();
  });

  test("missing -o, or no input: exit 2", async () => {
    expect((await runCli(["fill", input])).code).toBe(2);
    expect((await runCli(["fill", "-o", path.join(dir, "x.xlsx")])).code).toBe(2);
  });
});

describe("--overwrite", () => {
  let input: string;
  let cells: FormCells[];
  beforeAll(async () => {
    ({ file: input, cells } = await writeSeed(dir, "wrong-rate.xlsx", { forms: [0], mutate: (f) => void (f.funding[0][5] = 98.42) }));
  });

  test("a non-empty cell is left alone without consent", async () => {
    const out = path.join(dir, "no-consent.xlsx");
    const run = await runCli(["fill", input, "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("无需填写");
    expect(cellOf(await load(out), cells[0].rateCell).value).toBe(98.42);
  });

  test.each([
    ["a rule id: the cells of that rule's findings", ["exec-rate-mismatch"]],
    ["a cell", ["表1!G6"]],
    ["a quoted cell, given before the input", ["'表1'!G6"]],
  ])("%s", async (name, items) => {
    const out = path.join(dir, `consent-${name.length}.xlsx`);
    const args = name.includes("before") ? ["fill", "--overwrite", ...items, input, "-o", out] : ["fill", input, "-o", out, "--overwrite", ...items];
    const run = await runCli(args);
    expect(run.code).toBe(0);
    expect(written(run.stdout)).toEqual([[cells[0].rateCell, "执行率", "98.42", "98.24"]]);
    const [a, b] = await Promise.all([load(input), load(out)]);
    expect(differences(a, b)).toEqual([`${cells[0].rateCell} value: 98.42 ≠ 98.24`]);
  });

  test("an unknown rule or a malformed cell is bad usage", async () => {
    for (const item of ["no-such-rule", "G6"]) {
      const run = await runCli(["fill", input, "-o", path.join(dir, "never.xlsx"), "--overwrite", item]);
      expect(run.code).toBe(2);
      expectCleanStderr(run.stderr);
    }
  });
});

test("a workbook with no form is copied as is", async () => {
  const input = await writeNoForm(dir, "fill-no-form.xlsx");
  const out = path.join(dir, "fill-no-form-out.xlsx");
  const run = await runCli(["fill", input, "-o", out]);
  expect(run).toMatchObject({ code: 0, stdout: `未找到自评表，已原样复制到 ${out}\n` });
  expect(differences(await load(input), await load(out))).toEqual([]);
});
