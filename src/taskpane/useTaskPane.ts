/**
 * The task pane's state and actions over a WorkbookPort: validate, write back, revert, select, profile, and the
 * issue-11 tools: 新建自评表, 转为普通公式 / 转为数值 (freeze), 公式化.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { CellSnapshot, ProfileId, ReadScope, WorkbookPort } from "../core";
import type { TemplateId } from "../core/template";
import type { FreezeMode, FrozenView } from "./freezePlan";
import type { LiveProposal } from "./livePlan";
import { planAll, type SheetView, totals, viewSheet } from "./model";
import { loadTemplate } from "./templates";

export type Busy = null | "validate" | "write" | "revert" | "profile" | "create" | "freeze" | "live";

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
  /** The cells the last 转为普通公式 / 转为数值 rewrote, and what each became. */
  frozen: readonly FrozenView[] | null;
  /** 公式化: the typed figures that could become live formulas, each written only when ticked. */
  live: readonly LiveProposal[] | null;
  liveConsent: ReadonlySet<string>;
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
  const [frozen, setFrozen] = useState<readonly FrozenView[] | null>(null);
  const [proposals, setLive] = useState<readonly LiveProposal[] | null>(null);
  const [liveConsent, setLiveConsent] = useState<ReadonlySet<string>>(new Set());
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
        setLive(null);
        setLiveConsent(new Set());
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
        setFrozen(null);
        if (!(await run(true))) return;
        setStatus({ kind: "success", text: `已撤销写入，恢复了 ${out.restored} 个单元格的原内容。` });
      }),
    [guarded, undo, port, run],
  );

  const createForm = useCallback(
    (id: TemplateId) =>
      guarded("create", async () => {
        const { sheet, profile: p } = await loadTemplate(id);
        const out = await port.createSheet(sheet);
        if (!out.ok) {
          setStatus({ kind: "error", text: out.message });
          return;
        }
        // The template's formulas follow its profile: check the workbook by the same one from now on.
        setProfileState(p);
        await port.setProfile(p).catch(() => undefined);
        setScope("active");
        if (!(await run(true, { scope: "active", profile: p }))) return;
        setStatus({ kind: "success", text: `已新建工作表“${out.sheet}”：请填写浅黄色单元格，执行率、得分、总分和等级由公式计算。` });
      }),
    [guarded, port, run],
  );

  /** 转为普通公式 / 转为数值: one read, then one rewrite of every JX formula in the scope. */
  const freeze = useCallback(
    (mode: FreezeMode) =>
      guarded("freeze", async () => {
        const s = live.current.scope;
        // Loaded on first use, like the template builders: the rewriter is not needed to check a form.
        const [grids, { planFreeze }] = await Promise.all([port.readGrids(s), import(/* webpackChunkName: "freeze" */ "./freezePlan")]);
        const { rewrites, views } = planFreeze(grids, mode);
        if (rewrites.length === 0) {
          setFrozen(null);
          setStatus({ kind: "info", text: `${s === "active" ? "当前工作表" : "工作簿"}中没有调用 JX 函数的公式，无需转换。` });
          return;
        }
        const out = await port.rewrite(rewrites);
        if (!out.ok) {
          setStatus({ kind: "error", text: out.message });
          return;
        }
        setUndo(out.snapshot);
        setFrozen(views);
        setSheets(null);
        const natives = views.filter((v) => v.reason === null).length;
        setStatus({
          kind: "success",
          text: `已转换 ${out.written} 个单元格（${natives} 个改为 Excel 内置公式，${out.written - natives} 个改为数值），未安装本加载项也能打开。可点“撤销写入”恢复。`,
        });
      }),
    [guarded, port],
  );

  /** 公式化, step 1: list the typed figures of the checked forms that a live formula could replace (none ticked). */
  const proposeLive = useCallback(
    () =>
      guarded("live", async () => {
        if (!sheets) return;
        const { planLive } = await import(/* webpackChunkName: "template" */ "./livePlan");
        const found = planLive(sheets);
        setLive(found);
        setLiveConsent(new Set());
        setStatus(
          found.length === 0
            ? { kind: "info", text: "没有可改为公式的单元格：计算单元格已是公式或为空（空白单元格请用“写回得分”）。" }
            : { kind: "info", text: `有 ${found.length} 个计算单元格填的是数值：勾选要改为公式的单元格，再点“写入所选公式”。` },
        );
      }),
    [guarded, sheets],
  );

  /** 公式化, step 2: the ticked cells, and only those, get their formulas (one write; 撤销写入 undoes it). */
  const applyLive = useCallback(
    () =>
      guarded("live", async () => {
        const chosen = (proposals ?? []).filter((p) => liveConsent.has(p.cell)).map((p) => p.rewrite);
        if (chosen.length === 0) return;
        const out = await port.rewrite(chosen);
        if (!out.ok) {
          setStatus({ kind: "error", text: out.message });
          return;
        }
        setUndo(out.snapshot);
        if (!(await run(true))) return;
        setStatus({ kind: "success", text: `已把 ${out.written} 个单元格改为公式，金额或完成值改动后自动重算。可点“撤销写入”恢复。` });
      }),
    [guarded, proposals, liveConsent, port, run],
  );

  const toggleLive = useCallback((cell: string, on: boolean) => {
    setLiveConsent((prev) => {
      const next = new Set(prev);
      if (on) next.add(cell);
      else next.delete(cell);
      return next;
    });
  }, []);

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

  const state: TaskPaneState = { scope, profile, sheets, busy, status, consent, undo, elapsed, frozen, live: proposals, liveConsent };
  return { state, setScope, validate, writeBack, revert, select, changeProfile, toggleConsent, createForm, freeze, proposeLive, applyLive, toggleLive };
}
