/**
 * The element events every part is read through, and saxes (a strict, maintained SAX parser) producing them: the
 * reference for the reader's own tokenizer (src/xlsx/tokenizer.ts), which the tests hold to the same grids
 * (`openWorkbook(…, { xml: "saxes" })`). Element names lose their prefix (`x:c` → `c`: some producers write
 * SpreadsheetML with a prefix), which is safe inside one part's vocabulary.
 */
import { SaxesParser } from "saxes";
import { corrupt, XlsxError } from "./errors";

/** A start tag's attributes, by qualified name as written (`r`, `r:id`, `xml:space`); valid only during `open`. */
export interface Attributes {
  get(name: string): string | undefined;
  names(): string[];
}

export interface XmlHandler {
  open(name: string, attrs: Attributes): void;
  close(name: string): void;
  text(text: string): void;
}

/** A text node or tag may not span more than this: saxes buffers a node whole, so a hostile part could fill memory. */
const MAX_NODE_BYTES = 32 * 2 ** 20;

const local = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

export class XmlStream {
  private readonly parser: SaxesParser;
  private decoder: InstanceType<typeof TextDecoder> | null = null;
  /** Bytes written since the parser last reported an event. */
  private sinceEvent = 0;
  private failure: unknown = null;

  constructor(
    private readonly part: string,
    handler: XmlHandler,
  ) {
    const p = new SaxesParser({ position: false });
    const seen = () => (this.sinceEvent = 0);
    p.on("opentag", (t) => {
      seen();
      const a = t.attributes as Record<string, string>;
      handler.open(local(t.name), { get: (k) => (Object.hasOwn(a, k) ? a[k] : undefined), names: () => Object.keys(a) });
    });
    p.on("closetag", (t) => {
      seen();
      handler.close(local(t.name));
    });
    p.on("text", (t) => {
      seen();
      handler.text(t);
    });
    p.on("cdata", (t) => {
      seen();
      handler.text(t);
    });
    p.on("error", (e) => {
      // saxes reports and continues; the first error ends the part.
      this.failure ??= e;
    });
    this.parser = p;
  }

  write(chunk: Uint8Array): void {
    if (!this.decoder) this.decoder = new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? "utf-16le" : "utf-8");
    this.sinceEvent += chunk.length;
    if (this.sinceEvent > MAX_NODE_BYTES) throw corrupt(`${this.part} 中有超过 32 MB 的单个 XML 节点`);
    this.parser.write(this.decoder.decode(chunk, { stream: true }));
    this.check();
  }

  end(): void {
    if (this.decoder) this.parser.write(this.decoder.decode());
    this.parser.close();
    this.check();
  }

  private check(): void {
    if (this.failure === null) return;
    const e = this.failure;
    if (e instanceof XlsxError) throw e;
    throw corrupt(`${this.part} 不是合法的 XML（${e instanceof Error ? e.message.split("\n")[0] : String(e)}）`);
  }
}
