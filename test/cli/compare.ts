/** Cell-by-cell comparison of two workbooks through ExcelJS: values, styles, number formats, merges, sizes. */
import ExcelJS from "exceljs";

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const merges = (ws: ExcelJS.Worksheet) => [...((ws.model as { merges?: string[] }).merges ?? [])].sort();

/** Every difference between `a` and `b`, as `Sheet!A1 what: x ≠ y` lines; `except` cells may differ in value and format. */
export function differences(a: ExcelJS.Workbook, b: ExcelJS.Workbook, except: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  const diff = (where: string, x: unknown, y: unknown) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${where}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
  };
  diff("sheets", a.worksheets.map((w) => w.name), b.worksheets.map((w) => w.name));
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name);
    if (!wb) continue;
    diff(`${wa.name} merges`, merges(wa), merges(wb));
    const cols = Math.max(wa.columnCount, wb.columnCount);
    const rows = Math.max(wa.rowCount, wb.rowCount);
    for (let c = 1; c <= cols; c++) diff(`${wa.name} column ${c} width`, wa.getColumn(c).width, wb.getColumn(c).width);
    for (let r = 1; r <= rows; r++) {
      diff(`${wa.name} row ${r} height`, wa.getRow(r).height, wb.getRow(r).height);
      for (let c = 1; c <= cols; c++) {
        const x = wa.getRow(r).getCell(c);
        const y = wb.getRow(r).getCell(c);
        const where = `${wa.name}!${x.address}`;
        const { numFmt: fx, ...sx } = x.style ?? {};
        const { numFmt: fy, ...sy } = y.style ?? {};
        diff(`${where} style`, sx, sy);
        if (except.has(where)) continue;
        // A merged area's other cells read through to its master: compare which master, not its value twice.
        const value = (cell: ExcelJS.Cell) => (cell.isMerged && cell.master !== cell ? { master: cell.master.address } : cell.value);
        diff(`${where} value`, value(x), value(y));
        diff(`${where} numFmt`, fx, fy);
      }
    }
  }
  return out;
}
