import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/test-prerequisites.mjs';

const isCI = !!process.env.CI;

// No global webServer: each worker starts its own web edition on its own temp data folder (see
// test/e2e/browser/fixtures.ts), so workers never share a database.
export default defineConfig({
  testDir: 'test/e2e',
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    trace: 'on-first-retry',
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  },
  projects: [
    {
      name: 'browser',
      testDir: 'test/e2e/browser',
      use: {
        browserName: 'chromium',
        viewport: { width: 1366, height: 900 },
        acceptDownloads: true,
        launchOptions: {
          // Debian's /usr/bin/chromium, or $LICENCE_DESK_CHROMIUM: `npx playwright install` is never run on
          // these machines. `npm test` checks (and where it can, installs) it first: scripts/test-prerequisites.mjs.
          executablePath: findChromium() ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'test/e2e/electron',
    },
  ],
});
