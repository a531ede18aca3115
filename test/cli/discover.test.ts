/**
 * discover(): the files `check` reads, in order, each once, with its folder's errors — held packed (a folder's names
 * in one string), so the list is compared here with the plain walk it replaced, on real folders.
 */
import fs from "fs";
import os from "os";
import path from "path";
import fc from "../support/fc";
import { discover, type TargetList } from "../../src/cli/discover";

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-discover-"));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const all = (list: TargetList): Array<{ file: string; error?: string }> =>
  Array.from({ length: list.length }, (_, i) => list.at(i)).map((t) => (t.error ? { file: t.file, error: t.error.code } : { file: t.file }));

/** Files (empty) and folders under dir: a name ending in / is a folder. */
function make(dir: string, entries: readonly string[]): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const e of entries) {
    const p = path.join(dir, e);
    if (e.endsWith("/")) fs.mkdirSync(p, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, "");
    }
  }
  return dir;
}

/**
 * The walk discover() had before it packed its list (kept here as the reference): every folder read whole and sorted,
 * subfolders in their place, each file keyed by its resolved path, the first occurrence kept.
 */
function reference(inputs: readonly string[]): Array<{ file: string; error?: string }> {
  const out: Array<{ file: string; error?: string }> = [];
  const seen = new Set<string>();
  const add = (t: { file: string; error?: string }) => {
    const key = path.resolve(t.file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(t);
  };
  const walk = (dir: string, found: string[]) => {
    const items = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const item of items) {
      const p = path.join(dir, item.name);
      if (item.isDirectory()) walk(p, found);
      else if (/\.xlsx$/i.test(item.name) && !item.name.startsWith("~$")) found.push(p);
    }
  };
  for (const input of inputs) {
    const st = fs.statSync(input, { throwIfNoEntry: false });
    if (!st) add({ file: input, error: "not-found" });
    else if (st.isDirectory()) {
      const found: string[] = [];
      walk(input, found);
      if (found.length === 0) add({ file: input, error: "no-xlsx" });
      for (const f of found) add({ file: f });
    } else add({ file: input });
  }
  return out;
}

test("a folder's workbooks in name order, subfolders in their place; lock files and other files left out", () => {
  const dir = make(path.join(root, "order"), ["b.xlsx", "a.xlsx", "~$a.xlsx", "c.txt", "B.XLSX", "sub/z.xlsx", "sub/y.xlsx", "sub/deeper/x.xlsx", "empty/", "m.xlsx"]);
  const j = (...p: string[]) => path.join(dir, ...p);
  expect(all(discover([dir]))).toEqual([j("B.XLSX"), j("a.xlsx"), j("b.xlsx"), j("m.xlsx"), j("sub", "deeper", "x.xlsx"), j("sub", "y.xlsx"), j("sub", "z.xlsx")].map((file) => ({ file })));
});

test("each workbook once: a folder given twice or inside another, a file named before or after its folder", () => {
  const dir = make(path.join(root, "twice"), ["a.xlsx", "b.xlsx", "sub/c.xlsx"]);
  const j = (...p: string[]) => path.join(dir, ...p);
  const inputs = [j("b.xlsx"), dir, j("sub"), dir, j("a.xlsx"), j("sub", "c.xlsx")];
  expect(all(discover(inputs))).toEqual([{ file: j("b.xlsx") }, { file: j("a.xlsx") }, { file: j("sub", "c.xlsx") }]);
  expect(all(discover(inputs))).toEqual(reference(inputs));
  // A subfolder named first keeps its place; its parent adds only the rest.
  expect(all(discover([j("sub"), dir]))).toEqual([{ file: j("sub", "c.xlsx") }, { file: j("a.xlsx") }, { file: j("b.xlsx") }]);
});

test("errors: a missing path, a folder without workbooks (once, however often named), a named file of any extension", () => {
  const dir = make(path.join(root, "errors"), ["none/readme.txt", "has/sub/a.xlsx", "notes.txt"]);
  const j = (...p: string[]) => path.join(dir, ...p);
  expect(all(discover([j("missing.xlsx"), j("none"), j("none"), j("notes.txt"), j("has"), j("missing.xlsx")]))).toEqual([
    { file: j("missing.xlsx"), error: "not-found" },
    { file: j("none"), error: "no-xlsx" },
    { file: j("notes.txt") },
    { file: j("has", "sub", "a.xlsx") },
  ]);
  // A folder whose only workbooks were listed already, from a subfolder named first, is not empty.
  expect(all(discover([j("has", "sub"), j("has")]))).toEqual([{ file: j("has", "sub", "a.xlsx") }]);
});

