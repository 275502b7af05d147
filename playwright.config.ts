/**
 * Playwright journeys in Debian's Chromium against the real server: the web app is built, the server starts on a
 * free port with a fresh temporary DATA_DIR (PGlite, demo data on). Set PINTU_E2E_URL to run against a server you
 * already started instead. The browser comes from e2e/support/chromium.ts (`npm run test:e2e` installs it first
 * when the machine has none).
 */
import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './e2e/support/chromium';

const browser = findChromium();
if (!browser)
  throw new Error('No Chromium for the e2e suite: run `npm run test:e2e`, which installs one or says how.');

// Workers re-read this file; the main process picks the port once and they inherit it through the environment.
if (!process.env.PINTU_E2E_URL && !process.env.PINTU_E2E_PORT) {
  process.env.PINTU_E2E_PORT = execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ])
    .toString()
    .trim();
}
const external = process.env.PINTU_E2E_URL;
const baseURL = external ?? `http://localhost:${process.env.PINTU_E2E_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.PINTU_E2E_OUT ?? 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // Generous: the machines are small and shared, and the first pages warm the server up.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: browser.path },
      },
    },
  ],
  webServer: external
    ? undefined
    : {
        command: 'node e2e/support/start-server.mjs',
        url: `${baseURL}/api/v1/categories`,
        timeout: 240_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
        env: { PORT: String(process.env.PINTU_E2E_PORT) },
      },
});
