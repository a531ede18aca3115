/** LibreOffice headless as a second reader: converts every sheet of a workbook to CSV, recalculating on load. */
import { execFile, execFileSync } from "child_process";
import { promises as fs } from "fs";
import path from "path";

export function findSoffice(): string | null {
  for (const name of ["soffice", "libreoffice"]) {
    try {
      return execFileSync("which", [name], { encoding: "utf8" }).trim() || null;
    } catch {
      // try the next name
    }
  }
  return null;
}

/** A fresh profile whose settings make Calc recalculate OOXML and ODF formulas on load (toolchain.md). */
export async function freshProfile(dir: string): Promise<string> {
  const user = path.join(dir, "user");
  await fs.mkdir(user, { recursive: true });
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  await fs.writeFile(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" ` +
      `xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
      `${item("OOXMLRecalcMode")}\n${item("ODFRecalcMode")}\n</oor:items>\n`,
  );
  return `file://${dir}`;
}

function soffice(bin: string, profile: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(bin, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", ...args], { timeout: 120_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`soffice failed: ${err.message}\n${stdout}${stderr}`)) : resolve(),
    );
  });
}

/**
 * CSV filter options: comma, double quote, UTF-8, from line 1, …, cells "as shown" (token 9), and token 12 = -1:
 * one CSV per sheet, named `<file>-<sheet>.csv` (LibreOffice ≥ 7.2).
 */
const CSV_EACH_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

/** Every sheet of `file` as rows of displayed text, by sheet name. */
export async function sheetsAsCsv(bin: string, profile: string, file: string, outDir: string): Promise<Map<string, string[][]>> {
  await fs.mkdir(outDir, { recursive: true });
  await soffice(bin, profile, ["--convert-to", CSV_EACH_SHEET, "--outdir", outDir, file]);
  const stem = path.basename(file, path.extname(file));
  const out = new Map<string, string[][]>();
  for (const name of await fs.readdir(outDir)) {
    if (name.startsWith(`${stem}-`) && name.endsWith(".csv")) out.set(name.slice(stem.length + 1, -4), parseCsv(await fs.readFile(path.join(outDir, name), "utf8")));
  }
  return out;
}

export async function convert(bin: string, profile: string, file: string, to: string, outDir: string): Promise<string> {
  await soffice(bin, profile, ["--convert-to", to, "--outdir", outDir, file]);
  return path.join(outDir, `${path.basename(file, path.extname(file))}.${to.split(":")[0]}`);
}

/** RFC 4180 with quoted newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[i++];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
