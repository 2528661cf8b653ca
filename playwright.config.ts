import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The hosts the tests start keep their offices' audit keys in a temp folder, never the user's config folder.
process.env.PETITION_DESK_KEY_DIR ??= path.join(os.tmpdir(), 'petition-desk-e2e-keys');

/**
 * e2e tests drive Debian's Chromium (never a downloaded browser) against browser mode, each test with its
 * own host process and data folder. Screenshots of every screen land in tests/e2e/screenshots/.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
