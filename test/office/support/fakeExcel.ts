/**
 * A small Excel for the adapter tests, built from office-addin-mock's OfficeMockObject: every worksheet, range and
 * RangeAreas the adapter asks for is an OfficeMockObject, so reading a property that was not loaded, or before
 * context.sync(), gives the mock's error string ("Error, property was not loaded") exactly as the library does.
 *
 * On top of the library, to behave like Excel where the adapter's correctness depends on it:
 *   - property writes (values / formulas / numberFormat) and methods (activate, select) are queued and carried out,
 *     in order, at context.sync(); a string written to `values` is parsed as Excel parses typing (`=…` becomes a
 *     formula, `98%` a number) unless the cell's format is Text (`@`) at that moment or it starts with `'`;
 *   - a write to a locked cell of a protected sheet, or a format write there without allowFormatCells, throws
 *     AccessDenied at that point of the batch (earlier commands stay done); getCellProperties gives the lock states;
 *   - a formula written into a cell formatted Text (`@`) is stored as text, as Excel does;
 *   - loads are carried out at their place in the queue (a load before a write sees the old content); a range above
 *     5,000,000 cells loads values/text/numberFormat/formulas as null (Excel's behaviour, office-js #4783, #6781);
 *   - edit mode makes the whole sync fail with InvalidOperationInCellEditMode before anything runs;
 *   - getMergedAreasOrNullObject fails above 512 areas, counting either the areas anchored in the range or (option
 *     `mergeReport: "intersecting"`) every area touching it, which it then also reports; getItem of a missing sheet
 *     fails with ItemNotFound;
 *   - worksheet events fire after our writes (triggerSource "ThisLocalAddin") and on `userEdit`;
 *   - worksheets.add (ItemAlreadyExists for a taken name, case-blind), Range.merge, Range.format (protection.locked,
 *     font, fill, alignment, column width, row height), Range.dataValidation and Worksheet.pageLayout are queued too
 *     and recorded on the FakeSheet, for the 新建自评表 tests.
 * docs/addin.md lists which of these behaviours no test here can confirm against Excel.
 * One request context lives as long as the fake, so a test counts syncs with jest.spyOn(fake.context, "sync").
 */
/* eslint-disable @typescript-eslint/no-this-alias -- OfficeMockObject calls the functions it holds with itself as `this` */
import { OfficeMockObject } from "office-addin-mock";
import { a1, type CellValue, type Grid, type MergedArea, parseQualified } from "../../../src/core/grid";
import type { OfficeHost } from "../../../src/office/host";
import { formatNumber } from "../../../src/core/display/displayText";

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  format: string | null;
}

type Handler = (e: Record<string, unknown>) => unknown;

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  protected = false;
  /** WorksheetProtectionOptions.allowFormatCells while protected. */
  allowFormatCells = false;
  /** Cells (`row,col`) whose format.protection.locked is false; every other cell is locked, as in Excel. */
  unlocked = new Set<string>();
  handlers = { changed: [] as Handler[], format: [] as Handler[], protection: [] as Handler[] };
  /** Data validations set on the sheet, by range address. */
  validations: Array<{ address: string; rule?: unknown; prompt?: unknown; errorAlert?: unknown }> = [];
  /** Cell format properties other than numberFormat (`row,col` → { bold: true, fill: "#…" }). */
  styles = new Map<string, Record<string, unknown>>();
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  /** Worksheet.pageLayout properties set (paperSize, orientation, zoom). */
  page: Record<string, unknown> = {};
  constructor(
    public name: string,
    public id: string,
    public merges: MergedArea[] = [],
  ) {}

  key(row: number, col: number): string {
    return `${row},${col}`;
  }
  get(row: number, col: number): FakeCell {
    return this.cells.get(this.key(row, col)) ?? { value: null, formula: null, format: null };
  }
  put(row: number, col: number, cell: FakeCell): void {
    this.cells.set(this.key(row, col), cell);
  }
  /** Bounding block of cells holding a value or a formula (getUsedRange(true)). */
  used(): { top: number; left: number; bottom: number; right: number } | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if ((c.value === null || c.value === "") && c.formula === null) continue;
      const [r, col] = k.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

