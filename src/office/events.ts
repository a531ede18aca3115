/** The worksheet events that feed the ChangeTracker, registered in the caller's batch (no sync of their own). */
import type { ChangeTracker } from "./changes";

/** Registers a sheet's change events; `supports(v)` is ExcelApi v support (onChanged 1.7, format 1.9, protection 1.14). */
export function registerChangeEvents(ws: Excel.Worksheet, changes: ChangeTracker, supports: (version: string) => boolean): void {
  // The id is read when an event arrives (loaded by then); events normally carry it themselves.
  const sheetId = () => ws.id;
  if (supports("1.7")) {
    ws.onChanged.add(async (e) => changes.record({ sheetId: e.worksheetId ?? sheetId(), address: e.address, triggerSource: e.triggerSource, kind: "data" }));
  }
  if (supports("1.9")) {
    ws.onFormatChanged.add(async (e) => changes.record({ sheetId: e.worksheetId ?? sheetId(), address: e.address, kind: "format", triggerSource: undefined }));
  }
  if (supports("1.14")) {
    ws.onProtectionChanged.add(async (e) => changes.record({ sheetId: e.worksheetId ?? sheetId(), kind: "protection" }));
  }
}
