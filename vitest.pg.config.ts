import { defineConfig, mergeConfig } from 'vitest/config';
import unit from './vitest.config';

/**
 * `npm run test:pg` (scripts/test-pg.mjs runs this with PETITION_DESK_DATABASE_URL set to a throwaway server):
 * the tests written for PostgreSQL (tests/pg/) and the unit test files that pass on both stores unchanged, whose
 * test offices (tests/unit/support/test-app.ts) are then databases on that server. A file is left out when it
 * reads the SQLite file itself, or tests what PostgreSQL does not do yet (backups, restores); see the README.
 */
export const ON_BOTH_STORES = [
  'tests/unit/petition-intake.test.ts',
  'tests/unit/petition-search.test.ts',
];

export default mergeConfig(
  unit,
  defineConfig({
    test: {
      include: ['tests/pg/**/*.test.ts', ...ON_BOTH_STORES],
    },
  }),
);
