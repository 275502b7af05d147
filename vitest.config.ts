import { defineConfig } from 'vitest/config';

// Test tiers of ARCHITECTURE.md. Every tier is deterministic: TZ=UTC, fixed clocks.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      { test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
      {
        test: {
          name: 'db',
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
          globalSetup: ['packages/server/test/support/global-setup.ts'],
          include: ['packages/server/test/api/**/*.test.ts', 'packages/server/src/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
