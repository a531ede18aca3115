/** Types for validate-manifest.js (used from the TypeScript tests). */
export interface ManifestFacts {
  sets?: Map<string, string>;
  namespace?: string | null;
  runtimeResid?: string | null;
  runtimeUrl?: string | null;
  urls?: string[];
}
export interface CheckResult {
  problems: string[];
  facts: ManifestFacts;
}
export interface XmllintResult {
  ok: boolean;
  status?: number | null;
  output: string;
  missing?: "xmllint" | "schema";
}
export const NS: { app: string; bt: string; ov: string; xsi: string };
export function checkManifest(xml: string, options?: { production?: boolean; namespace?: string }): CheckResult;
export function checkFiles(facts: ManifestFacts, dir: string): string[];
export function runXmllint(manifestPath: string, schemaDir?: string): XmllintResult;
export function defaultSchemaDir(): string;
export function findXmllint(): string | null;
