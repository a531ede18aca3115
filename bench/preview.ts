/**
 * `npm run bench:preview`:
 *   1. syncs the Office adapter makes on a 1,000-form sheet (office-addin-mock, test/office/support/fakeExcel.ts):
 *      read, write, revert, select;
 *   2. the browser preview in headless Chromium: time to open a 1,000-form .xlsx and to validate it (校验), best
 *      and median of 5.
 * Uses the tests' production build (.tmp/jest-dist, made when missing or out of date; or SELFEVAL_E2E_DIST). The
 * 1,000-form workbook is cached in .tmp.
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";
import { analyzeGrid, planWrites } from "../src/core";
import { OfficeWorkbookPort } from "../src/office/officePort";
import { buildDist, chromiumAvailable, CHROMIUM, launch, ROOT, serve } from "../test/e2e/support/harness";
import { FakeExcel } from "../test/office/support/fakeExcel";
import { formsSheet } from "../test/office/support/sheets";
import { buildSeedWorkbook } from "../test/support/seedWorkbook";

const FORMS = 1000;

async function adapterSyncs(): Promise<void> {
  const fake = FakeExcel.fromGrids([formsSheet(FORMS, { blankComputed: true })]);
  const port = new OfficeWorkbookPort(fake.host());
  let syncs = 0;
  const sync = fake.context.sync.bind(fake.context);
  (fake.context as { sync: () => Promise<void> }).sync = () => {
    syncs++;
    return sync();
  };
  const count = async <T>(fn: () => Promise<T>): Promise<[T, number, number]> => {
    syncs = 0;
    const t = performance.now();
    const out = await fn();
    return [out, syncs, performance.now() - t];
  };
  const [, primeSyncs] = await count(() => port.prime());
  const [grids, readSyncs, readMs] = await count(() => port.readGrids("active"));
  const writes = grids.flatMap((g) => analyzeGrid(g).forms.flatMap((f) => planWrites(f.scored)));
  const [outcome, writeSyncs, writeMs] = await count(() => port.write(writes));
  if (!outcome.ok) throw new Error(outcome.message);
  await new Promise((r) => setTimeout(r, 10));
  const [, revertSyncs] = await count(() => port.revert(outcome.snapshot));
  const [, selectSyncs] = await count(() => port.select("自评表!G6"));
  console.log(`Office adapter, ${FORMS}-form sheet (${grids[0].values.length} rows, ${grids[0].merges.length} merged areas; office-addin-mock):`);
  console.log(`  prime (when the pane opens)  ${primeSyncs} syncs`);
  console.log(`  read  (校验)                 ${readSyncs} sync   (${fake.mergeCalls} merge tiles in it; ${readMs.toFixed(0)} ms in the mock)`);
  console.log(`  write (写回得分, ${writes.length} cells) ${writeSyncs} sync   (${writeMs.toFixed(0)} ms in the mock)`);
  console.log(`  revert (撤销写入)            ${revertSyncs} sync`);
  console.log(`  select                       ${selectSyncs} sync`);
}

async function thousandFormsXlsx(): Promise<Buffer> {
  const file = path.join(ROOT, ".tmp", `bench-${FORMS}-forms.xlsx`);
  if (!fs.existsSync(file)) {
    console.log(`building ${path.relative(ROOT, file)} (once; ExcelJS merges are slow to lay out)…`);
    const { workbook } = buildSeedWorkbook({ forms: Array.from({ length: FORMS }, (_, i) => i % 5), stacked: true });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await workbook.xlsx.writeFile(file);
  }
  return fs.readFileSync(file);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function previewTimes(): Promise<void> {
  if (!chromiumAvailable()) {
    console.log(`preview: ${CHROMIUM} not found, skipped (apt-get install -y chromium fonts-noto-cjk)`);
    return;
  }
  const buffer = await thousandFormsXlsx();
  const dist = buildDist();
  for (const f of ["preview.js", "core.js", "functions.js", "taskpane.js"]) {
    const p = path.join(dist, f);
    if (fs.existsSync(p)) {
      const data = fs.readFileSync(p);
      console.log(`bundle ${f.padEnd(12)} ${(data.length / 1024).toFixed(0)} KB, gzip ${(zlib.gzipSync(data, { level: 9 }).length / 1024).toFixed(0)} KB`);
    }
  }
  const served = await serve(dist);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${served.url}preview.html`);
    await page.locator('[data-loading="false"][data-workbook^="sample"]').waitFor({ timeout: 60_000 });
    const t0 = Date.now();
    await page.getByLabel("打开工作簿").setInputFiles({ name: "bench.xlsx", mimeType: "application/octet-stream", buffer });
    await page.locator('[data-workbook="bench.xlsx"][data-loading="false"]').waitFor({ timeout: 120_000 });
    const openMs = Date.now() - t0;
    const clicks: number[] = [];
    const inPage: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      await page.getByRole("button", { name: "校验", exact: true }).click();
      await page.locator('[data-busy=""] [data-forms]').waitFor({ timeout: 120_000 });
      await page.getByRole("status").getByText(`已校验 ${FORMS} 张自评表`).waitFor({ timeout: 120_000 });
      clicks.push(Date.now() - t);
      inPage.push(Number(await page.locator("[data-forms]").getAttribute("data-elapsed")));
    }
    console.log(`preview in Chromium, ${FORMS} forms on one sheet (${(buffer.length / 1024).toFixed(0)} KB .xlsx):`);
    console.log(`  open (read + grid + first render)   ${openMs} ms`);
    console.log(`  校验: read + check, in page                  best ${Math.min(...inPage)} ms, median ${median(inPage)} ms`);
    console.log(`  校验: click → results on screen             best ${Math.min(...clicks)} ms, median ${median(clicks)} ms`);
  } finally {
    await browser.close();
    await served.close();
  }
}

(async () => {
  await adapterSyncs();
  await previewTimes();
})().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
