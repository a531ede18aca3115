/**
 * Displayed text of a number under a number format, for the formats forms use (`0.00`, `#,##0.00_ `, `0.00%`).
 * A workbook file stores values, not what Excel shows (98.24% is stored 0.9824), so the common cases are rendered
 * here; anything else falls back to General. In core because the .xlsx reader, the preview's port and the task
 * pane must all show a number the same way.
 */

/** Excel-like General: at most 15 significant digits, so float noise (0.30000000000000004) is hidden. */
export function generalText(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  return String(Number(n.toPrecision(15)));
}

/** Rounds half away from zero on the decimal value Excel would see (1.005 → 1.01), then fixes `d` decimals. */
export function fixed(n: number, d: number): string {
  const p = 10 ** d;
  const scaled = Number((Math.abs(n) * p).toPrecision(15));
  const s = (Math.round(scaled) / p).toFixed(d);
  return n < 0 && Number(s) !== 0 ? "-" + s : s;
}

interface Section {
  prefix: string;
  suffix: string;
  decimals: number;
  thousands: boolean;
  percent: boolean;
}

/** Splits one format section into literal prefix, numeric core and literal suffix; null when not understood. */
function parseSection(section: string): Section | null {
  let prefix = "";
  let suffix = "";
  let core = "";
  let i = 0;
  while (i < section.length) {
    const ch = section[i];
    let lit: string | null = null;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      if (end < 0) return null;
      lit = section.slice(i + 1, end);
      i = end + 1;
    } else if (ch === "\\") {
      lit = section[i + 1] ?? "";
      i += 2;
    } else if (ch === "_" || ch === "*") {
      lit = ch === "_" ? " " : ""; // `_x` pads with a space as wide as x; `*x` fills
      i += 2;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      if (end < 0) return null;
      i = end + 1; // colours / conditions / locale: no effect on the digits
    } else if ("0#,.%".includes(ch)) {
      if (suffix) return null; // digits after a suffix literal: not a simple format
      core += ch;
      i++;
    } else if (" -+()$¥￥:/".includes(ch)) {
      lit = ch;
      i++;
    } else {
      return null; // E+, ?, dates, @ …
    }
    if (lit !== null) {
      if (core) suffix += lit;
      else prefix += lit;
    }
  }
  const percent = core.endsWith("%");
  const body = percent ? core.slice(0, -1) : core;
  const m = /^(#,##0|0)(?:\.(0+))?$/.exec(body);
  if (!m) return null;
  return { prefix, suffix, decimals: m[2]?.length ?? 0, thousands: m[1] === "#,##0", percent };
}

/** Renders |n|; `sign` puts a minus before the prefix (`-¥1.00`) unless the rounded figure is zero. */
function render(n: number, s: Section, sign = false): string {
  let digits = fixed(Math.abs(s.percent ? n * 100 : n), s.decimals);
  if (s.thousands) {
    const [int, frac] = digits.split(".");
    digits = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac !== undefined ? "." + frac : "");
  }
  const minus = sign && n < 0 && /[1-9]/.test(digits) ? "-" : "";
  return minus + s.prefix + digits + (s.percent ? "%" : "") + s.suffix;
}

/** Text of `n` as Excel would show it under `numFmt`; General when the format is absent or not understood. */
export function formatNumber(n: number, numFmt: string | null | undefined): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (!numFmt || /^general$/i.test(numFmt) || numFmt === "@") return generalText(n);
  const sections = parsed(numFmt);
  try {
    if (n < 0 && sections.length > 1 && sections[1] !== undefined) {
      const s = sections[1];
      if (s) return render(-n, s); // the negative section supplies its own sign or brackets
    } else if (n === 0 && sections.length > 2 && sections[2] !== undefined) {
      const s = sections[2];
      if (s) return render(0, s);
    } else {
      const s = sections[0];
      if (s) return render(n, s, true);
    }
  } catch {
    // fall through to General
  }
  return generalText(n);
}

/** Parsed sections per format string (a workbook uses a handful of formats over thousands of cells). */
const parsedFormats = new Map<string, Array<Section | null | undefined>>();

/** Each `;` section parsed: null when not understood, undefined when empty. */
function parsed(numFmt: string): Array<Section | null | undefined> {
  let sections = parsedFormats.get(numFmt);
  if (!sections) {
    sections = numFmt.split(";").map((x) => (x === "" ? undefined : parseSection(x)));
    if (parsedFormats.size > 1000) parsedFormats.clear();
    parsedFormats.set(numFmt, sections);
  }
  return sections;
}

/** A date as `yyyy-mm-dd` (with ` hh:mm:ss` when it has a time part), read in UTC as ExcelJS stores it. */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  return time === "00:00:00" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
