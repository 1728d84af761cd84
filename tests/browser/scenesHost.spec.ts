import { expect, Page, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { collectPageErrors, readReport, waitForSandbox } from '../sandbox/browser';
import { startSandbox } from '../sandbox/server';
import { loadFixture, renderFixture, sandboxUrl } from './helpers';

/*
 * What Grafana's dashboard framework (Scenes) does for the panel and the sandbox no longer re-implements:
 * variables, the panel title, the time picker, migration on version change, the panel's size in the chrome.
 * The fixtures are opened by URL (/?fixture=…), as the demo server serves them.
 */

const summaries = (page: Page) => page.getByTestId('okr-kr-summary');

async function openFixtureUrl(page: Page, name: string) {
  const pageErrors = collectPageErrors(page);
  await page.goto(`${sandboxUrl()}/?fixture=/fixtures/scenes/${name}.json&editor=0`);
  await waitForSandbox(page);
  return () => readReport(page, pageErrors);
}

test('changing a dashboard variable re-evaluates the panel: the key result title and target change, the data does not', async ({
  page,
}) => {
  const report = await openFixtureUrl(page, 'variables');
  await expect(summaries(page)).toHaveAttribute('data-title', 'p95 latency below 500 ms (eu)');
  await expect(summaries(page)).toHaveAttribute('data-target', '500');
  await expect(page.getByTestId('sandbox-panel')).toContainText('Checkout latency: eu');

  // The drop-down (custom) variable, as a user picks a value.
  await page
    .getByTestId('data-testid Dashboard template variables submenu Label Region')
    .locator('..')
    .getByRole('combobox')
    .click();
  await page.getByRole('option', { name: 'us', exact: true }).click();
  await expect(summaries(page)).toHaveAttribute('data-title', 'p95 latency below 500 ms (us)');
  await expect(page.getByTestId('sandbox-panel')).toContainText('Checkout latency: us');

  // The text box variable feeds the target.
  const goal = page
    .getByTestId('data-testid Dashboard template variables submenu Label goal')
    .locator('..')
    .getByRole('textbox');
  await goal.fill('200');
  await goal.press('Enter');
  await expect(summaries(page)).toHaveAttribute('data-title', 'p95 latency below 200 ms (us)');
  await expect(summaries(page)).toHaveAttribute('data-target', '200');
  expect((await report()).pageErrors).toEqual([]);
});

test("Grafana's date-formatted time macros reach the panel: ${__from:date:YYYY-[Q]Q} names the range's quarter", async ({
  page,
}) => {
  const report = await openFixtureUrl(page, 'variables');
  const [keyResult] = (await report()).keyResults;
  expect(keyResult.periodStart).toBe(Date.UTC(2026, 6, 1));
  expect(keyResult.periodEnd).toBe(Date.UTC(2026, 9, 1));
});

test('variable names such as __proto__ and constructor are plain names; an unknown variable stays as written', async ({
  page,
}) => {
  await openFixtureUrl(page, 'variable-names');
  await expect(summaries(page)).toHaveAttribute(
    'data-title',
    'proto-value / constructor-value / text-value / own / $undefinedName'
  );
});

test('moving the time range with the time picker moves the period a relative key result resolves to', async ({
  page,
}) => {
  await openFixtureUrl(page, 'variables');
  const periodStart = () => summaries(page).getAttribute('data-period-start');
  expect(await periodStart()).toBe(String(Date.UTC(2026, 6, 1)));
  // As a user does it: open the time picker, type an absolute range in June, apply.
  await page.getByTestId('data-testid TimePicker Open Button').click();
  await page.getByTestId('data-testid Time Range from field').fill('2026-06-01 00:00:00');
  await page.getByTestId('data-testid Time Range to field').fill('2026-06-20 00:00:00');
  await page.getByTestId('data-testid TimePicker submit button').click();
  await expect(page.getByTestId('sandbox-panel')).toHaveAttribute('data-time-to', String(Date.UTC(2026, 5, 20)));
  await expect.poll(periodStart).toBe(String(Date.UTC(2026, 3, 1)));
});

test('the plugin gets the fixture width × height inside Grafana panel chrome, with and without a title', async ({
  page,
}) => {
  for (const title of [undefined, 'Latency']) {
    const fixture = { ...loadFixture('scenes/variables.json'), title, width: 640, height: 280, variables: undefined };
    await renderFixture(page, fixture);
    const box = await page.getByTestId('okr-panel').boundingBox();
    expect({ title, width: box?.width, height: box?.height }).toEqual({ title, width: 640, height: 280 });
  }
});

test.describe('migration runs as in Grafana: when the saved pluginVersion differs, or the options schema is old', () => {
  const oldPanel = () => loadFixture('latency-v1.json');

  test('a panel saved without a pluginVersion is migrated', async ({ page }) => {
    await renderFixture(page, oldPanel());
    const { options, fieldConfig } = await page.evaluate(() => window.__okrSandbox);
    expect(options?.schemaVersion).toBe(4);
    expect(fieldConfig?.defaults.custom).toMatchObject({ breachDirection: 'above' });
  });

  test("a panel saved at the plugin's version with schema 1 options is still migrated (the plugin's shouldMigrate)", async ({
    page,
  }) => {
    await renderFixture(page, { ...oldPanel(), pluginVersion: await pluginVersion(page) });
    const { options } = await page.evaluate(() => window.__okrSandbox);
    expect(options?.schemaVersion).toBe(4);
  });

  test("a panel saved at the plugin's version with current options is not migrated", async ({ page }) => {
    const fixture = loadFixture('scenes/variables.json');
    await renderFixture(page, fixture);
    expect(await page.evaluate(() => window.__okrSandbox.migrations)).toBe(0);
    await renderFixture(page, { ...fixture, pluginVersion: '0.1.0' });
    expect(await page.evaluate(() => window.__okrSandbox.migrations)).toBe(1);
  });
});

async function pluginVersion(page: Page): Promise<string> {
  const response = await page.request.get(`${sandboxUrl()}/dist/plugin.json`);
  return (await response.json()).info.version;
}

test('two sandboxes started at once build into their own directories and remove them when closed', async () => {
  const sandboxes = await Promise.all([startSandbox(), startSandbox()]);
  const [first, second] = sandboxes.map(({ buildDir }) => buildDir);
  expect(first).not.toBe(second);
  try {
    for (const { url, buildDir } of sandboxes) {
      expect(existsSync(path.join(buildDir, 'main.js'))).toBe(true);
      const response = await fetch(`${url}/host/main.js`);
      expect(response.status).toBe(200);
      // Read the body: an unread response keeps its connection busy, and server.close waits for it.
      expect((await response.text()).length).toBeGreaterThan(0);
    }
  } finally {
    await Promise.all(sandboxes.map(({ server }) => new Promise((resolve) => server.close(resolve))));
  }
  expect([existsSync(first), existsSync(second)]).toEqual([false, false]);
});
