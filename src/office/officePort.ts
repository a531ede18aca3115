/**
 * The WorkbookPort over Office.js: the only code in the add-in that talks to Excel. It coordinates the reader
 * (./read.ts), the write and revert batches (./write.ts) and the change tracker (./changes.ts), and decides before
 * any Excel call whether a write may happen.
 *
 * Sync budget (see docs/taskpane.md):
 *   prime   2 syncs when the pane opens (sheets, then their extents and protection).
 *   read    1 sync (rare extra syncs are listed in ./read.ts).
 *   write   1 sync (one undo step with mergeUndoGroup where ExcelApi 1.20 is supported); 2 when an edit raced it.
 *   revert  1 sync, or 2 when the sheet changed after the write (the first checks our cells still hold what we wrote).
 *   select  1 sync.
 *   rewrite 1 sync (转为普通公式 / 公式化: after the read, the same way as a write); 2 when an edit raced it.
 *   create  1 sync (新建自评表: the whole sheet, formats, merges, lists, print setup).
 */
import { guardRewrites } from "../core/freeze/guard";
import { a1, type CellRef, type Grid, parseQualified } from "../core/grid";
import { guardWrites } from "../core/guard";
import type { CellSnapshot, CreateOutcome, FormulaRewrite, ReadScope, RevertOutcome, WorkbookPort, WriteOptions, WriteOutcome } from "../core/port";
import type { TemplateSheet } from "../core/template/model";
import { isProfileId, type ProfileId } from "../core/scoring/profiles";
import type { PlannedWrite } from "../core/writeplan";
import { ChangeTracker, type TrackedCell } from "./changes";
import { messageOf } from "./errors";
import type { OfficeHost } from "./host";
import { isLocked, WorkbookReader } from "./read";
import { createBatch, freeName } from "./create";
import { rewriteBatch } from "./rewrite";
import { needsFormatChange, revertBatch, writeBatch, type Written } from "./write";

export const PROFILE_SETTING = "selfeval.profile";

/** At most this many cells are named in a message; the rest are counted. */
const LISTED = 12;

function listCells(cells: readonly string[]): string {
  return cells.length <= LISTED ? cells.join("、") : `${cells.slice(0, LISTED).join("、")} 等 ${cells.length} 个单元格`;
}

interface LastWrite {
  /** What we wrote, by `Sheet!A1`. */
  cells: Map<string, Written>;
  /** Each written sheet's change mark right after the write, by sheet id. */
  marks: Map<string, number>;
}

export class OfficeWorkbookPort implements WorkbookPort {
  readonly changes: ChangeTracker;
  private readonly reader: WorkbookReader;
  private lastWrite: LastWrite | null = null;

  constructor(
    private readonly host: OfficeHost,
    options: { now?: () => number } = {},
  ) {
    this.changes = new ChangeTracker(options.now);
    this.reader = new WorkbookReader(host, this.changes, (v) => this.supports(v));
  }

