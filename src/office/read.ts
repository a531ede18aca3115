/**
 * Reading the workbook through Office.js: the sheets' names, ids, extents and protection (`prime`, two syncs when the
 * pane opens), then each 校验 in one sync per sheet set: the used range's values, text, number formats and formulas,
 * the protection and, on a protected sheet, which cells are locked, the merged areas (tiled: one query fails above
 * 512 areas) and the change-event registration. The rare extra syncs, each counted by the tests:
 *   - a sheet never seen before or grown past the tiles' margin: its merges (and its events) in a second sync;
 *   - a sheet found protected that was not known to be: its locked cells in that second sync;
 *   - a failed batch that may be a merged-areas query above 512: once more with every tile split in four;
 *   - a used range above 5,000,000 cells (every platform), or above the 5 MB payload estimate in Excel on the web:
 *     row chunks, one sync each.
 */
import type { Grid, MergedArea } from "../core/grid";
import type { ChangeTracker } from "./changes";
import { emptyGrid, toGrid } from "./cells";
import { codeOf, mayBeMergeLimit, messageOf } from "./errors";
import { registerChangeEvents } from "./events";
import type { OfficeHost } from "./host";
import {
  type Block,
  blockA1,
  cellCount,
  chunkRows,
  DEFAULT_BYTES_PER_CELL,
  grow,
  inside,
  jsonBytes,
  parseAddressList,
  parseRangeAddress,
  READ_CELL_LIMIT,
  tilesFor,
  uniqueAreas,
  WEB_PAYLOAD_BUDGET,
} from "./layout";

/** Which cells of a protected sheet are locked: Excel's default for a cell is locked, so only the exceptions are kept. */
export interface Locks {
  /** The block whose lock states were read; a cell outside it counts as locked. */
  block: Block;
  /** `row,col` of the unlocked cells in the block. */
  unlocked: Set<string>;
}

export interface SheetState {
  id: string;
  name: string;
  /** The used block at the last probe or read; null for an empty sheet or when unknown. */
  extent: Block | null;
  bytesPerCell: number;
  protected: boolean;
  /** A protected sheet whose protection lets users format cells (WorksheetProtectionOptions.allowFormatCells). */
  formatsAllowed: boolean;
  /** Lock states of a protected sheet's cells, from the last read; null when unprotected or unknown. */
  locks: Locks | null;
  /** The grid of the last read, the base for snapshots and the consent check. */
  grid: Grid | null;
  /** ChangeTracker mark taken at the last read. */
  mark: number;
  /** True once our own write or revert has made `grid` out of date. */
  stale: boolean;
  registered: boolean;
  /** How often this sheet's merge tiles are split in four, after a merged-areas query failed on it. */
  tileSplits: number;
}

/** Whether a cell of a read sheet is locked against writing (false on an unprotected sheet). */
export function isLocked(s: SheetState, row: number, col: number): boolean {
  if (!s.protected) return false;
  if (!s.locks || !inside({ top: row, left: col, bottom: row, right: col }, s.locks.block)) return true;
  return !s.locks.unlocked.has(`${row},${col}`);
}

const LOCK_QUERY: Excel.CellPropertiesLoadOptions = { format: { protection: true } };
/** Bytes a cell's lock state costs in a response ({"format":{"protection":{"locked":true,"formulaHidden":false}}}). */
const LOCK_BYTES_PER_CELL = 64;

/** Queues the lock states of a block; the returned function reads them after the sync. */
function queueLocks(ws: Excel.Worksheet, block: Block): () => Locks {
  const props = ws.getRange(blockA1(block)).getCellProperties(LOCK_QUERY);
  return () => {
    const unlocked = new Set<string>();
    props.value.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.format?.protection?.locked === false) unlocked.add(`${block.top + r},${block.left + c}`);
      }),
    );
    return { block, unlocked };
  };
}

/** Queues a merged-areas query on a tile; the returned function reads it after the sync. */
function queueMerges(ws: Excel.Worksheet, tile: Block): () => MergedArea[] {
  const areas = ws.getRange(blockA1(tile)).getMergedAreasOrNullObject();
  areas.load("address");
  return () => (areas.isNullObject ? [] : parseAddressList(areas.address));
}

interface ReadOptions {
  /** Read every sheet in chunks (after a payload-size failure). */
  forceChunks?: boolean;
  /** Split every sheet's tiles once more (after a failure that may be a merged-areas query above 512). */
  splitTiles?: boolean;
}

