/**
 * A form taller than the rows two windows share, crossing a seam between windows (issue 9, item 4): read once and
 * whole, as when the sheet is read in one grid. The overlap is made 5 rows here so that a seed form (22 rows) is
 * "taller than the overlap" as a 1,200-row form would be under the real 1,000.
 */
import { inflateNode } from "../../src/cli/inflate";
import { analyzeWorkbook } from "../../src/cli/analyze";
import { summarize } from "../../src/core";
import { openWorkbook } from "../../src/xlsx";
import { buildSeedWorkbook } from "../support/seedWorkbook";

async function sheetWithForm(formTop: number): Promise<Uint8Array> {
  const { workbook } = buildSeedWorkbook({ forms: [0], origin: { row: formTop, col: 4 }, blankComputed: true });
  const ws = workbook.worksheets[0];
  // Data rows above and below the form (columns A–C), enough for several windows of 150 cells.
  for (let r = 1; r <= formTop; r++) for (let c = 1; c <= 3; c++) ws.getCell(r, c).value = r * 10 + c;
  for (let r = formTop + 30; r <= formTop + 130; r++) for (let c = 1; c <= 3; c++) ws.getCell(r, c).value = r * 10 + c;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("a form across a window seam is read once, whole, wherever the seam falls", async () => {
  let crossed = 0;
  for (let top = 40; top < 100; top += 3) {
    const bytes = await sheetWithForm(top);
    const whole = await analyzeWorkbook(await openWorkbook(bytes, { inflate: inflateNode, windowCells: 0 }), {});
    const windowed = await openWorkbook(bytes, { inflate: inflateNode, windowCells: 150, overlapRows: 5 });
    // Where the seams fall: a window whose last row is inside the form cuts it.
    const lasts: number[] = [];
    await windowed.readSheet(windowed.parts.sheets[0], (_g, w) => void lasts.push(w!.last));
    const range = whole.forms[0].scored.form.range;
    if (lasts.some((l) => l >= range.top && l < range.bottom)) crossed++;
    const inWindows = await analyzeWorkbook(windowed, {});
    expect(whole.forms).toHaveLength(1);
    expect(inWindows.forms.map(summarize)).toEqual(whole.forms.map(summarize));
  }
  expect(crossed).toBeGreaterThan(3); // the seams did cut the form, not only pass beside it
}, 60_000);
