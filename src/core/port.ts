/**
 * The workbook port: everything the task pane needs from a workbook, as plain data. Excel (src/office) and the
 * browser preview (src/preview) each implement it; the task pane receives one as a prop and never calls `Excel.`.
 */
import type { CellRef, CellValue, Grid } from "./grid";
import type { ProfileId } from "./scoring/profiles";
import type { TemplateSheet } from "./template/model";
import type { PlannedWrite } from "./writeplan";

export type ReadScope = "active" | "all";

/** What a cell held before we wrote it, so that a revert restores it exactly. */
export interface CellSnapshot {
  /** `Sheet!A1`, for messages and for matching a finding's cell. */
  cell: string;
  /** The same cell as a position, so a revert never parses `cell` back (sheet names may hold `!` and quotes). */
  ref: CellRef;
  value: string | number | boolean | null;
  /** The formula (`=SUM(…)`) when the cell held one. */
  formula: string | null;
  numberFormat: string | null;
}

export type WriteOutcome =
  | { ok: true; written: number; snapshot: CellSnapshot[] }
  /** Nothing was written; `message` (zh-CN) says why: protected sheet, edit mode, sheet changed since the read … */
  | { ok: false; message: string };

export interface WriteOptions {
  /**
   * Non-empty cells (`Sheet!A1`) the user explicitly agreed to overwrite. A port refuses the whole write when a
   * planned cell held something at the read and is not listed here (defence in depth behind planWrites).
   */
  overwrite?: ReadonlySet<string>;
}

/**
 * One cell of 转为普通公式 / 公式化: the formula it held at the read (null: a typed value) and what replaces it, a
 * native formula or a value. Only these rewrites ever write a formula, and only ones the engine built.
 */
export interface FormulaRewrite {
  ref: CellRef;
  /** `Sheet!A1`. */
  cell: string;
  /** The formula at the read; a port refuses the whole rewrite when a cell no longer holds it. */
  before: string | null;
  /** The value at the read (for a typed number, the consent and race check of 公式化). */
  previous: CellValue;
  after: { formula: string } | { value: string | number | boolean | null };
}

export type CreateOutcome = { ok: true; sheet: string } | { ok: false; message: string };

export type RevertOutcome = { ok: true; restored: number } | { ok: false; message: string };

export interface WorkbookPort {
  /** The active sheet, or every sheet, as grids (values, text, formats, formulas, merges). */
  readGrids(scope: ReadScope): Promise<Grid[]>;
  /** Carries out a write plan; refuses (writing nothing) when a target cell changed since `readGrids`. */
  write(writes: readonly PlannedWrite[], options?: WriteOptions): Promise<WriteOutcome>;
  /**
   * Rewrites cells that the user asked to (freeze: every JX formula; 公式化: each cell ticked). The snapshot it
   * returns is restored by `revert`, like a write's.
   */
  rewrite(rewrites: readonly FormulaRewrite[]): Promise<WriteOutcome>;
  /** Inserts a new sheet holding a template (a free name derived from the template's), and activates it. */
  createSheet(sheet: TemplateSheet): Promise<CreateOutcome>;
  /** Restores the cells of a snapshot returned by `write` or `rewrite`. */
  revert(snapshot: readonly CellSnapshot[]): Promise<RevertOutcome>;
  /** Activates the cell's sheet and selects the cell (`Sheet!A1`). */
  select(cell: string): Promise<void>;
  /** The scoring profile stored in the document, so every user of a workbook scores it the same way. */
  getProfile(): Promise<ProfileId | null>;
  setProfile(profile: ProfileId): Promise<void>;
}
