import { defineConfig } from 'vitest/config';

// Three tiers (see ARCHITECTURE.md): unit tests beside the code (*.test.ts), integration tests against
// a real database (*.int.test.ts, PGlite by default, PostgreSQL when TANZIM_TEST_DATABASE_URL is set),
// and end-to-end tests in Debian's Chromium (test/e2e/*.e2e.test.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/integration/**/*.int.test.ts'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
