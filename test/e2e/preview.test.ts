/**
 * The browser preview in real headless Chromium: dist built once, served over plain HTTP, driven by playwright-core.
 * Without /usr/bin/chromium these tests fail under CI (process.env.CI) and are skipped with a warning elsewhere.
 */
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { analyzeGrid } from "../../src/core";
import { workbookToGrids, worksheetToGrid } from "../support/exceljs";
import { buildSeedWorkbook } from "../support/seedWorkbook";
import { artifact, type Browser, buildDist, chromiumAvailable, CHROMIUM, launch, type Served, serve } from "./support/harness";

const available = chromiumAvailable();
if (!available && !process.env.CI) {
  console.warn(`e2e: ${CHROMIUM} not found, preview tests skipped (apt-get install -y chromium fonts-noto-cjk)`);
}
const suite = available ? describe : describe.skip;

if (!available && process.env.CI) {
  test("Chromium is installed (required under CI)", () => {
    throw new Error(`${CHROMIUM} not found: CI must apt-get install -y chromium fonts-noto-cjk`);
  });
}

async function xlsx(options: Parameters<typeof buildSeedWorkbook>[0]) {
  const { workbook, cells } = buildSeedWorkbook(options);
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), workbook, cells };
}

suite("browser preview (Chromium)", () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    served = await serve(buildDist());
    browser = await launch();
    page = await browser.context.newPage();
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => pageErrors.push(String(e)));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  async function openFile(name: string, buffer: Buffer) {
    await page.getByLabel("打开工作簿").setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
    await page.locator(`[data-workbook="${name}"][data-loading="false"]`).waitFor();
  }

  async function validate(expect: RegExp) {
    await page.getByRole("button", { name: "校验", exact: true }).click();
    await page.getByRole("status").getByText(expect).waitFor();
  }

  const cellText = (ref: string) => page.locator(`td[data-cell="${ref}"]`).innerText();

  /**
   * axe-core's violations of impact moderate or worse in the task pane, one line each. Fluent's tabster focus guards
   * (`data-tabster-dummy`, invisible focus traps) are excluded: they are there by design.
   */
  async function axeViolations(): Promise<string[]> {
    if (!(await page.evaluate(() => "axe" in window))) {
      await page.addScriptTag({ content: fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
    }
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const result = await axe.run({ include: [['aside[aria-label="任务窗格"]']], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
      return result.violations
        .filter((v) => v.impact === "moderate" || v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
    });
  }

  test("opens the bundled sample: sheet tabs, grid cells with data-cell and text, merged title, no office.js", async () => {
    await page.goto(`${served.url}preview.html`);
    await page.locator('[data-workbook="sample.xlsx（示例）"][data-loading="false"]').waitFor();
    expect(await page.getByRole("tab").allInnerTexts()).toEqual(["表1", "表2", "表3", "表4", "表5"]);
    const title = page.locator('td[data-cell="表1!A1"]');
    expect(await title.innerText()).toBe("财政项目支出绩效自评表");
    expect(await title.getAttribute("colspan")).toBe("8");
    expect(await page.locator('td[data-cell="表1!B1"]').count()).toBe(0); // covered by the merge
    expect(await cellText("表1!G6")).toBe("98.24");
    expect(requests.some((u) => /office\.js|appsforoffice/i.test(u))).toBe(false);
    expect(await page.getByRole("button", { name: "写回得分", exact: true }).isDisabled()).toBe(true);
  });

  test("validates the sample: findings appear, none is an error", async () => {
    await page.getByRole("radio", { name: "全部工作表" }).check();
    await validate(/已校验 5 张自评表：0 个错误/);
    const findings = page.locator("li[data-rule]");
    expect(await findings.count()).toBeGreaterThan(3);
    expect(await page.locator('li[data-severity="error"]').count()).toBe(0);
    const rules = await findings.evaluateAll((els) => els.map((e) => `${e.getAttribute("data-rule")}@${e.getAttribute("data-cell")}`));
    expect(rules).toEqual(expect.arrayContaining(["target-vague@表1!D13", "missing-deviation-note@表2!G6"]));
    expect(await page.locator("[data-form]").count()).toBe(5);
    await page.screenshot({ path: artifact("preview-sample-validated.png"), fullPage: false });
    expect(await axeViolations()).toEqual([]);
  });

  test("clicking a finding switches to its sheet and selects its cell", async () => {
    await page.locator('li[data-rule="over-achievement"][data-cell="表5!E19"] button').click();
    await page.locator('td[data-cell="表5!E19"][aria-selected="true"]').waitFor();
    expect(await page.getByRole("tab", { selected: true }).innerText()).toBe("表5");
  });

  test("a workbook with injected errors: every expected rule appears", async () => {
    const { buffer, workbook } = await xlsx({
      forms: [0, 1],
      mutate: (f, i) => {
        if (i === 0) {
          f.total = 99;
          f.grade = "良";
          f.funding[0][5] = 97.5;
          f.indicators[0][6] = 25;
        } else {
          f.indicators[1][5] = 15;
          f.funding[0][3] = 70;
        }
      },
    });
    const expected = ["exec-rate-mismatch", "score-exceeds-weight", "total-mismatch", "grade-mismatch", "weights-sum", "funding-rows-sum", "funding-score-mismatch", "missing-deviation-note"];
    // The engine itself agrees on the file (so a miss below is the page's, not the fixture's).
    const engine = new Set(workbookToGrids(workbook).flatMap((g) => analyzeGrid(g).forms.flatMap((f) => f.findings.map((x) => x.rule))));
    for (const rule of expected) expect(engine.has(rule)).toBe(true);

    await openFile("injected-errors.xlsx", buffer);
    await page.getByRole("radio", { name: "全部工作表" }).check();
    await validate(/已校验 2 张自评表/);
    for (const rule of expected) expect(await page.locator(`li[data-rule="${rule}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator('li[data-rule="total-mismatch"]').getAttribute("data-cell")).toBe("表1!G21");
    await page.screenshot({ path: artifact("preview-injected-errors.png") });
    expect(await axeViolations()).toEqual([]);
  });

  test("write back on a blanked form shows the seed's figures in the grid; revert brings the blanks back", async () => {
    const { buffer, cells } = await xlsx({ forms: [0], blankComputed: true });
    const seed = worksheetToGrid(buildSeedWorkbook({ forms: [0] }).workbook.worksheets[0]);
    const c = cells[0];
    const targets = [c.rateCell, c.fundingScoreCell, ...c.indicators.map((i) => i.scoreCell), c.totalCell, c.gradeCell];
    const seedText = (ref: string) => {
      const m = /!([A-Z]+)(\d+)$/.exec(ref)!;
      const col = m[1].charCodeAt(0) - 65;
      return seed.text![Number(m[2]) - 1 - seed.top][col - seed.left];
    };

    await openFile("blank-form.xlsx", buffer);
    for (const ref of targets) expect(await cellText(ref)).toBe("");
    await validate(/已校验 1 张自评表/);
    await page.getByRole("button", { name: "写回得分", exact: true }).click();
    await page.getByRole("status").getByText(/已写回 \d+ 个单元格/).waitFor();
    for (const ref of targets) expect([ref, await cellText(ref)]).toEqual([ref, seedText(ref)]);
    expect(await cellText(c.rateCell)).toBe("98.24");
    expect(await cellText(c.totalCell)).toBe("99.82");
    expect(await cellText(c.gradeCell)).toBe("优");
    await page.screenshot({ path: artifact("preview-written.png") });

    await page.getByRole("button", { name: "撤销写入", exact: true }).click();
    await page.getByRole("status").getByText(/已撤销写入/).waitFor();
    for (const ref of targets) expect(await cellText(ref)).toBe("");
    await page.screenshot({ path: artifact("preview-reverted.png") });
  });

  test.each(["openpyxl-3.0.9.xlsx", "sheetjs-0.18.5.xlsx"])("%s (written by that library itself) opens and validates as the sample does", async (name) => {
    await openFile(name, fs.readFileSync(path.join(__dirname, "..", "fixtures", "producers", name)));
    await page.getByRole("radio", { name: "全部工作表" }).check();
    await validate(/已校验 5 张自评表：0 个错误/);
    expect(await page.locator("[data-form]").count()).toBe(5);
    // 表1's emptied 执行率 is there to fill.
    expect(await page.locator('li[data-rule="missing-field"][data-cell="表1!G6"]').count()).toBe(1);
  });
});
