/**
 * The manifest's URLs: development base https://localhost:3000/ and its production replacement.
 * Used by webpack.config.js (production build) and by the tests.
 */
"use strict";

const DEV_URL = "https://localhost:3000/";
/** Placeholder production location; set SELFEVAL_BASE_URL to the real one (see docs/addin.md). */
const DEFAULT_PROD_URL = "https://selfeval.example.gov.cn/addin/";
const LOCAL_URL = /:\/\/(localhost|127\.0\.0\.1|\[::1\])/i;

/** The production base URL from $SELFEVAL_BASE_URL (or the placeholder): https, not local, ending in "/". */
function productionBaseUrl(env = process.env) {
  let url = (env.SELFEVAL_BASE_URL || "").trim() || DEFAULT_PROD_URL;
  if (!url.endsWith("/")) url += "/";
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`SELFEVAL_BASE_URL is not a URL: ${url}`);
  }
  if (parsed.protocol !== "https:") throw new Error(`SELFEVAL_BASE_URL must use https: ${url}`);
  if (LOCAL_URL.test(url)) throw new Error(`SELFEVAL_BASE_URL must not be a local address: ${url}`);
  if (parsed.search || parsed.hash) throw new Error(`SELFEVAL_BASE_URL must not have a query or fragment: ${url}`);
  return url;
}

/** Replaces every DEV_URL in the manifest (global replace); throws if a local URL is left over. */
function rewriteManifest(content, baseUrl) {
  const text = content.toString("utf8").split(DEV_URL).join(baseUrl);
  if (LOCAL_URL.test(text)) {
    throw new Error(`manifest.xml still has a local URL after the rewrite; write every URL as ${DEV_URL}…`);
  }
  return Buffer.from(text, "utf8");
}

module.exports = { DEV_URL, DEFAULT_PROD_URL, productionBaseUrl, rewriteManifest };
