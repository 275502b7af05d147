import { rmSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { enginesLine, findTestPostgres } from './packages/server/test/support/find-postgres.ts';

// The db and api tiers run on PGlite, and on PostgreSQL too when one is found (find-postgres.ts): decided here,
// once per run, and handed to the test workers through the environment they inherit.
const postgres = await findTestPostgres();
if (postgres.url) process.env.TEST_DATABASE_URL = postgres.url;
else process.env.PINTU_TEST_PG_MISSING = postgres.why;
console.log(enginesLine(postgres));
// Each run's log lines, for scripts/check-test-logs.mjs (support/log-capture.ts): a fresh folder per run.
rmSync('test-logs', { recursive: true, force: true });
const setupFiles = ['packages/server/test/support/log-capture.ts'];

// Test tiers of ARCHITECTURE.md. Every tier is deterministic: TZ=UTC, fixed clocks.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      { test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
      // Use cases over the in-memory ports of test/fakes (ADR 0011): no database, seconds for the whole tier.
      { test: { name: 'usecase', setupFiles, include: ['packages/server/test/usecase/**/*.test.ts'] } },
      {
        test: {
          name: 'db',
          setupFiles,
          globalSetup: ['packages/server/test/support/global-setup.ts'],
          include: ['packages/server/test/db/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'api',
          setupFiles,
          globalSetup: ['packages/server/test/support/global-setup.ts'],
          include: ['packages/server/test/api/**/*.test.ts', 'packages/server/src/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      // Pintu and another system as separate processes on their own PostgreSQL database (issue 12 point 6).
      {
        test: {
          name: 'integration',
          setupFiles,
          globalSetup: ['packages/server/test/support/global-setup.ts'],
          include: ['packages/server/test/integration/**/*.test.ts'],
          testTimeout: 900_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      // The example regional app (examples/regional-app): its own tests, no Pintu needed.
      { test: { name: 'example', include: ['examples/regional-app/test/**/*.test.ts'] } },
    ],
  },
});
