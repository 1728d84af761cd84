import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './sandbox/browser';

/*
 * Browser tests: the BUILT dist/module.js in the sandbox host, in Debian's Chromium. Never downloads a browser.
 * One project per Grafana line the sandbox hosts (metadata.grafana; globalSetup starts a sandbox for each):
 * grafana12 (the root's @grafana/* 12.4, React 18, Scenes 6) runs every test; grafana13 (tests/hosts/grafana13:
 * @grafana/* 13, React 19, Scenes 8) runs the key flows, the tests tagged '@both-hosts' (helpers.ts, BOTH_HOSTS).
 */
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
  projects: [
    { name: 'grafana12', metadata: { grafana: '12' } },
    { name: 'grafana13', metadata: { grafana: '13' }, grep: /@both-hosts/ },
  ],
});
