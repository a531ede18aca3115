export * from "./types";
export { RULES, RULE_IDS, ruleById } from "./registry";
export { runRules, type RuleSettings } from "./runner";
