/**
 * The reader's XML tokenizer: bytes in, the same element events as saxes (src/xlsx/xml.ts) out, several times faster
 * on SpreadsheetML (measured in the README's dependency notes). It finds tags with `indexOf` and slices, where saxes
 * reads a character at a time to validate every name and character, which a reader of known parts does not need.
 *
 * What it keeps of XML, so that a grid is identical to saxes' (checked on every fixture and by a property over
 * generated XML, test/xlsx/tokenizer.test.ts): entities (the five predefined and character references), CDATA,
 * comments, processing instructions and a DOCTYPE skipped, end-of-line normalisation (CR LF and CR become LF; in
 * attribute values LF and TAB become spaces), quotes of either kind, prefixes dropped from element names.
 * Well-formedness is checked where a mistake would change what is read: tags must nest and close, attributes be
 * quoted and unique, entities be known, text stay inside the one root. It does not check that each character of a
 * name or text is allowed by XML (a raw control character is read as it is; saxes refuses the part).
 */
import { corrupt } from "./errors";
import type { Attributes, XmlHandler } from "./xml";

/** A tag or text node may not span more than this: it is held whole until it ends, so a hostile part could fill memory. */
const MAX_NODE_CHARS = 32 * 2 ** 20;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const BANG = 0x21;
const QUESTION = 0x3f;
const AMP = 0x26;
const CR = 0x0d;
const COLON = 0x3a;
const HAS_AMP = 1;
const HAS_SPACE = 2;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

const utf8 = new TextDecoder("utf-8");
/** A UTF-16 byte-order mark (little-endian, as Windows writes it); anything else is read as UTF-8, BOM or not. */
const isUtf16 = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xfe;

const NAMED = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** A character XML 1.0 allows (a character reference to anything else is an error, as in saxes). */
const isXmlChar = (c: number) => c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

export class XmlTokenizer {
  /** Input not yet tokenized: an incomplete tag, or text that may continue. */
  private buf = "";
  /** Where in `buf` to resume looking for a tag's end (its start was seen, its end was not). */
  private resume = 0;
  /** Open elements: qualified names (to match end tags) and the local names handed to the handler. */
  private readonly stack: string[] = [];
  private readonly locals: string[] = [];
  private rootSeen = false;
  private decoder: InstanceType<typeof TextDecoder> | null = null;
  private pending: Uint8Array | null = null;
  private readonly attrs = new TagAttributes();

  constructor(
    private readonly part: string,
    private readonly handler: XmlHandler,
  ) {}

  write(chunk: Uint8Array): void {
    // One chunk is held back: a part that arrives whole (nearly all of them) is decoded in one call, which is several
    // times faster than TextDecoder's streaming mode.
    if (this.pending) this.feed(this.streaming(this.pending).decode(this.pending, { stream: true }), false);
    this.pending = chunk;
  }

  end(): void {
    const last = this.pending;
    this.pending = null;
    if (!last) this.feed(this.decoder ? this.decoder.decode() : "", true);
    else if (this.decoder) this.feed(this.decoder.decode(last), true);
    else this.feed(isUtf16(last) ? new TextDecoder("utf-16le").decode(last) : utf8.decode(last), true);
    if (this.stack.length > 0) throw this.fail(`元素 <${this.stack[this.stack.length - 1]}> 没有结束`);
    if (!this.rootSeen) throw this.fail("没有根元素");
  }

  private streaming(first: Uint8Array): InstanceType<typeof TextDecoder> {
    return (this.decoder ??= new TextDecoder(isUtf16(first) ? "utf-16le" : "utf-8"));
  }

  private fail(why: string) {
    return corrupt(`${this.part} 不是合法的 XML（${why}）`);
  }

