/** What the task pane shows, computed from the engine's analyses. Pure: no React, no workbook. */
import {
  type Analysis,
  analyzeGrid,
  type FindingSummary,
  type FormReport,
  type FormSummary,
  type Grid,
  isBlank,
  type PlannedWrite,
  planWrites,
  type ProfileId,
  summarize,
  sum,
} from "../core";
import { formatNumber } from "../core/display/displayText";

export type SeverityName = FindingSummary["severity"];

export const SEVERITY_ORDER: readonly SeverityName[] = ["error", "warning", "info"];
export const SEVERITY_LABEL: Record<SeverityName, string> = { error: "错误", warning: "警告", info: "提示" };

export interface FindingView extends FindingSummary {
  /** Unique within the pane. */
  key: string;
  /** The value 写回得分 would put in this finding's non-empty cell if the user agrees; null when it proposes none. */
  proposal: string | null;
}

export interface Level1Bar {
  name: string;
  weight: number;
  score: number;
}

export interface FormView {
  key: string;
  summary: FormSummary;
  report: FormReport;
  level1: Level1Bar[];
  findings: FindingView[];
  counts: Record<SeverityName, number>;
}

export interface SheetView {
  sheet: string;
  /** The grid the forms were read from (公式化 asks it which computed cells hold formulas already). */
  grid: Grid;
  forms: FormView[];
  error: string | null;
}

const LEVEL1 = ["成本", "产出", "效益", "满意度"];

/** `成本指标` → `成本`; other names kept as they are. */
export function level1Name(text: string | null): string {
  const t = (text ?? "").replace(/\s/g, "");
  return LEVEL1.find((n) => t.startsWith(n)) ?? (t.replace(/指标$/, "") || "其他");
}

/** Weight and score (computed, else stated) summed per level-1 indicator, 成本/产出/效益/满意度 first. */
export function level1Bars(summary: FormSummary): Level1Bar[] {
  const bars = new Map<string, { weights: number[]; scores: number[] }>();
  let current: string | null = null;
  for (const ind of summary.indicators) {
    // Merged level-1 cells read as blank below their first row: they belong to the one above.
    if (ind.level1) current = ind.level1;
    const name = level1Name(current);
    const bar = bars.get(name) ?? { weights: [], scores: [] };
    bar.weights.push(ind.weight ?? 0);
    bar.scores.push(ind.computedScore ?? ind.statedScore ?? 0);
    bars.set(name, bar);
  }
  const rank = (n: string) => (LEVEL1.includes(n) ? LEVEL1.indexOf(n) : LEVEL1.length);
  return [...bars.entries()]
    .map(([name, b]) => ({ name, weight: sum(b.weights), score: sum(b.scores) }))
    .sort((a, b) => rank(a.name) - rank(b.name));
}

/** The forms of one grid, with what each finding could fix. */
export function viewSheet(grid: Grid, profile: ProfileId): SheetView {
  const analysis: Analysis = analyzeGrid(grid, { profile });
  const forms = analysis.forms.map((report, i) => viewForm(report, `${analysis.sheet}#${i}`));
  return { sheet: analysis.sheet, grid, forms, error: analysis.error };
}

export function viewForm(report: FormReport, key: string): FormView {
  const summary = summarize(report);
  // Which non-empty cells a finding's proposal would overwrite: plan as if every finding's cell were consented.
  const cells = new Set(report.findings.map((f) => f.cell).filter((c): c is string => c !== null));
  const fixes = new Map<string, PlannedWrite>();
  for (const w of planWrites(report.scored, { overwrite: cells })) {
    if (!isBlank(w.previous)) fixes.set(w.cell, w);
  }
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, info: 0 };
  const findings = summary.findings.map((f, i) => {
    counts[f.severity]++;
    const fix = f.cell ? fixes.get(f.cell) : undefined;
    // As the cell will show it: a rate for a percent cell is planned as the fraction 0.9824.
    const proposal = fix ? (typeof fix.value === "number" ? formatNumber(fix.value, fix.numberFormat) : fix.value) : null;
    return { ...f, key: `${key}/${i}`, proposal };
  });
  return { key, summary, report, level1: level1Bars(summary), findings, counts };
}

/**
 * The writes of 写回得分: every empty cell the engine can fill, plus the non-empty cells the user ticked.
 * Returned with the consent set the port checks again.
 */
export function planAll(sheets: readonly SheetView[], consent: ReadonlySet<string>): PlannedWrite[] {
  const out: PlannedWrite[] = [];
  for (const s of sheets) for (const f of s.forms) out.push(...planWrites(f.report.scored, { overwrite: consent }));
  return out;
}

export interface Totals {
  forms: number;
  error: number;
  warning: number;
  info: number;
}

export function totals(sheets: readonly SheetView[]): Totals {
  const t: Totals = { forms: 0, error: 0, warning: 0, info: 0 };
  for (const s of sheets) {
    for (const f of s.forms) {
      t.forms++;
      t.error += f.counts.error;
      t.warning += f.counts.warning;
      t.info += f.counts.info;
    }
  }
  return t;
}
