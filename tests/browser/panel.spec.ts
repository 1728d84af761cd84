import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { BOTH_HOSTS, loadFixture, renderFixture } from './helpers';

/*
 * The built plugin in a Grafana-like host. Exact OKR arithmetic is owned by the unit tests in src/okr;
 * these tests check that the numbers reach the screen through the built module.
 */

test('renders the KPI chart and each key result summary from the built module', async ({ page }) => {
  const report = await renderFixture(page, loadFixture('mrr-q3.json'));
  await expect(page.getByTestId('okr-chart').locator('canvas')).toBeVisible();
  const { keyResults, pageErrors, messages } = await report();
  expect(pageErrors).toEqual([]);
  expect(messages).toEqual([]);
  expect(keyResults).toHaveLength(1);
  expect(keyResults[0]).toMatchObject({ title: 'MRR to 200', current: 154, baseline: 100, target: 200 });
  expect(keyResults[0].progress).toBeCloseTo(0.54, 10);
  expect(keyResults[0].expected).toBeCloseTo(45.5 / 92, 10);
});

test('draws the series line in its palette colour on the canvas', async ({ page }) => {
  await renderFixture(page, loadFixture('mrr-q3.json'));
  const colouredPixels = await page
    .getByTestId('okr-chart')
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d')!;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        // Grafana's first classic palette colour is green (#73BF69): strong green, weaker red and blue.
        if (data[i + 1] > 150 && data[i] < 150 && data[i + 2] < 130 && data[i + 3] > 200) {
          count++;
        }
      }
      return count;
    });
  expect(colouredPixels).toBeGreaterThan(500);
});

test(
  'takes React and the Grafana packages from the host instead of bundling them',
  { tag: BOTH_HOSTS },
  async ({ page }) => {
    await renderFixture(page, loadFixture('mrr-q3.json'));
    const requested = await page.evaluate(() => window.__okrSandbox.requestedModules);
    for (const shared of ['react', '@grafana/data', '@grafana/ui', '@grafana/runtime', '@emotion/css']) {
      expect(requested, `dist/module.js should ask the host for ${shared}`).toContain(shared);
    }
    const bundle = readFileSync(path.resolve(__dirname, '../../dist/module.js'), 'utf8');
    // Only a bundled copy of React contains its internals; a second React would also break every hook above.
    expect(
      bundle.includes('__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED'),
      'React is bundled into dist/module.js'
    ).toBe(false);
  }
);

test('renders in the light theme too', async ({ page }) => {
  const report = await renderFixture(page, { ...loadFixture('mrr-q3.json'), theme: 'light' });
  const background = await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
  expect(background).not.toBe('rgb(17, 18, 23)');
  expect((await report()).pageErrors).toEqual([]);
});

test('says which series is missing and still renders the others', async ({ page }) => {
  const fixture = loadFixture('mrr-q3.json');
  const objective = (fixture.options.objectives as Array<{ keyResults: unknown[] }>)[0];
  objective.keyResults.push({
    title: 'Churn',
    series: 'churn',
    period: '2026-Q3',
    kind: 'decrease',
    baseline: 5,
    target: 3,
  });
  const report = await renderFixture(page, fixture);
  const { keyResults, messages } = await report();
  expect(keyResults.map((kr) => kr.title)).toEqual(['MRR to 200', 'Churn']);
  expect(keyResults[0].current).toBe(154);
  expect(messages.join('\n')).toContain("series 'churn' not found");
});

test('with no data, each key result says so instead of a blank panel', async ({ page }) => {
  const report = await renderFixture(page, { ...loadFixture('mrr-q3.json'), frames: [] });
  const { keyResults, messages, pageErrors } = await report();
  expect(keyResults.map((kr) => kr.status)).toEqual(['noData']);
  expect(messages).toEqual(["series 'mrr' not found: the query returned no data"]);
  expect(pageErrors).toEqual([]);
});

test("with no data and no key results configured, Grafana's data message", async ({ page }) => {
  const report = await renderFixture(page, { ...loadFixture('mrr-q3.json'), frames: [], options: { objectives: [] } });
  const { messages, pageErrors } = await report();
  expect(messages).toEqual(['No data']);
  expect(pageErrors).toEqual([]);
});
