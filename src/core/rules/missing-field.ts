import { type CellRef, isBlank } from "../grid";
import { isBlankForm } from "../form/blank";
import { forEachComputedField } from "../writeplan/computed";
import { nameOf } from "./support/describe";
import { defineRule, docsUrl } from "./types";

const COMPUTED_NAMES = { fundingScore: "执行率得分", total: "总分", grade: "评分等级" } as const;

const rule = defineRule({
  meta: {
    id: "missing-field",
    severity: "error",
    description: "必填单元格为空（项目名称、分值、指标值等）",
    messages: {
      default: "{what}为空",
      computed: "{what}为空，可自动填写（任务窗格“写回得分”或 selfeval fill）",
      section: "未找到{what}",
      fresh: "{what}待填写",
      freshSection: "{what}待填写",
    },
    docs: docsUrl("missing-field"),
  },
  check({ form, scored, report: say }) {
    // A form nobody has filled in yet (a new template) is to be filled in: every finding is a "fill in" note.
    const fresh = isBlankForm(form);
    const report: typeof say = (r) =>
      say(fresh ? { ...r, severity: "info", messageId: r.messageId === "section" ? "freshSection" : r.messageId === "computed" ? "computed" : "fresh" } : r);
    // `what` is a template: `{name}` becomes the indicator's name, built only when a finding needs it.
    let current = "";
    const blank = (what: string, ref: CellRef | null | undefined, text: string | number | null | undefined) => {
      if (ref && (text === null || text === undefined)) report({ ref, data: { what: what.replace("{name}", () => current) } });
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
    }
    if (form.indicators.length > 0 && !form.total) report({ messageId: "section", ref: top, data: { what: "总分行" } });
    // Most templates have no 评分等级 row (the ministry's 2020 annex among them): its absence is only worth a note.
    if (form.total && !form.grade) report({ messageId: "section", severity: "info", ref: form.total.score.ref, data: { what: "评分等级" } });
    // The computed cells a fill can write (the write plan's own list).
    forEachComputedField(scored, (kind, field, i) => {
      const ref = field ? field.ref : form.grade!.ref;
      if (!isBlank(field ? field.raw : form.grade!.text)) return;
      const row = kind === "rate" ? form.funding[i] : null;
      const what =
        kind === "rate" ? `${row !== scored.totalRow ? row!.label : ""}执行率`
        : kind === "score" ? `${nameOf(form.indicators[i])}得分`
        : COMPUTED_NAMES[kind];
      report({ messageId: "computed", severity: "info", ref, data: { what } });
    });
  },
});
export default rule;
