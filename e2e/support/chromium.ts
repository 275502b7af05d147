/**
 * The one place that says which Chromium the e2e suite drives: playwright.config.ts launches it, and
 * ensure-chromium.ts (run by `npm run test:e2e` before Playwright) installs Debian's when there is none.
 * In order: PINTU_CHROMIUM or CHROMIUM_PATH when set; Debian's /usr/bin/chromium (what CI and the screenshots
 * use); Playwright's own build when a developer has downloaded one (`npx playwright install chromium`, not
 * possible on this project's machines, whose network reaches only the package registries).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface FoundChromium {
  path: string;
  /** Where the path came from, for the log. */
  source: string;
}

function playwrightsOwn(): string | null {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The browser to drive, or null when this machine has none yet. A path given in the environment is taken as is. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): FoundChromium | null {
  for (const name of ['PINTU_CHROMIUM', 'CHROMIUM_PATH']) {
    const path = env[name];
    if (path) return { path, source: name };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: "Debian's chromium package" };
  const own = playwrightsOwn();
  return own ? { path: own, source: "Playwright's own download" } : null;
}

/** What the browser says of itself, e.g. "Chromium 156.0.8078.114 built on Debian …". */
export function chromiumVersion(path: string): string {
  return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
}
