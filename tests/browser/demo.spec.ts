import { expect, Locator, Page, test } from '@playwright/test';

import { collectPageErrors, waitForSandbox } from '../sandbox/browser';
import { sandboxUrl } from './helpers';

/*
 * The product command's page (npm run demo): a Scenes dashboard on live sample KPIs, one row per audience,
 * every panel the built plugin, all fed by one stream that appends a point a second.
 */

const ROWS = {
  Ops: ['Checkout error rate — EU', 'p95 latency — EU', 'Availability — EU'],
  'Executive wall': ['Company OKRs — EU'],
  Analyst: ['Growth — EU'],
};

/** A fixed start for the page's running clock (?now=): the same history, incidents and statuses on every run. */
const NOW = '2026-11-20T12:00:00Z';

async function openDemo(page: Page, now: string | null = NOW): Promise<string[]> {
  const pageErrors = collectPageErrors(page);
  await page.goto(`${sandboxUrl()}/?demo${now ? `&now=${now}` : ''}`);
  await waitForSandbox(page);
  return pageErrors;
}

const panel = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
const rowHeader = (page: Page, title: string) => page.getByTestId(`data-testid dashboard-row-title-${title}`);

async function top(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) {
    throw new Error(`${locator} is not visible`);
  }
  return box.y;
}

const readTitles = (scope: Locator) =>
  scope
    .getByTestId('okr-kr-summary')
    .evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.title ?? ''));

test('the demo dashboard shows the Ops, Executive wall and Analyst rows, each with its panels drawn', async ({
  page,
}) => {
  // On the real clock, as `npm run demo` serves it.
  const pageErrors = await openDemo(page, null);
  // Each row's panels sit below its header and above the next row's: the grid order a user sees.
  const rows = Object.entries(ROWS);
  for (const [index, [row, titles]] of rows.entries()) {
    const rowTop = await top(rowHeader(page, row));
    const nextRowTop = index + 1 < rows.length ? await top(rowHeader(page, rows[index + 1][0])) : Infinity;
    for (const title of titles) {
      const panelTop = await top(panel(page, title));
      expect(panelTop, `${title} in row ${row}`).toBeGreaterThan(rowTop);
      expect(panelTop, `${title} in row ${row}`).toBeLessThan(nextRowTop);
    }
  }
  for (const title of ROWS.Ops) {
    await expect(panel(page, title).locator('.uplot')).toHaveCount(1);
    await expect(panel(page, title).getByTestId('okr-kr-summary')).toHaveCount(1);
  }
  await expect(panel(page, 'Company OKRs — EU').getByTestId('okr-wall')).toBeVisible();
  // MRR ($) and sign-ups (a count): units differ, so one chart per key result.
  await expect(panel(page, 'Growth — EU').locator('.uplot')).toHaveCount(2);
  expect(pageErrors).toEqual([]);
});

test('the stream appends new points to the same plot, with no error', async ({ page }) => {
  const pageErrors = await openDemo(page);
  const plot = panel(page, 'p95 latency — EU').locator('.uplot');
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

test('choosing another region in the variable selector retitles the panels and shows that region’s data', async ({
  page,
}) => {
  const pageErrors = await openDemo(page);
  const latency = panel(page, 'p95 latency — EU');
  expect(await readTitles(latency)).toEqual(['p95 latency under 250 ms — EU']);
  const euCurrent = await latency.getByTestId('okr-kr-summary').getAttribute('data-current');

  await page.getByTestId('data-testid Dashboard template variables Variable Value DropDown value link text eu').click();
  await page.getByRole('option', { name: 'APAC' }).click();

  const apacLatency = panel(page, 'p95 latency — APAC');
  await expect(apacLatency).toBeVisible();
  expect(await readTitles(apacLatency)).toEqual(['p95 latency under 250 ms — APAC']);
  // APAC's latency runs about 20 ms above the EU's: the series is another one, not the EU's next point.
  const apacCurrent = Number(await apacLatency.getByTestId('okr-kr-summary').getAttribute('data-current'));
  expect(Math.abs(apacCurrent - Number(euCurrent))).toBeGreaterThan(5);
  await expect(panel(page, 'Company OKRs — APAC')).toBeVisible();
  await expect(panel(page, 'p95 latency — EU')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

// A TV (1920×1080) and the README's screenshot size: the wall's type is sized from the panel, so both are checked.
for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1600, height: 1000 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the executive wall spans the window and shows every one of its key results', async ({ page }) => {
      const pageErrors = await openDemo(page);
      const wall = panel(page, 'Company OKRs — EU').getByTestId('okr-wall');
      await wall.scrollIntoViewIfNeeded();
      const wallBox = (await wall.boundingBox())!;
      expect(wallBox.width).toBeGreaterThan(0.9 * page.viewportSize()!.width);
      // Every key result has its summary element, on the page shown or on another (hidden) one.
      await expect(wall.getByTestId('okr-kr-summary')).toHaveCount(12);
      // The wall has no scrolling: a key result outside its box (an overflow column) is one nobody sees.
      const boxes = await wall.locator('[data-testid="okr-kr-summary"]:visible').evaluateAll((elements) =>
        elements.map((element) => {
          const { left, top, right, bottom } = element.getBoundingClientRect();
          return { title: (element as HTMLElement).dataset.title, left, top, right, bottom };
        })
      );
      const outside = boxes.filter(
        (box) =>
          box.left < wallBox.x - 1 ||
          box.top < wallBox.y - 1 ||
          box.right > wallBox.x + wallBox.width + 1 ||
          box.bottom > wallBox.y + wallBox.height + 1
      );
      expect(outside.map((box) => box.title)).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });
}

test('the analyst’s options pane changes the panel beside it', async ({ page }) => {
  const pageErrors = await openDemo(page);
  const growth = panel(page, 'Growth — EU');
  const pane = page.getByRole('region', { name: 'Panel options' });
  await expect(pane.getByTestId('sandbox-options-editor')).toBeVisible();
  expect((await pane.boundingBox())!.x).toBeGreaterThan((await growth.boundingBox())!.x);
  // MRR ($) and sign-ups (a count): one chart per key result.
  await expect(growth.locator('.uplot')).toHaveCount(2);

  await pane.getByRole('radio', { name: 'Scorecard' }).click();

  await expect(growth.locator('.uplot')).toHaveCount(0);
  await expect(growth.getByTestId('okr-kr-summary')).toHaveCount(2);
  expect(pageErrors).toEqual([]);
});
