/** The core engine's public surface. Pure: no Excel, no DOM, no files. */
export * from "./grid";
export * from "./analyze";
export * from "./report";
export * from "./rules";
export * from "./writeplan";
export type { Form, FundingRow, Indicator, NumberField, TextField, ValueField } from "./form/model";
export { readForms } from "./form/read";
export { scoreForm, type ScoredForm, type ScoredIndicator } from "./scoring/form";
export { scoreIndicator, acceptsScore, bandName, type IndicatorScore } from "./scoring/indicator";
export { computeRate, fundingScoreOf, judgeRate, rateBy } from "./scoring/rate";
export { PROFILES, PROFILE_IDS, gradeFor, isProfileId, type Profile, type ProfileId } from "./scoring/profiles";
export { parseValue, parseBand, formatQuantity } from "./value/parse";
export type { ParsedValue, Operator, Band } from "./value/types";
export * from "./number";
export { GRADES, type Grade } from "./vocabulary";
export * from "./port";
