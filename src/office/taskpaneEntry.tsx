/**
 * Entry of the Excel task pane (webpack entry `taskpane`): wires the Office.js WorkbookPort into the task pane.
 * It lives in src/office because src/taskpane may not import the adapter; the task pane only sees the port.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { TaskPane } from "../taskpane";
import { officeHost } from "./host";
import { OfficeWorkbookPort } from "./officePort";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const port = new OfficeWorkbookPort(officeHost());
  // Learn the sheets and their extents now, so that each 校验 reads in a single sync.
  port.prime().catch(() => undefined);
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane port={port} />
    </FluentProvider>,
  );
});
