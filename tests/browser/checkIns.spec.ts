import { expect, Page, test } from '@playwright/test';

import { PanelFixture } from '../sandbox/host/fixture';
import { Geometry, loadFixture, plotGeometry, renderFixture, xOf } from './helpers';

/*
 * Check-ins, manual key results and the dashboard's annotations through the built module. The arithmetic
 * is owned by unit tests: the check-in table by src/okr/checkIns.test.ts, manual key results by
 * src/okr/manual.test.ts, annotation rows by src/okr/annotations.test.ts, what the tooltip lists by
 * src/chart/eventsAt.test.ts. Here: they reach the summary attributes, the canvas, the tooltip and the editor.
 * check-ins-q3.json: as of Aug 15 12:00; "Expand into 2 new market segments" has no series, check-ins
 * Jun 20 = 1, Jul 20 = 1 (confidence 6, "Talks with two retailers", Ana), Aug 10 = 2 (8, "Signed ACME…").
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const Q3 = Date.UTC(2026, 6 /* Jul */, 1);
const JUL_20_10H = Q3 + 19 * DAY + 10 * HOUR;
const JUL_28_14H = Q3 + 27 * DAY + 14 * HOUR;
const AUG_5_14H = Q3 + 35 * DAY + 14 * HOUR;

function summary(page: Page, title: string) {
  return page.locator(`[data-testid="okr-kr-summary"][data-title="${title}"]`);
}

test('a manual key result is judged on its check-ins, and every key result shows its latest check-in', async ({
  page,
}) => {
  const report = await renderFixture(page, loadFixture('check-ins-q3.json'));
  const manual = summary(page, 'Expand into 2 new market segments');
  await expect(manual).toHaveAttribute('data-manual', 'true');
  for (const [name, value] of Object.entries({
    'data-current': '2',
    'data-baseline': '1',
    'data-target': '3',
    'data-progress': '0.5',
    'data-status': 'onTrack',
    'data-confidence': '0.8',
    'data-check-in-note': 'Signed ACME: first retail customer',
    'data-check-in-author': 'Ana',
    'data-check-in-time': String(Q3 + 40 * DAY + 15 * HOUR),
  })) {
    await expect(manual).toHaveAttribute(name, value);
  }
  // A series key result: the latest confidence (Aug 12, 8 of 10), and the latest note (Jul 14), by its author.
  const mrr = summary(page, 'MRR to 200');
  await expect(mrr).toHaveAttribute('data-manual', 'false');
  await expect(mrr).toHaveAttribute('data-confidence', '0.8');
  await expect(mrr).toHaveAttribute('data-check-in-note', 'Pricing page test shipped; watching conversion');
  await expect(mrr).toHaveAttribute('data-check-in-author', 'Ben');
  await expect(mrr.getByTestId('okr-check-in')).toContainText('Confidence 80%');

  const { messages, pageErrors } = await report();
  expect(messages).toEqual([
    "check-ins name key result 'Expand to Mars' (row 7), which is not on this panel: use a key result's id or title",
  ]);
  expect(pageErrors).toEqual([]);
});

/** The manual key result alone on a chart, on a baseline of 0 so its line (value 1) is off the plot's edge. */
function manualOnly(): PanelFixture {
  const fixture = loadFixture('check-ins-q3.json');
  const checkIns = fixture.frames.find((frame) => frame.schema?.refId === 'CHECKINS')!;
  const options = fixture.options as { objectives: Array<{ keyResults: Array<Record<string, unknown>> }> };
  return {
    ...fixture,
    options: {
      ...fixture.options,
      view: 'chart',
      objectives: [{ title: 'Grow', keyResults: [{ ...options.objectives[0].keyResults[1], baseline: 0 }] }],
    },
    frames: [checkIns],
  };
}

