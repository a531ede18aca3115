/**
 * End-to-end harness: a production build of dist (once), a tiny static HTTP server on a random localhost port, and
 * Debian's Chromium driven by playwright-core with a fresh profile. Shared by test/e2e and bench/preview.ts.
 */
import fs from "fs";
import http from "http";
import type { AddressInfo } from "net";
import os from "os";
import path from "path";
import { type BrowserContext, chromium } from "playwright-core";
import { ensureDist } from "../../support/dist";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
export const CHROMIUM = process.env.SELFEVAL_CHROMIUM ?? "/usr/bin/chromium";
export const ARTIFACTS = path.join(ROOT, "test-artifacts");

/** Whether Chromium is here; without it the e2e tests fail under CI and are skipped (with a warning) elsewhere. */
export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

/**
 * The production build the tests share (.tmp/jest-dist, made by Jest's global setup, or here when it is missing or
 * out of date: test/support/dist.js). SELFEVAL_E2E_DIST names an already built dist instead (e.g. after `npm run build`).
 */
export function buildDist(): string {
  const given = process.env.SELFEVAL_E2E_DIST;
  if (given) return path.resolve(ROOT, given);
  return ensureDist();
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` over plain HTTP on 127.0.0.1 and a port the OS picks. */
export async function serve(dir: string): Promise<Served> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "") || "preview.html";
    const file = path.resolve(dir, rel);
    if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh user-data dir, removed on close. */
export async function launch(): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    viewport: { width: 1400, height: 900 },
    locale: "zh-CN",
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
