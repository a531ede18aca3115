/** One pass over a grid that finds every label cell the reader anchors on. */
import type { GridReader } from "../grid";
import { firstVisibleCode, labelKey, TRADITIONAL } from "../text/normalize";
import { LABEL_BIT, LABELS, type LabelId } from "../vocabulary";
import { type Decoration, headerMeaning, isTitle } from "./headers";

export interface LabelHit {
  id: LabelId;
  row: number;
  col: number;
  /** The normalised text, e.g. `项目资金(元)`. */
  key: string;
  /** What the header's trailing decorations say (`(元)`, `(B/A)`, `(20分*执行率)`). */
  decoration: Decoration;
}

export interface LabelIndex {
  hits: LabelHit[];
  /** The rows that hold hits, in order, and the mask of the label ids each holds (LABEL_BIT). */
  rows: number[];
  masks: number[];
  titles: { row: number; col: number; text: string }[];
  /** Rows holding a year such as `（2024年度）`. */
  years: { row: number; year: number }[];
}

const MAX_LABEL_LENGTH = 24;

/** First characters a label, a title or a year can start with: every other cell is skipped cheaply. */
const STARTS = new Uint8Array(0x10000);
for (const s of [..."(0123456789", ...Object.values(LABELS).flat()]) {
  const c = s.charCodeAt(0);
  STARTS[c] = 1;
  if (c >= 0x21 && c <= 0x7e) STARTS[c + 0xfee0] = 1; // its full-width form
}

// A label may be written in Traditional script (項目名稱).
for (const [traditional, simplified] of TRADITIONAL) if (STARTS[simplified.charCodeAt(0)] === 1) STARTS[traditional.charCodeAt(0)] = 1;

/**
 * Whether a cell's text can be a label or a title (a table look-up; white space before the text is looked past).
 * A title may start with anything (a project's name + 项目自评表), so texts ending in 表 are looked at too.
 */
function mayBeLabel(v: string): boolean {
  const c = v.charCodeAt(0);
  if (STARTS[c] === 1) return true;
  if (c <= 32 || c === 0x3000 || c === 0xa0 || c === 0x200b) return STARTS[firstVisibleCode(v) & 0xffff] === 1 || v.includes("自评表");
  return v.includes("自评表");
}
const YEAR = /^\(?(\d{4})年度?\)?$/;

/** What a cell's text is to the reader. */
type Kind =
  | { as: "label"; id: LabelId; key: string; decoration: Decoration }
  | { as: "year"; year: number }
  | { as: "title"; text: string; year: number | null }
  | null;

/** Classified texts, memoised: the same labels recur on every form of a sheet. Bounded. */
const kinds = new Map<string, Kind>();

function classify(v: string): Kind {
  const key = labelKey(v);
  if (key.length > MAX_LABEL_LENGTH && !key.includes("自评表")) return null;
  const meaning = headerMeaning(key);
  if (meaning) {
    const { id, ...decoration } = meaning;
    return { as: "label", id, key, decoration };
  }
  const y = YEAR.exec(key);
  if (y) return { as: "year", year: Number(y[1]) };
  if (isTitle(key)) {
    const inTitle = /(\d{4})年度/.exec(key);
    return { as: "title", text: key, year: inTitle ? Number(inTitle[1]) : null };
  }
  return null;
}

export function indexLabels(reader: GridReader): LabelIndex {
  const hits: LabelHit[] = [];
  const titles: LabelIndex["titles"] = [];
  const years: LabelIndex["years"] = [];
  const { values, top, left } = reader.grid;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || v.length === 0 || v.length > 60) continue;
      if (!mayBeLabel(v)) continue;
      let kind = kinds.get(v);
      if (kind === undefined) {
        kind = classify(v);
        if (kinds.size >= 10_000) kinds.clear();
        kinds.set(v, kind);
      }
      if (kind === null) continue;
      if (kind.as === "label") hits.push({ id: kind.id, row: top + r, col: left + c, key: kind.key, decoration: kind.decoration });
      else if (kind.as === "year") years.push({ row: top + r, year: kind.year });
      else {
        titles.push({ row: top + r, col: left + c, text: kind.text });
        if (kind.year !== null) years.push({ row: top + r, year: kind.year });
      }
    }
  }
  const rows: number[] = [];
  const masks: number[] = [];
  for (const h of hits) {
    if (rows.length === 0 || rows[rows.length - 1] !== h.row) {
      rows.push(h.row);
      masks.push(0);
    }
    masks[masks.length - 1] |= LABEL_BIT[h.id];
  }
  return { hits, rows, masks, titles, years };
}
