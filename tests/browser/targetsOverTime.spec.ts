import { expect, Page, test } from '@playwright/test';

import { loadFixture, plotGeometry, redShareInStrip, renderFixture, xOf } from './helpers';

/*
 * Targets that change over time through the built module. The exact arithmetic (crossings at a step,
 * time within target, expected values) is owned by src/okr/breachFold.test.ts and keyResultSteps.test.ts;
 * the step line's geometry by src/chart/overlays/targetSteps.test.ts. Here: that they reach the page.
 *
 * rules/stepped-target-series.json: p95 latency sampled daily at 12:00 UTC, ~270 ms until Aug 10, 240 ms
 * from Aug 11; the target comes from a second frame "p95 target" (a SQL query of monthly targets): 300 ms
 * from Jul 1, 250 ms from Aug 1, 230 ms from Sep 1. Now is Aug 20 00:00.
 */

const DAY = 86_400_000;
const Q3 = Date.UTC(2026, 6 /* Jul */, 1);
const AUG_1 = Date.UTC(2026, 7 /* Aug */, 1);

test('a stepped targetSeries: the breach starts where the August step moves under the line', async ({ page }) => {
  const read = await renderFixture(page, loadFixture('rules/stepped-target-series.json'));
  const report = await read();
  expect(report.pageErrors).toEqual([]);
  expect(report.messages).toEqual([]);
  // In breach from Aug 1 00:00 (the step) to the crossing of 250 on Aug 11 04:00: 10 days 4 hours.
  expect(report.keyResults[0]).toMatchObject({
    status: 'atRisk',
    target: 250,
    breachCount: 1,
    breachSeconds: (10 * 24 + 4) * 3600,
    noTargetSeconds: 0,
  });
  const geometry = await plotGeometry(page);
  expect(await redShareInStrip(page, xOf(geometry, AUG_1 + DAY / 2))).toBeGreaterThan(0.5);
  expect(await redShareInStrip(page, xOf(geometry, AUG_1 - DAY / 2))).toBeLessThan(0.1);
});

test('the target series is drawn as the target, not as a KPI line: the tooltip gives the step in force', async ({
  page,
}) => {
  await renderFixture(page, loadFixture('rules/stepped-target-series.json'));
  await expect(page.locator('.uplot')).toBeVisible();
  // The legend lists the key result (on the p95 line), never the target series.
  await expect(
    page.getByRole('list', { name: 'Key results' }).getByRole('listitem', { name: /^p95 below the monthly target, / })
  ).toBeVisible();
  await expect(page.getByText('p95 target', { exact: true })).toHaveCount(0);
  const geometry = await plotGeometry(page);
  const tooltip = page.getByTestId('okr-tooltip');
  const kr = tooltip.locator('[data-testid="okr-tooltip-kr"]');
  await page.mouse.move(xOf(geometry, Q3 + 15 * DAY), geometry.top + geometry.height / 2);
  await expect(kr).toContainText('Target300 ms');
  await expect(kr).toHaveAttribute('data-in-breach', 'false');
  await page.mouse.move(xOf(geometry, Q3 + 35 * DAY), geometry.top + geometry.height / 2);
  await expect(kr).toContainText('Target250 ms');
  await expect(kr).toHaveAttribute('data-in-breach', 'true');
});

test('inline monthly targets on an increase: the expected value is the month’s target, progress is toward September’s', async ({
  page,
}) => {
  const read = await renderFixture(page, loadFixture('rules/stepped-targets-inline.json'));
  const report = await read();
  expect(report.pageErrors).toEqual([]);
  // As of Aug 16 in Berlin: August's 1.7M is expected (2/3 of the way from 1.5M to September's 1.8M).
  expect(report.keyResults[0]).toMatchObject({ status: 'onTrack', baseline: 1_500_000, target: 1_800_000 });
  expect(report.keyResults[0].expected).toBeCloseTo(2 / 3, 12);
});

