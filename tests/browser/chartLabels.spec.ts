import { expect, Page, test } from '@playwright/test';

import { loadFixture, plotGeometry, renderFixture, xOf } from './helpers';

/*
 * The chart's labels and breach lanes through the built module. The placement itself (no intersections,
 * inside the plot, priorities, stable order) is owned by src/chart/overlays/labelPlacement.test.ts; here: that
 * the real overlays' labels reach the canvas laid out, and the lanes show who breached and how badly.
 * chart-labels.json, Jul 1 – Aug 15 12:00 ("now"), samples every 2 h: three latency key results with targets
 * 300, 302 and 305 ms on one scale (their lines a pixel or two apart); p95 in critical breach from Aug 13 12:00
 * to now (ongoing, at the right edge) and in warning on Jul 13; API latency in warning breach from Aug 14 12:00
 * on; p99 in warning on Jul 31; MRR and sign-ups with forecasts to the quarter's end. One shared chart
 * (chart.layout 'shared': its units differ, so auto would stack them), where labels crowd the most.
 */

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 7 /* Aug */, 15, 12);
const P95_CRITICAL_FROM = Date.UTC(2026, 7, 13, 12);
const API_WARNING_FROM = Date.UTC(2026, 7, 14, 12);

interface LabelBox {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Lane {
  keyResult: string;
  top: number;
  height: number;
  warning: number;
  critical: number;
}

async function chartData<T>(page: Page, attribute: string): Promise<T> {
  const root = page.locator('.uplot').first();
  await expect(root).toHaveAttribute(attribute, /\S/);
  return JSON.parse((await root.getAttribute(attribute))!);
}

function intersect(a: LabelBox, b: Omit<LabelBox, 'text'>): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** The RGBA pixels of one canvas row (CSS y from the canvas' top) between two CSS x positions on the page. */
async function rowPixels(page: Page, y: number, fromX: number, toX: number): Promise<number[][]> {
  const data = await page
    .locator('.uplot canvas')
    .first()
    .evaluate(
      (canvas: HTMLCanvasElement, [cssY, cssFrom, cssTo]) => {
        const rect = canvas.getBoundingClientRect();
        const ratio = canvas.width / rect.width;
        const left = Math.round((cssFrom - rect.left) * ratio);
        const width = Math.max(1, Math.round((cssTo - cssFrom) * ratio));
        return Array.from(canvas.getContext('2d')!.getImageData(left, Math.round(cssY * ratio), width, 1).data);
      },
      [y, fromX, toX]
    );
  return Array.from({ length: data.length / 4 }, (_, i) => data.slice(4 * i, 4 * i + 4));
}

test.beforeEach(async ({ page }) => {
  await renderFixture(page, loadFixture('chart-labels.json'));
});

test('targets a pixel apart, forecasts and an ongoing breach: no label covers another or the latest data', async ({
  page,
}) => {
  const labels = await chartData<LabelBox[]>(page, 'data-labels');
  const texts = labels.map((label) => label.text);
  expect(texts).toEqual(expect.arrayContaining(['Target 300 ms', 'Target 302 ms', 'Target 305 ms']));
  expect(texts.filter((text) => text.startsWith('Forecast $') || text.startsWith('Forecast 5'))).toHaveLength(2);

  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => expect(intersect(a, b), `${a.text} / ${b.text}`).toBe(false))
  );

  const root = page.locator('.uplot').first();
  const plot = await root.evaluate((element) => {
    const { plotLeft, plotTop, plotWidth, plotHeight } = (element as HTMLElement).dataset;
    return { left: Number(plotLeft), top: Number(plotTop), width: Number(plotWidth), height: Number(plotHeight) };
  });
  for (const label of labels) {
    expect(label.left).toBeGreaterThanOrEqual(plot.left - 0.5);
    expect(label.top).toBeGreaterThanOrEqual(plot.top - 0.5);
    expect(label.left + label.width).toBeLessThanOrEqual(plot.left + plot.width + 0.5);
    expect(label.top + label.height).toBeLessThanOrEqual(plot.top + plot.height + 0.5);
  }

  // The latest data: one box per series, each reaching the last sample's x (now, the plot's right edge),
  // the p95 one back over its ongoing breach.
  const latest = await chartData<Array<Omit<LabelBox, 'text'>>>(page, 'data-latest-data');
  expect(latest).toHaveLength(5);
  const geometry = await plotGeometry(page);
  const canvasLeft = (await page.locator('.uplot canvas').first().boundingBox())!.x;
  const nowX = xOf(geometry, NOW) - canvasLeft;
  for (const box of latest) {
    expect(box.left).toBeLessThan(nowX);
    expect(box.left + box.width).toBeGreaterThan(nowX);
  }
  const widest = Math.max(...latest.map((box) => box.width));
  expect(widest).toBeGreaterThan(xOf(geometry, NOW) - xOf(geometry, P95_CRITICAL_FROM + 4 * HOUR));
  for (const label of labels) {
    for (const box of latest) {
      expect(intersect(label, box), `${label.text} covers the latest data`).toBe(false);
    }
  }
});

