import type { CellRef, CellValue } from "../grid";
import type { ParsedValue } from "../value/types";
import type { FundingRowKind, Level1Kind } from "../vocabulary";

/** A text cell of the form. `text` is null when the cell is blank. */
export interface TextField {
  text: string | null;
  ref: CellRef;
}

/** A numeric cell of the form, read whatever way the workbook wrote it. */
export interface NumberField {
  /** The number (rates in percent points), or null when blank, `-`, or unreadable. */
  value: number | null;
  raw: CellValue;
  ref: CellRef;
  /** The cell holds something that is not a number (`abc`, `#DIV/0!`). */
  unreadable: boolean;
  /** The cell holds a placeholder for "not applicable" (`-`, `/`). */
  notApplicable: boolean;
  /** The cell is a fraction formatted as a percentage (write back as a fraction too). */
  percentFormat: boolean;
  /** The cell's number format, where the host knows it. */
  format: string | null;
  /** The template has no such column: `ref` only points at the row, and nothing is ever written there. */
  absent: boolean;
}

export interface ValueField extends TextField {
  parsed: ParsedValue;
}

export interface FundingRow {
  kind: FundingRowKind;
  label: string;
  row: number;
  initial: NumberField;
  budget: NumberField;
  executed: NumberField;
  weight: NumberField;
  rate: NumberField;
  score: NumberField;
}

export interface Indicator {
  /** 0-based position in the form. */
  index: number;
  row: number;
  level1: TextField;
  level1Kind: Level1Kind;
  level2: TextField;
  name: TextField;
  target: ValueField;
  actual: ValueField;
  weight: NumberField;
  score: NumberField;
  /** Null when the form has no 偏差原因分析及改进措施 column. */
  note: TextField | null;
}

export type Layout = "shanghai" | "ministry";

export interface Form {
  sheet: string;
  /** Absolute 0-based bounds of the form on its sheet. */
  range: { top: number; left: number; bottom: number; right: number };
  layout: Layout;
  title: string | null;
  year: number | null;
  project: TextField | null;
  department: TextField | null;
  unit: TextField | null;
  /** Unit of the funding amounts. */
  amountUnit: "万元" | "元";
  /** The funding rows, 年度资金总额 first when present. */
  funding: FundingRow[];
  /** 执行率's weight as a header states it (`得分(20分*执行率)`, `预算执行情况(10分)`), for tables without a 分值 cell. */
  fundingWeight: number | null;
  /** The funding table's own 原因 cell (Sichuan), or null when the template has none. */
  fundingNote: TextField | null;
  goalExpected: TextField | null;
  goalActual: TextField | null;
  indicators: Indicator[];
  total: { weight: NumberField | null; score: NumberField } | null;
  grade: TextField | null;
}
