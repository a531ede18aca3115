/** Regional scoring conventions as data. Every difference between regions lives here, not in branches. */
import type { Rounding } from "../number";
import type { Band } from "../value/types";
import type { Grade } from "../vocabulary";

export type ProfileId = "default" | "mof2020" | "hubei" | "sichuan" | "ningxia";

export interface Profile {
  id: ProfileId;
  /** Shown in the UI. */
  label: string;
  /** How 执行率 is taken to 2 decimals. */
  rateRounding: Rounding;
  /** How 执行率得分 is taken to 2 decimals (real Shanghai forms truncate the rate but round the score). */
  scoreRounding: Rounding;
  /** 分值 of 执行率 when the form does not state it. */
  fundingWeight: number;
  /** Fraction of w each qualitative band spans: [low, high). `achieved` includes its high end (1). */
  bands: Record<Band, readonly [number, number]>;
  /** Fraction of w proposed for an empty score in each band. */
  bandProposal: Record<Band, number>;
  /** Reverse target missed: `ratio` = w·A/B; `linear` = w·max(0, 1 − (B − A)/A). */
  reverseFormula: "ratio" | "linear";
  /** 执行率 below this (percent) makes a deviation note due. */
  rateNoteThreshold: number;
  /** Whether that note is required (error) or advised (warning). */
  rateNoteRequired: boolean;
  /** Whether a mid-year budget adjustment must be explained in a note. */
  adjustmentNoteRequired: boolean;
  /** B ≥ factor × A flags a target as probably set too low. */
  overAchievementFactor: number;
  /**
   * An indicator row named 预算执行率 is scored w × 执行率 (partial marks) from the funding table, which then scores
   * nothing itself (Ningxia: 预算执行率 worth 10 under 项目管理).
   */
  rateIndicator: boolean;
  /** Lower bounds of the grades, best first. */
  grades: ReadonlyArray<readonly [number, Grade]>;
}

const GRADES: Profile["grades"] = [
  [90, "优"],
  [80, "良"],
  [60, "中"],
  [0, "差"],
];

const base: Profile = {
  id: "default",
  label: "默认（上海：执行率截位，得分四舍五入）",
  rateRounding: "trunc",
  scoreRounding: "round",
  fundingWeight: 10,
  bands: { achieved: [0.8, 1], partial: [0.6, 0.8], failed: [0, 0.6] },
  bandProposal: { achieved: 1, partial: 0.7, failed: 0.5 },
  reverseFormula: "ratio",
  rateNoteThreshold: 90,
  rateNoteRequired: false,
  adjustmentNoteRequired: false,
  overAchievementFactor: 1.2,
  rateIndicator: false,
  grades: GRADES,
};

export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  default: base,
  mof2020: { ...base, id: "mof2020", label: "财政部 2020（四舍五入）", rateRounding: "round", scoreRounding: "round" },
  hubei: {
    ...base,
    id: "hubei",
    label: "湖北（执行率 20 分）",
    fundingWeight: 20,
    bands: { achieved: [0.8, 1], partial: [0.5, 0.8], failed: [0, 0.5] },
    bandProposal: { achieved: 1, partial: 0.65, failed: 0.4 },
  },
  ningxia: {
    ...base,
    id: "ningxia",
    label: "宁夏（预算执行率为指标，按执行率计分）",
    rateIndicator: true,
  },
  sichuan: {
    ...base,
    id: "sichuan",
    label: "四川（执行率低于 90% 须说明）",
    rateNoteRequired: true,
    adjustmentNoteRequired: true,
  },
};

export const PROFILE_IDS = Object.keys(PROFILES) as ProfileId[];

export function isProfileId(x: unknown): x is ProfileId {
  return typeof x === "string" && Object.prototype.hasOwnProperty.call(PROFILES, x);
}

export function gradeFor(total: number, profile: Profile): Grade {
  for (const [min, grade] of profile.grades) if (total >= min) return grade;
  return profile.grades[profile.grades.length - 1][1];
}
