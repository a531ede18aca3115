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

/** The key a label is matched by: half-width, no whitespace (labels wrap: `一级\n指标`), no trailing colon. */
export function labelKey(s: string): string {
  return toHalfWidth(s).replace(WHITESPACE, "").replace(TRAILING_COLON, "");
}

/** Collapses whitespace runs to one space and trims (for display texts such as project names). */
export function tidyText(s: string): string {
  return s.replace(/\s*\n\s*/g, "").replace(WHITESPACE, " ").trim();
}