export class WorkbookReader {
  readonly sheets = new Map<string, SheetState>();
  /** Sheet names in workbook order. */
  order: string[] = [];
  activeName: string | null = null;
  private primed = false;
  private priming: Promise<void> | null = null;
  private activationTracked = false;

  constructor(
    private readonly host: OfficeHost,
    private readonly changes: ChangeTracker,
    private readonly supports: (version: string) => boolean,
  ) {}

  state(name: string, id: string): SheetState {
    let s = this.sheets.get(name);
    if (!s || s.id !== id) {
      s = {
        id,
        name,
        extent: null,
        bytesPerCell: DEFAULT_BYTES_PER_CELL,
        protected: false,
        formatsAllowed: true,
        locks: null,
        grid: null,
        mark: 0,
        stale: false,
        registered: false,
        tileSplits: 0,
      };
      this.sheets.set(name, s);
    }
    return s;
  }

  /**
   * Two syncs when the task pane opens: every sheet's name and id, then their used blocks and protection, and the
   * active sheet. With the extents known, each validation reads its sheets, merges included, in a single sync.
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
      const probes = list.items.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("address");
        ws.protection.load("protected");
        return { ws, used };
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
      for (const { ws, used } of probes) {
        const s = this.state(ws.name, ws.id);
        s.extent = used.isNullObject ? null : parseRangeAddress(used.address);
        // Known before the first read, so that read can ask for the locked cells in its own batch.
        s.protected = ws.protection.protected === true;
      }
      this.activeName = active.name;
    });
    this.primed = true;
  }

  async readGrids(scope: "active" | "all"): Promise<Grid[]> {
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
        return this.retry(() => this.read(scope, { forceChunks: true }));
      }
      if (mayBeMergeLimit(e)) return this.retry(() => this.read(scope, { splitTiles: true }));
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

  private async read(scope: "active" | "all", options: ReadOptions = {}): Promise<Grid[]> {
    const names = scope === "active" ? [this.activeName ?? ""] : [...this.order];
    if (options.splitTiles) for (const n of names) if (this.sheets.get(n)) this.sheets.get(n)!.tileSplits++;
    const result = await this.host.run(async (context) => {
      const list = context.workbook.worksheets;
      list.load("items/name");
      const active = list.getActiveWorksheet();
      active.load("name,id");
      const wanted = scope === "active" ? [active] : names.map((n) => list.getItem(n));
      const jobs = wanted.map((ws, i) => {
        if (ws !== active) ws.load("name,id");
        ws.protection.load("protected,options");
        const known = this.sheets.get(names[i]) ?? null;
        const extent = known?.extent ?? null;
        const covered = extent ? grow(extent) : null;
        const used = ws.getUsedRangeOrNullObject(true);
        const lockedToo = known?.protected === true && covered !== null;
        const chunk = options.forceChunks === true || this.mustChunk(covered, known, lockedToo);
        if (chunk) used.load("address");
        else used.load("address,values,text,numberFormat,formulas");
        // Merged areas, tiled over the known extent plus a margin for rows added since.
        const tiles = covered ? tilesFor(covered, known?.tileSplits ?? 0).map((t) => queueMerges(ws, t)) : [];
        const locks = lockedToo && !chunk ? queueLocks(ws, covered) : null;
        const registeredFor = known && !known.registered ? known : null;
        if (registeredFor) registerChangeEvents(ws, this.changes, this.supports);
        return { ws, used, covered, tiles, locks, chunk, guessed: names[i], registeredFor };
      });
      await context.sync();

      const out = jobs.map((job) => {
        const state = this.state(job.ws.name, job.ws.id);
        state.protected = job.ws.protection.protected === true;
        state.formatsAllowed = !state.protected || job.ws.protection.options?.allowFormatCells === true;
        const block = job.used.isNullObject ? null : parseRangeAddress(job.used.address);
        state.extent = block;
        if (job.registeredFor === state) state.registered = true;
        // Complete only when the tiles were laid for this very sheet and cover its whole used block.
        const fits = job.guessed === job.ws.name && (!block || (job.covered !== null && inside(block, job.covered)));
        const merges = fits ? uniqueAreas(job.tiles.flatMap((t) => t())) : null;
        state.locks = state.protected && fits && job.locks ? job.locks() : null;
        return { state, block, job, merges };
      });
      this.order = list.items.map((ws) => ws.name);
      this.activeName = active.name;

      // Rare second sync: merges of a sheet whose extent was unknown or grew; events of a sheet first seen; the
      // locked cells of a sheet found protected (chunked reads fetch theirs with each chunk).
      const missing = out.filter((o) => o.merges === null && o.block);
      const unregistered = out.filter((o) => !o.state.registered);
      const unlocked = out.filter((o) => o.state.protected && !o.state.locks && o.block && !o.job.chunk);
      if (missing.length > 0 || unregistered.length > 0 || unlocked.length > 0) {
        const fetch = missing.map((o) => ({ o, tiles: tilesFor(o.block!, o.state.tileSplits).map((t) => queueMerges(o.job.ws, t)) }));
        const lockFetch = unlocked.map((o) => ({ o, locks: queueLocks(o.job.ws, grow(o.block!)) }));
        for (const o of unregistered) registerChangeEvents(o.job.ws, this.changes, this.supports);
        await context.sync();
        for (const f of fetch) f.o.merges = uniqueAreas(f.tiles.flatMap((t) => t()));
        for (const f of lockFetch) f.o.state.locks = f.locks();
        for (const o of unregistered) o.state.registered = true;
      }

      const grids: Grid[] = [];
      for (const o of out) {
        const merges = o.merges ?? [];
        const u = o.job.used;
        // Above 5,000,000 cells Excel may hand back null instead of failing: read such a block in chunks.
        const complete = !o.job.chunk && Array.isArray(u.values) && Array.isArray(u.text) && Array.isArray(u.numberFormat) && Array.isArray(u.formulas);
        if (!o.block) grids.push(emptyGrid(o.state.name, merges));
        else if (!complete) grids.push(await this.readChunked(context, o.job.ws, o.block, o.state, merges));
        else {
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
    if (scope === "all" && this.order.some((n) => !names.includes(n))) return this.read(scope, { forceChunks: options.forceChunks });
    return result;
  }

  /** Whether a sheet's read must come in chunks: above the cell limit anywhere, above the payload budget on the web. */
  private mustChunk(covered: Block | null, known: SheetState | null, lockedToo: boolean): boolean {
    if (!covered || !known?.extent) return false;
    if (cellCount(covered) > READ_CELL_LIMIT) return true;
    if (!this.host.payloadLimited) return false;
    const perCell = known.bytesPerCell + (lockedToo ? LOCK_BYTES_PER_CELL : 0);
    return cellCount(known.extent) * perCell > WEB_PAYLOAD_BUDGET;
  }

