/** One pass over a grid that finds every label cell the reader anchors on. */
import type { GridReader } from "../grid";
import { firstVisibleCode, labelKey } from "../text/normalize";
import { FORM_TITLES, LABELS, type LabelId, labelOf } from "../vocabulary";

export interface LabelHit {
  id: LabelId;
  row: number;
  col: number;
  /** The normalised text, e.g. `项目资金(元)`. */
  key: string;
}

export interface LabelIndex {
  hits: LabelHit[];
  titles: { row: number; col: number; text: string }[];
  /** Rows holding a year such as `（2024年度）`. */
  years: { row: number; year: number }[];
}

const MAX_LABEL_LENGTH = 24;

/** First characters a label, a title or a year can start with: every other cell is skipped cheaply. */
const STARTS = new Uint8Array(0x10000);
for (const s of [..."(0123456789", ...Object.values(LABELS).flat(), ...FORM_TITLES]) {
  const c = s.charCodeAt(0);
  STARTS[c] = 1;
  if (c >= 0x21 && c <= 0x7e) STARTS[c + 0xfee0] = 1; // its full-width form
}

/** Whether a cell's text can start a label (a table look-up; white space before the text is looked past). */
function mayBeLabel(v: string): boolean {
  const c = v.charCodeAt(0);
  if (STARTS[c] === 1) return true;
  return c <= 32 || c === 0x3000 || c === 0xa0 || c === 0x200b ? STARTS[firstVisibleCode(v) & 0xffff] === 1 : false;
}
const YEAR = /^\(?(\d{4})年度?\)?$/;

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
      const key = labelKey(v);
      if (key.length > MAX_LABEL_LENGTH && !key.includes("自评表")) continue;
      const id = labelOf(key) ?? labelOf(key.replace(/\((?:万元|元|%)\)$/, ""));
      if (id) {
        hits.push({ id, row: top + r, col: left + c, key });
        continue;
      }
      const y = YEAR.exec(key);
      if (y) {
        years.push({ row: top + r, year: Number(y[1]) });
        continue;
      }
      if (FORM_TITLES.some((t) => key.includes(t))) {
        titles.push({ row: top + r, col: left + c, text: key });
        const inTitle = /(\d{4})年度/.exec(key);
        if (inTitle) years.push({ row: top + r, year: Number(inTitle[1]) });
      }
    }
  }
  return { hits, titles, years };
}
