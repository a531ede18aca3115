/** styles.xml for the templates: a few fonts, one input fill, one border, and one cellXfs entry per style in use. */
import type { CellStyle } from "../../core/template";

/** Built-in number format ids (ECMA-376 §18.8.30); the templates use only these. */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

export class StyleTable {
  private readonly keys = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  /** The cellXfs index of a cell's look. */
  index(style: CellStyle, format: string | undefined): number {
    const numFmt = BUILTIN_FORMATS[format ?? "General"];
    if (numFmt === undefined) throw new Error(`no built-in number format ${format}`);
    const font = style.size && style.size > 12 ? 2 : style.bold ? 1 : 0;
    const fill = style.input ? 2 : 0;
    const align = style.align ?? "center";
    const key = `${numFmt}|${font}|${fill}|${align}|${style.locked ? 1 : 0}`;
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    const index = this.xfs.length;
    this.xfs.push(
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1">` +
        `<alignment horizontal="${align}" vertical="center" wrapText="1"/><protection locked="${style.locked ? 1 : 0}"/></xf>`,
    );
    this.keys.set(key, index);
    return index;
  }

  xml(): string {
    const font = (size: number, bold: boolean) => `<font>${bold ? "<b/>" : ""}<sz val="${size}"/><name val="宋体"/><family val="3"/><charset val="134"/></font>`;
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<fonts count="3">${font(10, false)}${font(10, true)}${font(16, true)}</fonts>` +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF8E1"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>' +
      '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}
