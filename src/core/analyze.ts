/** The engine's front door: a grid in, every form on it read, scored and checked. */
import { type Grid, GridReader } from "./grid";
import { readForms } from "./form/read";
import { type Finding, runRules, type RuleSettings } from "./rules";
import { scoreForm, type ScoredForm } from "./scoring/form";
import { PROFILES, type Profile, type ProfileId } from "./scoring/profiles";

export interface FormReport {
  scored: ScoredForm;
  findings: Finding[];
}

export interface AnalyzeOptions {
  profile?: ProfileId | Profile;
  rules?: RuleSettings;
}

export interface Analysis {
  sheet: string;
  forms: FormReport[];
  /** Set when the sheet could not be read at all; the forms read before the failure are kept. */
  error: string | null;
}

export function resolveProfile(p: ProfileId | Profile | undefined): Profile {
  if (p === undefined) return PROFILES.default;
  return typeof p === "string" ? (PROFILES[p] ?? PROFILES.default) : p;
}

export function analyzeGrid(grid: Grid, options: AnalyzeOptions = {}): Analysis {
  const profile = resolveProfile(options.profile);
  const forms: FormReport[] = [];
  try {
    for (const form of readForms(new GridReader(grid))) {
      const scored = scoreForm(form, profile);
      forms.push({ scored, findings: runRules(scored, options.rules) });
    }
    return { sheet: grid.sheet, forms, error: null };
  } catch (e) {
    return { sheet: grid.sheet, forms, error: `读取工作表“${grid.sheet}”时出错：${e instanceof Error ? e.message : String(e)}` };
  }
}
