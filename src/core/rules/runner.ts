/** Runs the rules over a scored form. A rule that throws becomes a finding of its own; nothing escapes. */
import { qualified } from "../grid";
import type { ScoredForm } from "../scoring/form";
import { RULES } from "./registry";
import type { Finding, Report, Rule, Severity, SeveritySetting } from "./types";

export type RuleSettings = Readonly<Record<string, SeveritySetting | undefined>>;

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function fill(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in data ? String(data[key]) : m));
}

function runOne(rule: Rule, severity: Severity, scored: ScoredForm, out: Finding[]): void {
  const report = (r: Report) => {
    const template = rule.meta.messages[r.messageId ?? "default"] ?? rule.meta.messages.default ?? rule.meta.description;
    const finding: Finding = {
      rule: rule.meta.id,
      severity: r.severity && RANK[r.severity] < RANK[severity] ? r.severity : severity,
      cell: r.ref ? qualified(r.ref) : null,
      ref: r.ref,
      message: fill(template, r.data),
    };
    if (r.expected !== undefined) finding.expected = r.expected;
    if (r.actual !== undefined) finding.actual = r.actual;
    out.push(finding);
  };
  try {
    rule.check({ scored, form: scored.form, profile: scored.profile, report });
  } catch (e) {
    out.push({
      rule: rule.meta.id,
      severity: "error",
      cell: null,
      ref: null,
      message: `规则 ${rule.meta.id} 未能完成检查（${e instanceof Error ? e.message : String(e)}），请检查表格结构。`,
    });
  }
}

export function runRules(scored: ScoredForm, settings: RuleSettings = {}, rules: readonly Rule[] = RULES): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    const setting = settings[rule.meta.id] ?? rule.meta.severity;
    if (setting === "off") continue;
    runOne(rule, setting, scored, out);
  }
  return out.sort(
    (a, b) => (a.ref?.row ?? -1) - (b.ref?.row ?? -1) || (a.ref?.col ?? -1) - (b.ref?.col ?? -1) || RANK[b.severity] - RANK[a.severity],
  );
}
