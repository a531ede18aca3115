/** What a template can be created with: the project's header data, and optionally every input (tests, 公式化). */
import type { Operator } from "../value/types";
import { parseValue } from "../value/parse";

export interface FundingInput {
  initial?: number | null;
  budget?: number | null;
  executed?: number | null;
}

export interface IndicatorInput {
  level1: string;
  level2: string;
  name: string;
  /** As the form writes it: `≥90.00(%)`, `及时`. */
  target: string;
  /** `90.00(%)`, `达成指标`, or a number. */
  actual: string | number;
  weight: number | null;
  note?: string;
}

export interface TemplateOptions {
  year?: number;
  project?: string;
  department?: string;
  unit?: string;
  goalExpected?: string;
  goalActual?: string;
  /** Indicator rows of a blank form (default 8, or as many as `indicators` gives). */
  rows?: number;
  /** 年度资金总额 first, then the template's sub-rows in order. */
  funding?: FundingInput[];
  /** 执行率's 分值 (default: the profile's). */
  fundingWeight?: number;
  indicators?: IndicatorInput[];
  sheetName?: string;
}

/** Level-1 / level-2 names pre-printed on a blank form's rows (the 2021 core-indicator order, 成本 first). */
export const DEFAULT_LEVELS: ReadonlyArray<readonly [string, string]> = [
  ["成本指标", "经济成本指标"],
  ["产出指标", "数量指标"],
  ["产出指标", "质量指标"],
  ["产出指标", "时效指标"],
  ["效益指标", "社会效益指标"],
  ["效益指标", "可持续影响指标"],
  ["满意度指标", "服务对象满意度指标"],
  ["满意度指标", "服务对象满意度指标"],
];

/** A target split for templates with 指标性质 / 指标值 / 度量单位 columns: `≥90.00(%)` → ≥ | 90 | %. */
export function splitTarget(target: string): { nature: string; value: string | number; unit: string | null } {
  const p = parseValue(target);
  if (p.kind === "quantity") return { nature: natureOf(p.op), value: p.value, unit: p.unit };
  return { nature: "定性", value: target, unit: null };
}

function natureOf(op: Operator | null): string {
  if (op === ">" ) return "≥";
  if (op === "<") return "≤";
  return op ?? "≥";
}

/** An actual without the unit the template keeps in its own column (`90.00(%)` → 90 when the unit is `%`). */
export function actualWithoutUnit(actual: string | number, unit: string | null): string | number {
  if (typeof actual === "number" || unit === null) return actual;
  const p = parseValue(actual);
  return p.kind === "quantity" && p.op === null && (p.unit === null || p.unit === unit) ? p.value : actual;
}
