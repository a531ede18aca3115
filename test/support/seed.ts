/** The five seed forms (test/fixtures/seed-forms.json, transcribed from the user's source document). */
import data from "../fixtures/seed-forms.json";

export type FundingTuple = [string, number | null, number | null, number | null, number | null, number | null, number | null];
export type IndicatorTuple = [string, string, string, string, string, number | null, number | null, string];

export interface SeedForm {
  year: number;
  project: string;
  department: string;
  unit: string;
  funding: FundingTuple[];
  goalExpected: string;
  goalActual: string;
  indicators: IndicatorTuple[];
  total: number;
  grade: string;
}

export const SEED_FORMS: readonly SeedForm[] = (data as unknown as { forms: SeedForm[] }).forms;

/** A deep copy to mutate in a test. */
export function seedForm(i: number): SeedForm {
  return JSON.parse(JSON.stringify(SEED_FORMS[i])) as SeedForm;
}