test('a manual key result draws its check-ins as steps with a marker at each, note and author in the tooltip', async ({
  page,
}) => {
  const report = await renderFixture(page, manualOnly());
  const geometry = await plotGeometry(page);
  // Through the Jul 20 check-in: the marker's ring around the line; five days on: the line alone.
  const atCheckIn = await saturatedExtent(page, xOf(geometry, JUL_20_10H), geometry);
  const beside = await saturatedExtent(page, xOf(geometry, JUL_20_10H + 5 * DAY), geometry);
  expect(atCheckIn).toBeGreaterThanOrEqual(10);
  expect(beside).toBeLessThanOrEqual(4);

  await page.mouse.move(xOf(geometry, JUL_20_10H), geometry.top + geometry.height / 2);
  const checkIn = page.getByTestId('okr-tooltip-check-in');
  await expect(checkIn).toHaveCount(1);
  await expect(checkIn).toContainText('Check-in · Expand into 2 new market segments');
  await expect(checkIn).toContainText('Talks with two retailers');
  await expect(checkIn).toContainText('— Ana');
  await expect(checkIn).toContainText('Confidence60%');

  await page.mouse.move(xOf(geometry, JUL_20_10H + 5 * DAY), geometry.top + geometry.height / 2);
  await expect(page.getByTestId('okr-tooltip-check-in')).toHaveCount(0);
  await expect(page.getByTestId('okr-tooltip-value')).toHaveText('1');
  await page.mouse.move(xOf(geometry, JUL_20_10H + 24 * DAY), geometry.top + geometry.height / 2);
  await expect(page.getByTestId('okr-tooltip-value')).toHaveText('2');
  expect((await report()).pageErrors).toEqual([]);
});

test('beside a KPI, the tooltip gives a manual key result the value it holds at the hovered time', async ({ page }) => {
  // One shared chart, so one tooltip lists the KPI and the manual key result (mixed units would stack them).
  const fixture = loadFixture('check-ins-q3.json');
  await renderFixture(page, { ...fixture, options: { ...fixture.options, chart: { layout: 'shared' } } });
  const geometry = await plotGeometry(page);
  // Aug 5, between the check-ins of Jul 20 (1) and Aug 10 (2): uPlot's nearest check-in is Aug 10's.
  await page.mouse.move(xOf(geometry, AUG_5_14H), geometry.top + geometry.height / 3);
  const row = page
    .getByTestId('okr-tooltip')
    .locator('div', { hasText: 'Expand into 2 new market segments (check-ins)' })
    .getByTestId('okr-tooltip-value');
  await expect(row.first()).toHaveText('1');
});

test('the dashboard annotations are drawn as Grafana draws them, with their text in the tooltip', async ({ page }) => {
  await renderFixture(page, manualOnly());
  const geometry = await plotGeometry(page);
  // The Jul 28 deploy: a dashed line in Grafana's annotation colour across the plot; none two days before.
  expect(await annotationBlueShare(page, xOf(geometry, JUL_28_14H), geometry)).toBeGreaterThan(0.3);
  expect(await annotationBlueShare(page, xOf(geometry, JUL_28_14H - 2 * DAY), geometry)).toBe(0);
  // The Aug 5 incident region (red): tinted inside, not beside.
  expect(await tint(page, xOf(geometry, AUG_5_14H), geometry)).toMatchObject({ reddish: true });
  expect(await tint(page, xOf(geometry, AUG_5_14H + 2 * DAY), geometry)).toMatchObject({ alpha: 0 });

  await page.mouse.move(xOf(geometry, JUL_28_14H), geometry.top + geometry.height / 3);
  const annotation = page.getByTestId('okr-tooltip-annotation');
  await expect(annotation).toHaveCount(1);
  await expect(annotation).toContainText('Deploy v2.3');
  await expect(annotation).toContainText('API release');
  await page.mouse.move(xOf(geometry, AUG_5_14H), geometry.top + geometry.height / 3);
  await expect(page.getByTestId('okr-tooltip-annotation').filter({ hasText: 'Incident 42' })).toContainText(
    'Checkout slow: cache stampede'
  );
});

