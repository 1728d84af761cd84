import { expect, Locator, Page, test } from '@playwright/test';

import { loadFixture, renderFixture } from './helpers';

/*
 * The chart's layouts through the built module. Which layout 'auto' picks, and how the stack is split per
 * key result, are owned by src/chart/keyResultCharts.test.ts; the colours by src/display/keyResultColors.test.ts.
 * chart-per-kr-dark.json: 11 key results in ms, %, $, counts, minutes and a manual one (check-ins); one
 * (trial conversion) names a series that does not exist, so 10 are charted. "now" is Aug 15 12:00.
 */

const FIXTURE = loadFixture('views/chart-per-kr-dark.json');
const CHARTED = 10;

type Options = Record<string, unknown> & {
  objectives: Array<{ title: string; keyResults: Array<Record<string, unknown>> }>;
};
const OPTIONS = FIXTURE.options as Options;

function withOptions(options: Partial<Options>, size = { width: 1600, height: 900 }) {
  return { ...FIXTURE, ...size, options: { ...OPTIONS, ...options } };
}

/** Only the key results on these series (one objective). */
function keyResultsOn(series: string[]): Partial<Options> {
  const keyResults = OPTIONS.objectives.flatMap((objective) => objective.keyResults);
  return {
    objectives: [{ title: 'Some', keyResults: keyResults.filter((kr) => series.includes(kr.series as string)) }],
  };
}

interface PlotState {
  xMin: number;
  xMax: number;
  plotWidth: number;
  /** The cursor's time, from its CSS position on the plot; null when it is hidden. */
  cursorTime: number | null;
}

async function plotStates(chart: Locator): Promise<PlotState[]> {
  return chart.locator('.uplot').evaluateAll((roots) =>
    roots.map((root) => {
      const data = (root as HTMLElement).dataset;
      const [xMin, xMax, plotWidth] = [Number(data.xMin), Number(data.xMax), Number(data.plotWidth)];
      const cursor = root.querySelector<HTMLElement>('.u-cursor-x');
      const over = root.querySelector<HTMLElement>('.u-over')!;
      let left: number | null = null;
      if (cursor && !cursor.classList.contains('u-off')) {
        left = cursor.getBoundingClientRect().left - over.getBoundingClientRect().left;
      }
      const cursorTime = left === null || left < 0 ? null : xMin + (left / plotWidth) * (xMax - xMin);
      return { xMin, xMax, plotWidth, cursorTime };
    })
  );
}

async function chartOf(page: Page): Promise<Locator> {
  const chart = page.getByTestId('okr-chart');
  await expect(chart.locator('canvas').first()).toBeVisible();
  return chart;
}

test('key results in mixed units get one chart each by default, stacked and scrolling, none dropped', async ({
  page,
}) => {
  const report = await renderFixture(page, withOptions({}));
  const chart = await chartOf(page);
  await expect(chart).toHaveAttribute('data-layout', 'perKeyResult');
  await expect(chart.getByTestId('okr-kr-chart')).toHaveCount(CHARTED);
  await expect(chart.locator('.uplot')).toHaveCount(CHARTED);
  // The key result without a series has no chart; its summary line says why.
  await expect(chart.locator('[data-kr-id="kr-trials"]')).toHaveCount(0);
  await expect(page.getByText("series 'trial_conversion' not found").first()).toBeVisible();
  // Ten charts at the legible minimum do not fit above the summaries: the stack scrolls.
  const heights = await chart
    .getByTestId('okr-kr-chart')
    .evaluateAll((items) => items.map((item) => item.clientHeight));
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(90);
  const overflow = await chart.evaluate((root) => {
    const scrolling = [...root.querySelectorAll<HTMLElement>('*')].find((el) => el.scrollHeight > el.clientHeight + 1);
    return scrolling ? { scrollHeight: scrolling.scrollHeight, clientHeight: scrolling.clientHeight } : null;
  });
  expect(overflow).not.toBeNull();
  const { pageErrors } = await report();
  expect(pageErrors).toEqual([]);
});

test('key results in one unit share one chart; chart.layout "shared" forces one chart for mixed units', async ({
  page,
}) => {
  await renderFixture(page, withOptions(keyResultsOn(['p95_checkout_ms', 'p95_search_ms'])));
  let chart = await chartOf(page);
  await expect(chart).toHaveAttribute('data-layout', 'shared');
  await expect(chart.locator('.uplot')).toHaveCount(1);

  await renderFixture(page, withOptions({ chart: { layout: 'shared' } }));
  chart = await chartOf(page);
  await expect(chart).toHaveAttribute('data-layout', 'shared');
  await expect(chart.locator('.uplot')).toHaveCount(1);
});

