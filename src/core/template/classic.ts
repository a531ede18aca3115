/**
 * The Shanghai layout (the seed's: 8 columns from 一级指标) and the ministry 2020 layout (财预〔2020〕10号 annex: a
 * leading 绩效指标 column, the funding labels two columns wide). Same rows, same formulas.
 */
import type { Profile } from "../scoring/profiles";
import { NUM, ref, SheetBuilder } from "./builder";
import { DEFAULT_LEVELS, type TemplateOptions } from "./fill";
import type { InputMap, TemplateSheet } from "./model";
import { BAND_NAMES, execRate, fundScore, grade, indicatorScore, totalScore } from "./native";
import { bandPercents, blankIf, BAND_PROMPT, FUNDING_SUB_ROWS, identityRows, titleRow } from "./shared";

export function classicSheet(profile: Profile, o: TemplateOptions, ministry: boolean): TemplateSheet {
  const b = new SheetBuilder();
  const k = ministry ? 1 : 0;
  const last = 7 + k;
  const year = o.year ?? new Date().getFullYear();

  titleRow(b, 0, ministry ? "项目支出绩效自评表" : "财政项目支出绩效自评表", last);
  b.label(1, 0, `（${year}年度）`);
  b.merge(1, 0, 1, last);

  const { project, department, unit } = identityRows(b, o, 2, { last, departmentEnd: 3 + k, unitLabel: "实施单位", unitLabelCol: 4 + k, unitCol: 5 + k });

  // 项目资金: header, 年度资金总额, three sub-rows.
  const fr = 4;
  const c = 2 + k; // 年初预算数
  b.label(fr, 0, ministry ? "项目资金（万元）" : "项目资金\n（万元）", { bold: true });
  b.merge(fr, 0, fr + 4, 0);
  b.label(fr, 1, "");
  b.merge(fr, 1, fr, 1 + k);
  ["年初预算数", "全年预算数", "全年执行数", "分值", ministry ? "执行率" : "执行率(%)", "得分"].forEach((h, i) => b.label(fr, c + i, h, { bold: true }));
  const funding: InputMap["funding"] = [];
  const labels = ["年度资金总额：", ...FUNDING_SUB_ROWS];
  labels.forEach((label, i) => {
    const r = fr + 1 + i;
    b.label(r, 1, label, { align: "left" });
    b.merge(r, 1, r, 1 + k);
    const f = o.funding?.[i] ?? {};
    const initial = b.input(r, c, f.initial ?? null, NUM, "right");
    const budget = b.input(r, c + 1, f.budget ?? null, NUM, "right");
    const executed = b.input(r, c + 2, f.executed ?? null, NUM, "right");
    const rate = blankIf(`OR(N(${ref(budget)})=0,${ref(executed)}="")`, execRate(ref(executed), ref(budget), profile.rateRounding));
    b.formula(r, c + 4, rate, NUM);
    if (i === 0) {
      const weight = b.input(r, c + 3, o.fundingWeight ?? profile.fundingWeight, NUM, "right");
      const rateCell = ref({ row: r, col: c + 4 });
      b.formula(r, c + 5, blankIf(`${rateCell}=""`, fundScore(rateCell, ref(weight), profile.scoreRounding)), NUM);
      funding.push({ label: "年度资金总额", initial, budget, executed, weight });
    } else {
      // Sub-rows carry no 分值 or 得分: the printed `-` of real forms.
      b.label(r, c + 3, "-");
      b.label(r, c + 5, "-");
      funding.push({ label, initial, budget, executed, weight: null });
    }
  });

  // 年度总体目标.
  const gr = fr + 5;
  const mid = 4 + k;
  b.label(gr, 0, ministry ? "年度总体目标" : "年度\n总体\n目标", { bold: true });
  b.merge(gr, 0, gr + 1, 0);
  b.label(gr, 1, "预期目标", { bold: true });
  b.merge(gr, 1, gr, mid);
  b.label(gr, mid + 1, "实际完成情况", { bold: true });
  b.merge(gr, mid + 1, gr, last);
  const goalExpected = b.input(gr + 1, 1, o.goalExpected ?? null, undefined, "left");
  b.merge(gr + 1, 1, gr + 1, mid);
  const goalActual = b.input(gr + 1, mid + 1, o.goalActual ?? null, undefined, "left");
  b.merge(gr + 1, mid + 1, gr + 1, last);
  b.heights.set(gr + 1, 60);

  // 绩效指标.
  const hr = gr + 2;
  const ic = k;
  const heads = ministry
    ? ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    : ["一级\n指标", "二级\n指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析\n及改进措施"];
  heads.forEach((h, i) => b.label(hr, ic + i, h, { bold: true }));
  const n = o.indicators?.length ?? o.rows ?? DEFAULT_LEVELS.length;
  if (ministry) {
    b.label(hr, 0, "绩效指标", { bold: true });
    b.merge(hr, 0, hr + n, 0);
  }
  const indicators: InputMap["indicators"] = [];
  for (let i = 0; i < n; i++) {
    const r = hr + 1 + i;
    const given = o.indicators?.[i];
    const levels = given ? [given.level1, given.level2] : (DEFAULT_LEVELS[i] ?? ["", ""]);
    const level1 = b.input(r, ic, levels[0] || null);
    const level2 = b.input(r, ic + 1, levels[1] || null);
    const name = b.input(r, ic + 2, given?.name ?? null, undefined, "left");
    const target = b.input(r, ic + 3, given?.target ?? null);
    const actual = b.input(r, ic + 4, given?.actual ?? null);
    const weight = b.input(r, ic + 5, given?.weight ?? null, NUM, "right");
    const score = b.formula(r, ic + 6, indicatorScore({ target: { text: ref(target) }, actual: ref(actual), weight: ref(weight) }, bandPercents(profile), profile.reverseFormula), NUM);
    const note = b.input(r, ic + 7, given?.note || null, undefined, "left");
    indicators.push({ level1, level2, name, target: { text: target }, actual, weight, score, note });
  }
  const firstRow = hr + 1;
  const lastRow = hr + Math.max(n, 1);
  b.list({ top: firstRow, left: ic + 4, bottom: lastRow, right: ic + 4 }, BAND_NAMES, BAND_PROMPT, false);

  // 总分 and 评分等级.
  const tr = hr + 1 + n;
  const scoreCol = ic + 6;
  const fundingScore = { row: fr + 1, col: c + 5 };
  b.label(tr, 0, "总分", { bold: true });
  b.merge(tr, 0, tr, 4 + k);
  const weights = `${ref({ row: firstRow, col: ic + 5 })}:${ref({ row: lastRow, col: ic + 5 })}`;
  b.formula(tr, 5 + k, totalScore([ref(funding[0].weight!), weights]), NUM);
  const scores = `${ref({ row: firstRow, col: scoreCol })}:${ref({ row: lastRow, col: scoreCol })}`;
  const total = b.formula(tr, 6 + k, blankIf(`${ref(fundingScore)}=""`, totalScore([ref(fundingScore), scores])), NUM);
  b.label(tr, 7 + k, "");
  b.label(tr + 1, 0, "评分等级", { bold: true });
  b.merge(tr + 1, 0, tr + 1, 4 + k);
  const gradeCell = b.formula(tr + 1, 5 + k, blankIf(`${ref(total)}=""`, grade(ref(total), profile.grades)));
  b.merge(tr + 1, 5 + k, tr + 1, last);

  return b.sheet(o.sheetName ?? "自评表", ministry ? [10, 10, 12, 28, 16, 16, 9, 9, 22] : [10, 14, 28, 16, 16, 9, 9, 22], false, {
    project,
    department,
    unit,
    goalExpected,
    goalActual,
    funding,
    indicators,
    computed: { rate: { row: fr + 1, col: c + 4 }, fundingScore, total, grade: gradeCell },
  });
}
