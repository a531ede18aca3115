/**
 * The WorkbookPort of the browser preview: the workbook is a list of grids in memory (read by src/xlsx's
 * streaming reader on the preview page, or built by a test). It follows the Office adapter's contract: a write refuses, writing nothing,
 * when a target changed since the read, when a non-empty cell lacks consent, or when its sheet is protected; a
 * revert restores value, formula and format exactly. Views subscribe to repaint after writes, reverts and selects.
 */
import { type CellValue, type Grid, GridReader, isBlank, parseQualified, qualified } from "../core/grid";
import { copyGrid, setCell } from "../core/grid/edit";
import type { CellSnapshot, CreateOutcome, FormulaRewrite, ReadScope, RevertOutcome, WorkbookPort, WriteOptions, WriteOutcome } from "../core/port";
import { guardRewrites } from "../core/freeze/guard";
import { templateGrid, type TemplateSheet } from "../core/template/model";
import { isProfileId, type ProfileId } from "../core/scoring/profiles";
import type { PlannedWrite } from "../core/writeplan";
import { guardWrites, keepFormat } from "../core/guard";

export interface MemoryPortOptions {
  /** Sheets that refuse writes, as a protected sheet in Excel does. */
  protectedSheets?: Iterable<string>;
  profile?: ProfileId | null;
}

type Written = string | number | boolean | null | { formula: string };

export class MemoryWorkbookPort implements WorkbookPort {
  readonly grids: Grid[];
  private activeIndex = 0;
  selected: string | null = null;
  private profile: ProfileId | null;
  private readonly protectedSheets: Set<string>;
  /** Bumped on every change to a sheet; a write compares it with the value at the read. */
  private readonly versions = new Map<string, number>();
  /** Each sheet's version at its last read: until it changes, the live grid is what that read returned. */
  private readonly lastRead = new Map<string, number>();
  /** What the last write or rewrite put in each cell: a value, or a formula (转为普通公式 / 公式化). */
  private lastWrite: Map<string, Written> | null = null;
  private readonly listeners = new Set<() => void>();
  /** Counts of port calls, for tests and the bench. */
  readonly calls = { read: 0, write: 0, revert: 0, select: 0, rewrite: 0, create: 0 };

