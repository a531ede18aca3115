/** The task pane's state and actions over a WorkbookPort: validate, write back, revert, select, profile. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { CellSnapshot, ProfileId, ReadScope, WorkbookPort } from "../core";
import { planAll, type SheetView, totals, viewSheet } from "./model";

export type Busy = null | "validate" | "write" | "revert" | "profile";

export interface Status {
  kind: "info" | "success" | "warning" | "error";
  text: string;
}

export interface TaskPaneState {
  scope: ReadScope;
  profile: ProfileId;
  sheets: SheetView[] | null;
  busy: Busy;
  status: Status | null;
  consent: ReadonlySet<string>;
  /** The snapshot of the last write, while it can still be reverted. */
  undo: readonly CellSnapshot[] | null;
  /** Milliseconds the last validation took (read + analysis). */
  elapsed: number | null;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function useTaskPane(port: WorkbookPort) {
  const [scope, setScope] = useState<ReadScope>("active");
  const [profile, setProfileState] = useState<ProfileId>("default");
  const [sheets, setSheets] = useState<SheetView[] | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [consent, setConsent] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<readonly CellSnapshot[] | null>(null);
  const [elapsed, setElapsed] = useState<number | null>(null);
  const live = useRef({ scope, profile });
  live.current = { scope, profile };

  useEffect(() => {
    let cancelled = false;
    port.getProfile().then(
      (p) => {
        if (!cancelled && p) setProfileState(p);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [port]);

  /** Reads and checks; returns the views (also kept in state). `quiet` keeps the caller's status message. */
  const run = useCallback(
    async (quiet = false, override?: { scope?: ReadScope; profile?: ProfileId }): Promise<SheetView[] | null> => {
      const s = override?.scope ?? live.current.scope;
      const p = override?.profile ?? live.current.profile;
      const t0 = performance.now();
      try {
        const grids = await port.readGrids(s);
        const views = grids.map((g) => viewSheet(g, p));
        setSheets(views);
        setConsent(new Set());
        setElapsed(performance.now() - t0);
        if (!quiet) {
          const t = totals(views);
          const broken = views.filter((v) => v.error).map((v) => v.error!);
          const text =
            t.forms === 0
              ? `未在${s === "active" ? "当前工作表" : "任何工作表"}中找到自评表。`
              : `已校验 ${t.forms} 张自评表：${t.error} 个错误，${t.warning} 个警告，${t.info} 个提示。`;
          setStatus({ kind: broken.length ? "error" : t.error ? "warning" : "success", text: [text, ...broken].join(" ") });
        }
        return views;
      } catch (e) {
        setStatus({ kind: "error", text: describe(e) });
        return null;
      }
    },
    [port],
  );

  // A ref, not the `busy` state: two clicks before the next render must not both get through.
  const running = useRef(false);
  const guarded = useCallback(async (what: Exclude<Busy, null>, job: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(what);
    try {
      await job();
    } catch (e) {
      setStatus({ kind: "error", text: describe(e) });
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);

  const validate = useCallback(() => guarded("validate", async () => void (await run())), [guarded, run]);

  const writeBack = useCallback(
    () =>
      guarded("write", async () => {
        if (!sheets) return;
        const writes = planAll(sheets, consent);
        if (writes.length === 0) {
          setStatus({ kind: "info", text: "没有可写回的单元格：空白的得分、执行率、总分、等级和说明都已填写。" });
          return;
        }
        const out = await port.write(writes, { overwrite: consent });
        if (!out.ok) {
          setStatus({ kind: "error", text: out.message });
          return;
        }
        setUndo(out.snapshot);
        // A failed re-read has set its own error status: keep it rather than claim success over it.
        if (!(await run(true))) return;
        const overwritten = writes.filter((w) => consent.has(w.cell)).length;
        setStatus({
          kind: "success",
          text: `已写回 ${out.written} 个单元格${overwritten ? `（其中经同意覆盖 ${overwritten} 个）` : ""}。可点“撤销写入”恢复。`,
        });
      }),
    [guarded, sheets, consent, port, run],
  );

  const revert = useCallback(
    () =>
      guarded("revert", async () => {
        if (!undo) return;
        const out = await port.revert(undo);
        if (!out.ok) {
          setStatus({ kind: "error", text: out.message });
          return;
        }
        setUndo(null);
        if (!(await run(true))) return;
        setStatus({ kind: "success", text: `已撤销写入，恢复了 ${out.restored} 个单元格的原内容。` });
      }),
    [guarded, undo, port, run],
  );

  const select = useCallback(
    async (cell: string | null) => {
      if (!cell) return;
      try {
        await port.select(cell);
      } catch (e) {
        setStatus({ kind: "error", text: describe(e) });
      }
    },
    [port],
  );

  const changeProfile = useCallback(
    (p: ProfileId) =>
      guarded("profile", async () => {
        setProfileState(p);
        await port.setProfile(p);
        if (sheets) await run(false, { profile: p });
      }),
    [guarded, port, sheets, run],
  );

  const toggleConsent = useCallback((cell: string, on: boolean) => {
    setConsent((prev) => {
      const next = new Set(prev);
      if (on) next.add(cell);
      else next.delete(cell);
      return next;
    });
  }, []);

  const state: TaskPaneState = { scope, profile, sheets, busy, status, consent, undo, elapsed };
  return { state, setScope, validate, writeBack, revert, select, changeProfile, toggleConsent };
}
