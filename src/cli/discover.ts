/**
 * Turns the paths on the command line into the list of workbooks to check, in a stable order.
 *
 * The list lives for the whole run, and V8 lets a heap grow to a multiple of what stays alive before it collects, so
 * its size is paid several times over: kept as a Target and two path strings a file it cost ~190 bytes a file and,
 * at 100,000 files, ~90 MB of peak RSS (issue 9). A folder's workbooks are kept instead as one string of names with
 * their end offsets (~20 bytes a file), and a Target is made when it is asked for.
 */
import fs from "fs";
import path from "path";
import { FileError } from "./errors";

export interface Target {
  /** The path as given, or joined onto the folder as given. */
  file: string;
  /** Set when the target itself is already known to fail (missing path, folder without workbooks). */
  error?: FileError;
}

/** Read in order by index, as the pool does. */
export interface TargetList {
  readonly length: number;
  at(i: number): Target;
}

/** Excel's lock files (`~$name.xlsx`) are not workbooks. */
const isWorkbookName = (name: string) => /\.xlsx$/i.test(name) && !name.startsWith("~$");

/** A file name never holds NUL, on any system. */
const SEP = "\0";

/** The workbooks of one folder: `prefix` + each name; `ends[k]` is where name k ends in `names`. */
interface FolderGroup {
  start: number;
  prefix: string;
  names: string;
  ends: Uint32Array;
}
type Group = FolderGroup | { start: number; target: Target };

class PackedTargets implements TargetList {
  private readonly groups: Group[] = [];
  length = 0;

  one(target: Target): void {
    this.groups.push({ start: this.length++, target });
  }

  folder(prefix: string, names: readonly string[]): void {
    if (names.length === 0) return;
    const ends = new Uint32Array(names.length);
    let end = -1;
    names.forEach((n, k) => (ends[k] = end += n.length + 1));
    // Joined into one flat string: the names from readdir and their Dirents can then be collected.
    this.groups.push({ start: this.length, prefix, names: names.join(SEP), ends });
    this.length += names.length;
  }

  /** Drops what was listed from index n on (a folder that failed halfway is reported as one error). */
  truncate(n: number): void {
    while (this.groups.length > 0 && this.groups[this.groups.length - 1].start >= n) this.groups.pop();
    this.length = n;
  }

  at(i: number): Target {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) throw new RangeError(`target ${i} of ${this.length}`);
    let lo = 0;
    let hi = this.groups.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.groups[mid].start <= i) lo = mid;
      else hi = mid - 1;
    }
    const g = this.groups[lo];
    if ("target" in g) return g.target;
    const k = i - g.start;
    return { file: g.prefix + g.names.slice(k === 0 ? 0 : g.ends[k - 1] + 1, g.ends[k]) };
  }
}

/**
 * What `path.join(dir, name)` puts before a plain name (one from readdir: no separator, never `.` or `..`): joining
 * once per folder instead of once per file.
 */
const joinPrefix = (dir: string) => path.join(dir, "x").slice(0, -1);

/**
 * A folder's workbooks and subfolders (symlinks followed), sorted by name. Read entry by entry and keeping only the
 * names: the Dirents of a 100,000-file folder, held all at once, grew the heap for the rest of the run.
 */
function readFolder(dir: string): { names: string[]; folders: Set<string> } {
  const names: string[] = [];
  const folders = new Set<string>();
  const handle = fs.opendirSync(dir);
  try {
    for (let d = handle.readSync(); d; d = handle.readSync()) {
      let isDir = d.isDirectory();
      let isFile = d.isFile();
      if (d.isSymbolicLink()) {
        const st = statOrNull(path.join(dir, d.name));
        isDir = st?.isDirectory() ?? false;
        isFile = st?.isFile() ?? false;
      }
      if (isDir) folders.add(d.name);
      if (isDir || (isFile && isWorkbookName(d.name))) names.push(d.name);
    }
  } finally {
    handle.closeSync();
  }
  return { names: names.sort(), folders }; // sort(): by UTF-16 code units, as the names compare with <
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Each workbook once, in input order: a folder reached twice (given twice, inside another one given, through a
 * symlink, or a symlink loop) is walked once, and a file named on the command line is not listed again from its
 * folder, nor named again after its folder was walked. Folders are keyed by their real path, so no key is kept per
 * file.
 */
class Discovery {
  readonly list = new PackedTargets();
  /** Each folder walked (by real path) → the workbooks in it and below, listed or not. */
  private readonly walked = new Map<string, number>();
  /** Files named on the command line, by resolved path. */
  private readonly named = new Set<string>();
  /** Paths already reported as failing. */
  private readonly failures = new Set<string>();

  /** A folder on the command line: false when it holds no workbook at all (counting those already listed). */
  folder(dir: string): boolean {
    const [listed, walked] = [this.list.length, this.walked.size];
    try {
      return this.walk(dir) > 0;
    } catch (e) {
      // Nothing of a folder that could not be read is kept: it is reported as one error. (A Map keeps insertion
      // order: the folders this walk added are the last ones.)
      this.list.truncate(listed);
      for (const k of [...this.walked.keys()].slice(walked)) this.walked.delete(k);
      throw e;
    }
  }

  /** Synchronous, like the reads: the CLI works through one path at a time. Returns the workbooks found. */
  private walk(dir: string): number {
    const real = realOrSelf(dir);
    const seen = this.walked.get(real);
    if (seen !== undefined) return seen; // a folder walked before (its files are listed), or a symlink loop (0)
    this.walked.set(real, 0);
    let found = 0;
    const { names: entries, folders } = readFolder(dir);
    const prefix = joinPrefix(dir);
    const named = this.named.size > 0 ? path.resolve(dir) : null;
    let names: string[] = [];
    const flush = () => {
      this.list.folder(prefix, names);
      names = [];
    };
    for (const name of entries) {
      if (folders.has(name)) {
        // A subfolder's files come between this folder's: close the group so the order stays the walk's.
        flush();
        found += this.walk(prefix + name);
      } else {
        found++;
        if (!(named && this.named.has(path.join(named, name)))) names.push(name);
      }
    }
    flush();
    this.walked.set(real, found);
    return found;
  }

  file(file: string): void {
    const key = path.resolve(file);
    if (this.named.has(key)) return;
    // Already listed from its folder (the folder came first on the command line).
    if (isWorkbookName(path.basename(key)) && this.walked.has(realOrSelf(path.dirname(key)))) return;
    this.named.add(key);
    this.list.one({ file }); // an explicitly named file is checked whatever its extension; sniffing says what it is
  }

  failed(file: string, error: FileError): void {
    const key = path.resolve(file);
    if (this.failures.has(key)) return;
    this.failures.add(key);
    this.list.one({ file, error });
  }
}

export function discover(inputs: readonly string[]): TargetList {
  const d = new Discovery();
  for (const input of inputs) {
    const st = statOrNull(input);
    if (!st) d.failed(input, new FileError("not-found", "找不到该文件或文件夹"));
    else if (st.isDirectory()) {
      let any: boolean;
      try {
        any = d.folder(input);
      } catch (e) {
        d.failed(input, new FileError("unreadable", `无法读取该文件夹（${(e as { code?: string }).code ?? "错误"}）`));
        continue;
      }
      if (!any) d.failed(input, new FileError("no-xlsx", "文件夹中没有 .xlsx 文件"));
    } else if (st.isFile()) d.file(input);
    else d.failed(input, new FileError("unreadable", "不是普通文件（可能是设备或管道），未读取"));
  }
  return d.list;
}
