import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    // The files share one process instead of a fresh one each (which cost about half the run): no test mocks a
    // module or leaves a global changed, each test app has its own folder, and the offices built once
    // (support/matters.ts) then serve every file that asks for them.
    isolate: false,
    testTimeout: 20_000,
    // Migrates the template database once and keeps every test's folder in one temp folder for the run.
    globalSetup: ['tests/unit/support/global-setup.ts'],
  },
});
