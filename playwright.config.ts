import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The hosts the tests start keep their offices' audit keys in a temp folder, never the user's config folder.
process.env.PETITION_DESK_KEY_DIR ??= path.join(os.tmpdir(), 'petition-desk-e2e-keys');
// Password hashes at scrypt 2^10, as in the unit suite (vitest.config.ts): the hosts log in and change passwords
// often while arranging data (each person a test adds costs six hashes: fixtures.ts firstLogin); the real cost,
// 2^17, is tested by tests/unit/accounts-lockout.test.ts.
process.env.PETITION_DESK_TEST_SCRYPT_LOG2N ??= '10';

/**
 * e2e tests drive Debian's Chromium (never a downloaded browser) against browser mode, each test with its
 * own host process and a copy of the office template made once by the global setup. Tests run in parallel,
 * one behaviour each. With SCREENSHOTS=1, screenshots of every screen land in tests/e2e/screenshots/.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/support/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // The page's screen, language and zone are set where the fixtures make the pages (tests/e2e/support/fixtures.ts),
  // and so is the screenshot of a failed test.
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
    },
    trace: 'off',
  },
});
