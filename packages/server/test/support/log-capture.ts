/**
 * Every log line a test produces is also written to `test-logs/` (issue 16 §6), so that
 * `scripts/check-test-logs.mjs` can read them all after the run and fail on a reporter's identity in any of them.
 * Loaded as a setup file in each tier that runs server code; server processes started by tests write there too
 * (bench/lib/server-process.ts, e2e/support/start-server.mjs).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

export const TEST_LOG_DIR = join(import.meta.dirname, '../../../../test-logs');

mkdirSync(TEST_LOG_DIR, { recursive: true });
const file = join(TEST_LOG_DIR, `vitest-${process.pid}.log`);
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    appendFileSync(file, `${format(...args)}\n`);
    original(...args);
  };
}
