import { expect, test } from '@playwright/test';

import { loadFixture, plotGeometry, renderFixture } from './helpers';

/*
 * OKR core v2 rules through the built module: what the render report reads off the page. The exact
 * arithmetic is owned by src/okr/keyResultRules.test.ts, target.test.ts and period.test.ts; here we
 * check it reaches the summaries and the chart.
 */

test('a sum key result reads its running total: 25 deals of 50 is 50%, drawn as the running total', async ({
  page,
}) => {
  const read = await renderFixture(page, loadFixture('rules/deals-sum.json'));
  const report = await read();
  expect(report.pageErrors).toEqual([]);
  expect(report.keyResults[0]).toMatchObject({ current: 25, baseline: 0, target: 50, progress: 0.5 });
  // The legend names the key result; the line is the running total, as the tooltip names it.
  await expect(page.getByRole('listitem', { name: /^Close 50 new enterprise deals, / })).toBeVisible();
  const geometry = await plotGeometry(page);
  await page.mouse.move(geometry.left + geometry.width * 0.3, geometry.top + geometry.height / 2);
  await expect(page.getByTestId('okr-tooltip')).toContainText('deals (running total)');
  const cumulative = await page.getByTestId('okr-kr-summary').first().getAttribute('data-cumulative');
  expect(cumulative).toBe('true');
});

test('relative targets show their effective value: +15% of 40 000 visits is 46 000, −10% of $200 is $180', async ({
  page,
}) => {
  const report = await (await renderFixture(page, loadFixture('rules/relative-targets.json')))();
  expect(report.pageErrors).toEqual([]);
  expect(report.keyResults.map(({ title, baseline, target }) => ({ title, baseline, target }))).toEqual([
    { title: 'Increase web traffic by 15%', baseline: 40000, target: 46000 },
    { title: 'Reduce CAC by 10%', baseline: 200, target: 180 },
  ]);
});

test('a fiscal-year period "2026" with April start is Apr 1 2026 → Apr 1 2027', async ({ page }) => {
  const report = await (await renderFixture(page, loadFixture('rules/fiscal-year.json')))();
  expect(report.pageErrors).toEqual([]);
  expect(report.keyResults[0]).toMatchObject({
    periodStart: Date.UTC(2026, 3 /* Apr */, 1),
    periodEnd: Date.UTC(2027, 3 /* Apr */, 1),
    baseline: 1e6,
    target: 1.15e6,
  });
});

test('"thisQuarter" with a February fiscal start is Aug 1 → Nov 1 on the dashboard clock (Berlin)', async ({
  page,
}) => {
  const report = await (await renderFixture(page, loadFixture('rules/this-quarter-fiscal.json')))();
  expect(report.pageErrors).toEqual([]);
  expect(report.keyResults[0]).toMatchObject({
    periodStart: Date.UTC(2026, 6 /* Jul */, 31, 22), // Aug 1 00:00 CEST
    periodEnd: Date.UTC(2026, 9 /* Oct */, 31, 23), // Nov 1 00:00 CET
    // The daily samples are at 00:00 UTC: the first one comes 2 h after the period starts in Berlin.
    noDataSeconds: 7200,
  });
});

test('a realistic OKR set (15 key results, mixed units, sum, relative targets, years, halves, months) renders every key result', async ({
  page,
}) => {
  const report = await (await renderFixture(page, loadFixture('company-okrs.json')))();
  expect(report.pageErrors).toEqual([]);
  expect(report.messages).toEqual([]);
  expect(report.keyResults).toHaveLength(15);
  expect(report.keyResults.filter((kr) => kr.status === 'invalid' || kr.status === 'noData')).toEqual([]);
  const byTitle = Object.fromEntries(report.keyResults.map((kr) => [kr.title, kr]));
  expect(byTitle['Annual: 15% more revenue this year']).toMatchObject({
    periodStart: Date.UTC(2026, 0 /* Jan */, 1),
    periodEnd: Date.UTC(2027, 0 /* Jan */, 1),
    // No data from Jan 1 until the series starts on Jul 1: 181 days.
    noDataSeconds: 181 * 86_400,
  });
  expect(byTitle['August: p95 below 280 ms']).toMatchObject({ periodStart: Date.UTC(2026, 7 /* Aug */, 1) });
});

test('a series near ±1e308 makes its key result invalid; the chart still draws and the other key result evaluates', async ({
  page,
}) => {
  const report = await (await renderFixture(page, loadFixture('rules/overflow.json')))();
  expect(report.pageErrors).toEqual([]);
  expect(report.keyResults.map(({ title, status }) => ({ title, status }))).toEqual([
    { title: 'Overflowing', status: 'invalid' },
    { title: 'Signups to 200', status: 'onTrack' },
  ]);
  expect(report.messages.join()).toContain('too large to compute with');
  await expect(page.locator('.uplot canvas').first()).toBeVisible();
});
