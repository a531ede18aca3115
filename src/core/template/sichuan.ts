/**
 * The Sichuan 预算管理一体化 export (部门预算项目支出绩效自评表, 11 columns): 预算执行情况(10分) with 年初预算 /
 * 调整后预算数 / 预算执行数 / 预算执行率 / 权重 / 得分 / 原因, and 绩效指标(90分) with the target split over 指标性质,
 * 指标值 and 度量单位. The export prints no 评分等级 row and leaves the 合计 score empty; this template adds both
 * (the issue asks for them), in rows the reader knows.
 */
import type { Profile } from "../scoring/profiles";
import { NUM, PERCENT, ref, SheetBuilder } from "./builder";
import { actualWithoutUnit, DEFAULT_LEVELS, splitTarget, type TemplateOptions } from "./fill";
import type { InputMap, TemplateSheet } from "./model";
import { BAND_NAMES, execRate, fundScore, grade, indicatorScore, totalScore } from "./native";
import { BAND_PROMPT, bandPercents, blankIf, identityRows, titleRow } from "./shared";

const SUB_ROWS = ["其中：财政资金", "财政专户管理资金", "单位资金", "其他资金"];
const NATURES = ["≥", "≤", "=", "定性"];

export function sichuanSheet(profile: Profile, o: TemplateOptions): TemplateSheet {
  const b = new SheetBuilder();
  const last = 10;
  const year = o.year ?? new Date().getFullYear();
  titleRow(b, 0, `部门预算项目支出绩效自评表（${year}年度）`, last);
  const { project, department, unit } = identityRows(b, o, 1, { last, departmentEnd: 4, unitLabel: "实施单位", unitLabelCol: 5, unitLabelEnd: 6, unitCol: 7 });

  b.label(3, 0, "项目基本情况", { bold: true });
  b.merge(3, 0, 5, 0);
  b.label(3, 1, "1.项目年度目标完成情况");
  b.merge(3, 1, 4, 1);
  b.label(3, 2, "项目年度目标", { bold: true });
  b.merge(3, 2, 3, 5);
  b.label(3, 6, "年度目标完成情况", { bold: true });
  b.merge(3, 6, 3, last);
  const goalExpected = b.input(4, 2, o.goalExpected ?? null, undefined, "left");
  b.merge(4, 2, 4, 5);
  const goalActual = b.input(4, 6, o.goalActual ?? null, undefined, "left");
  b.merge(4, 6, 4, last);
  b.heights.set(4, 60);
  b.label(5, 1, "2.项目实施内容及过程概述");
  b.input(5, 2, null, undefined, "left");
  b.merge(5, 2, 5, last);

  // 预算执行情况.
  const fr = 6;
  const weightValue = o.fundingWeight ?? profile.fundingWeight;
  b.label(fr, 0, `预算执行情况(${weightValue}分)`, { bold: true });
  b.merge(fr, 0, fr + 5, 0);
  ["年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"].forEach((h, i) => b.label(fr, 1 + i, h, { bold: true }));
  b.merge(fr, 8, fr, last);
  const funding: InputMap["funding"] = [];
  ["总额", ...SUB_ROWS].forEach((label, i) => {
    const r = fr + 1 + i;
    b.label(r, 1, label, { align: "left" });
    const f = o.funding?.[i] ?? {};
    const initial = b.input(r, 2, f.initial ?? null, NUM, "right");
    const budget = b.input(r, 3, f.budget ?? null, NUM, "right");
    const executed = b.input(r, 4, f.executed ?? null, NUM, "right");
    // The export prints the rate as a percentage (100.00%): a fraction formatted 0.00%.
    b.formula(r, 5, blankIf(`OR(N(${ref(budget)})=0,${ref(executed)}="")`, execRate(ref(executed), ref(budget), profile.rateRounding, true)), PERCENT);
    if (i === 0) {
      const weight = b.input(r, 6, weightValue, NUM, "right");
      b.formula(r, 7, blankIf(`${ref({ row: r, col: 5 })}=""`, fundScore(ref({ row: r, col: 5 }), ref(weight), profile.scoreRounding, true)), NUM);
      funding.push({ label: "总额", initial, budget, executed, weight });
    } else {
      b.label(r, 6, "/");
      b.label(r, 7, "/");
      funding.push({ label, initial, budget, executed, weight: null });
    }
  });
  // 原因: one cell over the five rows (执行率 below 90 % and a mid-year adjustment must be explained here).
  b.input(fr + 1, 8, null, undefined, "left");
  b.merge(fr + 1, 8, fr + 5, last);

  // 绩效指标.
  const hr = fr + 6;
  const n = o.indicators?.length ?? o.rows ?? DEFAULT_LEVELS.length;
  b.label(hr, 0, `绩效指标(${100 - weightValue}分)`, { bold: true });
  b.merge(hr, 0, hr + n, 0);
  ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"].forEach((h, i) => b.label(hr, 1 + i, h, { bold: true }));
  const indicators: InputMap["indicators"] = [];
  for (let i = 0; i < n; i++) {
    const r = hr + 1 + i;
    const given = o.indicators?.[i];
    const levels = given ? [given.level1, given.level2] : (DEFAULT_LEVELS[i] ?? ["", ""]);
    const split = given ? splitTarget(given.target) : null;
    const level1 = b.input(r, 1, levels[0] || null);
    const level2 = b.input(r, 2, levels[1] || null);
    const name = b.input(r, 3, given?.name ?? null, undefined, "left");
    const nature = b.input(r, 4, split?.nature ?? null);
    const value = b.input(r, 5, split?.value ?? null);
    const unitCell = b.input(r, 6, split?.unit ?? null);
    const actual = b.input(r, 7, given ? actualWithoutUnit(given.actual, split?.unit ?? null) : null);
    const weight = b.input(r, 8, given?.weight ?? null, NUM, "right");
    const score = b.formula(r, 9, indicatorScore({ target: { nature: ref(nature), value: ref(value) }, actual: ref(actual), weight: ref(weight) }, bandPercents(profile), profile.reverseFormula), NUM);
    const note = b.input(r, 10, given?.note || null, undefined, "left");
    indicators.push({ level1, level2, name, target: { nature, value, unit: unitCell }, actual, weight, score, note });
  }
  const firstRow = hr + 1;
  const lastRow = hr + Math.max(n, 1);
  b.list({ top: firstRow, left: 4, bottom: lastRow, right: 4 }, NATURES, "指标性质：≥ 正向、≤ 反向、= 等于，文字指标选“定性”", false);
  b.list({ top: firstRow, left: 7, bottom: lastRow, right: 7 }, BAND_NAMES, BAND_PROMPT, false);

  // 合计 (weights and the total) and 评分等级.
  const tr = hr + 1 + n;
  const fundingScore = { row: fr + 1, col: 7 };
  b.label(tr, 0, "合计", { bold: true });
  b.merge(tr, 0, tr, 7);
  b.formula(tr, 8, totalScore([ref(funding[0].weight!), `${ref({ row: firstRow, col: 8 })}:${ref({ row: lastRow, col: 8 })}`]), NUM);
  const total = b.formula(tr, 9, blankIf(`${ref(fundingScore)}=""`, totalScore([ref(fundingScore), `${ref({ row: firstRow, col: 9 })}:${ref({ row: lastRow, col: 9 })}`])), NUM);
  b.label(tr, 10, "");
  b.label(tr + 1, 0, "评分等级", { bold: true });
  const gradeCell = b.formula(tr + 1, 1, blankIf(`${ref(total)}=""`, grade(ref(total), profile.grades)));
  b.merge(tr + 1, 1, tr + 1, last);
  b.label(tr + 2, 0, "评价结论");
  b.input(tr + 2, 1, null, undefined, "left");
  b.merge(tr + 2, 1, tr + 2, last);
  b.label(tr + 3, 0, "存在问题");
  b.input(tr + 3, 1, null, undefined, "left");
  b.merge(tr + 3, 1, tr + 3, last);
  b.label(tr + 4, 0, "改进措施");
  b.input(tr + 4, 1, null, undefined, "left");
  b.merge(tr + 4, 1, tr + 4, last);

  return b.sheet(o.sheetName ?? "自评表", [12, 14, 12, 26, 8, 10, 8, 14, 8, 8, 20], true, {
    project,
    department,
    unit,
    goalExpected,
    goalActual,
    funding,
    indicators,
    computed: { rate: { row: fr + 1, col: 5 }, fundingScore, total, grade: gradeCell },
  });
}
