/** A small cell-by-cell writer for the template layouts: labels, inputs, formulas, merges, lists. */
import { a1, type MergedArea } from "../grid";
import type { CellPos, CellStyle, InputMap, ListValidation, TemplateCell, TemplateSheet } from "./model";

export const NUM = "0.00";
export const PERCENT = "0.00%";

export class SheetBuilder {
  readonly cells: TemplateCell[] = [];
  readonly merges: MergedArea[] = [];
  readonly validations: ListValidation[] = [];
  readonly heights = new Map<number, number>();

  private put(row: number, col: number, cell: Omit<TemplateCell, "row" | "col">): CellPos {
    const i = this.cells.findIndex((c) => c.row === row && c.col === col);
    if (i >= 0) this.cells.splice(i, 1);
    this.cells.push({ row, col, ...cell });
    return { row, col };
  }

  /** A printed label (locked). */
  label(row: number, col: number, text: string, style: Partial<CellStyle> = {}): CellPos {
    return this.put(row, col, { value: text, style: { align: "center", ...style, locked: true } });
  }

  /** An input cell (unlocked), empty or holding a default / filled-in value. */
  input(row: number, col: number, value: string | number | null = null, format?: string, align: CellStyle["align"] = "center"): CellPos {
    // Text is stored as text: a value that starts like a formula (`=100.00(%)`) is a target, never a formula.
    return this.put(row, col, { value, ...(format ? { format } : {}), style: { align, locked: false, input: true } });
  }

  /** A computed cell (locked). `formula` has no leading `=`. */
  formula(row: number, col: number, formula: string, format?: string): CellPos {
    return this.put(row, col, { value: null, formula, ...(format ? { format } : {}), style: { align: "right", locked: true } });
  }

  /** Merges a block; every cell of it gets a bordered (blank) cell so the borders print. */
  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom === top && right === left) return;
    this.merges.push({ top, left, bottom, right });
    const owner = this.cells.find((c) => c.row === top && c.col === left);
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if ((r === top && c === left) || this.cells.some((x) => x.row === r && x.col === c)) continue;
        this.cells.push({ row: r, col: c, value: null, style: { locked: owner?.style.locked ?? true, input: owner?.style.input } });
      }
    }
  }

  list(range: MergedArea, items: readonly string[], prompt: string, strict: boolean): void {
    this.validations.push({ range, items, prompt, strict });
  }

  /** Fills every cell of the block that has none with a blank bordered cell. */
  frame(top: number, left: number, bottom: number, right: number): void {
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) if (!this.cells.some((x) => x.row === r && x.col === c)) this.cells.push({ row: r, col: c, value: null, style: { locked: true } });
    }
  }

  /** The finished sheet, printed on A4 one page wide. */
  sheet(name: string, widths: number[], landscape: boolean, inputs: InputMap): TemplateSheet {
    const { cells, merges, validations, heights } = this;
    return { name, cells, merges, validations, widths, heights, print: { paper: "A4", landscape, fitToWidth: 1 }, inputs };
  }
}

/** `D6` for a position. */
export function ref(p: CellPos): string {
  return a1(p.row, p.col);
}
