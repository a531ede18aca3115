export type Operator = "≥" | ">" | "≤" | "<" | "=";

/** The three qualitative result bands of the form. */
export type Band = "achieved" | "partial" | "failed";

export type ParsedValue =
  | { readonly kind: "empty" }
  /** `≥90.00(%)`, `24.39(万元)`, `12次`, a plain number. `op` is null when none was written. */
  | { readonly kind: "quantity"; readonly op: Operator | null; readonly value: number; readonly unit: string | null }
  /** `达成年度指标`, `部分达成…并具有一定效果`, `未达成…且效果较差`. */
  | { readonly kind: "band"; readonly band: Band }
  /** `及时`, `提升`, `有保障`, `控制在合理范围内`. */
  | { readonly kind: "qualitative"; readonly text: string }
  | { readonly kind: "unparseable"; readonly text: string };
