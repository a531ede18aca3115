/** The progress bar: on stderr, only when stderr is a terminal and there are more than three files. */
import { execFile, execFileSync } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import { BIN, checkJson, cleanup, ROOT, tmpDir, writeSeed } from "./helpers";

/** `script` (util-linux) gives the command a pseudo-terminal; its own stdout is what the terminal received. */
const SCRIPT = (() => {
  try {
    return execFileSync("which", ["script"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
})();

/** Outside CI a machine without `script` skips the terminal tests; under CI they run and fail loudly. */
const terminalTest = SCRIPT || process.env.CI ? test : test.skip;

function inTerminal(args: string[], jsonOut: string): Promise<string> {
  if (!SCRIPT) throw new Error("`script` (util-linux) not found: the terminal tests need it");
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(" ") + ` > ${quote(jsonOut)}`;
  return new Promise((resolve, reject) => {
    execFile(SCRIPT!, ["-qec", command, "/dev/null"], { cwd: ROOT }, (err, stdout) => (err && err.code !== 2 && err.code !== 1 ? reject(err) : resolve(stdout)));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
  for (let i = 0; i < 5; i++) await writeSeed(dir, `many/f${i}.xlsx`, { forms: [i] });
  for (let i = 0; i < 3; i++) await writeSeed(dir, `few/f${i}.xlsx`, { forms: [i] });
});
afterAll(() => cleanup(dir));

test("not a terminal: nothing on stderr, even for many files", async () => {
  const run = await checkJson([path.join(dir, "many")]);
  expect(run.report.files).toHaveLength(5);
  expect(run.stderr).toBe("");
});

terminalTest("a terminal and five files: a bar on stderr; stdout stays clean JSON", async () => {
  const json = path.join(dir, "many.json");
  const terminal = await inTerminal(["check", "--json", path.join(dir, "many")], json);
  expect(terminal).toMatch(/检查 \[[=-]+\] \d\/5/);
  expect(JSON.parse(await fs.readFile(json, "utf8")).files).toHaveLength(5);
});

terminalTest("a terminal and three files: no bar", async () => {
  const json = path.join(dir, "few.json");
  const terminal = await inTerminal(["check", "--json", path.join(dir, "few")], json);
  expect(terminal).not.toContain("检查 [");
  // The CLI did run: its report is there.
  expect(JSON.parse(await fs.readFile(json, "utf8")).files).toHaveLength(3);
});
