/**
 * Text normalisation shared by label matching and the value grammar.
 * Real forms mix full-width and ASCII forms (`（` / `(`, `％` / `%`, `＞` / `>`), wrap labels over lines and pad them.
 */

/** Full-width ASCII variants (U+FF01..U+FF5E) to ASCII, ideographic space to space. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += s[i];
  }
  return out;
}

const WHITESPACE = /[\s\u00a0\u200b\u3000]+/g;
const TRAILING_COLON = /[:：]+$/;
const NEEDS_LABEL_CLEANING = /[\s\u00a0\u200b\u3000:：]/;
const NEEDS_TIDYING = /[\s\u00a0\u200b\u3000]/;

/** The code of the first character that is not white space, full-width folded to ASCII; -1 when none. */
export function firstVisibleCode(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 0x3000 && c !== 0xa0 && c !== 0x200b) return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  }
  return -1;
}

/** The key a label is matched by: half-width, no whitespace (labels wrap: `一级\n指标`), no trailing colon. */
export function labelKey(s: string): string {
  const h = toHalfWidth(s);
  return NEEDS_LABEL_CLEANING.test(h) ? h.replace(WHITESPACE, "").replace(TRAILING_COLON, "") : h;
}


/** Collapses whitespace runs to one space and trims (for display texts such as project names). */
export function tidyText(s: string): string {
  if (!NEEDS_TIDYING.test(s)) return s;
  return s.replace(/\s*\n\s*/g, "").replace(WHITESPACE, " ").trim();
}
