import fc from "../support/fc";
import { analyzeGrid, type CellValue, planWrites, qualified } from "../../src/core";
import { formGrid, setCell } from "../support/formGrid";
import { SEED_FORMS, seedForm, type SeedForm } from "../support/seed";

/** The seed form with every computed cell and every note blanked, as a user would hand it in to be filled. */
function blanked(form: SeedForm): SeedForm {
  const f = JSON.parse(JSON.stringify(form)) as SeedForm;
  f.funding = f.funding.map((r) => [r[0], r[1], r[2], r[3], r[4], "" as unknown as null, r[6] === null ? null : ("" as unknown as null)]);
  f.indicators = f.indicators.map((i) => [i[0], i[1], i[2], i[3], i[4], i[5], "" as unknown as null, ""]);
  (f as { total: unknown }).total = "";
  f.grade = "";
  return f;
}

function plan(form: SeedForm, overwrite?: Set<string>) {
  const placed = formGrid(form);
  const [report] = analyzeGrid(placed.grid).forms;
  return { placed, writes: planWrites(report.scored, { overwrite }) };
}

describe("write plan", () => {
  test.each(SEED_FORMS.map((f, i) => [i + 1, f] as const))("form %d blanked: the plan restores the seed's figures", (n, seed) => {
    const { placed, writes } = plan(blanked(seed));
    const at = (row: number, col: number) => writes.find((w) => w.ref.row === row && w.ref.col === col)?.value;
    const { rows } = placed;
    expect(at(rows.funding[0], 6)).toBe(seed.funding[0][5]);
    expect(at(rows.funding[0], 7)).toBe(seed.funding[0][6]);
    rows.funding.forEach((r, k) => expect(at(r, 6)).toBe(seed.funding[k][5]));
    const scores = rows.indicators.map((r) => at(r, 6));
    const printed = seed.indicators.map((i) => i[6]);
    if (n === 4) {
      // 平均成本 =17500(元/人), actual 0: the formula gives 0; the published 5 was the staff's judgment.
      expect(scores).toEqual([0, ...printed.slice(1)]);
      expect(at(rows.total, 6)).toBe(75);
      expect(at(rows.grade, 5)).toBe("中");
    } else {
      expect(scores).toEqual(printed);
      expect(at(rows.total, 6)).toBe(seed.total);
      expect(at(rows.grade, 5)).toBe(seed.grade);
    }
  });

  test("a due note is drafted in the seed's words, numbers first, cause left to the user", () => {
    const { placed, writes } = plan(blanked(SEED_FORMS[3]));
    const notes = writes.filter((w) => w.kind === "note");
    expect(notes.map((w) => w.ref.row)).toEqual([placed.rows.indicators[0], placed.rows.indicators[4]]);
    expect(notes[0].value).toBe("实际完成值 0.00(元/人)，低于年度指标值 17500.00(元/人)，扣 10.00 分。原因：____；改进措施：____。");
    expect(notes[1].value).toBe("实际完成值为“未达成指标且效果较差”（年度指标值：及时），扣 5.00 分。原因：____；改进措施：____。");
  });

  test("with the stated 5 kept, the note says 扣 5.00 分 (the issue's example)", () => {
    const f = blanked(SEED_FORMS[3]);
    f.indicators[0][6] = 5;
    const { writes } = plan(f);
    expect(writes.find((w) => w.kind === "note")?.value).toBe(
      "实际完成值 0.00(元/人)，低于年度指标值 17500.00(元/人)，扣 5.00 分。原因：____；改进措施：____。",
    );
  });

  test.each([
    ["seed form 4, 总分 and 等级 blank, the stated 5 of 平均成本 kept (formula 0)", (f: SeedForm) => {
      (f as { total: unknown }).total = "";
      f.grade = "";
    }, 80, "良"],
    ["every computed cell blank but 平均成本's stated 5", (f: SeedForm) => {
      const b = blanked(f);
      b.indicators[0][6] = 5;
      Object.assign(f, b);
    }, 80, "良"],
  ] as const)("a filled form passes its own check of 总分 and 等级: %s", (_name, edit, total, grade) => {
    const f = seedForm(3);
    edit(f);
    const { placed, writes } = plan(f);
    for (const w of writes) setCell(placed.grid, w.ref.row, w.ref.col, w.value);
    expect(writes.find((w) => w.kind === "total")?.value).toBe(total);
    expect(writes.find((w) => w.kind === "grade")?.value).toBe(grade);
    const rules = analyzeGrid(placed.grid).forms[0].findings.map((x) => x.rule);
    expect(rules).not.toContain("total-mismatch");
    expect(rules).not.toContain("grade-mismatch");
  });

  test("a complete form plans nothing", () => {
    for (const seed of SEED_FORMS) expect(plan(seed).writes).toEqual([]);
  });

  test("a wrong non-empty cell is written only with the user's consent, cell by cell", () => {
    const f = seedForm(0);
    f.funding[0][5] = 98.42;
    const without = plan(f);
    expect(without.writes).toEqual([]);
    const cell = qualified({ sheet: "表1", row: without.placed.rows.funding[0], col: 6 });
    const withConsent = plan(f, new Set([cell]));
    expect(withConsent.writes).toEqual([expect.objectContaining({ cell, value: 98.24, previous: 98.42, kind: "rate" })]);
  });

  test("a rate cell formatted as a percentage gets a fraction with that format", () => {
    const placed = formGrid(blanked(SEED_FORMS[1]));
    const r = placed.rows.funding[0];
    placed.grid.formats = placed.grid.values.map((row) => row.map(() => null));
    placed.grid.formats[r][6] = "0.00%";
    const [report] = analyzeGrid(placed.grid).forms;
    const write = planWrites(report.scored).find((w) => w.ref.row === r && w.ref.col === 6);
    expect(write).toMatchObject({ value: 0.8594, numberFormat: "0.00%" });
  });

  test("property: whatever is in the cells, a non-empty cell is never planned without consent", () => {
    const base = formGrid(seedForm(3));
    const cell = fc.oneof(fc.constant<CellValue>(null), fc.constant(""), fc.string({ maxLength: 6 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.grid.values.length - 1), fc.nat(7), cell), { maxLength: 12 }), (edits) => {
        const grid = { ...base.grid, values: base.grid.values.map((r) => [...r]) };
        for (const [r, c, v] of edits) setCell(grid, r, c, v);
        for (const report of analyzeGrid(grid).forms) {
          for (const w of planWrites(report.scored)) {
            const before = grid.values[w.ref.row][w.ref.col];
            expect(before === null || (typeof before === "string" && before.trim() === "")).toBe(true);
            if (typeof w.value === "string") expect(w.value).not.toMatch(/^[=+\-@]/);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
