/** What a file is, by its first bytes and (for OLE files) its stream names; decided before ExcelJS sees it. */
import { FileError } from "./errors";

const ZIP = Buffer.from("PK\x03\x04", "latin1");
const EMPTY_ZIP = Buffer.from("PK\x05\x06", "latin1");
const CFB = Buffer.from("d0cf11e0a1b11ae1", "hex");

/**
 * Names of the directory entries of an OLE compound file. Entries are 128-byte records that start on sector
 * boundaries (512 or 4096 bytes, both multiples of 128, after a 512-byte header), so a scan of the 128-byte slots
 * finds them without walking the FAT, which a truncated file may not have.
 */
function cfbEntryNames(buf: Buffer): Set<string> {
  const names = new Set<string>();
  for (let off = 512; off + 128 <= buf.length; off += 128) {
    const len = buf.readUInt16LE(off + 0x40);
    const type = buf[off + 0x42];
    if (len < 4 || len > 64 || len % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    if (buf.readUInt16LE(off + len - 2) !== 0) continue;
    let name = buf.toString("utf16le", off, off + len - 2);
    if (name.charCodeAt(0) <= 5) name = name.slice(1); // "\x05SummaryInformation" and the like
    if (/^[\x20-\x7e]+$/.test(name)) names.add(name);
  }
  return names;
}

/** Throws the FileError that explains why `buf` is not an .xlsx; returns when it starts like one. */
export function sniff(buf: Buffer): void {
  if (buf.length === 0) throw new FileError("not-xlsx", "文件为空（0 字节），不是 Excel 工作簿");
  const head = buf.subarray(0, 8);
  if (head.subarray(0, 4).equals(ZIP)) return;
  if (head.subarray(0, 4).equals(EMPTY_ZIP)) throw new FileError("not-xlsx", "是空的 ZIP 压缩包，不是 Excel 工作簿");
  if (head.equals(CFB)) {
    const names = cfbEntryNames(buf);
    if (names.has("EncryptedPackage") || names.has("EncryptionInfo")) {
      throw new FileError("encrypted", "工作簿设置了打开密码（已加密），无法读取；请在 Excel 中取消密码后另存为 .xlsx 再检查");
    }
    if (names.has("Workbook") || names.has("Book")) {
      throw new FileError("xls", "这是旧版 Excel 97-2003 (.xls) 文件，不支持；请在 Excel 中另存为 .xlsx 后再检查");
    }
    throw new FileError("not-xlsx", "是 OLE 复合文档（如 .doc 或旧版 Office 文件），不是 .xlsx 工作簿");
  }
  throw new FileError("not-xlsx", "不是 .xlsx 文件（文件头不是 ZIP 格式），可能是改了扩展名的其他文件");
}
