import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './sandbox/browser';

/* Browser tests: the BUILT dist/module.js in the sandbox host, in Debian's Chromium. Never downloads a browser. */
export default defineConfig({
  testDir: './browser',
  globalSetup: './browser/globalSetup.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: '../test-results',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1700, height: 900 },
  },
});
