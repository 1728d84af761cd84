import { expect, test } from '@playwright/test';

import { BOTH_HOSTS, loadFixture, renderFixture } from './helpers';

test('the options editor edits the objectives and the panel follows', { tag: BOTH_HOSTS }, async ({ page }) => {
  await renderFixture(page, loadFixture('mrr-q3.json'), 'editor=1');
  await page.getByRole('button', { name: 'Edit as JSON' }).click();
  const editor = page.getByTestId('okr-objectives-editor');
  const objectives = JSON.parse(await editor.inputValue());
  objectives[0].keyResults[0].title = 'MRR to 200 (edited)';
  await editor.fill(JSON.stringify(objectives, null, 2));
  await editor.blur();
  await expect(page.getByTestId('okr-kr-summary')).toHaveAttribute('data-title', 'MRR to 200 (edited)');
  const saved = await page.evaluate(() => window.__okrSandbox.options);
  expect(saved).toMatchObject({ objectives: [{ keyResults: [{ title: 'MRR to 200 (edited)' }] }] });
});

test('invalid JSON in the editor is kept as a draft and never replaces the saved objectives', async ({ page }) => {
  await renderFixture(page, loadFixture('mrr-q3.json'), 'editor=1');
  await page.getByRole('button', { name: 'Edit as JSON' }).click();
  const editor = page.getByTestId('okr-objectives-editor');
  await editor.fill('[ { "title": "broken", ');
  await editor.blur();
  await expect(page.getByTestId('okr-objectives-editor-error')).toContainText('Not valid JSON');
  await expect(page.getByTestId('okr-objectives-editor-error')).toContainText('Line 1');
  await expect(editor).toHaveValue('[ { "title": "broken", ');
  const saved = await page.evaluate(() => window.__okrSandbox.options);
  expect(saved).toMatchObject({ objectives: [{ title: 'Grow revenue' }] });
  await expect(page.getByTestId('okr-kr-summary')).toHaveAttribute('data-title', 'MRR to 200');
});

test('the editor shows the panel option categories with their defaults', async ({ page }) => {
  await renderFixture(page, loadFixture('mrr-q3.json'), 'editor=1');
  const editor = page.getByTestId('sandbox-options-editor');
  await expect(editor).toContainText('Fiscal year start month');
  await expect(editor).toContainText('Ignore breaches shorter than');
  const saved = await page.evaluate(() => window.__okrSandbox.options);
  expect(saved).toMatchObject({
    schemaVersion: 4,
    tolerances: { atRisk: 0.05, offTrack: 0.15 },
    breaches: { minDurationSeconds: 0 },
  });
});
