import { defineConfig } from 'vitest/config';
import unit from './vitest.config';

/**
 * `npm run test:pg` (scripts/test-pg.mjs runs this with PETITION_DESK_DATABASE_URL set to a throwaway server):
 * the tests written for PostgreSQL (tests/pg/) and the unit test files that pass on both stores unchanged, whose
 * test offices (tests/unit/support/test-app.ts) are then databases on that server. A file is left out when it
 * reads the SQLite file itself (the backup tests among them: tests/pg/backups.test.ts tests backups on PostgreSQL),
 * or tests what PostgreSQL does not do yet; see the README.
 */
export const ON_BOTH_STORES = [
  'tests/unit/petition-intake.test.ts',
  'tests/unit/petition-workflow.test.ts',
  'tests/unit/petition-search.test.ts',
  'tests/unit/petition-list-order.test.ts',
  'tests/unit/ledger-import.test.ts',
  'tests/unit/warning-lifecycle.test.ts',
  'tests/unit/warning-rules.test.ts',
  'tests/unit/info-reports.test.ts',
  'tests/unit/zero-reports.test.ts',
  'tests/unit/zero-reports-effective-from.test.ts',
  'tests/unit/duty-schedule.test.ts',
  'tests/unit/handover.test.ts',
  'tests/unit/alarm-firing.test.ts',
  'tests/unit/alarm-catch-up.test.ts',
  'tests/unit/alarm-bulk-acknowledge.test.ts',
  'tests/unit/alarm-log-notes.test.ts',
  'tests/unit/alarm-rights-and-limits.test.ts',
  'tests/unit/approvals.test.ts',
  'tests/unit/auth.test.ts',
  'tests/unit/accounts-sessions.test.ts',
  'tests/unit/attachments.test.ts',
  'tests/unit/statistics.test.ts',
  'tests/unit/statistics-range.test.ts',
  'tests/unit/calendar.test.ts',
  'tests/unit/notice-numbers-and-titles.test.ts',
  'tests/unit/refused-writes.test.ts',
  'tests/unit/host.test.ts',
  'tests/unit/audit-address.test.ts',
  'tests/unit/api-results.test.ts',
  'tests/unit/clean-failures.test.ts',
  'tests/unit/duty-history.test.ts',
  'tests/unit/host-bodies.test.ts',
  'tests/unit/host-server-mode.test.ts',
  'tests/unit/ledger-register.test.ts',
  'tests/unit/petition-corrections.test.ts',
  'tests/unit/statistics-totals.test.ts',
  'tests/unit/zero-reports-bulk.test.ts',
];

// Not mergeConfig: it would add these files to the unit config's include instead of replacing it.
export default defineConfig({
  test: { ...unit.test, include: ['tests/pg/**/*.test.ts', ...ON_BOTH_STORES] },
});
