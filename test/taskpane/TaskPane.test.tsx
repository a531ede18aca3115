/** @jest-environment jsdom */
/** The task pane's components over an in-memory WorkbookPort: buttons, cards, findings, consent, keyboard. */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PROFILES } from "../../src/core";
import { blankComputed, renderPane, seedForm, sheet } from "./support";

async function validate() {
  await userEvent.click(screen.getByRole("button", { name: "校验" }));
  await screen.findByText(/已校验 \d+ 张自评表/);
}

const isDisabled = (el: HTMLElement) => (el as HTMLButtonElement).disabled;
const isChecked = (el: HTMLElement) => (el as HTMLInputElement).checked;

function cards() {
  return screen.getAllByRole("region").filter((r) => r.hasAttribute("data-form"));
}

describe("controls", () => {
  test("buttons, scope switch and profile picker have their accessible names", () => {
    renderPane([sheet([seedForm(0)]).grid]);
    expect(isDisabled(screen.getByRole("button", { name: "校验" }))).toBe(false);
    expect(isDisabled(screen.getByRole("button", { name: "写回得分" }))).toBe(true);
    expect(isDisabled(screen.getByRole("button", { name: "撤销写入" }))).toBe(true);
    expect(screen.getByRole("radiogroup", { name: "范围" })).toBeTruthy();
    expect(isChecked(screen.getByRole("radio", { name: "本表" }))).toBe(true);
    expect(isChecked(screen.getByRole("radio", { name: "全部工作表" }))).toBe(false);
    const picker = screen.getByRole("combobox", { name: "评分口径" });
    const options = within(picker).getAllByRole("option").map((o) => [o.getAttribute("value"), o.textContent]);
    expect(options).toEqual(Object.values(PROFILES).map((p) => [p.id, p.label]));
  });

  test("the stored profile is picked up; choosing another stores it and checks again", async () => {
    const { port } = renderPane([sheet([seedForm(1)]).grid], { profile: "hubei" });
    const picker = screen.getByRole("combobox", { name: "评分口径" }) as HTMLSelectElement;
    await waitFor(() => expect(picker.value).toBe("hubei"));
    await validate();
    await userEvent.selectOptions(picker, "sichuan");
    await waitFor(() => expect(port.calls.read).toBe(2));
    expect(await port.getProfile()).toBe("sichuan");
  });

  test("全部工作表 reads every sheet", async () => {
    const { port } = renderPane([sheet([seedForm(0)], "甲").grid, sheet([seedForm(1), seedForm(2)], "乙").grid]);
    await validate();
    expect(cards()).toHaveLength(1);
    await userEvent.click(screen.getByRole("radio", { name: "全部工作表" }));
    await validate();
    expect(cards()).toHaveLength(3);
    expect(screen.getByRole("heading", { name: "工作表“乙”", level: 2 })).toBeTruthy();
    // Under a sheet heading, a card's title is one level down, its sections and severity groups below that.
    expect(screen.getAllByRole("heading", { name: "其他专项工作经费" }).map((h) => h.tagName)).toEqual(["H3"]);
    expect(port.calls.read).toBe(2);
  });
});

