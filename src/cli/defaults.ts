/** Defaults main.ts needs before any heavy module is loaded. */
export const DEFAULT_MAX_MB = 20;
