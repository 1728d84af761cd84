import { expect, Page, test } from '@playwright/test';

import { BOTH_HOSTS, loadFixture, plotGeometry, redShareInStrip, renderFixture, stripPixels, xOf } from './helpers';

/*
 * Chart overlays through the built module. The breach intervals themselves (exact crossing times) are
 * owned by src/okr/breaches.test.ts; here we check they reach the canvas, the tooltip and the zoom.
 * overlays-q3.json: error_rate breaches its 1% bound on Jul 13 (day 12–12.6), Jul 31–Aug 1 (day 30–31.5,
 * critical) and from Aug 14 19:12 on (ongoing); "now" is Aug 15 12:00.
 */

const DAY = 86_400_000;
const Q3 = Date.UTC(2026, 6 /* Jul */, 1);

/**
 * overlays-q3.json with both key results (MRR in $, error rate in %) on one shared chart: with mixed units the
 * chart would otherwise be one chart per key result (chartLayout.spec.ts), and these tests read the one plot.
 */
function sharedOverlays() {
  const fixture = loadFixture('overlays-q3.json');
  return { ...fixture, options: { ...fixture.options, chart: { layout: 'shared' } } };
}

/** Opacity of the strip's commonest pixel: what lies under the lines, labels and shading. */
async function backgroundAlphaOfStrip(page: Page, x: number): Promise<number> {
  const counts = new Map<string, number>();
  for (const pixel of await stripPixels(page, x)) {
    const key = pixel.join();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [commonest] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return Number(commonest.split(',')[3]);
}

test('breaches are shaded on the canvas inside their x-range and not outside', async ({ page }) => {
  await renderFixture(page, sharedOverlays());
  const geometry = await plotGeometry(page);
  const inside = await redShareInStrip(page, xOf(geometry, Q3 + 30.75 * DAY));
  const outside = await redShareInStrip(page, xOf(geometry, Q3 + 22 * DAY));
  expect(inside).toBeGreaterThan(0.5);
  expect(outside).toBeLessThan(0.05);
});

const BAND_RANGES = [
  { name: 'the quarter (edges only)', from: '2026-07-01T00:00:00Z', to: '2026-10-01T00:00:00Z' },
  { name: 'May to November (faint fill)', from: '2026-05-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
];

for (const { name, from, to } of BAND_RANGES) {
  test(`light theme, dashboard range ${name}: the quarter band does not grey the plot`, async ({ page }) => {
    await renderFixture(page, { ...loadFixture('views/chart-light.json'), timeRange: { from, to } });
    const geometry = await plotGeometry(page);
    // The canvas is transparent where nothing is drawn; action.hover, the old fill, was alpha 31 (12%).
    expect(await backgroundAlphaOfStrip(page, xOf(geometry, Q3 + 81 * DAY))).toBeLessThanOrEqual(12);
  });
}

test('the tooltip gives value, target and breach state at the hovered time', async ({ page }) => {
  await renderFixture(page, sharedOverlays());
  const geometry = await plotGeometry(page);
  await page.mouse.move(xOf(geometry, Q3 + 30.75 * DAY), geometry.top + geometry.height / 2);
  const tooltip = page.getByTestId('okr-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('error_rate');
  const errorRateKr = tooltip.locator('[data-testid="okr-tooltip-kr"]').filter({ hasText: 'Error rate below 1%' });
  await expect(errorRateKr).toHaveAttribute('data-in-breach', 'true');
  await expect(errorRateKr).toContainText('Target1.00%');
  const mrrKr = tooltip.locator('[data-testid="okr-tooltip-kr"]').filter({ hasText: 'MRR to $2.0M' });
  await expect(mrrKr).toContainText('Expected');
  await expect(mrrKr).toContainText('Gap');
  // The forecast and the run-rate still needed, as the scorecard and the wall give them.
  await expect(mrrKr).toContainText(/Forecast\$[\d.]+[KM]?, (meets the target|\d+% short)/);
  await page.mouse.move(xOf(geometry, Q3 + 22 * DAY), geometry.top + geometry.height / 2);
  await expect(errorRateKr).toHaveAttribute('data-in-breach', 'false');
});

test('clicking a breach zooms the dashboard to it', { tag: BOTH_HOSTS }, async ({ page }) => {
  await renderFixture(page, sharedOverlays());
  const geometry = await plotGeometry(page);
  await page.mouse.click(xOf(geometry, Q3 + 30.75 * DAY), geometry.top + geometry.height / 2);
  const panel = page.getByTestId('sandbox-panel');
  await expect(panel).not.toHaveAttribute('data-time-from', String(Q3));
  const from = Number(await panel.getAttribute('data-time-from'));
  const to = Number(await panel.getAttribute('data-time-to'));
  expect(from).toBeLessThan(Q3 + 30 * DAY);
  expect(to).toBeGreaterThan(Q3 + 31.5 * DAY);
  expect(to - from).toBeLessThan(3 * DAY);
});

test('a click outside any breach leaves the time range alone', { tag: BOTH_HOSTS }, async ({ page }) => {
  await renderFixture(page, loadFixture('overlays-q3.json'));
  const geometry = await plotGeometry(page);
  await page.mouse.click(xOf(geometry, Q3 + 22 * DAY), geometry.top + geometry.height / 2);
  await expect(page.getByTestId('sandbox-panel')).toHaveAttribute('data-time-from', String(Q3));
});

test('the crosshair is shared through DataHoverEvent on the dashboard event bus', async ({ page }) => {
  await renderFixture(page, loadFixture('overlays-q3.json'));
  const geometry = await plotGeometry(page);
  await page.evaluate(() => {
    const sandbox = window.__okrSandbox as typeof window.__okrSandbox & { hovered?: number[] };
    sandbox.hovered = [];
    sandbox.eventBus!.subscribe({ type: 'data-hover' } as never, (event: unknown) =>
      sandbox.hovered!.push((event as { payload: { point: { time: number } } }).payload.point.time)
    );
  });
  await page.mouse.move(xOf(geometry, Q3 + 22 * DAY), geometry.top + 50);
  const hovered = await page.evaluate(() => (window.__okrSandbox as unknown as { hovered: number[] }).hovered);
  expect(hovered.length).toBeGreaterThan(0);
  expect(Math.abs(hovered[hovered.length - 1] - (Q3 + 22 * DAY))).toBeLessThan(DAY / 2);

  await page.mouse.move(5, 5);
  await page.evaluate(
    (time) => {
      window.__okrSandbox.eventBus!.publish({ type: 'data-hover', payload: { point: { time } } } as never);
    },
    Q3 + 60 * DAY
  );
  const cursorX = await page
    .locator('.uplot .u-cursor-x')
    .first()
    .evaluate((line) => line.getBoundingClientRect().left);
  expect(Math.abs(cursorX - xOf(geometry, Q3 + 60 * DAY))).toBeLessThan(3);
});

test('the plot is drawn at its final size from the first draw: no layout jump', async ({ page }) => {
  // Every uPlot draw starts with a clear of its whole canvas: record the canvas size at each one.
  await page.addInitScript({
    content: `(() => {
      const clear = CanvasRenderingContext2D.prototype.clearRect;
      window.__drawSizes = [];
      CanvasRenderingContext2D.prototype.clearRect = function (x, y, w, h) {
        if (x === 0 && y === 0 && w === this.canvas.width && h === this.canvas.height) {
          window.__drawSizes.push(w + 'x' + h);
        }
        return clear.call(this, x, y, w, h);
      };
    })();`,
  });
  await renderFixture(page, sharedOverlays());
  const finalSize = await page
    .locator('.uplot canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => `${canvas.width}x${canvas.height}`);
  const drawSizes = await page.evaluate(() => (window as unknown as { __drawSizes: string[] }).__drawSizes);
  expect(drawSizes.length).toBeGreaterThan(0);
  expect(new Set(drawSizes)).toEqual(new Set([finalSize]));
});