test('a lane per breaching key result under the time axis, critical hatched and warning solid', async ({ page }) => {
  const lanes = await chartData<Lane[]>(page, 'data-breach-lanes');
  // Breaches going on first, then critical ones, then series order; MRR and sign-ups never breached: no lane.
  // (p99's Jul 31 bump dips back under its target once: two warning breaches in the model.)
  expect(lanes.map(({ keyResult, warning, critical }) => ({ keyResult, warning, critical }))).toEqual([
    { keyResult: 'p95 under 300 ms', warning: 1, critical: 1 },
    { keyResult: 'API under 302 ms', warning: 1, critical: 0 },
    { keyResult: 'p99 under 305 ms', warning: 2, critical: 0 },
  ]);
  const geometry = await plotGeometry(page);
  const canvasTop = (await page.locator('.uplot canvas').first().boundingBox())!.y;
  // Below the plot and its time axis labels: the lanes cover no data.
  for (const lane of lanes) {
    expect(lane.top).toBeGreaterThan(geometry.top - canvasTop + geometry.height + 12);
  }

  // The last day, where both breaches go on: the critical lane alternates colour and stripe, the warning one is even.
  const from = xOf(geometry, API_WARNING_FROM + 2 * HOUR);
  const to = xOf(geometry, NOW) - 3;
  const middleRow = (lane: Lane) => rowPixels(page, lane.top + lane.height / 2, from, to);
  const colours = async (lane: Lane) => new Set((await middleRow(lane)).map((pixel) => pixel.join())).size;
  expect(await colours(lanes[0])).toBeGreaterThan(2);
  expect(await colours(lanes[1])).toBe(1);
  const stripes = await middleRow(lanes[0]);
  const reddish = stripes.filter(([red, green, blue]) => red > green + 40 && red > blue + 20).length;
  expect(reddish / stripes.length).toBeGreaterThan(0.3);
  expect(reddish / stripes.length).toBeLessThan(0.95);
});

test('clicking a breach still zooms to it, and the tooltip still names it', async ({ page }) => {
  const geometry = await plotGeometry(page);
  await page.mouse.move(xOf(geometry, NOW - 6 * HOUR), geometry.top + geometry.height / 2);
  const kr = page.getByTestId('okr-tooltip').locator('[data-testid="okr-tooltip-kr"]').filter({ hasText: 'p95' });
  await expect(kr).toHaveAttribute('data-in-breach', 'true');
  await page.mouse.click(xOf(geometry, NOW - 6 * HOUR), geometry.top + geometry.height / 2);
  const panel = page.getByTestId('sandbox-panel');
  await expect(panel).toHaveAttribute('data-time-from', /\d+/);
  const from = Number(await panel.getAttribute('data-time-from'));
  expect(from).toBeLessThan(P95_CRITICAL_FROM);
  expect(from).toBeGreaterThan(P95_CRITICAL_FROM - 2 * 24 * HOUR);
});

test('stacked one chart per key result: no label covers another within any chart', async ({ page }) => {
  const fixture = loadFixture('chart-labels.json');
  await renderFixture(page, { ...fixture, options: { ...fixture.options, chart: { layout: 'perKeyResult' } } });
  const roots = page.locator('.uplot');
  await expect(roots).toHaveCount(5);
  for (let chart = 0; chart < 5; chart++) {
    await expect(roots.nth(chart)).toHaveAttribute('data-labels', /\S/);
    const labels: LabelBox[] = JSON.parse((await roots.nth(chart).getAttribute('data-labels'))!);
    expect(labels.length).toBeGreaterThan(0);
    labels.forEach((a, i) =>
      labels.slice(i + 1).forEach((b) => expect(intersect(a, b), `chart ${chart}: ${a.text} / ${b.text}`).toBe(false))
    );
  }
});
