export * from "./types";
export { RULES, RULE_IDS } from "./registry";
export { runRules, type RuleSettings } from "./runner";
