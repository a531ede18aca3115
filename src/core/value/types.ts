export type Operator = "≥" | ">" | "≤" | "<" | "=";

/** The three qualitative result bands of the form. */
export type Band = "achieved" | "partial" | "failed";

export type ParsedValue =
  | { kind: "empty" }
  /** `≥90.00(%)`, `24.39(万元)`, `12次`, a plain number. `op` is null when none was written. */
  | { kind: "quantity"; op: Operator | null; value: number; unit: string | null }
  /** `达成年度指标`, `部分达成…并具有一定效果`, `未达成…且效果较差`. */
  | { kind: "band"; band: Band }
  /** `及时`, `提升`, `有保障`, `控制在合理范围内`. */
  | { kind: "qualitative"; text: string }
  | { kind: "unparseable"; text: string };
