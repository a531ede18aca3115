/**
 * A header's meaning from its text: the label it names (through vocabulary.ts and synonyms.ts) and what its
 * trailing decorations say — `(万元)` / `(元)` the amounts' unit, `(B/A)` a rate written as a ratio, `(20分*执行率)` or
 * `(10分)` the weight, `(A)` / `(B)` / `(%)` nothing more.
 */
import { type LabelId, labelOf } from "../vocabulary";

export interface Decoration {
  /** The column holds a ratio (`执行率(B/A)`): a bare 1 is 100 %. */
  ratio: boolean;
  /** A weight stated in the header (`得分(20分*执行率)` → 20). */
  weight: number | null;
  /** The amounts' unit stated in the header. */
  amountUnit: "万元" | "元" | null;
}

export interface HeaderMeaning extends Decoration {
  id: LabelId;
}

const TRAILING_GROUP = /\(([^()]*)\)$/;
const RATIO = /^[A-Za-z]\s*[/÷]\s*[A-Za-z]$/;
const WEIGHT = /(\d+(?:\.\d+)?)分/;

/** The meaning of a normalised header text (`labelKey`), or null when it names nothing the reader knows. */
export function headerMeaning(key: string): HeaderMeaning | null {
  let base = key;
  const decoration: Decoration = { ratio: false, weight: null, amountUnit: null };
  // At most two decorations (`执行率(B/A)(%)`); the base text is then looked up as is.
  for (let i = 0; i <= 2; i++) {
    const id = labelOf(base);
    if (id) return { id, ...decoration };
    const m = TRAILING_GROUP.exec(base);
    if (!m || m.index === 0) return null;
    const group = m[1];
    if (RATIO.test(group)) decoration.ratio = true;
    else if (group === "万元" || group === "元") decoration.amountUnit = group;
    else {
      const w = WEIGHT.exec(group);
      if (w && decoration.weight === null) decoration.weight = Number(w[1]);
    }
    base = base.slice(0, m.index);
  }
  return null;
}

/** A title: any text that names a 自评表 (`部门整体支出绩效自评表`, `2020年度长江禁捕项目自评表（2020年度）`). */
export function isTitle(key: string): boolean {
  return /自评表(?:\(\d{4}年度?\))?$/.test(key) && key.length <= 60;
}
