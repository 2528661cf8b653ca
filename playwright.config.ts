import { defineConfig } from '@playwright/test';

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
