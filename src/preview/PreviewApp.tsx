/**
 * The browser preview: the task pane beside a read-only rendering of a workbook, both over one in-memory port.
 * Opens the bundled sample at start and any .xlsx chosen with 打开工作簿. No office.js on this page.
 */
import { FluentProvider, makeStyles, Spinner, tokens, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { TaskPane } from "../taskpane";
import { gridsFromXlsx, SAMPLE_URL } from "./loadWorkbook";
import { MemoryWorkbookPort } from "./memoryPort";
import { WorkbookView } from "./WorkbookView";

const useStyles = makeStyles({
  app: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 380px", gridTemplateRows: "auto minmax(0, 1fr)", height: "100vh" },
  bar: {
    gridColumn: "1 / span 2",
    display: "flex",
    alignItems: "center",
    columnGap: "12px",
    padding: "6px 12px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  workbook: { minHeight: 0, minWidth: 0, borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  pane: { overflowY: "auto", minHeight: 0, backgroundColor: tokens.colorNeutralBackground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface Loaded {
  name: string;
  port: MemoryWorkbookPort;
  id: number;
}

let nextId = 1;

export function PreviewApp() {
  const styles = useStyles();
  const [book, setBook] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState<string | null>("正在打开示例工作簿…");
  const [error, setError] = useState<string | null>(null);

  const open = useCallback(async (name: string, data: () => Promise<ArrayBuffer>) => {
    setLoading(`正在打开 ${name}…`);
    setError(null);
    try {
      const grids = await gridsFromXlsx(await data());
      setBook({ name, port: new MemoryWorkbookPort(grids), id: nextId++ });
    } catch (e) {
      setError(`无法打开 ${name}：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setLoading(null);
    }
  }, []);

  useEffect(() => {
    void open("sample.xlsx（示例）", async () => {
      const res = await fetch(SAMPLE_URL);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.arrayBuffer();
    });
  }, [open]);

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.app} data-workbook={book?.name ?? ""} data-loading={loading ? "true" : "false"}>
        <header className={styles.bar}>
          <label htmlFor="open-workbook">打开工作簿</label>
          <input
            id="open-workbook"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void open(file.name, () => file.arrayBuffer());
              e.target.value = "";
            }}
          />
          <span className={styles.name} aria-live="polite">
            {book ? `当前：${book.name}` : ""}
          </span>
          {loading && <Spinner size="tiny" label={loading} />}
          {error && (
            <span role="alert" className={styles.error}>
              {error}
            </span>
          )}
        </header>
        {/* The workbook is the page's main content; the pane beside it is complementary (its own main is off). */}
        <main className={styles.workbook} aria-label="工作簿预览（只读）">
          {book && <WorkbookView key={book.id} port={book.port} />}
        </main>
        <aside className={styles.pane} aria-label="任务窗格">
          {book && <TaskPane key={book.id} port={book.port} landmark={false} />}
        </aside>
      </div>
    </FluentProvider>
  );
}
