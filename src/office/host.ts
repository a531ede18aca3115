/**
 * What the adapter needs from the Office host, passed in rather than read from globals so tests can hand it
 * office-addin-mock objects. `officeHost()` builds the real one inside Excel.
 */

/** Excel.run with or without options (the two overloads the adapter uses). */
export type ExcelRun = <T>(
  optionsOrBatch: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
  batch?: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/** The part of Office.Settings used to keep the profile in the document. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } | null }) => void): void;
}

export interface OfficeHost {
  run: ExcelRun;
  /** Office.context.requirements.isSetSupported("ExcelApi", version). */
  isSetSupported(name: string, version: string): boolean;
  settings: DocumentSettings;
  /** True in Excel on the web, where a request or response above 5 MB is refused. */
  payloadLimited: boolean;
}

/** The host inside Excel, after Office.onReady. */
export function officeHost(): OfficeHost {
  const run: ExcelRun = (a, b) =>
    b ? Excel.run(a as Excel.RunOptions, b) : Excel.run(a as (context: Excel.RequestContext) => Promise<never>);
  const platform = Office.context.platform ?? Office.context.diagnostics?.platform;
  return {
    run,
    isSetSupported: (name, version) => Boolean(Office.context.requirements?.isSetSupported(name, version)),
    settings: Office.context.document.settings as unknown as DocumentSettings,
    payloadLimited: platform === Office.PlatformType.OfficeOnline,
  };
}
