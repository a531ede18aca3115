/** Builds the broken and hostile inputs of issue 3 in a temp folder (nothing large is committed). */
import { promises as fs } from "fs";
import path from "path";
import * as CFB from "cfb";
import ExcelJS from "exceljs";
import { buildSeedWorkbook } from "../support/seedWorkbook";
import { unzip, zip } from "./zipkit";

async function seedBuffer(): Promise<Buffer> {
  return Buffer.from(await buildSeedWorkbook({ forms: [0] }).workbook.xlsx.writeBuffer());
}

/** An OLE compound file holding the named streams, as Office writes them. */
function compoundFile(streams: Record<string, Buffer>): Buffer {
  const cfb = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(cfb, `/${name}`, data);
  return Buffer.from(CFB.write(cfb, { type: "buffer" }) as Uint8Array);
}

/** A BIFF8 BOF record: what a .xls Workbook stream starts with. */
const BIFF8_BOF = Buffer.from("090810000006050054380dc0c1000000060000", "hex");

export const HOSTILE = {
  /** Text with an .xlsx name. */
  notZip: async () => Buffer.from("项目名称,执行率\n其他专项工作经费,98.24\n", "utf8"),
  /** A real workbook cut in half, as an interrupted download leaves it. */
  truncated: async () => {
    const b = await seedBuffer();
    return b.subarray(0, Math.floor(b.length / 2));
  },
  /** Office's "encrypt with password": an OLE container with EncryptionInfo + EncryptedPackage. */
  encrypted: async () =>
    compoundFile({ EncryptionInfo: Buffer.from("04000400400000000000", "hex"), EncryptedPackage: Buffer.alloc(4096, 0x5a) }),
  /** Excel 97-2003: an OLE container with a Workbook stream of BIFF records. */
  xls: async () => compoundFile({ Workbook: Buffer.concat([BIFF8_BOF, Buffer.alloc(4096)]) }),
  /** A ZIP that is not a workbook (a .docx has word/document.xml instead of xl/workbook.xml). */
  docx: async () => zip([{ name: "word/document.xml", data: Buffer.from("<w:document/>") }]),
  /** A real workbook whose sheet declares A1:XFD1048576 (17 billion cells) while holding a small form. */
  hugeDimension: async () => {
    const entries = unzip(await seedBuffer()).map((e) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)
        ? { ...e, data: Buffer.from(e.data.toString("utf8").replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')) }
        : e,
    );
    return zip(entries);
  },
  /** Real cells at A1 and XFD1048576, with no <dimension> to give it away before loading. */
  farCells: async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表1");
    ws.getCell("A1").value = "财政项目支出绩效自评表";
    ws.getCell("XFD1048576").value = 1;
    const entries = unzip(Buffer.from(await wb.xlsx.writeBuffer()));
    return zip(entries.map((e) => ({ ...e, data: Buffer.from(e.data.toString("utf8").replace(/<dimension ref="[^"]*"\/>/, "")) })));
  },
  /**
   * A sheet part of 40 MB of valid XML (empty rows) packed into ~40 KB, with headers that claim 1000 bytes: past the
   * 32 MB the reader inflates for `--max-size 1`. (Check it with --max-size 1.)
   */
  zipBomb: async () =>
    zip(
      unzip(await seedBuffer()).map((e) =>
        e.name === "xl/worksheets/sheet1.xml" ? { name: e.name, data: bombSheet(40 * 2 ** 20), declaredSize: 1000 } : e,
      ),
    ),
  /** 16 MB of zeros in an image, claiming 1000 bytes: a part no reader inflates (fill copies it compressed). */
  zipBombInImage: async () =>
    zip([...unzip(await seedBuffer()), { name: "xl/media/image1.png", data: Buffer.alloc(16 * 2 ** 20), declaredSize: 1000 }]),
} as const;

/** A worksheet of `bytes` of `<row/>`: well-formed, so only the inflation cap can stop it. */
function bombSheet(bytes: number): Buffer {
  const head = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const tail = "</sheetData></worksheet>";
  const body = Buffer.alloc(bytes - (bytes % 6), "<row/>");
  return Buffer.concat([Buffer.from(head), body, Buffer.from(tail)]);
}

export type HostileKind = keyof typeof HOSTILE;

export async function writeHostile(dir: string, kind: HostileKind, name = `${kind}.xlsx`): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, await HOSTILE[kind]());
  return file;
}

/** A sparse file of `mb` megabytes: it takes no disk space, but stat reports its full size. */
export async function writeSparse(dir: string, name: string, mb: number): Promise<string> {
  const file = path.join(dir, name);
  const fh = await fs.open(file, "w");
  await fh.write(Buffer.from("PK\x03\x04"), 0, 4, 0);
  await fh.truncate(mb * 2 ** 20);
  await fh.close();
  return file;
}

/** A real workbook holding no form: a plain data sheet. */
export async function writeNoForm(dir: string, name = "no-form.xlsx"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("数据");
  ws.addRow(["科目", "金额"]);
  ws.addRow(["办公费", 1234.5]);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
