import { expect, Page, test } from '@playwright/test';

import { BOTH_HOSTS, loadFixture, renderFixture } from './helpers';

/** Exact arithmetic (relative targets, period bounds) is owned by src/okr/*.test.ts; this checks the wiring. */
const savedOptions = (page: Page) => page.evaluate(() => window.__okrSandbox.options as Record<string, unknown>);

async function pick(page: Page, label: string, text: string) {
  const box = page.getByRole('combobox', { name: label, exact: true }).last();
  await box.click();
  await box.fill(text);
  await page.getByRole('option', { name: text }).first().click();
}

test(
  'an analyst adds an objective and a key result by picking a series, a target and a period',
  { tag: BOTH_HOSTS },
  async ({ page }) => {
    await renderFixture(page, loadFixture('mrr-q3.json'), 'editor=1');
    await page.getByRole('button', { name: 'Add objective' }).click();
    await page.getByRole('button', { name: 'Add key result' }).last().click();
    await page.getByRole('button', { name: /New key result/ }).click();
    await page.getByRole('textbox', { name: 'Key result title', exact: true }).fill('MRR to 180');
    await pick(page, 'Series', 'mrr');
    await page.getByRole('textbox', { name: 'Target', exact: true }).fill('180');
    await pick(page, 'Period', '2026-Q3');
    await expect(page.getByText('2026-Q3: Jul 1 – Sep 30, 2026')).toBeVisible();

    const summary = page.locator('[data-testid="okr-kr-summary"][data-title="MRR to 180"]');
    await expect(summary).toHaveAttribute('data-target', '180');
    await expect(summary).toHaveAttribute('data-period-start', String(Date.UTC(2026, 6 /* Jul */, 1)));
    const saved = await savedOptions(page);
    expect(saved.objectives).toMatchObject([
      { title: 'Grow revenue' },
      { title: 'New objective', keyResults: [{ title: 'MRR to 180', series: 'mrr', target: 180, period: '2026-Q3' }] },
    ]);
  }
);

test('a bad period shows its message beside the field while the other key result still renders', async ({ page }) => {
  await renderFixture(page, loadFixture('mrr-q3.json'), 'editor=1');
  await page.getByRole('button', { name: 'Add key result' }).click();
  await page.getByRole('button', { name: /New key result/ }).click();
  const period = page.getByRole('combobox', { name: 'Period', exact: true });
  await period.click();
  await period.fill('2026-Q5');
  await page.getByRole('option', { name: '2026-Q5' }).first().click();
  await expect(page.getByText("period '2026-Q5' is not one of").first()).toBeVisible();
  await expect(page.locator('[data-testid="okr-kr-summary"][data-title="MRR to 200"]')).toHaveAttribute(
    'data-target',
    '200'
  );
  const saved = await savedOptions(page);
  expect(saved.objectives).toMatchObject([{ keyResults: [{ title: 'MRR to 200' }, { period: '2026-Q5' }] }]);
});

test('duplicating and removing a key result go through the buttons by name', async ({ page }) => {
  await renderFixture(page, loadFixture('mrr-q3.json'), 'editor=1');
  await page.getByRole('button', { name: 'Duplicate key result' }).click();
  await expect(page.locator('[data-testid="okr-kr-summary"][data-title="MRR to 200 (copy)"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Remove key result' }).first().click();
  const saved = await savedOptions(page);
  expect(saved.objectives).toMatchObject([{ keyResults: [{ title: 'MRR to 200 (copy)', id: 'kr-1' }] }]);
});

test('switching the fiscal year changes the dates the period shows', async ({ page }) => {
  await renderFixture(page, loadFixture('mrr-q3.json'), 'editor=1');
  await page.getByRole('button', { name: /MRR to 200/ }).click();
  await expect(page.getByText('2026-Q3: Jul 1 – Sep 30, 2026')).toBeVisible();
  // The sandbox's own Select for this option has no accessible name; find it by its field's label.
  const fiscalField = page
    .getByTestId('sandbox-options-editor')
    .locator('> div')
    .filter({ hasText: 'Fiscal year start month' });
  await fiscalField.getByRole('combobox').click();
  await page.getByRole('option', { name: 'April' }).click();
  await expect(page.getByText('2026-Q3: Oct 1 – Dec 31, 2026')).toBeVisible();
});
