import type { CellRef } from "../grid";
import { nameOf } from "./support/describe";
import { docsUrl, type Rule } from "./types";

const rule: Rule = {
  meta: {
    id: "missing-field",
    severity: "error",
    description: "必填单元格为空（项目名称、分值、指标值等）",
    messages: {
      default: "{what}为空",
      computed: "{what}为空，可自动填写（任务窗格“写回得分”或 selfeval fill）",
      section: "未找到{what}",
    },
    docs: docsUrl("missing-field"),
  },
  check({ form, scored, report }) {
    // `what` is a template: `{name}` becomes the indicator's name, built only when a finding needs it.
    let current = "";
    const blank = (what: string, ref: CellRef | null | undefined, text: string | number | null | undefined) => {
      if (ref && (text === null || text === undefined)) report({ ref, data: { what: what.replace("{name}", () => current) } });
    };
    const computed = (what: string, ref: CellRef | null | undefined, value: number | string | null | undefined, raw: unknown) => {
      if (ref && (value === null || value === undefined) && (raw === null || raw === undefined || raw === "")) {
        report({ messageId: "computed", severity: "info", ref, data: { what: what.replace("{name}", () => current) } });
      }
    };
    const top: CellRef = { sheet: form.sheet, row: form.range.top, col: form.range.left };
    if (!form.project) report({ messageId: "section", ref: top, data: { what: "项目名称" } });
    blank("项目名称", form.project?.ref, form.project?.text);
    blank("主管部门", form.department?.ref, form.department?.text);
    blank("实施单位", form.unit?.ref, form.unit?.text);
    const row = scored.totalRow;
    if (!row) report({ messageId: "section", ref: top, data: { what: "项目资金（年度资金总额）" } });
    else {
      blank("全年执行数", row.executed.ref, row.executed.unreadable ? 0 : row.executed.value);
      if (!row.rate.absent) computed("执行率", row.rate.ref, row.rate.value, row.rate.raw);
      if (!row.score.absent) computed("执行率得分", row.score.ref, row.score.value, row.score.raw);
    }
    if (form.indicators.length === 0) report({ messageId: "section", ref: top, data: { what: "绩效指标" } });
    for (const i of form.indicators) {
      const complete = i.name.text !== null && i.target.text !== null && i.actual.text !== null && (i.score.value !== null || i.score.absent);
      if (complete && (i.weight.value !== null || i.weight.unreadable || i.weight.absent)) continue;
      current = nameOf(i);
      blank("{name}三级指标名称", i.name.ref, i.name.text);
      blank("{name}年度指标值", i.target.ref, i.target.text);
      blank("{name}实际完成值", i.actual.ref, i.actual.text);
      if (!i.weight.absent) blank("{name}分值", i.weight.ref, i.weight.unreadable ? 0 : i.weight.value);
      if (!i.score.absent) computed("{name}得分", i.score.ref, i.score.value, i.score.raw);
    }
    if (form.indicators.length > 0 && !form.total) report({ messageId: "section", ref: top, data: { what: "总分行" } });
    computed("总分", form.total?.score.ref, form.total?.score.value, form.total?.score.raw);
    if (form.total) {
      // Most templates have no 评分等级 row (the ministry's 2020 annex among them): its absence is only worth a note.
      if (!form.grade) report({ messageId: "section", severity: "info", ref: form.total.score.ref, data: { what: "评分等级" } });
      else computed("评分等级", form.grade.ref, form.grade.text, null);
    }
  },
};
export default rule;