  private feed(s: string, final: boolean): void {
    const buf = this.buf.length === 0 ? s : this.buf + s;
    const n = buf.length;
    let pos = 0;
    // Character loops, not indexOf: between tags there are a few characters, and each indexOf call costs more here
    // than scanning them (measured: the tokenizer took 3× as long with indexOf).
    for (;;) {
      let lt = pos;
      let special = false; // an & or CR in the text
      for (; lt < n; lt++) {
        const c = buf.charCodeAt(lt);
        if (c === LT) break;
        if (c === AMP || c === CR) special = true;
      }
      if (lt >= n) {
        pos = this.trailingText(buf, pos, final, special);
        break;
      }
      if (lt > pos) this.text(buf.slice(pos, lt), special);
      pos = lt;
      if (lt + 1 >= n) break;
      const c = buf.charCodeAt(lt + 1);
      let next: number;
      if (c === SLASH) next = this.closeTag(buf, lt);
      else if (c === QUESTION) {
        const end = buf.indexOf("?>", Math.max(lt + 2, this.resume));
        next = end < 0 ? -1 : end + 2;
      } else if (c === BANG) next = this.markup(buf, lt, final);
      else next = this.openTag(buf, lt);
      if (next < 0) break;
      pos = next;
      this.resume = 0;
    }
    if (pos < n) {
      if (final) throw this.fail("标记没有结束");
      if (n - pos > MAX_NODE_CHARS) throw corrupt(`${this.part} 中有超过 32 MB 的单个 XML 节点`);
      // What is left starts a tag (or an entity cut by the chunk's end): its end is searched from where it stopped.
      this.resume = Math.max(0, n - pos - 2);
    }
    this.buf = pos < n ? buf.slice(pos) : "";
  }

  /** Text after the last tag of the input: handed on now, except what may still continue (an entity, a CR). */
  private trailingText(buf: string, pos: number, final: boolean, special: boolean): number {
    let end = buf.length;
    if (!final && special) {
      let amp = end - 1;
      while (amp >= pos && buf.charCodeAt(amp) !== AMP && buf.charCodeAt(amp) !== 0x3b) amp--;
      if (amp >= pos && buf.charCodeAt(amp) === AMP) end = amp;
      if (end > pos && buf.charCodeAt(end - 1) === CR) end--;
    }
    if (end > pos) this.text(buf.slice(pos, end), special);
    return end;
  }

  private text(raw: string, special: boolean): void {
    if (this.stack.length === 0) {
      for (let i = 0; i < raw.length; i++) if (!isSpace(raw.charCodeAt(i))) throw this.fail("根元素之外有文本");
      return;
    }
    let t = raw;
    if (special) {
      if (t.includes("\r")) t = t.replace(/\r\n?/g, "\n");
      if (t.includes("&")) t = this.entities(t);
    }
    this.handler.text(t);
  }

  /** `</name>` at `lt`: the index after it, or -1 when it is not complete yet. */
  private closeTag(buf: string, lt: number): number {
    const n = buf.length;
    const top = this.stack.length - 1;
    const open = top >= 0 ? this.stack[top] : "";
    let i = lt + 2;
    const len = open.length;
    let same = i + len <= n;
    for (let k = 0; same && k < len; k++) if (buf.charCodeAt(i + k) !== open.charCodeAt(k)) same = false;
    if (same) {
      i += len;
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (buf.charCodeAt(i) === GT && top >= 0) {
        this.stack.pop();
        this.handler.close(this.locals.pop()!);
        return i + 1;
      }
    }
    const gt = buf.indexOf(">", lt);
    if (gt < 0) return -1;
    const name = buf.slice(lt + 2, gt).trimEnd();
    throw this.fail(top < 0 ? `多余的结束标记 </${name}>` : `<${open}> 以 </${name}> 结束`);
  }

