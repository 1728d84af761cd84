import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { FIXTURES_DIR, loadFixture, renderFixture } from './helpers';

/*
 * Import and export as an analyst uses them, by the editor's accessible names. The parsing, diff and merge
 * rules are owned by src/editor/importExport/*.test.ts; here we check the whole path reaches the panel.
 */

test('paste a TSV of three key results from a spreadsheet: the preview says what changes, and applying merges them', async ({
  page,
}) => {
  const read = await renderFixture(page, loadFixture('mrr-q3.json'), 'editor=1');
  const tsv = readFileSync(path.join(FIXTURES_DIR, 'import-three.tsv'), 'utf8');
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByRole('textbox', { name: 'Paste OKRs' }).fill(tsv);
  await expect(page.getByText('Detected format: TSV')).toBeVisible();
  // The fixture already has "Grow revenue › MRR to 200": the sheet updates it (weight, owner) and adds two.
  await expect(page.getByRole('region', { name: 'Import preview' })).toContainText('2 added, 1 changed');
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByTestId('okr-kr-summary')).toHaveCount(3);
  const report = await read();
  expect(report.pageErrors).toEqual([]);
  expect(report.keyResults.map((kr) => kr.title)).toEqual(['MRR to 200', 'MRR above 90', 'MRR up 15%']);
  const updated = await page.evaluate(
    () => (window.__okrSandbox.options as { objectives: Array<{ keyResults: unknown[] }> }).objectives[0].keyResults[0]
  );
  expect(updated).toMatchObject({ title: 'MRR to 200', owner: 'Ana', weight: 2, baseline: 100 });
});

test('export the OKR set as CSV: one row per key result under the spreadsheet header', async ({ page }) => {
  await renderFixture(page, loadFixture('mrr-q3.json'), 'editor=1');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('radio', { name: 'CSV' }).check({ force: true });
  const text = await page.getByRole('textbox', { name: 'Exported OKRs' }).inputValue();
  const [header, row] = text.trim().split(/\r?\n/);
  expect(header.toLowerCase()).toContain('objective,key_result,series,period,kind');
  expect(row).toContain('MRR to 200');
});
