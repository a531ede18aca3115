/**
 * A read-only HTML rendering of the preview's workbook: sheet tabs and the active sheet as a table. Every cell is a
 * <td data-cell="Sheet!A1"> showing the cell's text; merged areas are one cell with rowspan / colspan. Long sheets
 * are rendered in pages of rows (a selection further down extends the page).
 */
import { Button, makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { columnLetters, type Grid, type MergedArea, parseQualified, qualified } from "../core/grid";
import { cellAt } from "../core/grid/edit";
import type { MemoryWorkbookPort } from "./memoryPort";

const ROW_PAGE = 400;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, height: "100%" },
  scroller: { overflow: "auto", flexGrow: 1, minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  table: { borderCollapse: "collapse", tableLayout: "fixed", fontSize: "12px", fontFamily: "inherit" },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 4px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: "right",
    padding: "1px 4px",
    fontWeight: tokens.fontWeightRegular,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    verticalAlign: "middle",
    whiteSpace: "pre-wrap",
    wordBreak: "break-all",
    overflow: "hidden",
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", backgroundColor: tokens.colorBrandBackground2 },
  more: { margin: "8px" },
  empty: { padding: "16px", color: tokens.colorNeutralForeground3 },
});

/** Column widths in px: wide for text columns. */
function widths(grid: Grid, right: number): number[] {
  const w = new Array(right + 1).fill(72);
  const r0 = Math.max(0, -grid.top);
  for (let r = r0; r < Math.min(grid.values.length, 400); r++) {
    grid.values[r]?.forEach((v, c) => {
      const col = c + grid.left;
      if (typeof v === "string") w[col] = Math.min(260, Math.max(w[col], Math.min(v.length, 24) * 11 + 10));
    });
  }
  return w;
}

function SheetTable({ grid, selected, rows, styles }: { grid: Grid; selected: string | null; rows: number; styles: ReturnType<typeof useStyles> }) {
  const bottom = Math.min(grid.top + grid.values.length - 1, rows - 1);
  // A loop, not Math.max(...rows): spreading 100k+ rows overflows the call stack.
  let width = 0;
  for (const row of grid.values) width = Math.max(width, row.length);
  const right = grid.left + width - 1;
  const cols = useMemo(() => widths(grid, right), [grid, right]);
  const merges = useMemo(() => {
    const anchor = new Map<string, MergedArea>();
    const covered = new Set<string>();
    for (const m of grid.merges) {
      anchor.set(`${m.top},${m.left}`, m);
      for (let r = m.top; r <= Math.min(m.bottom, m.top + 2000); r++) {
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
      }
    }
    return { anchor, covered };
  }, [grid]);
  const body = [];
  for (let r = 0; r <= bottom; r++) {
    const cells = [];
    for (let c = 0; c <= right; c++) {
      if (merges.covered.has(`${r},${c}`)) continue;
      const m = merges.anchor.get(`${r},${c}`);
      const cell = cellAt(grid, r, c);
      const ref = qualified({ sheet: grid.sheet, row: r, col: c });
      const text = cell ? (cell.text ?? (cell.value === null ? "" : String(cell.value))) : "";
      const numeric = typeof cell?.value === "number";
      cells.push(
        <td
          key={c}
          data-cell={ref}
          rowSpan={m ? Math.min(m.bottom, bottom) - m.top + 1 : undefined}
          colSpan={m ? m.right - m.left + 1 : undefined}
          className={`${styles.cell} ${numeric ? styles.number : ""} ${selected === ref ? styles.selected : ""}`}
          aria-selected={selected === ref ? true : undefined}
        >
          {text}
        </td>,
      );
    }
    body.push(
      <tr key={r}>
        <th scope="row" className={styles.rowHead}>
          {r + 1}
        </th>
        {cells}
      </tr>,
    );
  }
  return (
    <table className={styles.table} aria-label={`工作表“${grid.sheet}”`} data-sheet={grid.sheet}>
      <colgroup>
        <col style={{ width: 40 }} />
        {cols.map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className={styles.head} aria-label="行号" />
          {cols.map((_, c) => (
            <th key={c} scope="col" className={styles.head}>
              {columnLetters(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );
}

export function WorkbookView({ port }: { port: MemoryWorkbookPort }) {
  const styles = useStyles();
  // Repaint after every write, revert, select or tab switch.
  const version = useSyncExternalStore(
    (cb) => port.subscribe(cb),
    () => port.version,
  );
  const grid = port.active;
  const [rows, setRows] = useState(ROW_PAGE);
  const scroller = useRef<HTMLDivElement>(null);

  // A selection below the rendered rows extends them; then it is scrolled into view.
  const selectedRow = port.selected ? (parseQualified(port.selected)?.row ?? -1) + 1 : 0;
  useEffect(() => {
    if (selectedRow > rows) setRows(selectedRow + ROW_PAGE);
  }, [selectedRow, rows]);
  useEffect(() => {
    if (!port.selected) return;
    const el = scroller.current?.querySelector(`[data-cell="${CSS.escape(port.selected)}"]`);
    el?.scrollIntoView?.({ block: "center", inline: "nearest" });
  }, [version, rows, port.selected]);

  if (!grid) return <p className={styles.empty}>工作簿中没有工作表。</p>;
  const total = grid.top + grid.values.length;
  return (
    <div className={styles.root}>
      <TabList selectedValue={grid.sheet} onTabSelect={(_, d) => port.setActive(String(d.value))} aria-label="工作表" size="small">
        {port.grids.map((g) => (
          <Tab key={g.sheet} value={g.sheet} data-sheet-tab={g.sheet}>
            {g.sheet}
          </Tab>
        ))}
      </TabList>
      <div className={styles.scroller} ref={scroller}>
        {grid.values.length === 0 ? (
          <p className={styles.empty}>此工作表为空。</p>
        ) : (
          <SheetTable grid={grid} selected={port.selected} rows={rows} styles={styles} />
        )}
        {total > rows && (
          <Button className={styles.more} onClick={() => setRows((n) => n + ROW_PAGE * 5)}>
            {`显示更多行（共 ${total} 行，已显示 ${rows} 行）`}
          </Button>
        )}
      </div>
    </div>
  );
}