  private supports(version: string): boolean {
    try {
      return this.host.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  /** Learns the sheets and their extents (two syncs), so that each 校验 reads in a single sync. */
  prime(): Promise<void> {
    return this.reader.prime();
  }

  readGrids(scope: ReadScope): Promise<Grid[]> {
    return this.reader.readGrids(scope);
  }

  /** Why a sheet may not be written now, or null. */
  private refusal(sheet: string, writes: ReadonlyArray<{ ref: CellRef; cell: string }>): string | null {
    const s = this.reader.sheets.get(sheet);
    if (!s?.grid) return `工作表“${sheet}”尚未校验：请先点“校验”，再写回。`;
    if (s.stale) return `工作表“${sheet}”已写回过，校验结果已过期：请重新校验后再写回。`;
    if (this.changes.changedSince(s.id, s.mark)) {
      const e = this.changes.lastChange(s.id);
      const where = e?.address ? `（${e.address}）` : "";
      const what = e?.kind === "protection" ? "保护状态" : e?.kind === "format" ? "格式" : "内容";
      return `工作表“${sheet}”的${what}在校验后被修改${where}：请重新校验后再写回。未写入任何内容。`;
    }
    if (s.protected) {
      // Official templates are protected with their input cells unlocked: those may be written, the locked ones not.
      const locked = writes.filter((w) => w.ref.sheet === sheet && isLocked(s, w.ref.row, w.ref.col)).map((w) => w.cell);
      if (locked.length > 0) {
        return `工作表“${sheet}”受保护，以下单元格已锁定，无法写入：${listCells(locked)}。请撤销工作表保护（审阅 → 撤销工作表保护）或请模板提供方解锁这些单元格后再写回。未写入任何内容。`;
      }
    }
    return null;
  }

  async write(writes: readonly PlannedWrite[], options: WriteOptions = {}): Promise<WriteOutcome> {
    if (writes.length === 0) return { ok: true, written: 0, snapshot: [] };
    const sheets = [...new Set(writes.map((w) => w.ref.sheet))];
    for (const sheet of sheets) {
      const why = this.refusal(sheet, writes);
      if (why) return { ok: false, message: why };
    }
    const grids = new Map<string, Grid>();
    for (const [name, s] of this.reader.sheets) if (s.grid) grids.set(name, s.grid);
    const guard = guardWrites(grids, writes, options);
    if (!guard.ok) return guard;
    const snapshot = guard.snapshot;
    const state = (sheet: string) => this.reader.sheets.get(sheet)!;

    // A protection that forbids formatting cells: write only where no format has to change.
    const unformattable = writes.filter((w, i) => !state(w.ref.sheet).formatsAllowed && needsFormatChange(w, snapshot[i])).map((w) => w.cell);
    if (unformattable.length > 0) {
      return {
        ok: false,
        message: `工作表受保护且不允许设置单元格格式，以下单元格写入时需要改变数字格式：${listCells(unformattable)}。请撤销工作表保护后再写回。未写入任何内容。`,
      };
    }

    this.changes.expectOwn(writes.map((w): TrackedCell => ({ sheetId: state(w.ref.sheet).id, row: w.ref.row, col: w.ref.col })));
    let race: string[] | null = null;
    try {
      race = await this.runUndoable((context) => writeBatch(context, writes, snapshot, (sheet) => state(sheet).formatsAllowed));
    } catch (e) {
      return { ok: false, message: messageOf(e, "写回") };
    } finally {
      this.changes.settleOwn();
    }
    for (const sheet of sheets) state(sheet).stale = true;
    if (race) return { ok: false, message: `单元格 ${listCells(race)} 在校验后被修改：已恢复原内容，未写入。请重新校验后再写回。` };
    this.lastWrite = {
      cells: new Map(writes.map((w) => [w.cell, w.value])),
      marks: new Map(sheets.map((sheet) => [state(sheet).id, this.changes.mark(state(sheet).id)])),
    };
    return { ok: true, written: writes.length, snapshot };
  }

  async rewrite(rewrites: readonly FormulaRewrite[]): Promise<WriteOutcome> {
    if (rewrites.length === 0) return { ok: true, written: 0, snapshot: [] };
    const sheets = [...new Set(rewrites.map((w) => w.ref.sheet))];
    for (const sheet of sheets) {
      const why = this.refusal(sheet, rewrites);
      if (why) return { ok: false, message: why.replace("再写回", "再操作") };
    }
    const grids = new Map<string, Grid>();
    for (const [name, s] of this.reader.sheets) if (s.grid) grids.set(name, s.grid);
    const guard = guardRewrites(grids, rewrites);
    if (!guard.ok) return guard;
    const state = (sheet: string) => this.reader.sheets.get(sheet)!;
    this.changes.expectOwn(rewrites.map((w): TrackedCell => ({ sheetId: state(w.ref.sheet).id, row: w.ref.row, col: w.ref.col })));
    let race: string[] | null = null;
    try {
      race = await this.runUndoable((context) => rewriteBatch(context, rewrites, guard.snapshot, (sheet) => state(sheet).formatsAllowed));
    } catch (e) {
      return { ok: false, message: messageOf(e, "改写公式") };
    } finally {
      this.changes.settleOwn();
    }
    for (const sheet of sheets) state(sheet).stale = true;
    if (race) return { ok: false, message: `单元格 ${listCells(race)} 在读取后被修改：已恢复原内容，未改写。请重新操作。` };
    this.lastWrite = {
      cells: new Map(rewrites.map((w): [string, Written] => [w.cell, "formula" in w.after ? { formula: w.after.formula } : w.after.value])),
      marks: new Map(sheets.map((sheet) => [state(sheet).id, this.changes.mark(state(sheet).id)])),
    };
    return { ok: true, written: rewrites.length, snapshot: guard.snapshot };
  }

  async createSheet(template: TemplateSheet): Promise<CreateOutcome> {
    const name = freeName(template.name, [...this.reader.sheets.keys(), ...this.reader.order]);
    try {
      await this.host.run(async (context) => {
        createBatch(context, template, name, (v) => this.supports(v));
        await context.sync();
      });
    } catch (e) {
      return { ok: false, message: messageOf(e, "新建自评表") };
    }
    // The next 校验 of 本表 reads the new sheet (its merges and events in that read's second sync, as for any sheet
    // first seen); 全部工作表 finds it in the sheet list.
    this.reader.activeName = name;
    return { ok: true, sheet: name };
  }

  async revert(snapshot: readonly CellSnapshot[]): Promise<RevertOutcome> {
    if (snapshot.length === 0) return { ok: true, restored: 0 };
    const last = this.lastWrite;
    if (!last || snapshot.some((s) => !last.cells.has(s.cell))) {
      return { ok: false, message: "只能撤销本任务窗格最近一次写回的内容；其余更改请用 Excel 的撤销（Ctrl+Z）。" };
    }
    const ids = new Map<string, string>();
    for (const s of snapshot) {
      const state = this.reader.sheets.get(s.ref.sheet);
      if (!state) return { ok: false, message: `找不到工作表“${s.ref.sheet}”：无法撤销。` };
      ids.set(s.ref.sheet, state.id);
    }
    const touched = [...ids.values()].some((id) => this.changes.changedSince(id, last.marks.get(id) ?? -1));
    this.changes.expectOwn(snapshot.map((s): TrackedCell => ({ sheetId: ids.get(s.ref.sheet)!, row: s.ref.row, col: s.ref.col })));
    let edited: string[];
    try {
      const formats = (sheet: string) => this.reader.sheets.get(sheet)?.formatsAllowed ?? true;
      edited = await this.runUndoable((context) => revertBatch(context, snapshot, last.cells, touched, formats));
    } catch (e) {
      return { ok: false, message: messageOf(e, "撤销写入") };
    } finally {
      this.changes.settleOwn();
    }
    if (edited.length > 0) {
      return { ok: false, message: `单元格 ${listCells(edited)} 在写回后又被修改：为免覆盖这些修改，未撤销任何内容。` };
    }
    this.lastWrite = null;
    for (const sheet of ids.keys()) this.reader.sheets.get(sheet)!.stale = true;
    return { ok: true, restored: snapshot.length };
  }

  async select(cell: string): Promise<void> {
    const ref = parseQualified(cell);
    if (!ref) throw new Error(`无法定位单元格：${cell}`);
    try {
      await this.host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(ref.sheet);
        ws.activate();
        ws.getRange(a1(ref.row, ref.col)).select();
        await context.sync();
      });
    } catch (e) {
      throw new Error(messageOf(e, "定位单元格"));
    }
    this.reader.activeName = ref.sheet;
  }

  async getProfile(): Promise<ProfileId | null> {
    const v = this.host.settings.get(PROFILE_SETTING);
    return isProfileId(v) ? v : null;
  }

  async setProfile(profile: ProfileId): Promise<void> {
    this.host.settings.set(PROFILE_SETTING, profile);
    await new Promise<void>((resolve, reject) =>
      this.host.settings.saveAsync((r) => {
        if (String(r.status).toLowerCase() === "failed") reject(new Error(`无法保存评分口径：${r.error?.message ?? ""}`));
        else resolve();
      }),
    );
  }

  /** Excel.run, as one undo step where ExcelApi 1.20 allows it. */
  private runUndoable<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.supports("1.20") ? this.host.run({ mergeUndoGroup: true }, batch) : this.host.run(batch);
  }
}
