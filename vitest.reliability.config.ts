import os from 'node:os';
import path from 'node:path';
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
    // The hosts the rounds start inherit these, as the e2e hosts do (playwright.config.ts): audit keys in a temp
    // folder, never the user's config folder; password hashes at scrypt 2^10 instead of 2^17. Every round logs three
    // people in after each restart, and the fuzz's log-ins and password changes hash too: at 2^17 that was about
    // 0.8 s of CPU each, most of the short form's time. The real cost is tested by tests/unit/accounts-lockout.test.ts.
    env: { PETITION_DESK_KEY_DIR: path.join(os.tmpdir(), 'petition-desk-reliability-keys'), PETITION_DESK_TEST_SCRYPT_LOG2N: '10' },
  },
}));