test("symlinks: a linked folder is followed, a folder reached twice through links is read once, a loop ends", () => {
  const dir = make(path.join(root, "links"), ["real/a.xlsx", "real/b.xlsx"]);
  const j = (...p: string[]) => path.join(dir, ...p);
  fs.symlinkSync(j("real"), j("alias"));
  fs.symlinkSync(j("real"), j("real", "loop"));
  fs.symlinkSync(j("real", "a.xlsx"), j("linked.xlsx"));
  fs.symlinkSync(j("nowhere"), j("dangling.xlsx"));
  // alias/ is walked first (sorted before real/), and real/loop leads back to real/: each folder once.
  expect(all(discover([dir]))).toEqual([{ file: j("alias", "a.xlsx") }, { file: j("alias", "b.xlsx") }, { file: j("linked.xlsx") }]);
  expect(all(discover([j("alias"), j("real")]))).toEqual([{ file: j("alias", "a.xlsx") }, { file: j("alias", "b.xlsx") }]);
});

test("a folder that cannot be read halfway is one error, and nothing listed from it before the failure is kept", () => {
  // A path longer than the system allows (PATH_MAX 4096 on Linux): built through a short link, read from the top.
  const dir = make(path.join(root, "toolong"), ["a.xlsx"]);
  let deep = path.join(dir, "b");
  fs.mkdirSync(deep);
  let real = deep;
  const hops: string[] = [];
  for (let level = 0; real.length < 5000; level++) {
    const name = "d".repeat(200);
    fs.mkdirSync(path.join(deep, name));
    real = path.join(real, name);
    deep = path.join(deep, name);
    if (deep.length > 3000) {
      const hop = path.join(root, `hop${level}`);
      fs.symlinkSync(deep, hop);
      hops.push(hop);
      deep = hop;
    }
  }
  fs.writeFileSync(path.join(deep, "deep.xlsx"), "");
  const got = all(discover([dir, path.join(dir, "a.xlsx")]));
  expect(got).toEqual([{ file: dir, error: "unreadable" }, { file: path.join(dir, "a.xlsx") }]);
  expect(discover([dir]).at(0).error?.message).toMatch(/^无法读取该文件夹（ENAMETOOLONG）$/);
  // Removed from the deepest link up: no path used is too long.
  for (const hop of hops.reverse()) for (const child of fs.readdirSync(hop)) fs.rmSync(path.join(hop, child), { recursive: true });
});

test("at() outside the list throws instead of making up a target", () => {
  const list = discover([make(path.join(root, "range"), ["a.xlsx"])]);
  expect(list.at(0).file).toMatch(/a\.xlsx$/);
  for (const i of [-1, 1, 0.5, NaN]) expect(() => list.at(i)).toThrow(RangeError);
});

test("property: on random folders and random command lines, the packed list equals the plain walk", () => {
  const name = fc.constantFrom("a", "b", "B", "c", "中文", "~$a", "sub", "x y");
  const entry = fc.tuple(fc.array(name, { minLength: 0, maxLength: 2 }), name, fc.constantFrom(".xlsx", ".XLSX", ".txt", "/"));
  let n = 0;
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 12 }), fc.array(fc.nat(40), { maxLength: 6 }), (entries, picks) => {
      const dir = path.join(root, `prop${n++}`);
      const kinds = new Map<string, "file" | "folder">(); // relative path → what is there
      for (const [dirs, base, ext] of entries) {
        const folders = dirs.map((_, k) => dirs.slice(0, k + 1).join("/"));
        const leaf = [...dirs, base + ext.replace("/", "")].join("/");
        // A path made a file cannot also be a folder, nor the other way round: such an entry is left out.
        if (folders.some((f) => kinds.get(f) === "file") || kinds.has(leaf)) continue;
        for (const f of folders) kinds.set(f, "folder");
        kinds.set(leaf, ext === "/" ? "folder" : "file");
        make(dir, [ext === "/" ? `${leaf}/` : leaf]);
      }
      fs.mkdirSync(dir, { recursive: true });
      const paths = [dir, ...[...kinds.keys()].map((m) => path.join(dir, m)), path.join(dir, "missing.xlsx")];
      const inputs = picks.map((i) => paths[i % paths.length]);
      const got = all(discover(inputs));
      const want = reference(inputs);
      return JSON.stringify(got) === JSON.stringify(want) || (console.error({ made: [...kinds], inputs, got, want }), false);
    }),
    { numRuns: 150 },
  );
});

test("a target is the path as given: a relative folder gives relative paths, a named file stays as typed", () => {
  const dir = path.relative(process.cwd(), make(path.join(root, "relative"), ["a.xlsx", "sub/b.xlsx"]));
  expect(path.isAbsolute(dir)).toBe(false);
  expect(all(discover([dir, `${dir}/./sub/../x.txt`]))).toEqual([
    { file: path.join(dir, "a.xlsx") },
    { file: path.join(dir, "sub", "b.xlsx") },
    { file: `${dir}/./sub/../x.txt`, error: "not-found" },
  ]);
});