  /** `<!--`, `<![CDATA[`, `<!DOCTYPE`: the index after it, or -1 when it is not complete yet. */
  private markup(buf: string, lt: number, final: boolean): number {
    if (buf.startsWith("<!--", lt)) {
      const end = buf.indexOf("-->", Math.max(lt + 4, this.resume));
      return end < 0 ? -1 : end + 3;
    }
    if (buf.startsWith("<![CDATA[", lt)) {
      const end = buf.indexOf("]]>", Math.max(lt + 9, this.resume));
      if (end < 0) return -1;
      if (this.stack.length === 0) throw this.fail("根元素之外有 CDATA");
      const t = buf.slice(lt + 9, end);
      this.handler.text(t.includes("\r") ? t.replace(/\r\n?/g, "\n") : t);
      return end + 3;
    }
    if (buf.startsWith("<!DOCTYPE", lt)) {
      // An internal subset ([...]) may hold `>`; its declarations are not applied (saxes does not either).
      const gt = buf.indexOf(">", lt);
      const bracket = buf.indexOf("[", lt);
      if (bracket >= 0 && (gt < 0 || bracket < gt)) {
        const close = buf.indexOf("]", bracket);
        const end = close < 0 ? -1 : buf.indexOf(">", close);
        return end < 0 ? -1 : end + 1;
      }
      return gt < 0 ? -1 : gt + 1;
    }
    if (!final && buf.length - lt < 9) return -1; // too short to tell yet
    throw this.fail("无法识别的 <! 标记");
  }

  /** An element's start tag at `lt`: the index after it, or -1 when it is not complete yet. */
  private openTag(buf: string, lt: number): number {
    const n = buf.length;
    if (this.resume > 0 && buf.indexOf(">", this.resume) < 0) return -1;
    let i = lt + 1;
    let c = 0;
    let colon = -1;
    for (; i < n; i++) {
      c = buf.charCodeAt(i);
      if (c === GT || c === SLASH || c <= 0x20) break;
      if (c === COLON) colon = i;
    }
    if (i >= n) return -1;
    if (i === lt + 1) throw this.fail("标记缺少元素名");
    const name = buf.slice(lt + 1, i);
    // Attributes are recorded as offsets and sliced only when a handler asks for one.
    const at = this.attrs;
    at.reset(buf);
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace((c = buf.charCodeAt(i)))) i++;
      if (i >= n) return -1;
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= n) return -1;
        if (buf.charCodeAt(i + 1) !== GT) throw this.fail(`<${name}> 中有多余的 /`);
        selfClosing = true;
        i += 2;
        break;
      }
      const start = i;
      for (; i < n; i++) {
        c = buf.charCodeAt(i);
        if (c === EQ || c <= 0x20 || c === GT || c === SLASH || c === LT) break;
      }
      const nameEnd = i;
      if (nameEnd === start) throw this.fail(`<${name}> 中有没有名字的属性`);
      while (i < n && isSpace((c = buf.charCodeAt(i)))) i++;
      if (i >= n) return -1;
      if (c !== EQ) throw this.fail(`<${name}> 的属性 ${buf.slice(start, nameEnd)} 没有值`);
      i++;
      while (i < n && isSpace((c = buf.charCodeAt(i)))) i++;
      if (i >= n) return -1;
      if (c !== QUOT && c !== APOS) throw this.fail(`<${name}> 的属性 ${buf.slice(start, nameEnd)} 的值没有引号`);
      const q = c;
      const valueStart = ++i;
      let flags = 0;
      for (; i < n; i++) {
        c = buf.charCodeAt(i);
        if (c === q) break;
        if (c === LT) throw this.fail(`<${name}> 的属性 ${buf.slice(start, nameEnd)} 含有 <`);
        if (c === AMP) flags |= HAS_AMP;
        else if (c <= 0x0d && (c === CR || c === 0x0a || c === 0x09)) flags |= HAS_SPACE;
      }
      if (i >= n) return -1;
      if (at.has(buf, start, nameEnd)) throw this.fail(`<${name}> 的属性 ${buf.slice(start, nameEnd)} 重复`);
      at.add(start, nameEnd, valueStart, i, flags);
      if (flags & HAS_AMP) at.validate(at.count() - 1, (why) => this.fail(`<${name}> 的属性 ${buf.slice(start, nameEnd)} ${why}`));
      i++;
      if (i < n && !isSpace((c = buf.charCodeAt(i))) && c !== GT && c !== SLASH) throw this.fail(`<${name}> 的属性之间缺少空格`);
    }
    if (this.stack.length === 0 && this.rootSeen) throw this.fail("有多个根元素");
    this.rootSeen = true;
    const h = this.handler;
    const localName = colon < 0 ? name : name.slice(colon - lt);
    if (selfClosing) {
      h.open(localName, at);
      h.close(localName);
    } else {
      this.stack.push(name);
      this.locals.push(localName);
      h.open(localName, at);
    }
    at.reset("");
    return i;
  }

  private entities(s: string): string {
    return decodeEntities(s, (why) => this.fail(why));
  }
}

