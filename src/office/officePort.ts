/**
 * The WorkbookPort over Office.js: the only code in the add-in that talks to Excel.
 *
 * Sync budget (see docs/taskpane.md):
 *   read    1 sync: per sheet the used range's values, text, numberFormat and formulas, its protection, its merged
 *           areas (tiled, because one getMergedAreasOrNullObject call fails above 512 areas) and the change-event
 *           registration, all in one batch. Tiling needs the sheet's extent, known from `prime()` (two syncs when the
 *           pane opens) or the previous read; a sheet never seen before, or one that grew past the margin, costs one
 *           more sync for its merges. In Excel on the web a read above ~4 MB is split into chunks of rows, one sync
 *           each (the host refuses payloads above 5 MB); desktop Excel reads any size in one sync.
 *   write   1 sync (one undo step with mergeUndoGroup where ExcelApi 1.20 is supported).
 *   revert  1 sync, or 2 when the sheet changed after the write (the second checks that our cells still hold what
 *           we wrote before restoring them).
 *   select  1 sync.
 */
import { a1, type CellValue, type Grid, isBlank, type MergedArea, parseQualified, qualified } from "../core/grid";
import type { CellSnapshot, ReadScope, RevertOutcome, WorkbookPort, WriteOptions, WriteOutcome } from "../core/port";
import { isProfileId, type ProfileId } from "../core/scoring/profiles";
import type { PlannedWrite } from "../core/writeplan";
import { ChangeTracker } from "./changes";
import { guardWrites, keepFormat } from "./guard";
import type { OfficeHost } from "./host";
import {
  type Block,
  blockA1,
  DEFAULT_BYTES_PER_CELL,
  jsonBytes,
  mergeTiles,
  parseAddressList,
  parseRangeAddress,
  rowsPerChunk,
  WEB_PAYLOAD_BUDGET,
} from "./layout";

export const PROFILE_SETTING = "selfeval.profile";

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

interface SheetState {
  id: string;
  name: string;
  /** The used block at the last probe or read; null for an empty sheet or when unknown. */
  extent: Block | null;
  bytesPerCell: number;
  protected: boolean;
  /** The grid of the last read, the base for snapshots and the consent check. */
  grid: Grid | null;
  /** ChangeTracker mark taken at the last read. */
  mark: number;
  /** True once our own write or revert has made `grid` out of date. */
  stale: boolean;
  registered: boolean;
}

interface LastWrite {
  /** What we wrote, by `Sheet!A1`. */
  cells: Map<string, string | number>;
  marks: Map<string, number>;
}

type Content = { kind: "formula"; formula: string } | { kind: "value"; value: CellValue };

/** Office.js error code, when the error is one. */
function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function messageOf(e: unknown, action: string): string {
  switch (codeOf(e)) {
    case "InvalidOperationInCellEditMode":
      return `Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再${action}。未做任何更改。`;
    case "AccessDenied":
      return `工作表受保护或当前无编辑权限：请先撤销工作表保护，再${action}。`;
    case "ItemNotFound":
      return `找不到工作表（可能已被删除或改名）：请重新校验后再${action}。`;
    case "UndoNotSupported":
      return `Excel 无法把本次操作合并为一步撤销：未做任何更改。`;
    default:
      return `${action}失败：${e instanceof Error ? e.message : String(e)}`;
  }
}

const blank = (v: unknown): boolean => v === null || v === undefined || v === "";