test('the check-in table is never offered as a series: "Track as key result" lists only the KPI', async ({ page }) => {
  const fixture = loadFixture('check-ins-q3.json');
  await renderFixture(page, { ...fixture, options: { ...fixture.options, objectives: [] } }, 'editor=1');
  const offered = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Track as key result' }) });
  await expect(offered).toHaveCount(2);
  await expect(offered.filter({ hasText: 'mrr' })).toHaveCount(1);
  await expect(offered.filter({ hasText: 'latency_p95' })).toHaveCount(1);
});

test('picking the check-in query in the options pane makes a key result without series manual', async ({ page }) => {
  const fixture = loadFixture('check-ins-q3.json');
  const { checkInQuery: _none, ...options } = fixture.options;
  await renderFixture(page, { ...fixture, options }, 'editor=1');
  const manual = summary(page, 'Expand into 2 new market segments');
  await expect(manual).toHaveAttribute('data-status', 'invalid');

  await page.getByRole('combobox', { name: 'Check-in query' }).click();
  await page.getByRole('option', { name: /^CHECKINS/ }).click();

  await expect(manual).toHaveAttribute('data-current', '2');
  await expect(manual).toHaveAttribute('data-progress', '0.5');
  const saved = await page.evaluate(() => window.__okrSandbox.options as Record<string, unknown>);
  expect(saved.checkInQuery).toEqual({ refId: 'CHECKINS' });
});

/** The plot's canvas pixels in a 1 px column, top to bottom of the plot area (RGBA each). */
async function column(page: Page, x: number, geometry: Geometry): Promise<number[][]> {
  const data = await page
    .locator('.uplot canvas')
    .first()
    .evaluate(
      (canvas: HTMLCanvasElement, { cssX, cssTop, cssHeight }) => {
        const rect = canvas.getBoundingClientRect();
        const ratio = canvas.width / rect.width;
        const top = Math.round((cssTop - rect.top) * ratio);
        const height = Math.round(cssHeight * ratio);
        return Array.from(
          canvas.getContext('2d')!.getImageData(Math.round((cssX - rect.left) * ratio), top, 1, height).data
        );
      },
      { cssX: x, cssTop: geometry.top, cssHeight: geometry.height }
    );
  return Array.from({ length: data.length / 4 }, (_, i) => data.slice(4 * i, 4 * i + 4));
}

/** In the plot's lower half (where the value-1 line is): how tall the span of coloured (non-grey) pixels is. */
async function saturatedExtent(page: Page, x: number, geometry: Geometry): Promise<number> {
  const pixels = await column(page, x, geometry);
  const rows = pixels
    .map(([r, g, b, a], y) => ({ y, coloured: a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 60 }))
    .filter((row) => row.coloured && row.y > pixels.length / 2)
    .map((row) => row.y);
  return rows.length === 0 ? 0 : Math.max(...rows) - Math.min(...rows) + 1;
}

/** Share of the column in Grafana's default annotation colour, rgba(0, 211, 255). */
async function annotationBlueShare(page: Page, x: number, geometry: Geometry): Promise<number> {
  const pixels = await column(page, x, geometry);
  return pixels.filter(([r, g, b, a]) => a > 200 && r < 60 && g > 170 && b > 220).length / pixels.length;
}

/** The commonest pixel of the column (what lies under the lines): its alpha and whether it is red. */
async function tint(page: Page, x: number, geometry: Geometry): Promise<{ alpha: number; reddish: boolean }> {
  const counts = new Map<string, number>();
  for (const pixel of await column(page, x, geometry)) {
    counts.set(pixel.join(), (counts.get(pixel.join()) ?? 0) + 1);
  }
  const [r, g, b, a] = [...counts.entries()]
    .sort((p, q) => q[1] - p[1])[0][0]
    .split(',')
    .map(Number);
  return { alpha: a, reddish: a > 0 && r > g + 40 && r > b + 40 };
}
