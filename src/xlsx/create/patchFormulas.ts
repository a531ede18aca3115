/**
 * Formula writes into existing formula cells, the one thing ../patch.ts (values only, owned elsewhere) cannot do:
 * each named cell's `<f>` is replaced by `<f>new formula</f>`; its cached `<v>` and type are kept (freeze writes a
 * formula that gives the same value), its style is kept, and every other byte of the part and every other part stays
 * as it was. The change ../patch.ts would need to do this itself: `PatchWrite` gains `formula?: string`, written as
 * `<f>` in place of the old one with the cached value kept; a shared master rewritten this way must hand its formula
 * to its dependants, as `detachShared` already does for values.
 */
import { a1 } from "../../core/grid";
import { corrupt } from "../errors";
import type { OpenWorkbook } from "../read";
import type { Inflate } from "../zip";
import { rewriteZip, type ZipCodec } from "../zipWrite";

export interface FormulaWrite {
  sheet: string;
  row: number;
  col: number;
  /** With or without the leading `=`. */
  formula: string;
}

const enc = new TextEncoder();
const dec = new TextDecoder();
const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

async function partText(wb: OpenWorkbook, part: string, inflate: Inflate): Promise<string> {
  const e = wb.zip.get(part);
  if (!e) throw corrupt(`缺少 ${part}`);
  const chunks: Uint8Array[] = [];
  await wb.zip.inflate(e, inflate, 1024 * 2 ** 20, () => corrupt(`${part} 过大`), (c) => chunks.push(c.slice()));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let n = 0;
  for (const c of chunks) {
    all.set(c, n);
    n += c.length;
  }
  return dec.decode(all);
}

/** Rewrites the `<f>` of each named cell; throws when a named cell holds no formula. */
export async function patchFormulas(wb: OpenWorkbook, writes: readonly FormulaWrite[], options: ZipCodec & { inflate: Inflate }): Promise<Uint8Array> {
  const replace = new Map<string, Uint8Array | null>();
  for (const sheet of wb.parts.sheets) {
    const mine = writes.filter((w) => w.sheet === sheet.name);
    if (mine.length === 0) continue;
    const wanted = new Map(mine.map((w) => [a1(w.row, w.col), w.formula.replace(/^=/, "")]));
    const xml = await partText(wb, sheet.part, options.inflate);
    const prefix = /<(\w+:)?sheetData\b/.exec(xml)?.[1] ?? "";
    const cellRe = new RegExp(`<${prefix}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${prefix}c>)`, "g");
    const fRe = new RegExp(`<${prefix}f\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}f>)`);
    const done = new Set<string>();
    const out = xml.replace(cellRe, (whole: string, attrs: string, body: string | undefined) => {
      const r = /\sr\s*=\s*"([A-Z]+\d+)"/.exec(attrs)?.[1];
      const formula = r === undefined ? undefined : wanted.get(r);
      if (formula === undefined || body === undefined || !fRe.test(body)) return whole;
      done.add(r!);
      return whole.replace(fRe, `<${prefix}f>${escapeXml(formula)}</${prefix}f>`);
    });
    const missed = [...wanted.keys()].filter((r) => !done.has(r));
    if (missed.length > 0) throw new Error(`patchFormulas: ${sheet.name}!${missed[0]} holds no formula`);
    replace.set(sheet.part, enc.encode(out));
  }
  return rewriteZip(wb.zip, replace, options);
}
