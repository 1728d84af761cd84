import { expect, test } from '@playwright/test';

import { loadFixture, renderFixture } from './helpers';

/*
 * The wiring of "Track as key result" in the built plugin: a click saves options through the host's
 * onOptionsChange and the panel then judges the new key result. Which target it picks is owned by
 * src/editor/model/firstKeyResult.test.ts; here only that the series' threshold (250) reaches the summary.
 */
test('a panel with no objectives offers each series, and one click tracks it as a key result', async ({ page }) => {
  await renderFixture(page, loadFixture('no-objectives.json'), 'editor=1');
  const track = page.getByRole('button', { name: 'Track as key result', exact: true });
  await expect(track).toHaveCount(2);
  await expect(page.getByTestId('okr-kr-summary')).toHaveCount(0);

  await page.getByRole('listitem').filter({ hasText: 'p95 latency' }).getByRole('button').click();

  const summary = page.locator('[data-testid="okr-kr-summary"][data-title="p95 latency"]');
  await expect(summary).toHaveCount(1);
  await expect(summary).toHaveAttribute('data-target', '250');
  await expect(track).toHaveCount(0);
  const saved = await page.evaluate(() => window.__okrSandbox.options as Record<string, unknown>);
  expect(saved.objectives).toMatchObject([
    {
      title: 'Objectives',
      keyResults: [{ series: 'p95 latency', period: 'thisQuarter', kind: 'increase', target: 250 }],
    },
  ]);
});
