/**
 * Playwright for the compose-stack e2e tests (tests/e2e/run.mjs starts the stack and runs this). Grafana at
 * GRAFANA_URL (default http://localhost:3000, anonymous admin as docker-compose.yml configures it).
 */
import type { PluginOptions } from '@grafana/plugin-e2e';
import { defineConfig } from '@playwright/test';

export default defineConfig<PluginOptions>({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 90_000,
  retries: 1,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: process.env.GRAFANA_URL ?? 'http://localhost:3000',
    provisioningRootDir: `${process.cwd()}/provisioning`,
    launchOptions: process.env.CHROMIUM_PATH ? { executablePath: process.env.CHROMIUM_PATH } : undefined,
  },
});
