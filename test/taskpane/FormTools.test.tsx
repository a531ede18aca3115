/** @jest-environment jsdom */
/** 新建自评表 and 转为普通公式 / 转为数值 in the task pane, over the in-memory port (issue 11). */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Grid } from "../../src/core/grid";
import { buildTemplate } from "../../src/core/template";
import { renderPane, seedForm, sheet } from "./support";

const isDisabled = (el: HTMLElement) => (el as HTMLButtonElement).disabled;

/** JX formulas with the values they showed: a rate (native form exists) and a note (none). */
function jxGrid(): Grid {
  return {
    sheet: "资金",
    top: 0,
    left: 0,
    values: [[553.4, 543.69, 98.24, "执行率偏低"]],
    formulas: [[null, null, '=JX.EXECRATE(B1,A1,"trunc")', "=JX.DEVNOTE(C1)"]],
    formats: [[null, null, "0.00", null]],
    merges: [],
  };
}

describe("新建自评表", () => {
  test("the picker offers the four templates in Chinese; the new sheet appears and is checked with 'fill in' findings", async () => {
    const { port } = renderPane([sheet([seedForm(0)]).grid]);
    const picker = screen.getByRole("combobox", {
      name: "模板",
    }) as HTMLSelectElement;
    expect(
      within(picker)
        .getAllByRole("option")
        .map((o) => o.getAttribute("value")),
    ).toEqual(["mof2020", "shanghai", "sichuan", "hubei"]);
    expect(
      within(picker)
        .getAllByRole("option")
        .every((o) => /[\u4e00-\u9fff]/.test(o.textContent ?? "")),
    ).toBe(true);
    await userEvent.selectOptions(picker, "sichuan");
    await userEvent.click(screen.getByRole("button", { name: "新建自评表" }));
    await screen.findByText(/已新建工作表“自评表”/);
    expect(port.grids.map((g) => g.sheet)).toEqual(["表1", "自评表"]);
    expect(port.active?.sheet).toBe("自评表");
    // The template's own formulas, and the profile its formulas follow.
    const t = buildTemplate("sichuan");
    const formulas = port.grids[1].formulas!.flat().filter((f) => f !== null);
    expect(formulas).toEqual(
      t.cells
        .filter((c) => c.formula !== undefined)
        .sort((a, b) => a.row - b.row || a.col - b.col)
        .map((c) => `=${c.formula}`),
    );
    expect(await port.getProfile()).toBe("sichuan");
    await waitFor(() => expect(document.querySelector("section[data-form]")).not.toBeNull());
    const card = document.querySelector("section[data-form]")!;
    expect(card.getAttribute("data-form")).toMatch(/^自评表!/);
    expect(card.textContent).not.toMatch(/错误 \d/);
    expect(card.textContent).toMatch(/提示 \d+/);
  });
});

describe("转为普通公式 / 转为数值", () => {
  test("rewrites the JX formulas, lists each cell, and 撤销写入 puts them back", async () => {
    const { port } = renderPane([jxGrid()]);
    await userEvent.click(screen.getByRole("button", { name: "转为普通公式" }));
    await screen.findByText(/已转换 2 个单元格（1 个改为 Excel 内置公式，1 个改为数值）/);
    const g = port.grids[0];
    expect(g.formulas![0][2]).toMatch(/^=\(?ROUNDDOWN\(/);
    expect(g.formulas![0][3]).toBeNull();
    expect(g.values[0][3]).toBe("执行率偏低");
    const list = screen.getByRole("table", { name: "已转换的单元格" });
    const rows = within(list).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.getAttribute("data-cell"))).toEqual(["资金!C1", "资金!D1"]);
    expect(rows[1].textContent).toMatch(/执行率偏低（JX\.DEVNOTE/);
    expect(port.calls).toMatchObject({ read: 1, rewrite: 1 });

    await userEvent.click(screen.getByRole("button", { name: "撤销写入" }));
    await screen.findByText(/已撤销写入，恢复了 2 个单元格/);
    expect(port.grids[0].formulas![0].slice(2)).toEqual(['=JX.EXECRATE(B1,A1,"trunc")', "=JX.DEVNOTE(C1)"]);
    expect(port.grids[0].values[0].slice(2)).toEqual([98.24, "执行率偏低"]);
    expect(screen.queryByRole("table", { name: "已转换的单元格" })).toBeNull();
  });

  test("转为数值 keeps every value; a workbook without JX says so and writes nothing", async () => {
    const { port } = renderPane([jxGrid()]);
    await userEvent.click(screen.getByRole("button", { name: "转为数值" }));
    await screen.findByText(/已转换 2 个单元格（0 个改为 Excel 内置公式，2 个改为数值）/);
    expect(port.grids[0].formulas![0]).toEqual([null, null, null, null]);
    expect(port.grids[0].values[0]).toEqual([553.4, 543.69, 98.24, "执行率偏低"]);
    await userEvent.click(screen.getByRole("button", { name: "转为数值" }));
    await screen.findByText(/没有调用 JX 函数的公式/);
    expect(port.calls.rewrite).toBe(1);
    await waitFor(() => expect(isDisabled(screen.getByRole("button", { name: "转为数值" }))).toBe(false));
  });
});

describe("公式化", () => {
  test("lists the typed figures, none ticked; writes only the ticked cell's formula; 撤销写入 restores the number", async () => {
    const { port } = renderPane([sheet([seedForm(0)]).grid]);
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText(/已校验 1 张自评表/);
    await userEvent.click(screen.getByRole("button", { name: "公式化" }));
    await screen.findByText(/个计算单元格填的是数值/);
    const list = screen.getByRole("region", { name: "公式化" });
    const boxes = within(list).getAllByRole("checkbox");
    const cells = [...list.querySelectorAll("li[data-live]")].map((li) => li.getAttribute("data-live"));
    // 执行率 of the four funding rows, 执行率得分, the indicator scores, 总分, 评分等级.
    expect(cells).toEqual(expect.arrayContaining(["表1!G6", "表1!H6", "表1!G21", "表1!F22"]));
    expect(boxes.every((b) => !(b as HTMLInputElement).checked)).toBe(true);
    const apply = within(list).getByRole("button", { name: /写入所选公式/ });
    expect(isDisabled(apply)).toBe(true);

    await userEvent.click(within(list).getByRole("checkbox", { name: /表1!G6（执行率 98\.24）/ }));
    await userEvent.click(within(list).getByRole("button", { name: /写入所选公式（1）/ }));
    await screen.findByText(/已把 1 个单元格改为公式/);
    const g = port.grids[0];
    // Shanghai convention (default profile): ROUNDDOWN on whole cents of 全年执行数 E6 over 全年预算数 D6.
    expect(g.formulas![5][6]).toBe('=IF(OR(N(D6)=0,E6=""),"",ROUNDDOWN(ROUND(E6*100,0)*10000/ROUND(D6*100,0),0)/100)');
    expect(g.formulas!.flat().filter((f) => f !== null)).toHaveLength(1);
    expect(g.values[20][6]).toBe(99.82);

    await userEvent.click(screen.getByRole("button", { name: "撤销写入" }));
    await screen.findByText(/已撤销写入，恢复了 1 个单元格/);
    expect(port.grids[0].formulas![5][6]).toBeNull();
    expect(port.grids[0].values[5][6]).toBe(98.24);
  });
});