describe("cards", () => {
  test("one card per form with project, 执行率, 执行率得分, 总分, 评分等级, stated vs computed", async () => {
    renderPane([sheet([seedForm(0), seedForm(1)]).grid]);
    await validate();
    const [first, second] = cards();
    expect(within(first).getByRole("heading", { name: "其他专项工作经费", level: 2 })).toBeTruthy();
    expect(within(first).getByRole("heading", { name: "问题", level: 3 })).toBeTruthy();
    // Headings never skip a level (axe heading-order): h1 → h2 card → h3 sections → h4 severity groups.
    const levels = [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map((h) => Number(h.tagName[1]));
    levels.forEach((l, i) => expect(i === 0 ? l : l - levels[i - 1]).toBeLessThanOrEqual(i === 0 ? 1 : 1));
    expect(within(second).getByRole("heading", { name: "信息化项目建设" })).toBeTruthy();
    const row = (card: HTMLElement, label: string) => within(card).getByRole("rowheader", { name: label }).closest("tr")!;
    expect(row(first, "执行率").textContent).toBe("执行率98.24%98.24%");
    expect(row(first, "执行率得分").textContent).toBe("执行率得分9.829.82");
    expect(row(first, "总分").textContent).toBe("总分99.8299.82");
    expect(row(first, "评分等级").textContent).toBe("评分等级优优");
    expect(first.querySelectorAll('[data-differs="true"]')).toHaveLength(0);
  });

  test("a stated figure that differs from the computed one is marked", async () => {
    const f = seedForm(0);
    f.total = 99;
    f.grade = "良";
    renderPane([sheet([f]).grid]);
    await validate();
    const [card] = cards();
    const total = card.querySelector('[data-figure="总分"]')!;
    expect(total.getAttribute("data-differs")).toBe("true");
    expect(within(total as HTMLElement).getByLabelText("99.82，与表内不一致")).toBeTruthy();
    expect(card.querySelector('[data-figure="评分等级"]')!.getAttribute("data-differs")).toBe("true");
    expect(card.querySelector('[data-figure="执行率"]')!.getAttribute("data-differs")).toBe("false");
  });

  test("the chart shows score against weight for 成本, 产出, 效益, 满意度", async () => {
    renderPane([sheet([seedForm(0)]).grid]);
    await validate();
    const chart = screen.getByRole("img", { name: /一级指标得分与分值/ });
    expect([...chart.querySelectorAll("[data-level1]")].map((g) => g.getAttribute("data-level1"))).toEqual(["成本", "产出", "效益", "满意度"]);
    expect(chart.getAttribute("aria-label")).toContain("成本 得分 20，分值 20");
    expect(chart.getAttribute("aria-label")).toContain("产出 得分 30，分值 30");
  });
});

describe("findings", () => {
  test("grouped by severity; each carries data-rule and data-cell; clicking selects the cell", async () => {
    const { port } = renderPane([sheet([seedForm(1)]).grid]);
    await validate();
    const items = document.querySelectorAll("li[data-rule]");
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) expect(li.getAttribute("data-cell")).toMatch(/^表1!|^$/);
    const rules = [...items].map((li) => li.getAttribute("data-rule"));
    expect(rules).toEqual(expect.arrayContaining(["missing-deviation-note", "target-vague", "budget-adjusted"]));
    const groups = [...document.querySelectorAll("[data-severity-group]")].map((g) => g.getAttribute("data-severity-group"));
    expect(groups).toEqual(["warning", "info"]);
    expect(screen.getByRole("heading", { name: /^警告（\d+）$/ })).toBeTruthy();
    const vague = document.querySelector('li[data-rule="target-vague"]') as HTMLElement;
    expect(vague.textContent).toContain("target-vague · 表1!D13");
    await userEvent.click(within(vague).getByRole("button"));
    expect(port.selected).toBe("表1!D13");
  });

  test("keyboard: a finding is a focusable native button; Enter selects its cell, Space ticks a consent box", async () => {
    const f = seedForm(0);
    f.total = 99;
    const { port } = renderPane([sheet([f]).grid]);
    await validate();
    const li = document.querySelector('li[data-rule="target-vague"]') as HTMLElement;
    const button = within(li).getByRole("button");
    expect(button.tagName).toBe("BUTTON");
    expect(button.tabIndex).toBe(0);
    // Its name is the visible message (no aria-label that says something else); severity, rule and cell describe it.
    expect(button.getAttribute("aria-label")).toBeNull();
    const message = button.firstChild!.textContent!;
    expect(within(li).getByRole("button", { name: message })).toBe(button);
    const description = document.getElementById(button.getAttribute("aria-describedby")!)!.textContent;
    expect(description).toBe("警告，规则 target-vague，单元格 表1!D13，按 Enter 选中");
    button.focus();
    await userEvent.keyboard("{Enter}");
    expect(port.selected).toBe("表1!D13");
    const box = within(document.querySelector('li[data-rule="total-mismatch"]') as HTMLElement).getByRole("checkbox");
    box.focus();
    await userEvent.keyboard(" ");
    expect(isChecked(box)).toBe(true);
  });
});

