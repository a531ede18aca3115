import type { CellRef } from "../grid";
import type { Form } from "../form/model";
import type { Profile } from "../scoring/profiles";
import type { ScoredForm } from "../scoring/form";

export type Severity = "error" | "warning" | "info";
export type SeveritySetting = Severity | "off";

/** What a check found, with the cell it concerns. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** `Sheet!G20`, or null when the form lacks the cell altogether. */
  cell: string | null;
  ref: CellRef | null;
  message: string;
  /** The value we propose for the cell, where there is one. */
  expected?: number | string | null;
  /** The value the cell holds. */
  actual?: number | string | null;
}

/** A rule's message ids: `default` and the variants it declares. */
export interface RuleMeta<M extends string = string> {
  /** Stable, public: the CLI, the task pane and users' filters use it. */
  id: string;
  severity: Severity;
  /** One line, zh-CN. */
  description: string;
  /** zh-CN message templates with `{name}` placeholders, ESLint-style. */
  messages: Record<M | "default", string>;
  docs: string;
}

export interface Report<M extends string = string> {
  /** One of the rule's own message ids (typed per rule through `defineRule`; an unknown one throws). */
  messageId?: M | "default";
  ref: CellRef | null;
  data?: Record<string, string | number>;
  expected?: number | string | null;
  actual?: number | string | null;
  /** A softer severity for this finding (never harsher than the rule's configured one). */
  severity?: Severity;
}

export interface RuleContext<M extends string = string> {
  scored: ScoredForm;
  form: Form;
  profile: Profile;
  report(r: Report<M>): void;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(ctx: RuleContext<M>): void;
}

/** Declares a rule with its message ids typed: `report({ messageId })` accepts only the ids its `messages` declare. */
export function defineRule<M extends string>(rule: Rule<M>): Rule {
  return rule as Rule;
}

export function docsUrl(id: string): string {
  return `docs/rules/${id}.md`;
}
