/**
 * Issue 9, items 4 and 5 as a user meets them: `--json` written file by file is still exactly the contract's JSON,
 * `--format ndjson` gives one object per file and a summary, `--jobs` changes nothing but speed, and cell text
 * reaches a terminal with its control and bidi characters escaped.
 */
import path from "path";
import { checkJson, cleanup, runCli, tmpDir, writeSeed } from "./helpers";
import { writeHostile } from "./hostile";

let dir: string;
let folder: string;
beforeAll(async () => {
  dir = await tmpDir();
  folder = path.join(dir, "batch");
  for (let i = 0; i < 10; i++) await writeSeed(folder, `f${i}.xlsx`, { forms: [i % 5, (i + 1) % 5] });
  await writeHostile(folder, "truncated", "z-truncated.xlsx");
});
afterAll(() => cleanup(dir));

test("--json is the JSON.stringify(report, null, 2) text, whatever --jobs", async () => {
  const one = await runCli(["check", folder, "--json", "--jobs", "1"]);
  const two = await runCli(["check", folder, "--json", "--jobs", "2"]);
  expect(one.code).toBe(2); // the truncated file
  expect(two).toEqual(one);
  const report = JSON.parse(one.stdout) as { files: unknown[] };
  expect(one.stdout).toBe(JSON.stringify(report, null, 2) + "\n");
  expect(report.files).toHaveLength(11);
  const empty = await runCli(["check", path.join(dir, "nothing-here"), "--json"]);
  expect(JSON.parse(empty.stdout)).toEqual({ profile: "default", files: [{ file: path.join(dir, "nothing-here"), error: { code: "not-found", message: "找不到该文件或文件夹" }, forms: [] }] });
});

test("--format ndjson: one file report per line, in order, then the summary", async () => {
  const { report } = await checkJson([folder]);
  const run = await runCli(["check", folder, "--format", "ndjson", "--jobs", "2"]);
  expect(run.code).toBe(2);
  const lines = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines.slice(0, -1)).toEqual(report.files);
  const forms = report.files.reduce((n, f) => n + f.forms.length, 0);
  expect(lines[lines.length - 1]).toEqual({
    summary: { profile: "default", files: 11, forms, unreadable: 1, findings: expect.objectContaining({ error: 0 }), exitCode: 2 },
  });
  expect(run.stderr).toContain("z-truncated.xlsx: 文件不完整");
});

test("table and csv are the same with --jobs 2", async () => {
  for (const format of ["table", "csv"]) {
    const a = await runCli(["check", folder, "--format", format, "--jobs", "1"]);
    const b = await runCli(["check", folder, "--format", format, "--jobs", "2"]);
    expect(b).toEqual(a);
  }
  expect((await runCli(["check", folder, "--jobs", "x"])).code).toBe(2);
});

test("terminal safety: control and bidi characters in cell text are shown escaped in the table, never raw", async () => {
  // _x001B_ and _x0000_ are how OOXML stores ESC and NUL; U+202E (right-to-left override) and U+2066 are plain text.
  const project = "项目_x001B_[31m红_x0000_\u202E甲\u2066乙";
  const { file } = await writeSeed(dir, "bidi.xlsx", { forms: [0], mutate: (f) => void (f.project = project) });
  const run = await runCli(["check", file]);
  expect(run.code).toBe(0);
  // eslint-disable-next-line no-control-regex
  expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
  expect(run.stdout).toContain("项目\\u001B[31m红\\u0000\\u202E甲\\u2066乙");
  // The JSON keeps the text as it is (JSON escapes what must be escaped).
  const json = await checkJson([file]);
  expect(json.report.files[0].forms[0].project).toBe("项目\u001b[31m红\u0000\u202e甲\u2066乙");
});