  constructor(grids: Grid[], options: MemoryPortOptions = {}) {
    this.grids = grids.map(copyGrid);
    this.protectedSheets = new Set(options.protectedSheets ?? []);
    this.profile = options.profile ?? null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes on every notification (a snapshot for useSyncExternalStore). */
  version = 0;

  private notify(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  get active(): Grid | undefined {
    return this.grids[this.activeIndex];
  }

  setActive(sheet: string): void {
    const i = this.grids.findIndex((g) => g.sheet === sheet);
    if (i >= 0 && i !== this.activeIndex) {
      this.activeIndex = i;
      this.notify();
    }
  }

  private grid(sheet: string): Grid | undefined {
    return this.grids.find((g) => g.sheet === sheet);
  }

  private bump(sheet: string): void {
    this.versions.set(sheet, (this.versions.get(sheet) ?? 0) + 1);
  }

  /** A user's edit (the preview is read-only; tests use this to change a sheet after a read). */
  edit(cell: string, value: CellValue): void {
    const ref = parseQualified(cell);
    const g = ref && this.grid(ref.sheet);
    if (!ref || !g) throw new Error(`no cell ${cell}`);
    setCell(g, ref.row, ref.col, { value, formula: null, format: undefined });
    this.bump(g.sheet);
    this.notify();
  }

  async readGrids(scope: ReadScope): Promise<Grid[]> {
    this.calls.read++;
    const grids = scope === "active" ? (this.active ? [this.active] : []) : this.grids;
    return grids.map((g) => {
      this.lastRead.set(g.sheet, this.versions.get(g.sheet) ?? 0);
      return copyGrid(g);
    });
  }

  /** The sheets of a write or rewrite, checked as a write is: read, unchanged since, not protected. */
  private readSheets(sheets: Iterable<string>): { ok: true; read: Map<string, Grid> } | { ok: false; message: string } {
    const read = new Map<string, Grid>();
    for (const sheet of sheets) {
      const last = this.lastRead.get(sheet);
      const grid = this.grid(sheet);
      if (last === undefined || !grid) continue; // the guards refuse a sheet that was not read
      if (this.protectedSheets.has(sheet)) return { ok: false, message: `工作表“${sheet}”受保护：请先撤销工作表保护，再写回。未写入任何内容。` };
      if ((this.versions.get(sheet) ?? 0) !== last) {
        return { ok: false, message: `工作表“${sheet}”的内容在校验后被修改：请重新校验后再写回。未写入任何内容。` };
      }
      read.set(sheet, grid);
    }
    return { ok: true, read };
  }

  private wrote(sheets: Iterable<string>, cells: Map<string, Written>): void {
    for (const sheet of sheets) {
      this.bump(sheet);
      this.lastRead.delete(sheet); // the read is out of date now
    }
    this.lastWrite = cells;
    this.notify();
  }

  async rewrite(rewrites: readonly FormulaRewrite[]): Promise<WriteOutcome> {
    this.calls.rewrite++;
    if (rewrites.length === 0) return { ok: true, written: 0, snapshot: [] };
    const sheets = this.readSheets(new Set(rewrites.map((w) => w.ref.sheet)));
    if (!sheets.ok) return sheets;
    const guard = guardRewrites(sheets.read, rewrites);
    if (!guard.ok) return guard;
    rewrites.forEach((w, i) => {
      const g = this.grid(w.ref.sheet)!;
      const format = guard.snapshot[i].numberFormat;
      // The preview does not calculate: a new formula shows the value the cell had until the workbook is reopened.
      if ("formula" in w.after) setCell(g, w.ref.row, w.ref.col, { value: guard.snapshot[i].value, formula: w.after.formula, format });
      else setCell(g, w.ref.row, w.ref.col, { value: w.after.value, formula: null, format });
    });
    this.wrote(sheets.read.keys(), new Map(rewrites.map((w): [string, Written] => [w.cell, "formula" in w.after ? { formula: w.after.formula } : w.after.value])));
    return { ok: true, written: rewrites.length, snapshot: guard.snapshot };
  }

  async createSheet(template: TemplateSheet): Promise<CreateOutcome> {
    this.calls.create++;
    const taken = new Set(this.grids.map((g) => g.sheet.toLowerCase()));
    let name = template.name;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${template.name} (${i})`;
    // As a host hands it over before calculating: labels and inputs, formula cells blank.
    this.grids.push({ ...templateGrid(template), sheet: name });
    this.activeIndex = this.grids.length - 1;
    this.notify();
    return { ok: true, sheet: name };
  }

  async write(writes: readonly PlannedWrite[], options: WriteOptions = {}): Promise<WriteOutcome> {
    this.calls.write++;
    if (writes.length === 0) return { ok: true, written: 0, snapshot: [] };
    const sheets = this.readSheets(new Set(writes.map((w) => w.ref.sheet)));
    if (!sheets.ok) return sheets;
    const read = sheets.read;
    const guard = guardWrites(read, writes, options);
    if (!guard.ok) return guard;
    writes.forEach((w, i) => {
      const g = this.grid(w.ref.sheet)!;
      const format = w.numberFormat ?? keepFormat(guard.snapshot[i].numberFormat, w.value);
      setCell(g, w.ref.row, w.ref.col, { value: w.value, formula: null, format });
    });
    this.wrote(read.keys(), new Map(writes.map((w) => [w.cell, w.value])));
    return { ok: true, written: writes.length, snapshot: guard.snapshot };
  }

  async revert(snapshot: readonly CellSnapshot[]): Promise<RevertOutcome> {
    this.calls.revert++;
    const last = this.lastWrite;
    if (!last || snapshot.some((s) => !last.has(s.cell))) {
      return { ok: false, message: "只能撤销本任务窗格最近一次写回的内容。" };
    }
    const edited = snapshot.filter((s) => {
      const g = this.grid(s.ref.sheet);
      const reader = g ? new GridReader(g) : null;
      if (!reader) return true;
      const w = last.get(s.cell);
      const formula = reader.formula(s.ref.row, s.ref.col);
      if (w !== null && typeof w === "object") return formula !== w.formula;
      const v = reader.value(s.ref.row, s.ref.col);
      return formula !== null || !(v === w || (isBlank(v) && (w === null || w === "")));
    });
    if (edited.length > 0) {
      return { ok: false, message: `单元格 ${edited.map((s) => s.cell).join("、")} 在写回后又被修改：为免覆盖这些修改，未撤销任何内容。` };
    }
    for (const s of snapshot) {
      const g = this.grid(s.ref.sheet)!;
      setCell(g, s.ref.row, s.ref.col, { value: s.value, formula: s.formula, format: s.numberFormat });
      this.bump(g.sheet);
      this.lastRead.delete(g.sheet);
    }
    this.lastWrite = null;
    this.notify();
    return { ok: true, restored: snapshot.length };
  }

  async select(cell: string): Promise<void> {
    this.calls.select++;
    const ref = parseQualified(cell);
    if (!ref || !this.grid(ref.sheet)) throw new Error(`无法定位单元格：${cell}`);
    this.activeIndex = this.grids.findIndex((g) => g.sheet === ref.sheet);
    this.selected = qualified(ref);
    this.notify();
  }

  async getProfile(): Promise<ProfileId | null> {
    return this.profile;
  }

  async setProfile(profile: ProfileId): Promise<void> {
    if (!isProfileId(profile)) throw new Error(`未知的评分口径：${String(profile)}`);
    this.profile = profile;
  }
}
