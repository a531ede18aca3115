/**
 * ExcelJS registers each merged area of a loaded sheet by checking it against every area registered before
 * (quadratic: a sheet of 1,000 stacked forms, 17,800 areas, takes ~25 s; a hostile file could take far longer).
 * `withFastMerges` runs a load with that check going through a row index; the registration is still ExcelJS's own.
 * It patches a private method of ExcelJS 4.4 (pinned) for the duration of one load, and falls back to a plain load
 * if the method is not there.
 */
import type { Workbook } from "exceljs";

interface Dimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
type MergeFn = (this: SheetInternals, d: Dimensions, ignoreStyle?: boolean) => void;
interface SheetInternals {
  _merges: Record<string, unknown>;
  __mergeRows?: Map<number, Dimensions[]>;
}

/** Loads under way, and ExcelJS's own method while they run: overlapping loads (the preview's) share one patch. */
let active = 0;
let original: MergeFn | null = null;

function fastMerge(this: SheetInternals, d: Dimensions, ignoreStyle?: boolean): void {
  const rows = (this.__mergeRows ??= new Map());
  for (let r = d.top; r <= d.bottom; r++) {
    for (const m of rows.get(r) ?? []) {
      if (m.left <= d.right && m.right >= d.left) throw new Error("Cannot merge already merged cells");
    }
  }
  const all = this._merges;
  this._merges = {};
  try {
    original!.call(this, d, ignoreStyle);
  } finally {
    this._merges = Object.assign(all, this._merges);
  }
  const area = { top: d.top, left: d.left, bottom: d.bottom, right: d.right };
  for (let r = d.top; r <= d.bottom; r++) {
    const list = rows.get(r);
    if (list) list.push(area);
    else rows.set(r, [area]);
  }
}

export async function withFastMerges<T>(wb: Workbook, load: () => Promise<T>): Promise<T> {
  const probe = wb.addWorksheet("__probe__");
  const proto = Object.getPrototypeOf(probe) as { _mergeCellsInternal?: MergeFn };
  wb.removeWorksheet(probe.id);
  if (active === 0) {
    if (typeof proto._mergeCellsInternal !== "function") return load();
    original = proto._mergeCellsInternal;
    proto._mergeCellsInternal = fastMerge;
  }
  active++;
  try {
    return await load();
  } finally {
    if (--active === 0) {
      proto._mergeCellsInternal = original!;
      original = null;
    }
  }
}
