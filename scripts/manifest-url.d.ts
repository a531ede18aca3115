/** Types for manifest-url.js (used from the TypeScript tests). */
export const DEV_URL: string;
export const DEFAULT_PROD_URL: string;
export function productionBaseUrl(env?: Record<string, string | undefined>): string;
export function rewriteManifest(content: Buffer | string, baseUrl: string): Buffer;
