export type Operator = "≥" | ">" | "≤" | "<" | "=";

/** The three qualitative result bands of the form. */
export type Band = "achieved" | "partial" | "failed";

/** A calendar point as a form writes it; a part not written is null (`9月底前`: month 9, no year, no day). */
export interface TimePoint {
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
}

export type ParsedValue =
  | { readonly kind: "empty" }
  /** `≥90.00(%)`, `24.39(万元)`, `12次`, a plain number. `op` is null when none was written. */
  | { readonly kind: "quantity"; readonly op: Operator | null; readonly value: number; readonly unit: string | null }
  /** `达成年度指标`, `部分达成…并具有一定效果`, `未达成…且效果较差`. */
  | { readonly kind: "band"; readonly band: Band }
  /**
   * A time (时效指标): a deadline or date (`9月底前`, `年底前`, `2023-09-30`, `11月20日`) in `at`, or `及时` / `按时完成`
   * (`at` null). `late` marks `未按时完成`, `延期完成`. A time target is met by an actual on or before it.
   */
  | { readonly kind: "time"; readonly at: TimePoint | null; readonly late: boolean }
  /** `提升`, `有保障`, `控制在合理范围内`. */
  | { readonly kind: "qualitative"; readonly text: string }
  | { readonly kind: "unparseable"; readonly text: string };
