/** Small helpers the rule modules share for wording and classification. */
import type { Indicator } from "../../form/model";

export { fmt2 } from "../../number";

/** `「特保队员工作完成率」`, or the indicator's position when it has no name. */
export function nameOf(indicator: Indicator): string {
  return `「${indicator.name.text ?? `第 ${indicator.index + 1} 项指标`}」`;
}

/** 成本指标, as its own level 1 (since 2021) or as a level 2 under 产出 (older forms). */
export function isCostIndicator(indicator: Indicator): boolean {
  return indicator.level1Kind === "cost" || /成本/.test(indicator.level2.text ?? "");
}
