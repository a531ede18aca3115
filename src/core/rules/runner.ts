/** Runs the rules over a scored form. A rule that throws becomes a finding of its own; nothing escapes. */
import { qualified } from "../grid";
import type { ScoredForm } from "../scoring/form";
import { RULES } from "./registry";
import type { Finding, Report, Rule, Severity, SeveritySetting } from "./types";

export type RuleSettings = Readonly<Record<string, SeveritySetting | undefined>>;

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Templates split once into literal text and `{name}` slots (odd positions), so filling one is a join. */
const compiled = new Map<string, string[]>();

export function fill(template: string, data: Record<string, string | number> = {}): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    out += (key in data ? String(data[key]) : `{${key}}`) + parts[i + 1];
  }
  return out;
}

export function runRules(scored: ScoredForm, settings: RuleSettings = {}, rules: readonly Rule[] = RULES): Finding[] {
  const out: Finding[] = [];
  // One context for all rules; `rule` and `severity` say whose report it is (cheaper than a closure per rule).
  let rule: Rule = rules[0];
  let severity: Severity = "error";
  const report = (r: Report) => {
    const { messages, id } = rule.meta;
    const messageId = r.messageId ?? "default";
    const template = Object.prototype.hasOwnProperty.call(messages, messageId) ? messages[messageId] : undefined;
    // A typo in a message id is a bug in the rule: it becomes the rule's crash finding, never a silent default.
    if (template === undefined) throw new Error(`未知的消息 ${messageId}`);
    const finding: Finding = {
      rule: id,
      severity: r.severity && RANK[r.severity] < RANK[severity] ? r.severity : severity,
      cell: r.ref ? qualified(r.ref) : null,
      ref: r.ref,
      message: fill(template, r.data),
    };
    if (r.expected !== undefined) finding.expected = r.expected;
    if (r.actual !== undefined) finding.actual = r.actual;
    out.push(finding);
  };
  const context = { scored, form: scored.form, profile: scored.profile, report };
  for (const current of rules) {
    const setting = settings[current.meta.id] ?? current.meta.severity;
    if (setting === "off") continue;
    rule = current;
    severity = setting;
    try {
      current.check(context);
    } catch (e) {
      out.push({
        rule: current.meta.id,
        severity: "error",
        cell: null,
        ref: null,
        message: `规则 ${current.meta.id} 未能完成检查（${e instanceof Error ? e.message : String(e)}），请检查表格结构。`,
      });
    }
  }
  if (out.length < 2) return out;
  return out.sort(
    (a, b) => (a.ref?.row ?? -1) - (b.ref?.row ?? -1) || (a.ref?.col ?? -1) - (b.ref?.col ?? -1) || RANK[b.severity] - RANK[a.severity],
  );
}
