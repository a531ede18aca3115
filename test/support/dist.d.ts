/** Types of ./dist.js (plain CommonJS, because Jest's global setup loads it without a transform). */
export declare const DIST: string;
export declare const BASE_URL: string;
export declare function ensureDist(): string;
