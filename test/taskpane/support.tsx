/** Grids and rendering for the task pane's component tests (jsdom): pure grids, an in-memory port. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { Grid } from "../../src/core/grid";
import { MemoryWorkbookPort, type MemoryPortOptions } from "../../src/preview/memoryPort";
import { TaskPane } from "../../src/taskpane";
import { formsGrid, type Placed } from "../support/formGrid";
import { seedForm, type SeedForm } from "../support/seed";

// jsdom has no ResizeObserver; Fluent's MessageBar asks for one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const win = globalThis as unknown as { ResizeObserver?: unknown };
win.ResizeObserver ??= NoResizeObserver;

/** Seed forms stacked on one sheet (Shanghai layout, columns A–H). */
export function sheet(forms: SeedForm[], name = "表1"): { grid: Grid; placed: Placed[] } {
  const placed = formsGrid(forms, { sheet: name });
  return { grid: placed[0].grid, placed };
}

/** Empties the figures a fill computes: 执行率, 执行率得分, indicator scores, 总分, 评分等级. */
export function blankComputed(grid: Grid, p: Placed): Grid {
  const clear = (row: number, col: number) => (grid.values[row - grid.top][col - grid.left] = null);
  for (const r of p.rows.funding) {
    clear(r, 6);
    clear(r, 7);
  }
  for (const r of p.rows.indicators) clear(r, 6);
  clear(p.rows.total, 6);
  clear(p.rows.grade, 5);
  return grid;
}

export function renderPane(grids: Grid[], options: MemoryPortOptions = {}, landmark = true) {
  const port = new MemoryWorkbookPort(grids, options);
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane port={port} landmark={landmark} />
    </FluentProvider>,
  );
  return { port, ...view };
}

export { seedForm };
