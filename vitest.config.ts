import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // Migrates the template database once and keeps every test's folder in one temp folder for the run.
    globalSetup: ['tests/unit/support/global-setup.ts'],
  },
});
