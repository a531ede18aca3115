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

/**
 * Traditional characters of the form's labels and result bands, to Simplified: some mirrors republish forms in
 * Traditional script (項目資金, 達成指標). Only characters that occur in our vocabulary are listed.
 */
export const TRADITIONAL: ReadonlyMap<string, string> = new Map<string, string>(
  Object.entries({
    項: "项", 資: "资", 預: "预", 數: "数", 執: "执", 績: "绩", 標: "标", 總: "总", 評: "评", 級: "级", 實: "实",
    際: "际", 進: "进", 額: "额", 當: "当", 財: "财", 撥: "拨", 結: "结", 轉: "转", 產: "产", 滿: "满", 調: "调",
    後: "后", 質: "质", 時: "时", 經: "经", 濟: "济", 會: "会", 態: "态", 環: "环", 續: "续", 響: "响", 達: "达",
    與: "与", 單: "单", 門: "门", 稱: "称", 過: "过", 發: "发", 況: "况", 開: "开", 價: "价", 應: "应", 說: "说",
    歲: "岁", 計: "计", 劃: "划", 務: "务", 對: "对", 義: "义", 專: "专", 戶: "户", 體: "体",
    頂: "顶", 規: "规", 範: "范", 準: "准", 確: "确", 據: "据", 問: "问", 題: "题", 負: "负", 責: "责",
    並: "并", 徵: "征", 費: "费", 觀: "观", 測: "测", 無: "无", 現: "现",
  }),
);
const HAS_TRADITIONAL = new RegExp(`[${[...TRADITIONAL.keys()].join("")}]`);

export function toSimplified(s: string): string {
  if (!HAS_TRADITIONAL.test(s)) return s;
  let out = "";
  for (const ch of s) out += TRADITIONAL.get(ch) ?? ch;
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
  const h = toSimplified(toHalfWidth(s));
  return NEEDS_LABEL_CLEANING.test(h) ? h.replace(WHITESPACE, "").replace(TRAILING_COLON, "") : h;
}


/** Collapses whitespace runs to one space and trims (for display texts such as project names). */
export function tidyText(s: string): string {
  if (!NEEDS_TIDYING.test(s)) return s;
  return s.replace(/\s*\n\s*/g, "").replace(WHITESPACE, " ").trim();
}
