/**
 * Change detection between a read and a write, at no sync cost: the read registers worksheet event handlers
 * (onChanged, and onFormatChanged / onProtectionChanged where supported) in its own batch, and every change that
 * this add-in did not make bumps the sheet's counter. A write compares the counter with the one taken at the read.
 * Events raised by our own writes are recognised by `triggerSource === "ThisLocalAddin"` (ExcelApi 1.14) or, on
 * older hosts and for format events (which carry no trigger source), by their address lying inside the cells we
 * have just written, within a window that starts when our batch's sync resolves (a long batch must not eat it).
 */
import { parseRangeAddress } from "./layout";

export interface ChangeEvent {
  /** Worksheet id. */
  sheetId: string;
  /** Sheet-local address (`G13`, `A1:C4`); absent for protection changes. */
  address?: string;
  /** `ThisLocalAddin` when this add-in caused it (ExcelApi 1.14). */
  triggerSource?: string;
  kind: "data" | "format" | "protection";
}

/**
 * A cell as the tracker knows it: by worksheet **id** (events carry the id, and it survives a rename), 0-based.
 * Its own type, not a `Sheet!A1` string, so a sheet name can never be mistaken for an id.
 */
export interface TrackedCell {
  sheetId: string;
  row: number;
  col: number;
}

/** How long after our own batch resolved an address-only match counts as ours (hosts without triggerSource). */
export const OWN_WINDOW_MS = 10_000;

/** The biggest event address checked cell by cell; a larger one is never only ours. */
const MAX_OWN_EVENT_CELLS = 10_000;

const keyOf = (sheetId: string, row: number, col: number) => `${row},${col}@${sheetId}`;

export class ChangeTracker {
  private readonly counters = new Map<string, number>();
  private readonly last = new Map<string, ChangeEvent>();
  /** Our pending or just-finished write: its cells, and until when (Infinity while its batch is still running). */
  private own = { cells: new Set<string>(), until: 0 };

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** The sheet's change count, to compare later with `changedSince`. */
  mark(sheetId: string): number {
    return this.counters.get(sheetId) ?? 0;
  }

  changedSince(sheetId: string, mark: number): boolean {
    return this.mark(sheetId) !== mark;
  }

  /** The latest foreign change on a sheet, for the message. */
  lastChange(sheetId: string): ChangeEvent | undefined {
    return this.last.get(sheetId);
  }

  /** Cells this add-in is about to write: their events are ours until `settleOwn()` + OWN_WINDOW_MS. */
  expectOwn(cells: Iterable<TrackedCell>): void {
    const keys = new Set<string>();
    for (const c of cells) keys.add(keyOf(c.sheetId, c.row, c.col));
    this.own = { cells: keys, until: Infinity };
  }

  /** Our batch's sync has resolved (or failed): the window for its late events starts now. */
  settleOwn(): void {
    if (this.own.until === Infinity) this.own.until = this.now() + OWN_WINDOW_MS;
  }

  record(e: ChangeEvent): void {
    if (this.isOwn(e)) return;
    this.counters.set(e.sheetId, this.mark(e.sheetId) + 1);
    this.last.set(e.sheetId, e);
  }

  private isOwn(e: ChangeEvent): boolean {
    if (e.triggerSource === "ThisLocalAddin") return true;
    if (e.triggerSource !== undefined && e.triggerSource !== null) return false; // the host says who: not us
    if (e.kind === "protection" || !e.address || this.now() > this.own.until) return false;
    const b = parseRangeAddress(e.address);
    if (!b || (b.bottom - b.top + 1) * (b.right - b.left + 1) > MAX_OWN_EVENT_CELLS) return false;
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) if (!this.own.cells.has(keyOf(e.sheetId, r, c))) return false;
    }
    return true;
  }
}
