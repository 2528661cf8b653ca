import os from 'node:os';
import path from 'node:path';
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
    // Audit keys of test offices go to a temp folder, never the user's config folder (main/core/audit/key-store.ts).
    // Password hashes at scrypt 2^10, the lowest test cost (main/core/users/passwords.ts), instead of 2^17: about 6 ms
    // of CPU each instead of 840 (2^14 took 95), so the suite's hundreds of set-ups and log-ins fit its time; the real
    // cost and the upgrade of an older hash are tested with this removed (tests/unit/accounts-lockout.test.ts).
    env: { PETITION_DESK_KEY_DIR: path.join(os.tmpdir(), 'petition-desk-test-keys'), PETITION_DESK_TEST_SCRYPT_LOG2N: '10' },
  },
});