  /**
   * Reads a block in row chunks, one sync each: never more than READ_CELL_LIMIT cells per range, and on the web
   * within the payload budget. A protected sheet's lock states come with each chunk.
   */
  private async readChunked(context: Excel.RequestContext, ws: Excel.Worksheet, block: Block, state: SheetState, merges: MergedArea[]): Promise<Grid> {
    const cols = block.right - block.left + 1;
    const rows = block.bottom - block.top + 1;
    const perCell = state.bytesPerCell + (state.protected ? LOCK_BYTES_PER_CELL : 0);
    const step = chunkRows(rows, cols, perCell, this.host.payloadLimited);
    const values: unknown[][] = [];
    const text: unknown[][] = [];
    const formats: unknown[][] = [];
    const formulas: unknown[][] = [];
    const unlocked = new Set<string>();
    for (let top = block.top; top <= block.bottom; top += step) {
      const part = { top, left: block.left, bottom: Math.min(block.bottom, top + step - 1), right: block.right };
      const r = ws.getRange(blockA1(part));
      r.load("values,text,numberFormat,formulas");
      const locks = state.protected ? queueLocks(ws, part) : null;
      await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one sync per chunk, by design
      const got = { values: r.values, text: r.text, formats: r.numberFormat, formulas: r.formulas };
      if (!Array.isArray(got.values) || !Array.isArray(got.formulas)) throw new Error(`读取 ${state.name}!${blockA1(part)} 时 Excel 未返回数据`);
      // A loop, not push(...rows): spreading hundreds of thousands of rows overflows the call stack.
      for (let i = 0; i < got.values.length; i++) {
        values.push(got.values[i]);
        text.push(got.text[i]);
        formats.push(got.formats[i]);
        formulas.push(got.formulas[i]);
      }
      if (locks) for (const k of locks().unlocked) unlocked.add(k);
    }
    if (state.protected) state.locks = { block, unlocked };
    return toGrid(state.name, block, values, text, formats, formulas, merges);
  }
}
