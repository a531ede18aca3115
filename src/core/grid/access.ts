import type { CellValue, Grid, MergedArea } from "./types";

/** Reads cells of a grid by absolute coordinates; anything outside the block is blank. */
export class GridReader {
  readonly bottom: number;
  readonly right: number;
  /**
   * For every cell of the block covered by a merge but not its top-left: 1 + the index of that merge in
   * `mergesByTop` (0: not covered). One typed array, so a sheet of many forms costs no per-cell objects; blocks too
   * large for it (sparse hostile sheets) use a map instead.
   */
  private readonly ownerTable: Int32Array | null;
  private readonly ownerMap: Map<number, number> | null;
  private readonly width: number;
  private readonly blockWidth: number;
  /** Merges sorted by top row, for range look-ups. */
  private readonly mergesByTop: MergedArea[];

  constructor(readonly grid: Grid) {
    const rows = grid.values.length;
    let cols = 0;
    for (const r of grid.values) if (r.length > cols) cols = r.length;
    this.bottom = grid.top + rows - 1;
    this.right = grid.left + cols - 1;
    this.width = Math.max(cols, 1) + grid.left + 1;
    this.blockWidth = Math.max(cols, 1);
    // Hosts usually list merges top to bottom already: sort only when they do not.
    const sorted = grid.merges.every((m, i, all) => i === 0 || all[i - 1].top <= m.top);
    this.mergesByTop = sorted ? grid.merges : [...grid.merges].sort((a, b) => a.top - b.top);
    const cells = rows * this.blockWidth;
    this.ownerTable = grid.merges.length > 0 && cells <= 4_000_000 ? new Int32Array(cells) : null;
    this.ownerMap = grid.merges.length > 0 && !this.ownerTable ? new Map() : null;
    this.mergesByTop.forEach((m, index) => {
      // A hostile merge list must not blow up memory: only cells inside the block matter.
      const top = Math.max(m.top, grid.top);
      const bottom = Math.min(m.bottom, this.bottom);
      const left = Math.max(m.left, grid.left);
      const right = Math.min(m.right, this.right);
      if ((bottom - top + 1) * (right - left + 1) > 100_000) return;
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) {
          if (r === m.top && c === m.left) continue;
          if (this.ownerTable) this.ownerTable[(r - grid.top) * this.blockWidth + (c - grid.left)] = index + 1;
          else this.ownerMap!.set(r * this.width + c, index + 1);
        }
      }
    });
  }

  /** 1 + the index of the merge covering (row, col) away from its top-left, or 0. */
  private coveredBy(row: number, col: number): number {
    if (this.ownerTable) {
      const r = row - this.grid.top;
      const c = col - this.grid.left;
      if (r < 0 || c < 0 || c >= this.blockWidth || r * this.blockWidth >= this.ownerTable.length) return 0;
      return this.ownerTable[r * this.blockWidth + c];
    }
    return this.ownerMap?.get(row * this.width + col) ?? 0;
  }

  get top(): number {
    return this.grid.top;
  }
  get left(): number {
    return this.grid.left;
  }

  value(row: number, col: number): CellValue {
    const r = this.grid.values[row - this.grid.top];
    if (!r) return null;
    const v = r[col - this.grid.left];
    return v === undefined ? null : v;
  }

  text(row: number, col: number): string | null {
    const r = this.grid.text?.[row - this.grid.top];
    const t = r?.[col - this.grid.left];
    return t === undefined ? null : t;
  }

  format(row: number, col: number): string | null {
    const r = this.grid.formats?.[row - this.grid.top];
    const f = r?.[col - this.grid.left];
    return f === undefined ? null : f;
  }

  formula(row: number, col: number): string | null {
    const r = this.grid.formulas?.[row - this.grid.top];
    const f = r?.[col - this.grid.left];
    return f === undefined ? null : f;
  }

  /** True when the cell is covered by a merge whose top-left is elsewhere. */
  isMergedAway(row: number, col: number): boolean {
    return this.coveredBy(row, col) !== 0;
  }

  /** The top-left cell of the merge covering (row, col), or the cell itself. */
  owner(row: number, col: number): { row: number; col: number } {
    const k = this.coveredBy(row, col);
    if (k === 0) return { row, col };
    const m = this.mergesByTop[k - 1];
    return { row: m.top, col: m.left };
  }

  /** Merges whose top row lies in [top, bottom]. */
  mergesBetween(top: number, bottom: number): MergedArea[] {
    const list = this.mergesByTop;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].top < top) lo = mid + 1;
      else hi = mid;
    }
    const out: MergedArea[] = [];
    for (let i = lo; i < list.length && list[i].top <= bottom; i++) out.push(list[i]);
    return out;
  }

  /** The value as shown by a merge: a covered cell reads its merge's top-left value. */
  mergedValue(row: number, col: number): CellValue {
    const o = this.owner(row, col);
    return this.value(o.row, o.col);
  }
}

/** Blank as Excel means it: null, undefined or an empty/whitespace string. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}