class ExcelError extends Error {
  constructor(
    public code: string,
    message = code,
  ) {
    super(message);
  }
}

export interface FakeOptions {
  /** Highest ExcelApi version the host supports (default 1.20). */
  api?: string;
  /** Excel on the web: responses above this many bytes fail with ResponsePayloadSizeLimitExceeded. */
  responseLimit?: number;
  /**
   * Which merged areas a range reports and counts against the 512 limit: those whose top-left lies in it
   * (default), or every area that touches it (so an area crossing a tile edge comes back from both tiles).
   */
  mergeReport?: "anchored" | "intersecting";
}

/** Above this many cells a range read gives null (resource limits page: 5,000,000 cells for read operations). */
export const FAKE_READ_CELL_LIMIT = 5_000_000;

const WRITABLE = new Set(["values", "formulas", "numberFormat"]);

function versionLE(a: string, b: string): boolean {
  const [a1_, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1_ < b1 || (a1_ === b1 && a2 <= b2);
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function parseAddr(addr: string): { top: number; left: number; bottom: number; right: number } {
  // Whole columns (`C:C`) and rows (`5:5`), as column widths and row heights are set.
  const col = /^([A-Z]+):([A-Z]+)$/.exec(addr);
  if (col) return { top: 0, left: parseQualified(`X!${col[1]}1`)!.col, bottom: 1048575, right: parseQualified(`X!${col[2]}1`)!.col };
  const row = /^(\d+):(\d+)$/.exec(addr);
  if (row) return { top: Number(row[1]) - 1, left: 0, bottom: Number(row[2]) - 1, right: 16383 };
  const [from, to] = addr.split(":");
  const tl = parseQualified(`X!${from}`)!;
  const br = to ? parseQualified(`X!${to}`)! : tl;
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  active = 0;
  selection: string | null = null;
  editMode = false;
  settingsStore = new Map<string, unknown>();
  /** Results of formulas the fake cannot evaluate: `=F7/E7` → 0.9824. */
  formulaResults = new Map<string, CellValue>();
  activationHandlers: Handler[] = [];
  /** Every command carried out, in order (`set 表1!G6 numberFormat "@"`). */
  log: string[] = [];
  readonly context: OfficeMockObject & { sync: () => Promise<void>; workbook: unknown };
  readonly runOptions: Array<Excel.RunOptions | undefined> = [];
  private queue: Array<() => void> = [];
  private mocks: OfficeMockObject[] = [];
  private responseBytes: Array<() => number> = [];
  private nextId = 1;
  /** Called at the start of every sync (a test advances its clock here to make a batch take time). */
  beforeSync: (() => void) | null = null;
  /** The cell count of every range whose values were loaded, in order. */
  readSizes: number[] = [];

  constructor(private readonly options: FakeOptions = {}) {
    const self = this;
    this.context = new OfficeMockObject({
      workbook: {
        worksheets: {
          getActiveWorksheet: () => self.sheetMock(self.sheets[self.active]),
          getItem: (name: string) => self.sheetMock(self.sheets.find((s) => s.name === name) ?? null, name),
          load: (what: string) => self.loadSheetList(what),
          onActivated: { add: (h: Handler) => void self.activationHandlers.push(h) },
          add: (name: string) => self.addLater(name),
        },
      },
      sync: () => self.sync(),
    }) as never;
  }

  static fromGrids(grids: Grid[], options: FakeOptions = {}): FakeExcel {
    const fake = new FakeExcel(options);
    for (const g of grids) fake.addSheet(g);
    return fake;
  }

  addSheet(g: Grid): FakeSheet {
    const sheet = new FakeSheet(g.sheet, `{sheet-${this.nextId++}}`, [...g.merges]);
    g.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const formula = g.formulas?.[r]?.[c] ?? null;
        const f = g.formats?.[r]?.[c] ?? null;
        const format = f === "General" ? null : f; // Excel's General is the absence of a format
        if (value === null && formula === null && format === null) return;
        sheet.put(g.top + r, g.left + c, { value, formula, format });
      }),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  /** worksheets.add: the sheet exists from its place in the queue on; commands queued on it after run after it. */
  private addLater(name: string): OfficeMockObject {
    const sheet = new FakeSheet(name, `{sheet-${this.nextId++}}`);
    this.queue.push(() => {
      if (this.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase())) throw new ExcelError("ItemAlreadyExists", `sheet ${name} exists`);
      this.log.push(`add sheet ${name}`);
      this.sheets.push(sheet);
    });
    return this.sheetMock(sheet);
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** The cell at `Sheet!A1`. */
  cell(ref: string): FakeCell {
    const p = parseQualified(ref)!;
    return this.sheet(p.sheet).get(p.row, p.col);
  }

  /** A user typing into a cell: state changes and onChanged fires (triggerSource Unknown). */
  userEdit(ref: string, value: CellValue, options: { silent?: boolean } = {}): void {
    const p = parseQualified(ref)!;
    const s = this.sheet(p.sheet);
    const old = s.get(p.row, p.col);
    s.put(p.row, p.col, { ...old, value, formula: null });
    if (!options.silent) this.fire(s, "changed", a1(p.row, p.col), "Unknown");
  }

  protect(name: string, on = true, options: { allowFormatCells?: boolean; unlocked?: string[] } = {}): void {
    const s = this.sheet(name);
    s.protected = on;
    s.allowFormatCells = options.allowFormatCells ?? false;
    for (const ref of options.unlocked ?? []) {
      const p = parseQualified(`${name}!${ref}`)!;
      s.unlocked.add(s.key(p.row, p.col));
    }
    for (const h of s.handlers.protection) void h({ worksheetId: s.id, isProtected: on, type: "WorksheetProtectionChanged" });
  }

  host(): OfficeHost {
    const api = this.options.api ?? "1.20";
    const settings = new OfficeMockObject({
      get: (k: string) => (this.settingsStore.has(k) ? this.settingsStore.get(k) : null),
      set: (k: string, v: unknown) => void this.pendingSettings.set(k, v),
      saveAsync: (cb?: (r: { status: string }) => void) => {
        for (const [k, v] of this.pendingSettings) this.settingsStore.set(k, v);
        this.pendingSettings.clear();
        cb?.({ status: "succeeded" });
      },
    }) as never;
    return {
      run: async (a: unknown, b?: unknown) => {
        const batch = (b ?? a) as (ctx: unknown) => Promise<unknown>;
        this.runOptions.push(b ? (a as Excel.RunOptions) : undefined);
        try {
          return (await batch(this.context)) as never;
        } finally {
          this.queue = [];
          this.mocks = [];
          this.responseBytes = [];
        }
      },
      isSetSupported: (name: string, version: string) => name === "ExcelApi" && versionLE(version, api),
      settings,
      payloadLimited: this.options.responseLimit !== undefined,
    };
  }
  private pendingSettings = new Map<string, unknown>();

  // ---- the request context -------------------------------------------------------------------------------------

  private async sync(): Promise<void> {
    this.beforeSync?.();
    const queue = this.queue;
    // Every object of this Excel.run settles at each sync: one made in an earlier batch may be loaded again later.
    const mocks = this.mocks;
    const bytes = this.responseBytes;
    this.queue = [];
    this.responseBytes = [];
    if (this.editMode) throw new ExcelError("InvalidOperationInCellEditMode");
    if (this.options.responseLimit !== undefined) {
      const total = bytes.reduce((n, f) => n + f(), 0);
      if (total > this.options.responseLimit) throw new ExcelError("ResponsePayloadSizeLimitExceeded");
    }
    const fired: Array<() => void> = [];
    this.firing = fired;
    try {
      for (const command of queue) command();
    } finally {
      this.firing = null;
      // Including the objects made while the batch ran (the sheet list's items).
      for (const m of mocks) await OfficeMockObject.prototype.sync.call(m);
      // The library settles nested properties in promise callbacks it does not await: let them run.
      await new Promise((resolve) => setImmediate(resolve));
      // Events reach the add-in after the batch, asynchronously, as in Excel.
      setTimeout(() => fired.forEach((f) => f()), 0);
    }
  }
  private firing: Array<() => void> | null = null;

  private fire(s: FakeSheet, kind: "changed" | "format", address: string, triggerSource?: string): void {
    const e =
      kind === "changed"
        ? { worksheetId: s.id, address, triggerSource, changeType: "RangeEdited", source: "Local", type: "WorksheetChanged" }
        : { worksheetId: s.id, address, source: "Local", type: "WorksheetFormatChanged" };
    const run = () => (kind === "changed" ? s.handlers.changed : s.handlers.format).forEach((h) => void h(e));
    if (this.firing) this.firing.push(run);
    else run();
  }

  private track<T extends OfficeMockObject>(m: T): T {
    this.mocks.push(m);
    return m;
  }

  private loadSheetList(what: string): void {
    const wsList = (this.context.workbook as { worksheets: Record<string, unknown> }).worksheets;
    wsList.items = "Error, context.sync() was not called";
    this.queue.push(() => {
      wsList.items = this.sheets.map((s) => {
        const m = this.sheetMock(s);
        m.load("name,id");
        return m;
      });
    });
    void what;
  }

  private sheetMock(sheet: FakeSheet | null, missing?: string): OfficeMockObject {
    const self = this;
    if (!sheet) this.queue.push(() => {
      throw new ExcelError("ItemNotFound", `no sheet ${missing}`);
    });
    const s = sheet ?? new FakeSheet(missing ?? "?", "{missing}");
    const m = new OfficeMockObject({
      name: s.name,
      id: s.id,
      protection: { protected: s.protected, options: { allowFormatCells: s.allowFormatCells } },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => self.usedRange(s, valuesOnly),
      getRange: (addr?: string) => self.rangeMock(s, addr ?? "A1"),
      activate: () => self.queue.push(() => {
        self.log.push(`activate ${s.name}`);
        self.active = self.sheets.indexOf(s);
      }),
      onChanged: { add: (h: Handler) => void s.handlers.changed.push(h) },
      onFormatChanged: { add: (h: Handler) => void s.handlers.format.push(h) },
      onProtectionChanged: { add: (h: Handler) => void s.handlers.protection.push(h) },
    });
    Object.defineProperty(m, "pageLayout", { value: this.recorder((k, v) => (s.page[k] = v)) });
    return this.track(m);
  }

  private usedRange(s: FakeSheet, valuesOnly?: boolean): OfficeMockObject {
    void valuesOnly;
    const b = s.used();
    if (!b) {
      const m = this.track(new OfficeMockObject({ address: "", values: [], text: [], numberFormat: [], formulas: [] }));
      Object.defineProperty(m, "isNullObject", { value: true });
      return m;
    }
    return this.rangeMock(s, `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`);
  }

  /**
   * A range over the sheet; writes to it are queued and carried out at sync, and so are loads, at their place in the
   * queue, so that a load queued before a write sees the cell as it was.
   */
  private rangeMock(s: FakeSheet, addr: string): OfficeMockObject {
    const self = this;
    const b = parseAddr(addr);
    const cells = (b.bottom - b.top + 1) * (b.right - b.left + 1);
    const compute = (prop: string): unknown => {
      if (prop === "address") return `${quoteSheet(s.name)}!${addr}`;
      // Excel hands back null above the read limit instead of failing (office-js issues #4783, #6781).
      if (cells > FAKE_READ_CELL_LIMIT) return null;
      const f: (c: FakeCell) => unknown =
        prop === "values"
          ? (c) => (c.value === null ? "" : c.value)
          : prop === "text"
            ? (c) => shown(c)
            : prop === "numberFormat"
              ? (c) => c.format ?? "General"
              : (c) => c.formula ?? (c.value === null ? "" : c.value);
      return self.block(s, b, f);
    };
    // Placeholders: the real contents are computed when a queued load runs.
    const raw = new OfficeMockObject({
      address: "",
      values: "",
      text: "",
      numberFormat: "",
      formulas: "",
      select: () => self.queue.push(() => {
        self.log.push(`select ${s.name}!${addr}`);
        self.selection = `${s.name}!${addr}`;
      }),
      getMergedAreasOrNullObject: () => self.mergedAreas(s, b),
      getCellProperties: () => self.cellProperties(s, b),
    });
    Object.defineProperty(raw, "isNullObject", { value: false });
    this.track(raw);
    let counted = false;
    return new Proxy(raw, {
      get(target, prop, receiver) {
        if (prop === "merge") return () => self.queue.push(() => void s.merges.push({ ...b }));
        if (prop === "format") return self.formatMock(s, b);
        if (prop === "dataValidation") {
          const v: (typeof s.validations)[number] = { address: addr };
          let added = false;
          return self.recorder((k, value) => {
            v[k as "rule"] = value;
            if (!added) s.validations.push(v);
            added = true;
          });
        }
        if (prop === "load") {
          return (what: string) => {
            const props = what.split(",").map((p) => p.trim());
            if (!counted) self.responseBytes.push(() => JSON.stringify(props.map(compute)).length);
            counted = true;
            self.queue.push(() => {
              if (props.includes("values")) self.readSizes.push(cells);
              const inner = (target as unknown as { _properties: Map<string, { resetValue(v: unknown): void }> })._properties;
              for (const p of props) inner.get(p)?.resetValue(compute(p));
              target.load(what);
            });
            return target.load(what);
          };
        }
        return Reflect.get(target, prop, receiver);
      },
      set(target, prop, value, receiver) {
        if (typeof prop === "string" && WRITABLE.has(prop) && Array.isArray(value)) {
          self.queue.push(() => self.apply(s, b, prop, value as unknown[][]));
          return true;
        }
        return Reflect.set(target, prop, value, receiver);
      },
    });
  }

  /**
   * An object whose property sets (also nested: `protection.locked`, `font.bold`) are queued and handed to `record`
   * with a dotted key at sync.
   */
  private recorder(record: (key: string, value: unknown) => void, prefix = ""): Record<string, unknown> {
    const self = this;
    return new Proxy({} as Record<string, unknown>, {
      get: (_t, prop) => (typeof prop === "string" ? self.recorder(record, `${prefix}${prop}.`) : undefined),
      set: (_t, prop, value) => {
        self.queue.push(() => record(`${prefix}${String(prop)}`, value));
        return true;
      },
    });
  }

  private formatMock(s: FakeSheet, b: { top: number; left: number; bottom: number; right: number }): Record<string, unknown> {
    return this.recorder((key, value) => {
      if (key === "columnWidth") for (let c = b.left; c <= b.right; c++) s.columnWidths.set(c, value as number);
      else if (key === "rowHeight") for (let r = b.top; r <= b.bottom; r++) s.rowHeights.set(r, value as number);
      else
        for (let r = b.top; r <= b.bottom; r++)
          for (let c = b.left; c <= b.right; c++) {
            if (key === "protection.locked") {
              if (value === false) s.unlocked.add(s.key(r, c));
              else s.unlocked.delete(s.key(r, c));
            } else s.styles.set(s.key(r, c), { ...s.styles.get(s.key(r, c)), [key]: value });
          }
    });
  }

  /** A block of cells as Excel returns it; rows without cells share one array (a million-row range stays cheap). */
  private block(s: FakeSheet, b: { top: number; left: number; bottom: number; right: number }, f: (c: FakeCell) => unknown): unknown[][] {
    // Which rows hold cells: worth indexing only for tall ranges (single-cell loads are the common case).
    let rows: Set<number> | null = null;
    if (b.bottom - b.top > 64) {
      rows = new Set<number>();
      for (const k of s.cells.keys()) rows.add(Number(k.slice(0, k.indexOf(","))));
    }
    const width = b.right - b.left + 1;
    const none = f({ value: null, formula: null, format: null });
    const blankRow = new Array(width).fill(none);
    const out: unknown[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      if (rows && !rows.has(r)) {
        out.push(blankRow);
        continue;
      }
      const row: unknown[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(f(s.get(r, c)));
      out.push(row);
    }
    return out;
  }

  /** Range.getCellProperties({ format: { protection: true } }): a ClientResult filled in at its place in the queue. */
  private cellProperties(s: FakeSheet, b: { top: number; left: number; bottom: number; right: number }): { value: unknown } {
    const result: { value: unknown } = { value: "Error, context.sync() was not called" };
    this.queue.push(() => {
      const out: unknown[][] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const row: unknown[] = [];
        for (let c = b.left; c <= b.right; c++) row.push({ format: { protection: { locked: !s.unlocked.has(s.key(r, c)), formulaHidden: false } } });
        out.push(row);
      }
      result.value = out;
    });
    this.cellPropertyCalls++;
    return result;
  }
  cellPropertyCalls = 0;

  private mergedAreas(s: FakeSheet, b: { top: number; left: number; bottom: number; right: number }): OfficeMockObject {
    const intersecting = this.options.mergeReport === "intersecting";
    const reported = s.merges.filter((m) =>
      intersecting
        ? m.top <= b.bottom && m.bottom >= b.top && m.left <= b.right && m.right >= b.left
        : m.top >= b.top && m.top <= b.bottom && m.left >= b.left && m.left <= b.right,
    );
    if (reported.length > 512) {
      this.mergeFailures++;
      this.queue.push(() => {
        throw new ExcelError("GeneralException", "more than 512 merged areas");
      });
    }
    const address = reported.map((m) => `${quoteSheet(s.name)}!${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).join(",");
    const m = this.track(new OfficeMockObject({ address, areaCount: reported.length }));
    Object.defineProperty(m, "isNullObject", { value: reported.length === 0 });
    this.mergeCalls++;
    return m;
  }
  mergeCalls = 0;
  /** Merged-areas queries that failed (more than 512 areas). */
  mergeFailures = 0;

  /** Carries out one queued property write on every cell of the block. */
  private apply(s: FakeSheet, b: { top: number; left: number; bottom: number; right: number }, prop: string, value: unknown[][]): void {
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const v = value[r - b.top]?.[c - b.left];
        if (v === null || v === undefined) continue; // null in a 2-D write leaves the cell alone
        if (s.protected && !s.unlocked.has(s.key(r, c))) throw new ExcelError("AccessDenied", `${s.name}!${a1(r, c)} is locked`);
        if (s.protected && prop === "numberFormat" && !s.allowFormatCells) throw new ExcelError("AccessDenied", `formatting cells is not allowed on ${s.name}`);
        const cell = { ...s.get(r, c) };
        const ref = `${s.name}!${a1(r, c)}`;
        this.log.push(`set ${ref} ${prop} ${JSON.stringify(v)}`);
        if (prop === "numberFormat") {
          cell.format = v === "General" ? null : String(v);
          s.put(r, c, cell);
          this.fire(s, "format", a1(r, c));
          continue;
        }
        // A formula typed into a Text-formatted cell stays text, as Excel does.
        if (prop === "formulas" && typeof v === "string" && v.startsWith("=") && cell.format !== "@") {
          cell.formula = v;
          cell.value = this.formulaResults.get(v) ?? null;
        } else Object.assign(cell, this.parseTyped(v, cell.format));
        s.put(r, c, cell);
        this.fire(s, "changed", a1(r, c), "ThisLocalAddin");
      }
    }
  }

  /** What Excel stores when `v` is typed into a cell formatted `format`. */
  private parseTyped(v: unknown, format: string | null): Pick<FakeCell, "value" | "formula"> {
    if (typeof v !== "string") return { value: v as CellValue, formula: null };
    if (v === "") return { value: null, formula: null };
    if (format === "@") return { value: v, formula: null };
    if (v.startsWith("'")) return { value: v.slice(1), formula: null };
    if (v.startsWith("=")) return { value: this.formulaResults.get(v) ?? "#NAME?", formula: v };
    const m = /^\s*(-?\d+(?:\.\d+)?)(%?)\s*$/.exec(v);
    if (m) return { value: m[2] ? Number(m[1]) / 100 : Number(m[1]), formula: null };
    return { value: v, formula: null };
  }
}

function shown(c: FakeCell): string {
  if (c.value === null) return "";
  if (typeof c.value === "number") return formatNumber(c.value, c.format);
  if (typeof c.value === "boolean") return c.value ? "TRUE" : "FALSE";
  return c.value;
}