/** The five predefined entities and character references; anything else is an error (as in saxes). */
function decodeEntities(s: string, fail: (why: string) => Error): string {
    let out = "";
    let from = 0;
    for (let amp = s.indexOf("&"); amp >= 0; amp = s.indexOf("&", from)) {
      const semi = s.indexOf(";", amp);
      if (semi < 0) throw fail("实体没有以 ; 结束");
      const ref = s.slice(amp + 1, semi);
      let ch: string | undefined;
      if (ref.charCodeAt(0) === 0x23) {
        const hex = ref.charCodeAt(1) === 0x78;
        const digits = ref.slice(hex ? 2 : 1);
        const code = digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
        if (isXmlChar(code)) ch = String.fromCodePoint(code);
      } else ch = NAMED.get(ref);
      if (ch === undefined) throw fail(`无法识别的实体 &${ref};`);
      out += s.slice(from, amp) + ch;
      from = semi + 1;
    }
  return out + s.slice(from);
}

/**
 * The attributes of the tag being read, as offsets into the input: a handler asks for the few it reads (`r`, `s`,
 * `t` of a cell) and only those are sliced, normalised and decoded. Valid only during `open`.
 */
class TagAttributes implements Attributes {
  private buf = "";
  /** name start, name end, value start, value end, flags (HAS_AMP, HAS_SPACE); per attribute. */
  private readonly at: number[] = [];
  private n = 0;

  reset(buf: string): void {
    this.buf = buf;
    this.n = 0;
  }

  count(): number {
    return this.n;
  }

  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, flags: number): void {
    const k = this.n++ * 5;
    this.at[k] = nameStart;
    this.at[k + 1] = nameEnd;
    this.at[k + 2] = valueStart;
    this.at[k + 3] = valueEnd;
    this.at[k + 4] = flags;
  }

  /** Whether an attribute of the same name as buf[from, to) was recorded. */
  has(buf: string, from: number, to: number): boolean {
    const len = to - from;
    const { at } = this;
    for (let k = 0; k < this.n * 5; k += 5) if (at[k + 1] - at[k] === len && sameChars(buf, at[k], from, len)) return true;
    return false;
  }

  /** Decodes attribute `i`'s entities now, so that a bad one fails the part even when no handler reads it. */
  validate(i: number, fail: (why: string) => Error): void {
    decodeEntities(this.buf.slice(this.at[i * 5 + 2], this.at[i * 5 + 3]), fail);
  }

  get(name: string): string | undefined {
    const { buf, at } = this;
    const len = name.length;
    for (let k = 0; k < this.n * 5; k += 5) {
      if (at[k + 1] - at[k] !== len) continue;
      let same = true;
      for (let j = 0; j < len; j++) if (buf.charCodeAt(at[k] + j) !== name.charCodeAt(j)) same = false;
      if (same) return this.value(k);
    }
    return undefined;
  }

  names(): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.n * 5; k += 5) out.push(this.buf.slice(this.at[k], this.at[k + 1]));
    return out;
  }

  private value(k: number): string {
    let v = this.buf.slice(this.at[k + 2], this.at[k + 3]);
    const flags = this.at[k + 4];
    // XML's attribute-value normalisation: each line end, LF or TAB is one space.
    if (flags & HAS_SPACE) v = v.replace(/\r\n?|[\n\t]/g, " ");
    if (flags & HAS_AMP) v = decodeEntities(v, (why) => new Error(why));
    return v;
  }
}

function sameChars(s: string, a: number, b: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (s.charCodeAt(a + i) !== s.charCodeAt(b + i)) return false;
  return true;
}
