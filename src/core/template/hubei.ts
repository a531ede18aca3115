/**
 * The Hubei 鄂财绩发 layout (项目自评表, 预算执行情况(万元)(20分) with 预算数(A) / 执行数(B) / 执行率(B/A) /
 * 得分(20分*执行率), then 年度绩效目标(80分) and 总分 in a merged cell beside its label). Real Hubei forms print no
 * per-indicator 分值 (weights only at level 1): a score formula needs one, so this template adds a 分值 column
 * before 得分, a header the reader already knows. It also adds a 评分等级 row.
 */
import type { Profile } from "../scoring/profiles";
import { NUM, PERCENT, ref, SheetBuilder } from "./builder";
import { DEFAULT_LEVELS, type TemplateOptions } from "./fill";
import type { InputMap, TemplateSheet } from "./model";
import { BAND_NAMES, execRate, fundScore, grade, indicatorScore, totalScore } from "./native";
import { bandPercents, blankIf, BAND_PROMPT, identityRows, titleRow } from "./shared";

export function hubeiSheet(profile: Profile, o: TemplateOptions): TemplateSheet {
  const b = new SheetBuilder();
  const last = 7;
  const year = o.year ?? new Date().getFullYear();
  const w = o.fundingWeight ?? profile.fundingWeight;
  titleRow(b, 0, `${year}年度项目支出绩效自评表`, last);
  const { project, department, unit } = identityRows(b, o, 1, { last, departmentEnd: 2, unitLabel: "项目实施单位", unitLabelCol: 3, unitCol: 4 });

  // 预算执行情况: one row, the weight stated in the headers (the reader takes it from `得分(20分*执行率)`).
  const fr = 3;
  b.label(fr, 0, `预算执行情况(万元)(${w}分)`, { bold: true });
  ["预算数(A)", "执行数(B)", "执行率(B/A)", `得分(${w}分*执行率)`].forEach((h, i) => b.label(fr, 1 + i, h, { bold: true }));
  b.label(fr, 5, "");
  b.merge(fr, 5, fr, last);
  b.label(fr + 1, 0, "年度财政资金总额");
  const f = o.funding?.[0] ?? {};
  const budget = b.input(fr + 1, 1, f.budget ?? null, NUM, "right");
  const executed = b.input(fr + 1, 2, f.executed ?? null, NUM, "right");
  const rate = b.formula(fr + 1, 3, blankIf(`OR(N(${ref(budget)})=0,${ref(executed)}="")`, execRate(ref(executed), ref(budget), profile.rateRounding, true)), PERCENT);
  const fundingScore = b.formula(fr + 1, 4, blankIf(`${ref(rate)}=""`, fundScore(ref(rate), String(w), profile.scoreRounding, true)), NUM);
  b.label(fr + 1, 5, "");
  b.merge(fr + 1, 5, fr + 1, last);

  // 年度绩效目标.
  const hr = fr + 2;
  const n = o.indicators?.length ?? o.rows ?? DEFAULT_LEVELS.length;
  b.label(hr, 0, `年度绩效目标(${100 - w}分)`, { bold: true });
  b.merge(hr, 0, hr + n, 0);
  ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "分值", "得分"].forEach((h, i) => b.label(hr, 1 + i, h, { bold: true }));
  const indicators: InputMap["indicators"] = [];
  for (let i = 0; i < n; i++) {
    const r = hr + 1 + i;
    const given = o.indicators?.[i];
    const levels = given ? [given.level1, given.level2] : (DEFAULT_LEVELS[i] ?? ["", ""]);
    const level1 = b.input(r, 1, levels[0] || null);
    const level2 = b.input(r, 2, levels[1] || null);
    const name = b.input(r, 3, given?.name ?? null, undefined, "left");
    const target = b.input(r, 4, given?.target ?? null);
    const actual = b.input(r, 5, given?.actual ?? null);
    const weight = b.input(r, 6, given?.weight ?? null, NUM, "right");
    const score = b.formula(r, 7, indicatorScore({ target: { text: ref(target) }, actual: ref(actual), weight: ref(weight) }, bandPercents(profile), profile.reverseFormula), NUM);
    indicators.push({ level1, level2, name, target: { text: target }, actual, weight, score, note: null });
  }
  const firstRow = hr + 1;
  const lastRow = hr + Math.max(n, 1);
  b.list({ top: firstRow, left: 5, bottom: lastRow, right: 5 }, BAND_NAMES, BAND_PROMPT, false);

  const tr = hr + 1 + n;
  b.label(tr, 0, "总分", { bold: true });
  const total = b.formula(tr, 1, blankIf(`${ref(fundingScore)}=""`, totalScore([ref(fundingScore), `${ref({ row: firstRow, col: 7 })}:${ref({ row: lastRow, col: 7 })}`])), NUM);
  b.merge(tr, 1, tr, last);
  b.label(tr + 1, 0, "评分等级", { bold: true });
  const gradeCell = b.formula(tr + 1, 1, blankIf(`${ref(total)}=""`, grade(ref(total), profile.grades)));
  b.merge(tr + 1, 1, tr + 1, last);
  // The deviation notes go in these two rows on Hubei forms (no note column).
  b.label(tr + 2, 0, "偏差大或目标未完成原因分析");
  const note = b.input(tr + 2, 1, null, undefined, "left");
  b.merge(tr + 2, 1, tr + 2, last);
  b.label(tr + 3, 0, "改进措施及结果应用方案");
  b.input(tr + 3, 1, null, undefined, "left");
  b.merge(tr + 3, 1, tr + 3, last);
  b.heights.set(tr + 2, 45);

  return b.sheet(o.sheetName ?? "自评表", [16, 12, 14, 26, 16, 16, 8, 8], false, {
    project,
    department,
    unit,
    goalExpected: null,
    goalActual: null,
    funding: [{ label: "年度财政资金总额", initial: null, budget, executed, weight: null }],
    indicators: indicators.map((x) => ({ ...x, note: x.note ?? note })),
    computed: { rate, fundingScore, total, grade: gradeCell },
  });
}