describe("write back and revert", () => {
  test("写回得分 fills the empty cells; 撤销写入 empties them again", async () => {
    const { grid, placed } = sheet([seedForm(0)]);
    const { port } = renderPane([blankComputed(grid, placed[0])]);
    await validate();
    await userEvent.click(screen.getByRole("button", { name: "写回得分" }));
    await screen.findByText(/已写回 \d+ 个单元格/);
    const g = port.grids[0];
    expect(g.values[5][6]).toBe(98.24);
    expect(g.values[20][6]).toBe(99.82);
    expect(g.values[21][5]).toBe("优");
    expect(cards()[0].querySelector('[data-figure="总分"]')!.textContent).toBe("总分99.8299.82");
    const undo = screen.getByRole("button", { name: "撤销写入" });
    expect(isDisabled(undo)).toBe(false);
    await userEvent.click(undo);
    await screen.findByText(/已撤销写入/);
    expect(port.grids[0].values[5][6]).toBeNull();
    expect(port.grids[0].values[21][5]).toBeNull();
    expect(isDisabled(screen.getByRole("button", { name: "撤销写入" }))).toBe(true);
  });

  test("a non-empty cell is overwritten only when its finding's box is ticked", async () => {
    const f = seedForm(0);
    f.total = 99;
    const { port } = renderPane([sheet([f]).grid]);
    await validate();
    const finding = document.querySelector('li[data-rule="total-mismatch"]') as HTMLElement;
    expect(finding.getAttribute("data-cell")).toBe("表1!G21");
    const box = within(finding).getByRole("checkbox", { name: "写回时把 表1!G21 覆盖为 99.82" });
    expect(isChecked(box)).toBe(false);
    // Only findings that propose a value for a non-empty cell have a box.
    expect(document.querySelector('li[data-rule="target-vague"] input[type="checkbox"]')).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "写回得分" }));
    await screen.findByText(/没有可写回的单元格/);
    expect(port.grids[0].values[20][6]).toBe(99);

    await userEvent.click(box);
    expect(isChecked(box)).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: "写回得分" }));
    await screen.findByText(/已写回 1 个单元格（其中经同意覆盖 1 个）/);
    expect(port.grids[0].values[20][6]).toBe(99.82);
  });

  test("a refusal is shown and nothing is written (protected sheet)", async () => {
    const { grid, placed } = sheet([seedForm(0)]);
    const { port } = renderPane([blankComputed(grid, placed[0])], { protectedSheets: ["表1"] });
    await validate();
    await userEvent.click(screen.getByRole("button", { name: "写回得分" }));
    await screen.findByText(/受保护/);
    expect(port.grids[0].values[5][6]).toBeNull();
    expect(isDisabled(screen.getByRole("button", { name: "撤销写入" }))).toBe(true);
  });

  test("a sheet edited after the check: the write is refused", async () => {
    const { grid, placed } = sheet([seedForm(0)]);
    const { port } = renderPane([blankComputed(grid, placed[0])]);
    await validate();
    act(() => port.edit("表1!C30", "别处的修改"));
    await userEvent.click(screen.getByRole("button", { name: "写回得分" }));
    await screen.findByText(/在校验后被修改/);
    expect(port.grids[0].values[5][6]).toBeNull();
  });
});

describe("landmarks", () => {
  test("in Excel the pane is the page's main landmark; embedded (the preview) it is not, so no main is nested", () => {
    const own = renderPane([sheet([seedForm(0)]).grid]);
    expect(screen.getAllByRole("main")).toHaveLength(1);
    own.unmount();
    renderPane([sheet([seedForm(0)]).grid], {}, false);
    expect(screen.queryAllByRole("main")).toHaveLength(0);
    expect(screen.getByRole("heading", { name: "自评表助手", level: 1 })).toBeTruthy();
  });
});