/** An Excel cell value (`""` for empty) to the grid's. */
function cellValue(v: unknown): CellValue {
  if (blank(v)) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** A formula as Range.formulas gives it: constants come back as themselves, formulas start with `=`. */
function cellFormula(f: unknown, value: CellValue): string | null {
  return typeof f === "string" && f.startsWith("=") && f !== value ? f : null;
}

export class OfficeWorkbookPort implements WorkbookPort {
  private readonly sheets = new Map<string, SheetState>();
  private order: string[] = [];
  private activeName: string | null = null;
  private primed = false;
  private priming: Promise<void> | null = null;
  private activationTracked = false;
  private lastWrite: LastWrite | null = null;
  readonly changes: ChangeTracker;

  constructor(
    private readonly host: OfficeHost,
    options: { now?: () => number } = {},
  ) {
    this.changes = new ChangeTracker(options.now);
  }

  private supports(version: string): boolean {
    try {
      return this.host.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  private state(name: string, id: string): SheetState {
    let s = this.sheets.get(name);
    if (!s || s.id !== id) {
      s = { id, name, extent: null, bytesPerCell: DEFAULT_BYTES_PER_CELL, protected: false, grid: null, mark: 0, stale: false, registered: false };
      this.sheets.set(name, s);
    }
    return s;
  }

  /**
   * Two syncs when the task pane opens: every sheet's name and id, then their used blocks, and the active sheet.
   * With the extents known, each validation reads its sheets, merges included, in a single sync.
   */
  prime(): Promise<void> {
    // One priming at a time: a 校验 clicked while the pane is still priming waits for it instead of starting another.
    this.priming ??= this.primeOnce().finally(() => {
      this.priming = null;
    });
    return this.priming;
  }

  private async primeOnce(): Promise<void> {
    await this.host.run(async (context) => {
      const list = context.workbook.worksheets;
      list.load("items/name,items/id");
      const active = list.getActiveWorksheet();
      active.load("name");
      await context.sync();
      const used = list.items.map((ws) => {
        const r = ws.getUsedRangeOrNullObject(true);
        r.load("address");
        return r;
      });
      const trackActivation = !this.activationTracked && this.supports("1.7");
      if (trackActivation) {
        list.onActivated.add(async (e) => {
          const name = [...this.sheets.values()].find((s) => s.id === e.worksheetId)?.name;
          if (name) this.activeName = name;
        });
      }
      await context.sync();
      if (trackActivation) this.activationTracked = true;
      this.order = list.items.map((ws) => ws.name);
      list.items.forEach((ws, i) => {
        this.state(ws.name, ws.id).extent = used[i].isNullObject ? null : parseRangeAddress(used[i].address);
      });
      this.activeName = active.name;
    });
    this.primed = true;
  }

  async readGrids(scope: ReadScope): Promise<Grid[]> {
    if (!this.primed) await this.prime();
    try {
      return await this.read(scope);
    } catch (e) {
      const code = codeOf(e);
      if (code === "ItemNotFound") {
        // A sheet we knew was deleted or renamed: learn the workbook again and read once more.
        return this.retry(async () => {
          await this.prime();
          return this.read(scope);
        });
      }
      if (code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded") {
        for (const s of this.sheets.values()) s.bytesPerCell *= 2;
        return this.retry(() => this.read(scope, true));
      }
      throw new Error(messageOf(e, "校验"));
    }
  }

  /** A second attempt at a read, its failure worded like the first's. */
  private async retry(read: () => Promise<Grid[]>): Promise<Grid[]> {
    try {
      return await read();
    } catch (e) {
      throw new Error(messageOf(e, "校验"));
    }
  }

  private async read(scope: ReadScope, forceChunks = false): Promise<Grid[]> {
    const names = scope === "active" ? [this.activeName ?? ""] : [...this.order];
    const result = await this.host.run(async (context) => {
      const list = context.workbook.worksheets;
      list.load("items/name");
      const active = list.getActiveWorksheet();
      active.load("name,id");
      const wanted = scope === "active" ? [active] : names.map((n) => list.getItem(n));
      const jobs = wanted.map((ws, i) => {
        if (ws !== active) ws.load("name,id");
        ws.protection.load("protected");
        const known = this.sheets.get(names[i]) ?? null;
        const extent = known?.extent ?? null;
        const used = ws.getUsedRangeOrNullObject(true);
        const estimate = extent ? cellCount(extent) * (known?.bytesPerCell ?? DEFAULT_BYTES_PER_CELL) : 0;
        const chunk = forceChunks || (this.host.payloadLimited && estimate > WEB_PAYLOAD_BUDGET);
        if (chunk) used.load("address");
        else used.load("address,values,text,numberFormat,formulas");
        // Merged areas, tiled over the known extent plus a margin for rows added since.
        const covered = extent ? grow(extent) : null;
        const tiles = covered ? mergeTiles(covered).map((t) => this.mergesOf(ws.getRange(blockA1(t)))) : [];
        const registeredFor = known && !known.registered ? known : null;
        if (registeredFor) this.register(ws);
        return { ws, used, covered, tiles, chunk, guessed: names[i], registeredFor };
      });
      await context.sync();

      const out = jobs.map((job) => {
        const state = this.state(job.ws.name, job.ws.id);
        state.protected = job.ws.protection.protected === true;
        const block = job.used.isNullObject ? null : parseRangeAddress(job.used.address);
        state.extent = block;
        if (job.registeredFor === state) state.registered = true;
        // Complete only when the tiles were laid for this very sheet and cover its whole used block.
        const complete = job.guessed === job.ws.name && (!block || (job.covered !== null && inside(block, job.covered)));
        const merges = complete ? job.tiles.flatMap((t) => t()) : null;
        return { state, block, job, merges };
      });
      this.order = list.items.map((ws) => ws.name);
      this.activeName = active.name;

      // Rare second sync: merges of a sheet whose extent was unknown or grew; events of a sheet first seen.
      const missing = out.filter((o) => o.merges === null && o.block);
      const unregistered = out.filter((o) => !o.state.registered);
      if (missing.length > 0 || unregistered.length > 0) {
        const fetch = missing.map((o) => ({ o, tiles: mergeTiles(o.block!).map((t) => this.mergesOf(o.job.ws.getRange(blockA1(t)))) }));
        for (const o of unregistered) this.register(o.job.ws);
        await context.sync();
        for (const f of fetch) f.o.merges = f.tiles.flatMap((t) => t());
        for (const o of unregistered) o.state.registered = true;
      }

      const grids: Grid[] = [];
      for (const o of out) {
        const merges = o.merges ?? [];
        if (!o.block) grids.push(emptyGrid(o.state.name, merges));
        else if (o.job.chunk) grids.push(await this.readChunked(context, o.job.ws, o.block, o.state, merges));
        else {
          const u = o.job.used;
          // The payload estimate only matters where the host limits payloads (Excel on the web).
          if (this.host.payloadLimited) {
            o.state.bytesPerCell = Math.max(8, jsonBytes(u.values, u.text, u.numberFormat, u.formulas) / cellCount(o.block));
          }
          grids.push(toGrid(o.state.name, o.block, u.values, u.text, u.numberFormat, u.formulas, merges));
        }
        o.state.grid = grids[grids.length - 1];
        o.state.mark = this.changes.mark(o.state.id);
        o.state.stale = false;
      }
      return grids;
    });
    // A sheet added since the last read: read the workbook again so that 全部工作表 means all of them.
    if (scope === "all" && this.order.some((n) => !names.includes(n))) return this.read(scope, forceChunks);
    return result;
  }

  /** Reads a block in row chunks that each stay under the web payload budget; several chunks share a sync. */
  private async readChunked(context: Excel.RequestContext, ws: Excel.Worksheet, block: Block, state: SheetState, merges: MergedArea[]): Promise<Grid> {
    const cols = block.right - block.left + 1;
    const rows = block.bottom - block.top + 1;
    const step = rowsPerChunk(rows, cols, state.bytesPerCell, WEB_PAYLOAD_BUDGET);
    const values: unknown[][] = [];
    const text: unknown[][] = [];
    const formats: unknown[][] = [];
    const formulas: unknown[][] = [];
    for (let top = block.top; top <= block.bottom; top += step) {
      const r = ws.getRange(blockA1({ top, left: block.left, bottom: Math.min(block.bottom, top + step - 1), right: block.right }));
      r.load("values,text,numberFormat,formulas");
      await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one sync per 4 MB chunk, by design
      values.push(...r.values);
      text.push(...r.text);
      formats.push(...r.numberFormat);
      formulas.push(...r.formulas);
    }
    return toGrid(state.name, block, values, text, formats, formulas, merges);
  }

  /** Queues a merged-areas query on a tile; the returned function reads it after the sync. */
  private mergesOf(range: Excel.Range): () => MergedArea[] {
    const areas = range.getMergedAreasOrNullObject();
    areas.load("address");
    return () => (areas.isNullObject ? [] : parseAddressList(areas.address));
  }

  /** Registers the change events of a sheet (queued in the caller's batch). */
  private register(ws: Excel.Worksheet): void {
    const sheetId = () => ws.id;
    if (this.supports("1.7")) {
      ws.onChanged.add(async (e) => this.changes.record({ sheetId: e.worksheetId ?? sheetId(), address: e.address, triggerSource: e.triggerSource, kind: "data" }));
    }
    if (this.supports("1.9")) {
      ws.onFormatChanged.add(async (e) => this.changes.record({ sheetId: e.worksheetId ?? sheetId(), address: e.address, kind: "format", triggerSource: undefined }));
    }
    if (this.supports("1.14")) {
      ws.onProtectionChanged.add(async (e) => this.changes.record({ sheetId: e.worksheetId ?? sheetId(), kind: "protection" }));
    }
  }

  /** Why a sheet may not be written now, or null. */
  private refusal(sheet: string): string | null {
    const s = this.sheets.get(sheet);
    if (!s?.grid) return `工作表“${sheet}”尚未校验：请先点“校验”，再写回。`;
    if (s.protected) return `工作表“${sheet}”受保护：请先撤销工作表保护（审阅 → 撤销工作表保护），再写回。未写入任何内容。`;
    if (s.stale) return `工作表“${sheet}”已写回过，校验结果已过期：请重新校验后再写回。`;
    if (this.changes.changedSince(s.id, s.mark)) {
      const e = this.changes.lastChange(s.id);
      const where = e?.address ? `（${e.address}）` : "";
      const what = e?.kind === "protection" ? "保护状态" : e?.kind === "format" ? "格式" : "内容";
      return `工作表“${sheet}”的${what}在校验后被修改${where}：请重新校验后再写回。未写入任何内容。`;
    }
    return null;
  }

  async write(writes: readonly PlannedWrite[], options: WriteOptions = {}): Promise<WriteOutcome> {
    if (writes.length === 0) return { ok: true, written: 0, snapshot: [] };
    for (const sheet of new Set(writes.map((w) => w.ref.sheet))) {
      const why = this.refusal(sheet);
      if (why) return { ok: false, message: why };
    }
    const grids = new Map<string, Grid>();
    for (const [name, s] of this.sheets) if (s.grid) grids.set(name, s.grid);
    const guard = guardWrites(grids, writes, options);
    if (!guard.ok) return guard;
    const snapshot = guard.snapshot;

    const ids = new Map(writes.map((w) => [w.ref.sheet, this.sheets.get(w.ref.sheet)!.id]));
    this.changes.expectOwn(writes.map((w) => qualified({ ...w.ref, sheet: ids.get(w.ref.sheet)! })));
    let race: string | null = null;
    try {
      await this.runUndoable(async (context) => {
        const sheets = new Map<string, Excel.Worksheet>();
        const sheetOf = (name: string) => {
          let ws = sheets.get(name);
          if (!ws) sheets.set(name, (ws = context.workbook.worksheets.getItem(name)));
          return ws;
        };
        // Loaded before the writes in the same batch: what each cell held just before we wrote it.
        const before = writes.map((w) => {
          const r = sheetOf(w.ref.sheet).getRange(a1(w.ref.row, w.ref.col));
          r.load("values,formulas,numberFormat");
          return r;
        });
        writes.forEach((w, i) => {
          const ws = sheetOf(w.ref.sheet);
          const addr = a1(w.ref.row, w.ref.col);
          const format =
            typeof w.value === "string" ? (w.numberFormat ?? snapshot[i].numberFormat ?? "General") : (w.numberFormat ?? keepFormat(snapshot[i].numberFormat, w.value));
          put(() => ws.getRange(addr), { kind: "value", value: w.value }, format);
        });
        await context.sync();
        // Safety net for an edit that reached Excel but whose event had not reached us yet: put back what was there.
        const changed = writes.filter((_, i) => !sameContent(before[i], snapshot[i]));
        if (changed.length > 0) {
          race = changed.map((w) => w.cell).join("、");
          writes.forEach((w, i) => {
            const ws = sheetOf(w.ref.sheet);
            const addr = a1(w.ref.row, w.ref.col);
            const b = before[i];
            const formula = cellFormula(b.formulas[0][0], cellValue(b.values[0][0]));
            put(() => ws.getRange(addr), formula ? { kind: "formula", formula } : { kind: "value", value: cellValue(b.values[0][0]) }, String(b.numberFormat[0][0] ?? "General"));
          });
          await context.sync();
        }
      });
    } catch (e) {
      return { ok: false, message: messageOf(e, "写回") };
    }
    for (const sheet of ids.keys()) this.sheets.get(sheet)!.stale = true;
    if (race) return { ok: false, message: `单元格 ${race} 在校验后被修改：已恢复原内容，未写入。请重新校验后再写回。` };
    this.lastWrite = {
      cells: new Map(writes.map((w) => [w.cell, w.value])),
      marks: new Map([...ids.values()].map((id) => [id, this.changes.mark(id)])),
    };
    return { ok: true, written: writes.length, snapshot };
  }

  async revert(snapshot: readonly CellSnapshot[]): Promise<RevertOutcome> {
    if (snapshot.length === 0) return { ok: true, restored: 0 };
    const last = this.lastWrite;
    const cells = snapshot.map((s) => ({ snap: s, ref: parseQualified(s.cell) }));
    if (!last || cells.some((c) => !c.ref || !last.cells.has(c.snap.cell))) {
      return { ok: false, message: "只能撤销本任务窗格最近一次写回的内容；其余更改请用 Excel 的撤销（Ctrl+Z）。" };
    }
    const ids = new Map<string, string>();
    for (const c of cells) {
      const s = this.sheets.get(c.ref!.sheet);
      if (!s) return { ok: false, message: `找不到工作表“${c.ref!.sheet}”：无法撤销。` };
      ids.set(c.ref!.sheet, s.id);
    }
    const touched = [...ids.values()].some((id) => this.changes.changedSince(id, last.marks.get(id) ?? -1));
    this.changes.expectOwn(cells.map((c) => qualified({ ...c.ref!, sheet: ids.get(c.ref!.sheet)! })));
    let edited: string[] = [];
    try {
      await this.runUndoable(async (context) => {
        const ws = (name: string) => context.workbook.worksheets.getItem(name);
        if (touched) {
          // The sheet changed after our write: only restore if our cells still hold exactly what we wrote.
          const now = cells.map((c) => {
            const r = ws(c.ref!.sheet).getRange(a1(c.ref!.row, c.ref!.col));
            r.load("values,formulas");
            return r;
          });
          await context.sync();
          edited = cells
            .filter((c, i) => {
              const v = cellValue(now[i].values[0][0]);
              return cellFormula(now[i].formulas[0][0], v) !== null || v !== last.cells.get(c.snap.cell);
            })
            .map((c) => c.snap.cell);
          if (edited.length > 0) return;
        }
        for (const c of cells) {
          const sheet = ws(c.ref!.sheet);
          const addr = a1(c.ref!.row, c.ref!.col);
          const content: Content = c.snap.formula ? { kind: "formula", formula: c.snap.formula } : { kind: "value", value: c.snap.value };
          put(() => sheet.getRange(addr), content, c.snap.numberFormat ?? "General");
        }
        await context.sync();
      });
    } catch (e) {
      return { ok: false, message: messageOf(e, "撤销写入") };
    }
    if (edited.length > 0) {
      return { ok: false, message: `单元格 ${edited.join("、")} 在写回后又被修改：为免覆盖这些修改，未撤销任何内容。` };
    }
    this.lastWrite = null;
    for (const sheet of ids.keys()) this.sheets.get(sheet)!.stale = true;
    return { ok: true, restored: cells.length };
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
    this.activeName = ref.sheet;
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

/** The extent plus a margin for rows and columns added since it was taken. */
function grow(b: Block): Block {
  const rows = b.bottom - b.top + 1;
  return {
    top: b.top,
    left: b.left,
    bottom: Math.min(MAX_ROW, b.bottom + Math.max(64, Math.ceil(rows / 8))),
    right: Math.min(MAX_COL, b.right + 2),
  };
}

function inside(b: Block, outer: Block): boolean {
  return b.top >= outer.top && b.left >= outer.left && b.bottom <= outer.bottom && b.right <= outer.right;
}

function cellCount(b: Block): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

function emptyGrid(sheet: string, merges: MergedArea[]): Grid {
  return { sheet, top: 0, left: 0, values: [], text: [], formats: [], formulas: [], merges };
}

function toGrid(sheet: string, b: Block, values: unknown[][], text: unknown[][], formats: unknown[][], formulas: unknown[][], merges: MergedArea[]): Grid {
  const rows = b.bottom - b.top + 1;
  const cols = b.right - b.left + 1;
  const g: Grid = { sheet, top: b.top, left: b.left, values: [], text: [], formats: [], formulas: [], merges };
  for (let r = 0; r < rows; r++) {
    const v: CellValue[] = new Array(cols);
    const t: (string | null)[] = new Array(cols);
    const f: (string | null)[] = new Array(cols);
    const x: (string | null)[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const value = cellValue(values[r]?.[c]);
      v[c] = value;
      const shown = text[r]?.[c];
      t[c] = blank(shown) ? null : String(shown);
      const fmt = formats[r]?.[c];
      f[c] = blank(fmt) ? null : String(fmt);
      x[c] = cellFormula(formulas[r]?.[c], value);
    }
    g.values.push(v);
    g.text!.push(t);
    g.formats!.push(f);
    g.formulas!.push(x);
  }
  return g;
}

/** The format a number keeps: the cell's own, except Text (`@`), under which Excel would store it as text. */

/**
 * Queues the commands that put `content` into one cell and leave it with `format` (undefined: keep the cell's).
 * Text goes in under the Text format (`@`) so Excel never parses it (no formula from `=…`, no number from `98%`),
 * then the cell gets its format back; Excel does not re-parse a cell whose format changes.
 */
function put(range: () => Excel.Range, content: Content, format: string | undefined): void {
  if (content.kind === "formula") {
    if (format !== undefined) range().numberFormat = [[format]];
    range().formulas = [[content.formula]];
    return;
  }
  const v = content.value;
  if (typeof v === "string" && v !== "") {
    range().numberFormat = [["@"]];
    range().values = [[v]];
    range().numberFormat = [[format ?? "General"]];
    return;
  }
  if (format !== undefined) range().numberFormat = [[format]];
  range().values = [[v === null ? "" : v]];
}

function sameContent(r: Excel.Range, s: CellSnapshot): boolean {
  const v = cellValue(r.values[0][0]);
  const f = cellFormula(r.formulas[0][0], v);
  if (f !== null || s.formula !== null) return f === s.formula;
  return v === s.value || (isBlank(v) && s.value === null);
}