test('chart.layout "perKeyResult" stacks key results that share a unit', async ({ page }) => {
  await renderFixture(
    page,
    withOptions({ ...keyResultsOn(['p95_checkout_ms', 'p95_search_ms']), chart: { layout: 'perKeyResult' } })
  );
  const chart = await chartOf(page);
  await expect(chart).toHaveAttribute('data-layout', 'perKeyResult');
  await expect(chart.locator('.uplot')).toHaveCount(2);
});

test('the stacked charts share the time range, line up, and share the cursor', async ({ page }) => {
  await renderFixture(page, withOptions({}, { width: 1200, height: 1400 }));
  const chart = await chartOf(page);
  await expect(chart.locator('.uplot')).toHaveCount(CHARTED);
  const states = await plotStates(chart);
  expect(new Set(states.map((state) => `${state.xMin}–${state.xMax}`)).size).toBe(1);
  expect(states[0].xMin).toBe(Date.UTC(2026, 6 /* Jul */, 1));
  expect(states[0].xMax).toBe(Date.UTC(2026, 9 /* Oct */, 1));
  // Equally wide value axes: every plot area starts and ends at the same x.
  const boxes = await chart.locator('.uplot .u-over').evaluateAll((overs) =>
    overs.map((over) => {
      const box = over.getBoundingClientRect();
      return `${Math.round(box.left)}–${Math.round(box.right)}`;
    })
  );
  expect(new Set(boxes).size).toBe(1);

  // Hover the third chart at Jul 25 12:00: every chart's crosshair is at that time.
  const hovered = chart.locator('.uplot .u-over').nth(2);
  await hovered.scrollIntoViewIfNeeded();
  const box = (await hovered.boundingBox())!;
  const time = Date.UTC(2026, 6 /* Jul */, 25, 12);
  const x = box.x + ((time - states[2].xMin) / (states[2].xMax - states[2].xMin)) * box.width;
  await page.mouse.move(x, box.y + box.height / 2);
  await expect
    .poll(async () => (await plotStates(chart)).filter((state) => state.cursorTime !== null).length)
    .toBe(CHARTED);
  const hourPerPixel = (states[0].xMax - states[0].xMin) / states[0].plotWidth;
  for (const state of await plotStates(chart)) {
    expect(Math.abs(state.cursorTime! - time)).toBeLessThanOrEqual(2 * hourPerPixel);
  }
});

test('the legend lists key results (title and status), each in its line’s colour, the scorecard row’s swatch', async ({
  page,
}) => {
  const report = await renderFixture(
    page,
    withOptions({ view: 'auto', chart: { layout: 'shared' } }, { width: 1600, height: 900 })
  );
  const chart = await chartOf(page);
  const legend = chart.getByRole('list', { name: 'Key results' });
  const entries = legend.getByRole('listitem');
  await expect(entries).toHaveCount(CHARTED);

  const ids = await entries.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.krId!));
  const charted = OPTIONS.objectives.flatMap((objective) => objective.keyResults.map((kr) => kr.id));
  expect([...ids].sort()).toEqual(charted.filter((id) => id !== 'kr-trials').sort());
  for (const id of ids) {
    const row = page.getByTestId('okr-scorecard').locator(`[data-testid="okr-kr-summary"][data-kr-id="${id}"]`);
    const title = await row.getAttribute('data-title');
    const word = (await row.getByTestId('okr-status-chip').innerText()).trim();
    const entry = legend.getByRole('listitem', { name: `${title}, ${word}`, exact: true });
    await expect(entry).toHaveCount(1);
    const swatch = await entry.getByTestId('okr-kr-swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
    const rowSwatch = await row.getByTestId('okr-kr-swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(swatch).toBe(rowSwatch);
  }
  expect((await report()).pageErrors).toEqual([]);
  // No raw series names: the legend is not Grafana's series legend.
  await expect(chart.getByText('p95_checkout_ms', { exact: true })).toHaveCount(0);
});

test('in the stack, each chart is headed by its key result: the list "Key results" with title and status', async ({
  page,
}) => {
  await renderFixture(page, withOptions({}));
  const chart = await chartOf(page);
  const entries = chart.getByRole('list', { name: 'Key results' }).getByRole('listitem');
  await expect(entries).toHaveCount(CHARTED);
  await expect(entries.first()).toHaveAccessibleName(/^MRR to \$2\.0M, (On track|At risk|Off track)$/);
  await expect(entries.first().getByTestId('okr-status-chip')).toBeVisible();
});
