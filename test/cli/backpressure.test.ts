/**
 * Issue 9: memory flat in the number of files needs the report writer's backpressure honoured. While the sink says
 * "wait" (stdout full), no further report may arrive, in this thread or from the worker pool (the compiled one: the
 * pool starts lib/cli/worker.js).
 */
import path from "path";
import { cleanup, ROOT, tmpDir, writeSeed } from "./helpers";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runCheck } = require(path.join(ROOT, "lib", "cli", "check")) as typeof import("../../src/cli/check");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { limitsFor } = require(path.join(ROOT, "lib", "cli", "load")) as typeof import("../../src/cli/load");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { REORDER_PER_WORKER } = require(path.join(ROOT, "lib", "cli", "pool")) as typeof import("../../src/cli/pool");

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
  for (let i = 0; i < 12; i++) await writeSeed(dir, `f${String(i).padStart(2, "0")}.xlsx`, { forms: [i % 5] });
});
afterAll(() => cleanup(dir));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.each([1, 2])("no report arrives while the output is full (--jobs %i)", async (jobs) => {
  let open: () => void = () => undefined;
  let gate: Promise<void> | null = new Promise<void>((r) => (open = r));
  const seen: string[] = [];
  const run = runCheck([dir], { profile: "default", rules: {}, limits: limitsFor(20) }, {
    file: (r) => {
      seen.push(r.file);
      return gate ?? undefined;
    },
    end() {},
  }, { jobs });
  // The first report (a slow machine may take a while to start the pool), then ample time for all 12 files were
  // nothing waiting.
  for (let waited = 0; seen.length === 0 && waited < 30_000; waited += 50) await sleep(50);
  expect(seen.length).toBeGreaterThan(0);
  await sleep(1500);
  // In this thread: the one report. In the pool: those the workers ran ahead by, never all 12.
  expect(seen.length).toBeLessThanOrEqual(jobs === 1 ? 1 : REORDER_PER_WORKER * jobs);
  gate = null;
  open();
  const tally = await run;
  expect(tally.files).toBe(12);
  expect(seen).toEqual([...seen].sort());
  expect(seen).toHaveLength(12);
});
