/**
 * A sheet's stated extent, kept true when `fill` writes outside it: `<dimension ref>` (the used range) and a row's
 * `spans` (the columns its cells occupy, an optimisation hint). Excel reads both as given; a cell outside them is
 * what makes it offer to repair a file, so they are widened to take in each written cell.
 */
import { a1, parseA1 } from "../core/grid";

/** The `<dimension>` element's `ref` widened to hold every written cell; null when no element or nothing to change. */
export function widenDimension(
  xml: string,
  prefix: string,
  before: number,
  cells: ReadonlyArray<{ row: number; col: number }>,
): { start: number; end: number; text: string } | null {
  const m = new RegExp(`<${prefix}dimension\\b[^>]*?\\sref\\s*=\\s*(["'])([^"']*)\\1`).exec(xml.slice(0, before));
  if (!m) return null;
  const [a, b = a] = m[2].split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q || cells.length === 0) return null;
  let top = Math.min(p.row, q.row);
  let left = Math.min(p.col, q.col);
  let bottom = Math.max(p.row, q.row);
  let right = Math.max(p.col, q.col);
  // A sheet with no cells states A1; it is widened like any other.
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  const ref = top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
  if (ref === m[2]) return null;
  const start = m.index + m[0].length - m[2].length - 1;
  return { start, end: start + m[2].length, text: ref };
}

/**
 * A row's start tag with `spans` taking in the (0-based) columns `cols`: one range is widened; a list of ranges
 * (`1:3 7:9`) that misses a column is dropped, as the attribute is optional. The tag as it was when no change is due.
 */
export function widenSpans(tag: string, cols: readonly number[]): string {
  const m = /\sspans\s*=\s*(["'])([^"']*)\1/.exec(tag);
  if (!m) return tag;
  const ranges = m[2]
    .trim()
    .split(/\s+/)
    .map((r) => r.split(":").map(Number));
  const covered = (c: number) => ranges.some(([lo, hi = lo]) => c + 1 >= lo && c + 1 <= hi);
  const missing = cols.filter((c) => !covered(c));
  if (missing.length === 0) return tag;
  const [[lo, hi = lo]] = ranges;
  if (ranges.length > 1 || !Number.isInteger(lo) || !Number.isInteger(hi)) return tag.slice(0, m.index) + tag.slice(m.index + m[0].length);
  const spans = `${Math.min(lo, ...missing.map((c) => c + 1))}:${Math.max(hi, ...missing.map((c) => c + 1))}`;
  return `${tag.slice(0, m.index)} spans=${m[1]}${spans}${m[1]}${tag.slice(m.index + m[0].length)}`;
}
