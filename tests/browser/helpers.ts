import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Page } from '@playwright/test';

import { collectPageErrors, openFixture, readReport, RenderReport } from '../sandbox/browser';
import { PanelFixture } from '../sandbox/host/fixture';

export const FIXTURES_DIR = path.resolve(__dirname, '../fixtures');

export function sandboxUrl(): string {
  const url = process.env.SANDBOX_URL;
  if (!url) {
    throw new Error(
      'SANDBOX_URL is not set: run through tests/playwright.config.ts (its globalSetup starts the sandbox)'
    );
  }
  return url;
}

export function loadFixture(name: string): PanelFixture {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, name), 'utf8'));
}

/** Opens a fixture in the sandbox and returns a function that reads the render report off the page. */
export async function renderFixture(
  page: Page,
  fixture: PanelFixture,
  query = 'editor=0'
): Promise<() => Promise<RenderReport>> {
  const pageErrors = collectPageErrors(page);
  await openFixture(page, sandboxUrl(), fixture, query);
  return () => readReport(page, pageErrors);
}
