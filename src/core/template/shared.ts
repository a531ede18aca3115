/** Pieces every layout uses. */
import { hundredths } from "../number";
import type { Profile } from "../scoring/profiles";

/** The sub-rows of 年度资金总额 on the Shanghai and ministry forms. */
export const FUNDING_SUB_ROWS = ["其中：当年财政拨款", "上年结转资金", "其他资金"] as const;

export const BAND_PROMPT = "定性指标请选择评价结果；定量指标直接填写数值，如 90.00(%)";

/** `IF(cond,"",formula)`: a computed cell stays blank until its inputs are there (a blank is a "fill in", not 0). */
export function blankIf(cond: string, formula: string): string {
  return `IF(${cond},"",${formula})`;
}

/** The profile's proposed score for each band, in percent of the weight (达成 / 部分达成 / 未达成). */
export function bandPercents(profile: Profile): [number, number, number] {
  const p = hundredths;
  return [p(profile.bandProposal.achieved), p(profile.bandProposal.partial), p(profile.bandProposal.failed)];
}
