/** Broken and hostile input: one clear zh-CN line each, exit 2, no stack trace, and the other files still checked. */
import { promises as fs } from "fs";
import path from "path";
import { checkJson, cleanup, expectCleanStderr, runCli, tmpDir, writeSeed } from "./helpers";
import { type HostileKind, writeHostile, writeNoForm, writeSparse } from "./hostile";

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});
afterAll(() => cleanup(dir));

const CASES: Array<[HostileKind, string, RegExp, string[]?]> = [
  ["notZip", "not-xlsx", /不是 \.xlsx 文件（文件头不是 ZIP 格式）/],
  ["truncated", "truncated", /文件不完整/],
  ["encrypted", "encrypted", /设置了打开密码/],
  ["xls", "xls", /旧版 Excel 97-2003 \(\.xls\)/],
  ["docx", "not-xlsx", /不是 Excel 工作簿（缺少 xl\/workbook\.xml/],
  ["hugeDimension", "sheet-too-large", /声明的范围为 A1:XFD1048576，超出 1000 万个单元格的上限/],
  ["farCells", "sheet-too-large", /“表1”的已用范围为 1048576 行 × 16384 列/],
  ["zipBomb", "unpacked-too-large", /解压后超过 32\.0 MB 上限（可能是压缩炸弹）/, ["--max-size", "1"]],
];

test.each(CASES)("%s → error %s, exit 2, one line", async (kind, code, message, extra = []) => {
  const file = await writeHostile(dir, kind);
  const run = await checkJson([file, ...extra]);
  expect(run.code).toBe(2);
  expect(run.report.files).toEqual([{ file, error: { code, message: expect.stringMatching(message) }, forms: [] }]);
  expect(run.report.files[0].error!.message).not.toContain("\n");
  expectCleanStderr(run.stderr);
  expect(run.stderr).toBe(`selfeval: ${file}: ${run.report.files[0].error!.message}\n`);
});

test("a bomb in a part no reader needs (an image) is never inflated: checked, and filled with the part copied as it is", async () => {
  const file = await writeHostile(dir, "zipBombInImage");
  const run = await checkJson([file, "--max-size", "1"]);
  expect(run.code).toBe(0);
  expect(run.report.files[0].forms).toHaveLength(1);
  const out = path.join(dir, "bomb-image-filled.xlsx");
  const filled = await runCli(["fill", file, "-o", out, "--max-size", "1"]);
  expect(filled.code).toBe(0);
  // The image's compressed bytes are copied, never inflated: the output is as small as the input.
  const [a, b] = await Promise.all([fs.stat(file), fs.stat(out)]);
  expect(Math.abs(a.size - b.size)).toBeLessThan(4096);
});

test("a 50 MB file is refused by its size before it is read (sparse: no disk used)", async () => {
  const file = await writeSparse(dir, "big.xlsx", 50);
  const run = await checkJson([file]);
  expect(run.code).toBe(2);
  expect(run.report.files[0].error).toEqual({ code: "too-large", message: "文件大小 50.0 MB 超过上限 20.0 MB（可用 --max-size 调整），未读取" });
  expectCleanStderr(run.stderr);
  // Raising the bound lets it through to the next check, which finds it is no workbook.
  const raised = await checkJson([file, "--max-size", "60"]);
  expect(raised.report.files[0].error!.code).toBe("truncated");
});

test("a folder without .xlsx files is an error; a missing path too", async () => {
  const empty = path.join(dir, "empty");
  await fs.mkdir(empty);
  await fs.writeFile(path.join(empty, "readme.txt"), "no workbooks here");
  const missing = path.join(dir, "missing.xlsx");
  const run = await checkJson([empty, missing]);
  expect(run.code).toBe(2);
  expect(run.report.files).toEqual([
    { file: empty, error: { code: "no-xlsx", message: "文件夹中没有 .xlsx 文件" }, forms: [] },
    { file: missing, error: { code: "not-found", message: "找不到该文件或文件夹" }, forms: [] },
  ]);
  expectCleanStderr(run.stderr, 2);
});

test("a workbook with no form is reported as such, not as an error", async () => {
  const file = await writeNoForm(dir);
  const run = await checkJson([file]);
  expect(run.code).toBe(0);
  expect(run.report.files).toEqual([{ file, error: null, forms: [] }]);
  expect(run.stderr).toBe("");
  const table = await runCli(["check", file]);
  expect(table.stdout).toContain("未找到自评表");
});

test("hostile files among good ones: the good ones are still checked, exit 2, table says why", async () => {
  const mixed = path.join(dir, "mixed");
  await fs.mkdir(mixed);
  const good = (await writeSeed(mixed, "a-good.xlsx", { forms: [0, 1] })).file;
  for (const kind of ["notZip", "truncated", "encrypted", "xls"] as const) await writeHostile(mixed, kind, `b-${kind}.xlsx`);
  const noForm = await writeNoForm(mixed, "c-no-form.xlsx");
  const run = await checkJson([mixed]);
  expect(run.code).toBe(2);
  expect(run.report.files.map((f) => [path.basename(f.file), f.error?.code ?? null, f.forms.length])).toEqual([
    ["a-good.xlsx", null, 2],
    ["b-encrypted.xlsx", "encrypted", 0],
    ["b-notZip.xlsx", "not-xlsx", 0],
    ["b-truncated.xlsx", "truncated", 0],
    ["b-xls.xlsx", "xls", 0],
    ["c-no-form.xlsx", null, 0],
  ]);
  expect(run.report.files[0].file).toBe(good);
  expect(run.report.files[5].file).toBe(noForm);
  expectCleanStderr(run.stderr, 4);

  const table = await runCli(["check", mixed]);
  expect(table.code).toBe(2);
  expect(table.stdout).toContain("无法读取（encrypted）：工作簿设置了打开密码");
  expect(table.stdout).toMatch(/合计：6 个文件，2 张自评表.*；4 个文件无法读取\n$/);
  expect(table.stderr).toBe("");
});

test("in bounded memory: every hostile file in one run under a 256 MB heap", async () => {
  const all = path.join(dir, "all");
  await fs.mkdir(all);
  for (const [kind] of CASES) await writeHostile(all, kind);
  await writeSparse(all, "big.xlsx", 50);
  // --max-size 1: the zip bomb is refused at 32 MB inflated (under the default 20 MB it is a legitimate 40 MB sheet).
  const run = await runCli(["check", all, "--json", "--max-size", "1"], { env: { NODE_OPTIONS: "--max-old-space-size=256" } });
  expect(run.code).toBe(2);
  const report = JSON.parse(run.stdout) as { files: Array<{ error: { code: string } | null }> };
  expect(report.files).toHaveLength(CASES.length + 1);
  expect(report.files.every((f) => f.error !== null)).toBe(true);
});
