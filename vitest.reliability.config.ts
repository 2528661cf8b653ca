import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: kill -9 rounds against the built browser-mode process and a seeded fuzz of every
 * procedure (tests/reliability). The full form by default; `--mode short` is the form `npm test` runs.
 */
export default defineConfig(({ mode }) => ({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One process at a time: the rounds kill and start hosts, and the machine is shared.
    fileParallelism: false,
    hookTimeout: 120_000,
    provide: { reliabilityForm: mode === 'short' ? 'short' : 'full' },
  },
}));
