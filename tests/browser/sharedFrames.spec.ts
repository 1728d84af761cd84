import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { PanelFixture } from '../sandbox/host/fixture';
import { renderFixture } from './helpers';

/*
 * Every recorded datasource response in shared/fixtures/frames (Prometheus, SQL, InfluxDB, Loki, TestData …)
 * through the BUILT panel: it draws the data or says why not, and never throws. src/okr/fixtures.test.ts
 * owns what the core makes of each frame; this owns the views on top of it.
 */
const FRAMES_DIR = path.resolve(__dirname, '../../../shared/fixtures/frames');
/** Statuses of a key result that has a value; and those that explain why it has none. */
const JUDGED = ['offTrack', 'missed', 'atRisk', 'onTrack', 'achieved'];
const WHY_NOT = ['noData', 'invalid', 'notStarted'];

for (const file of readdirSync(FRAMES_DIR).filter((name) => name.endsWith('.json'))) {
  test(`${file}: the panel renders the frames or a specific message, with no error`, async ({ page }) => {
    const fixture: PanelFixture = {
      options: {
        objectives: [
          {
            title: 'Recorded frames',
            keyResults: [
              // Any series: the first one matched is used, the others are named in a message.
              {
                title: file,
                series: '/.*/',
                period: { from: '2000-01-01', to: '2030-01-01' },
                kind: 'increase',
                target: 1e9,
              },
            ],
          },
        ],
      },
      frames: JSON.parse(readFileSync(path.join(FRAMES_DIR, file), 'utf8')),
      timeRange: { from: '2000-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
      now: '2026-01-01T00:00:00Z',
      width: 1000,
      height: 500,
    };
    const report = await (await renderFixture(page, fixture))();
    expect(report.pageErrors).toEqual([]);
    const panelOrMessage = page.locator(
      '[data-testid="okr-panel"], [data-testid="data-testid Panel data error message"]'
    );
    await expect(panelOrMessage.first()).toBeVisible();
    const withValue = report.keyResults.filter((keyResult) => keyResult.current !== null);
    if (withValue.length > 0) {
      // Drawn: the series is on the chart and the key result is judged.
      await expect(page.locator('.uplot canvas').first()).toBeVisible();
      expect(JUDGED).toContain(withValue[0].status);
    } else {
      // Not drawn: Grafana's data message, or a status that says why ('No data', 'Invalid' with its message).
      const dataMessage = await page.getByTestId('data-testid Panel data error message').count();
      for (const keyResult of report.keyResults) {
        expect(dataMessage > 0 || WHY_NOT.includes(keyResult.status)).toBe(true);
        if (keyResult.status === 'invalid') {
          expect(report.messages.length).toBeGreaterThan(0);
        }
      }
    }
  });
}
