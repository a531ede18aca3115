/**
 * 新建自评表 and 转为普通公式 in the browser preview (issue 11), in real headless Chromium. Also writes the two
 * screenshots the README and docs/functions.md show (written to test-artifacts/; docs/img/ keeps the copies).
 */
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { buildSeedWorkbook } from "../support/seedWorkbook";
import { type Browser, buildDist, chromiumAvailable, CHROMIUM, launch, ROOT, type Served, serve } from "./support/harness";

const available = chromiumAvailable();
if (!available && !process.env.CI) console.warn(`e2e: ${CHROMIUM} not found, form-tool tests skipped`);
const suite = available ? describe : describe.skip;
if (!available && process.env.CI) {
  test("Chromium is installed (required under CI)", () => {
    throw new Error(`${CHROMIUM} not found: CI must apt-get install -y chromium fonts-noto-cjk`);
  });
}

// Screenshots go to test-artifacts/ (ignored); docs/img/ holds the copies the docs show, refreshed by hand, so a test
// run never leaves the tree changed.
const IMG = path.join(ROOT, "test-artifacts");

/** Seed form 0 whose 执行率, 执行率得分 and 评分等级 are JX formulas (with the values Excel last showed). */
async function jxWorkbook(): Promise<{
  buffer: Buffer;
  rate: string;
  score: string;
  grade: string;
}> {
  const { workbook, cells } = buildSeedWorkbook({ forms: [0] });
  const c = cells[0];
  const f = c.funding[0];
  const ws = workbook.worksheets[0];
  const local = (ref: string) => ref.slice(ref.indexOf("!") + 1);
  const set = (ref: string, formula: string) => {
    const cell = ws.getCell(local(ref));
    cell.value = { formula, result: cell.value as number | string } as never;
  };
  set(f.rateCell, `JX.EXECRATE(${local(f.spentCell)},${local(f.budgetCell)})`);
  set(f.scoreCell, `JX.FUNDSCORE(${local(f.spentCell)},${local(f.budgetCell)},${local(f.weightCell)})`);
  set(c.gradeCell, `JX.PERFGRADE(${local(c.totalCell)})`);
  return {
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    rate: f.rateCell,
    score: f.scoreCell,
    grade: c.gradeCell,
  };
}

suite("form tools in the preview (Chromium)", () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    served = await serve(buildDist());
    browser = await launch();
    page = await browser.context.newPage();
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    fs.mkdirSync(IMG, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  const status = () => page.getByRole("status");

  test("新建自评表 shows the blank form in the grid; its check gives 'fill in' findings, no error", async () => {
    await page.goto(`${served.url}preview.html`);
    await page.locator('[data-workbook="sample.xlsx（示例）"][data-loading="false"]').waitFor();
    await page.getByRole("combobox", { name: "模板" }).selectOption("shanghai");
    await page.getByRole("button", { name: "新建自评表", exact: true }).click();
    await status()
      .getByText(/已新建工作表“自评表”/)
      .waitFor();
    expect(await page.getByRole("tab", { selected: true }).innerText()).toBe("自评表");
    expect(await page.locator('td[data-cell="自评表!A1"]').innerText()).toBe("财政项目支出绩效自评表");
    expect(await page.locator("[data-form]").count()).toBe(1);
    expect(await page.locator('li[data-severity="error"]').count()).toBe(0);
    expect(await page.locator('li[data-rule="missing-field"][data-severity="info"]').count()).toBeGreaterThan(0);
    // 校验 by hand gives the same: the blank form is to be filled in, not wrong.
    await page.getByRole("button", { name: "校验", exact: true }).click();
    await status()
      .getByText(/已校验 1 张自评表：0 个错误/)
      .waitFor();
    await page.screenshot({ path: path.join(IMG, "new-form.png") });
  });

  test("转为普通公式 rewrites the JX formulas and lists them; 撤销写入 brings them back", async () => {
    const wb = await jxWorkbook();
    await page.getByLabel("打开工作簿").setInputFiles({
      name: "jx.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: wb.buffer,
    });
    await page.locator('[data-workbook="jx.xlsx"][data-loading="false"]').waitFor();
    await page.getByRole("button", { name: "转为普通公式", exact: true }).click();
    await status()
      .getByText(/已转换 3 个单元格（3 个改为 Excel 内置公式，0 个改为数值）/)
      .waitFor();
    const list = page.getByRole("table", { name: "已转换的单元格" });
    const cells = await list.locator("tr[data-cell]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-cell")));
    expect(cells.sort()).toEqual([wb.rate, wb.score, wb.grade].sort());
    const rows = await list.locator("tr[data-cell]").allInnerTexts();
    expect(rows.join("\n")).not.toMatch(/→.*JX\./);
    for (const r of rows) expect(r.split("\t")[2]).not.toMatch(/JX\./);
    // The grid still shows the values (the preview does not recalculate).
    expect(await page.locator(`td[data-cell="${wb.rate}"]`).innerText()).toBe("98.24");
    await page.screenshot({ path: path.join(IMG, "freeze.png") });
    await page.getByRole("button", { name: "撤销写入", exact: true }).click();
    await status()
      .getByText(/已撤销写入，恢复了 3 个单元格/)
      .waitFor();
    expect(await list.count()).toBe(0);
  });
});