test('bad input fails per key result with a specific message; the other key results still evaluate', async ({
  page,
}) => {
  const fixture = loadFixture('rules/stepped-target-series.json');
  const [objective] = (fixture.options as { objectives: Array<{ keyResults: Array<Record<string, unknown>> }> })
    .objectives;
  const good = objective.keyResults[0];
  objective.keyResults = [
    good,
    { ...good, id: 'missing', title: 'Missing plan', targetSeries: 'p99 target' },
    {
      ...good,
      id: 'twice',
      title: 'Two steps on one date',
      targetSeries: undefined,
      targets: [
        { from: '2026-08-01', value: 250 },
        { from: '2026-08-01', value: 240 },
      ],
    },
    { ...good, id: 'hostile', title: 'Hostile', targetSeries: '/(/', targets: '<img src=x onerror=alert(1)>' },
  ];
  const report = await (await renderFixture(page, fixture))();
  expect(report.pageErrors).toEqual([]);
  expect(report.keyResults.map((kr) => [kr.title, kr.status])).toEqual([
    ['p95 below the monthly target', 'atRisk'],
    ['Missing plan', 'noData'],
    ['Two steps on one date', 'invalid'],
    ['Hostile', 'invalid'],
  ]);
  expect(report.messages).toEqual(
    expect.arrayContaining([
      "targetSeries 'p99 target' not found; available: p95, p95 target",
      "targets steps 1 and 2 are both from '2026-08-01': keep one",
      'targetSeries and targets are both set: keep one source for the target over time',
    ])
  );
  await expect(page.locator('img')).toHaveCount(0);
});

/** The stepped fixture with its key result set to one plain target (250 ms all quarter), in the editor. */
async function openWithPlainTarget(page: Page) {
  const fixture = loadFixture('rules/stepped-target-series.json');
  const [objective] = (fixture.options as { objectives: Array<{ keyResults: Array<Record<string, unknown>> }> })
    .objectives;
  objective.keyResults = [{ ...objective.keyResults[0], targetSeries: undefined, target: 250 }];
  await renderFixture(page, fixture, 'editor=1');
  await page.getByRole('button', { name: /p95 below the monthly target/ }).click();
  return page.locator('[data-testid="okr-kr-summary"]');
}

const savedKeyResult = (page: Page) =>
  page.evaluate(() => {
    const options = window.__okrSandbox.options as { objectives: Array<{ keyResults: unknown[] }> };
    return options.objectives[0].keyResults[0] as Record<string, unknown>;
  });

test('the editor: picking a "Target series" judges against its steps; the plain target is kept and said unused', async ({
  page,
}) => {
  const summary = await openWithPlainTarget(page);
  // 250 ms all quarter: in breach from the first sample (Jul 1 12:00) until Aug 11 04:00.
  await expect(summary).toHaveAttribute('data-breach-seconds', String((40 * 24 + 16) * 3600));
  const box = page.getByRole('combobox', { name: 'Target series', exact: true });
  await box.click();
  await box.fill('p95 target');
  await page.getByRole('option', { name: 'p95 target' }).first().click();
  await expect(summary).toHaveAttribute('data-breach-seconds', String((10 * 24 + 4) * 3600));
  expect(await savedKeyResult(page)).toMatchObject({ target: 250, targetSeries: 'p95 target' });
  await expect(
    page.getByText("target 250 is not used: the target over time comes from targetSeries 'p95 target'").first()
  ).toBeVisible();
});

test('the editor: inline target steps typed as date and value rows', async ({ page }) => {
  const summary = await openWithPlainTarget(page);
  await page.getByRole('button', { name: 'Add target step' }).click();
  await page.getByRole('textbox', { name: 'Target step 1 from', exact: true }).fill('2026-07-01');
  await page.getByRole('textbox', { name: 'Target step 1 value', exact: true }).fill('300');
  await page.getByRole('button', { name: 'Add target step' }).click();
  await page.getByRole('textbox', { name: 'Target step 2 from', exact: true }).fill('2026-08-01');
  await page.getByRole('textbox', { name: 'Target step 2 value', exact: true }).fill('250');
  await expect(summary).toHaveAttribute('data-breach-seconds', String((10 * 24 + 4) * 3600));
  expect((await savedKeyResult(page)).targets).toEqual([
    { from: '2026-07-01', value: 300 },
    { from: '2026-08-01', value: 250 },
  ]);
});

test('the editor: the "Series" picker does not offer the key result’s target series as its KPI', async ({ page }) => {
  await renderFixture(page, loadFixture('rules/stepped-target-series.json'), 'editor=1');
  await page.getByRole('button', { name: /p95 below the monthly target/ }).click();
  await page.getByRole('combobox', { name: 'Series', exact: true }).click();
  // An option's name is its label and description ("p95 unit: ms").
  await expect(page.getByRole('option', { name: /^p95 unit/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /p95 target/ })).toHaveCount(0);
});
