/** The JSON report is a public contract: the repo's schema is the shared one, and real output validates against it. */
import { existsSync, readFileSync } from "fs";
import path from "path";
import Ajv2020 from "ajv/dist/2020";
import { checkJson, cleanup, ROOT, tmpDir, writeSeed } from "./helpers";
import { writeHostile, writeNoForm } from "./hostile";

const SCHEMA = path.join(ROOT, "contract", "check-report.schema.json");
const SHARED = path.resolve(ROOT, "..", "shared", "contract", "check-report.schema.json");

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});
afterAll(() => cleanup(dir));

// Outside CI a checkout without ../shared skips the comparison (with a warning); under CI it must be there.
if (!existsSync(SHARED) && !process.env.CI) console.warn(`${SHARED} not found: comparison skipped`);
(existsSync(SHARED) || process.env.CI ? test : test.skip)("contract/check-report.schema.json is the shared contract, byte for byte", () => {
  expect(existsSync(SHARED)).toBe(true);
  expect(readFileSync(SCHEMA, "utf8")).toBe(readFileSync(SHARED, "utf8"));
});

test("the CLI's real output validates against the schema (draft 2020-12)", async () => {
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
  await writeSeed(dir, "a-shanghai.xlsx", { extraSheet: true });
  await writeSeed(dir, "b-ministry.xlsx", { layout: "ministry", stacked: true, rateAs: "fraction", origin: { row: 2, col: 1 } });
  await writeSeed(dir, "c-blank.xlsx", { forms: [3], blankComputed: true, amountUnit: "元" });
  await writeSeed(dir, "d-errors.xlsx", {
    forms: [0, 1],
    fullWidth: true,
    mutate: (f) => {
      f.funding[0][5] = 12.34;
      f.grade = "差";
      f.indicators[0][6] = "abc";
    },
  });
  await writeNoForm(dir, "e-no-form.xlsx");
  await writeHostile(dir, "truncated", "f-truncated.xlsx");
  await writeHostile(dir, "encrypted", "g-encrypted.xlsx");

  for (const profile of ["default", "sichuan"]) {
    const { report } = await checkJson([dir, "--profile", profile]);
    expect(report.files).toHaveLength(7);
    expect(report.files.flatMap((f) => f.forms).length).toBe(5 + 5 + 1 + 2);
    expect(report.files.flatMap((f) => f.forms.flatMap((x) => x.findings)).some((x) => x.severity === "error")).toBe(true);
    const ok = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  }
});

test("the schema rejects what the contract forbids (the validator is not a no-op)", () => {
  const validate = new Ajv2020({ strict: true }).compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
  expect(validate({ profile: "default", files: [{ file: "a.xlsx", error: null, forms: [{ sheet: "表1" }] }] })).toBe(false);
  expect(validate({ profile: "default", files: [{ file: "a.xlsx", error: { code: "x", message: "" }, forms: [] }] })).toBe(false);
});
