/** The plain summary of a checked form: the shape of the CLI's JSON contract, shared by every host. */
import { qualified, rangeA1 } from "./grid";
import type { FormReport } from "./analyze";
import type { Finding } from "./rules";
import type { Grade } from "./vocabulary";

export interface Figures {
  rate: number | null;
  fundingScore: number | null;
  total: number | null;
  grade: Grade | null;
}

export interface IndicatorSummary {
  level1: string | null;
  level2: string | null;
  name: string | null;
  target: string | null;
  actual: string | null;
  weight: number | null;
  statedScore: number | null;
  computedScore: number | null;
  note: string;
  cells: { score: string; note: string | null };
}

/** A finding as reported: the cell address without the internal coordinates. */
export type FindingSummary = Omit<Finding, "ref">;

export interface FormSummary {
  sheet: string;
  range: string;
  year: number | null;
  project: string | null;
  department: string | null;
  unit: string | null;
  stated: Figures;
  computed: Figures;
  indicators: IndicatorSummary[];
  findings: FindingSummary[];
}

const GRADE_SET = new Set(["优", "良", "中", "差"]);

export function summarize({ scored, findings }: FormReport): FormSummary {
  const { form } = scored;
  const row = scored.totalRow;
  const statedGrade = form.grade?.text?.replace(/\s/g, "") ?? null;
  return {
    sheet: form.sheet,
    range: rangeA1(form.range.top, form.range.left, form.range.bottom, form.range.right),
    year: form.year,
    project: form.project?.text ?? null,
    department: form.department?.text ?? null,
    unit: form.unit?.text ?? null,
    stated: {
      rate: row?.rate.value ?? null,
      fundingScore: row?.score.value ?? null,
      total: form.total?.score.value ?? null,
      grade: statedGrade !== null && GRADE_SET.has(statedGrade) ? (statedGrade as Grade) : null,
    },
    computed: { rate: scored.rateValue, fundingScore: scored.fundingScore, total: scored.total, grade: scored.grade },
    indicators: scored.indicators.map((s) => ({
      level1: s.indicator.level1.text,
      level2: s.indicator.level2.text,
      name: s.indicator.name.text,
      target: s.indicator.target.text,
      actual: s.indicator.actual.text,
      weight: s.indicator.weight.value,
      statedScore: s.indicator.score.value,
      computedScore: s.computed,
      note: s.indicator.note?.text ?? "",
      cells: { score: qualified(s.indicator.score.ref), note: s.indicator.note ? qualified(s.indicator.note.ref) : null },
    })),
    findings: findings.map(({ ref: _ref, ...finding }) => finding),
  };
}
