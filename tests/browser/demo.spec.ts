import { expect, test } from '@playwright/test';

import { collectPageErrors, waitForSandbox } from '../sandbox/browser';
import { sandboxUrl } from './helpers';

/* The product command's page (npm run demo): live KPIs stream into the built panel, one point a second. */
test('the demo streams new points into the same plot, with no error', async ({ page }) => {
  const pageErrors = collectPageErrors(page);
  await page.goto(`${sandboxUrl()}/?demo&editor=0`);
  await waitForSandbox(page);
  const plot = page.locator('.uplot').first();
  // A mark on the plot's element: it survives only if the stream redraws the plot instead of rebuilding it.
  await plot.evaluate((element) => element.setAttribute('data-test-mark', 'first'));
  const readSeriesEnd = () =>
    page
      .getByTestId('okr-kr-summary')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.current ?? ''));
  const firstValues = await readSeriesEnd();
  await expect.poll(readSeriesEnd, { timeout: 5_000 }).not.toEqual(firstValues);
  await expect(plot).toHaveAttribute('data-test-mark', 'first');
  expect(pageErrors).toEqual([]);
});
