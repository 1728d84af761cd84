import { expect, test } from '@playwright/test';

import { loadFixture, renderFixture } from './helpers';

/*
 * Per-series breach directions through the built module: Grafana's overrides set `custom.breachDirection`
 * beside each series' thresholds, and a schema-1 panel's `breaches.thresholds` reaches the same place
 * through the migration. The crossing times are owned by src/okr/breaches.test.ts, the migration's rules by
 * src/migrations/*.test.ts; here only the counts and rough durations are checked.
 *
 * Both fixtures share one latency series (hourly, Aug 1–3 2026, "now" Aug 3 00:00 UTC): 200–240 ms except
 * Aug 1 10:00–14:00 (340–420 ms), so it crosses its 300 ms step up once and back once. The key result's
 * own target (stay below 500 ms) is never crossed, so every breach counted comes from the thresholds.
 * ops-two-directions.json adds availability (99.93–99.97 %) with one dip under its 99.9 % step on Aug 2
 * 06:00–09:00 (99.5–99.8 %), never under its key result's 99 %.
 */

const HOUR = 3600;

test('each series is judged on its own side of its thresholds: latency above, availability below', async ({ page }) => {
  const report = await renderFixture(page, loadFixture('ops-two-directions.json'));
  const { keyResults, messages, pageErrors } = await report();

  expect(pageErrors).toEqual([]);
  expect(messages).toEqual([]);
  expect(keyResults.map((kr) => [kr.title, kr.breachCount])).toEqual([
    ['p95 latency below 500 ms', 1],
    ['Availability above 99%', 1],
  ]);
  for (const kr of keyResults) {
    expect(kr.breachSeconds).toBeGreaterThan(3 * HOUR);
    expect(kr.breachSeconds).toBeLessThan(6 * HOUR);
  }
});

test("a schema-1 panel's breaches.thresholds is migrated into the field config the panel gets", async ({ page }) => {
  await renderFixture(page, loadFixture('latency-v1.json'));
  const { options, fieldConfig } = await page.evaluate(() => ({
    options: window.__okrSandbox.options,
    fieldConfig: window.__okrSandbox.fieldConfig,
  }));

  expect(options).toMatchObject({ schemaVersion: 4, breaches: { minDurationSeconds: 0 } });
  expect(options?.breaches).not.toHaveProperty('thresholds');
  expect(fieldConfig?.defaults.custom).toEqual({ breachDirection: 'above' });
});

test('the migrated panel counts the threshold breach as before', async ({ page }) => {
  const report = await renderFixture(page, loadFixture('latency-v1.json'));
  const { keyResults, messages, pageErrors } = await report();

  expect(pageErrors).toEqual([]);
  expect(messages).toEqual([]);
  expect(keyResults).toMatchObject([{ title: 'p95 latency below 500 ms', breachCount: 1 }]);
});
