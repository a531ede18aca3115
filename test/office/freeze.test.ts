/**
 * 转为普通公式 / 转为数值 through the Office adapter (issue 11): one read, one rewrite, and 撤销写入 puts back every
 * formula, value and format exactly.
 */
import type { Grid } from "../../src/core/grid";
import { OfficeWorkbookPort } from "../../src/office/officePort";
import { planFreeze } from "../../src/taskpane/freezePlan";
import { planLive } from "../../src/taskpane/livePlan";
import { viewSheet } from "../../src/taskpane/model";
import { type FakeCell, FakeExcel, type FakeSheet } from "./support/fakeExcel";
import { fiveForms } from "./support/sheets";

/** A sheet of JX formulas beside plain ones: A–C amounts, D a rate, E a note (no native form), F a SUM. */
function jxSheet(): Grid {
  const row = (i: number) => [553.4 + i, 543.69 + i, 10, 98.24, `说明${i}`, 1097.09 + 2 * i];
  const values = Array.from({ length: 5 }, (_, i) => row(i));
  const formulas = values.map((_, i) => {
    const r = i + 1;
    return [null, null, null, `=JX.EXECRATE(B${r},A${r},"round")`, `=JX.DEVNOTE(D${r},"执行率")`, `=SUM(A${r}:B${r})`];
  });
  const formats = values.map(() => [null, null, null, "0.00", "@", null]);
  return {
    sheet: "资金",
    top: 0,
    left: 0,
    values,
    formulas,
    formats,
    merges: [],
  };
}

function contents(s: FakeSheet): Map<string, FakeCell> {
  return new Map([...s.cells].map(([k, c]) => [k, { ...c }]));
}

async function setup() {
  const g = jxSheet();
  const fake = FakeExcel.fromGrids([g, fiveForms({ sheetName: "表1" })]);
  // What Excel would calculate when a revert puts a JX formula back (the fake does not evaluate formulas).
  g.formulas!.forEach((row, r) => row.forEach((f, c) => f && fake.formulaResults.set(f, g.values[r][c])));
  const port = new OfficeWorkbookPort(fake.host());
  await port.prime();
  const sync = jest.spyOn(fake.context, "sync");
  return { fake, port, sync };
}

test("转为普通公式: 1 read + 1 write; natives where they exist, values elsewhere, other formulas untouched", async () => {
  const { fake, port, sync } = await setup();
  const grids = await port.readGrids("all");
  expect(sync).toHaveBeenCalledTimes(1);
  const { rewrites, views } = planFreeze(grids, "formulas");
  expect(rewrites).toHaveLength(10);
  const out = await port.rewrite(rewrites);
  expect(out.ok).toBe(true);
  expect(sync).toHaveBeenCalledTimes(2);
  const s = fake.sheet("资金");
  for (let r = 0; r < 5; r++) {
    const rate = s.get(r, 3);
    expect(rate.formula).toMatch(/^=\(?ROUND\(/);
    expect(rate.formula).not.toMatch(/JX/i);
    expect(rate.format).toBe("0.00");
    // No native note: the text it showed, as text (a value, never a formula), in its Text format.
    expect(s.get(r, 4)).toEqual({
      value: `说明${r}`,
      formula: null,
      format: "@",
    });
    expect(s.get(r, 5).formula).toBe(`=SUM(A${r + 1}:B${r + 1})`);
  }
  expect(views.filter((v) => v.reason !== null).map((v) => v.cell)).toEqual(["资金!E1", "资金!E2", "资金!E3", "资金!E4", "资金!E5"]);
});

test("转为数值: every JX cell keeps its value; 撤销写入 restores formulas, values and formats exactly", async () => {
  const { fake, port, sync } = await setup();
  const before = contents(fake.sheet("资金"));
  const grids = await port.readGrids("active");
  const { rewrites } = planFreeze(grids, "values");
  const out = await port.rewrite(rewrites);
  if (!out.ok) throw new Error(out.message);
  expect(sync).toHaveBeenCalledTimes(2);
  const s = fake.sheet("资金");
  expect([...s.cells.values()].filter((c) => c.formula?.includes("JX"))).toEqual([]);
  expect(s.get(0, 3)).toEqual({ value: 98.24, formula: null, format: "0.00" });
  await new Promise((r) => setTimeout(r, 5)); // our own change events arrive after the batch
  const back = await port.revert(out.snapshot);
  expect(back).toEqual({ ok: true, restored: 10 });
  expect(sync).toHaveBeenCalledTimes(3);
  expect(contents(s)).toEqual(before);
});

test("a JX cell edited after the read: nothing is rewritten", async () => {
  const { fake, port } = await setup();
  const grids = await port.readGrids("active");
  fake.userEdit("资金!D2", 50);
  await new Promise((r) => setTimeout(r, 5));
  const before = contents(fake.sheet("资金"));
  const out = await port.rewrite(planFreeze(grids, "formulas").rewrites);
  expect(out.ok).toBe(false);
  expect(!out.ok && out.message).toMatch(/修改/);
  expect(contents(fake.sheet("资金"))).toEqual(before);
});

test("a cell edited after the rewrite: the revert refuses rather than overwrite the edit", async () => {
  const { fake, port } = await setup();
  const out = await port.rewrite(planFreeze(await port.readGrids("active"), "formulas").rewrites);
  if (!out.ok) throw new Error(out.message);
  await new Promise((r) => setTimeout(r, 5));
  fake.userEdit("资金!D3", 1);
  await new Promise((r) => setTimeout(r, 5));
  const back = await port.revert(out.snapshot);
  expect(back.ok).toBe(false);
  expect(fake.cell("资金!D3").value).toBe(1);
});

test("公式化: only the ticked typed figures become formulas, in 1 read + 1 write; revert restores the numbers", async () => {
  const fake = FakeExcel.fromGrids([fiveForms({ sheetName: "表1" })]);
  const port = new OfficeWorkbookPort(fake.host());
  await port.prime();
  const sync = jest.spyOn(fake.context, "sync");
  const before = contents(fake.sheet("表1"));
  const [grid] = await port.readGrids("active");
  const proposals = planLive([viewSheet(grid, "default")]);
  // Five seed forms, each with typed 执行率, 执行率得分, scores, 总分 and 等级.
  expect(proposals.length).toBeGreaterThan(5 * 5);
  const ticked = proposals.filter((p) => /!G6$|!H6$/.test(p.cell));
  expect(ticked.map((p) => p.cell)).toEqual(["表1!G6", "表1!H6"]);
  const out = await port.rewrite(ticked.map((p) => p.rewrite));
  if (!out.ok) throw new Error(out.message);
  expect(sync).toHaveBeenCalledTimes(2);
  const s = fake.sheet("表1");
  expect([...s.cells.entries()].filter(([, c]) => c.formula !== null).map(([k]) => k)).toEqual(["5,6", "5,7"]);
  expect(s.get(5, 7).formula).toMatch(/^=IF\(G6="","",ROUND\(ROUND\(F6\*100,0\)\*ROUND\(MIN\(MAX\(G6,0\),100\)\*100,0\)\/10000,0\)\/100\)$/);
  await new Promise((r) => setTimeout(r, 5));
  expect(await port.revert(out.snapshot)).toEqual({ ok: true, restored: 2 });
  expect(contents(s)).toEqual(before);
});
