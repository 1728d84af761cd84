import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { PanelFixture } from '../sandbox/host/fixture';
import { FIXTURES_DIR, renderFixture } from './helpers';

/*
 * Frames as datasources return them (Prometheus, SQL, InfluxDB, Loki, TestData …) through the BUILT panel:
 * it draws the data or says why not, and never throws. Two corpora: the project's own
 * (tests/fixtures/frames) always; the recorded responses in ../shared/fixtures/frames (beside the project,
 * not part of a clone) in addition when that folder exists. src/okr/fixtures.test.ts owns what the core
 * makes of each frame; this owns the views on top of it.
 */
const PROJECT_FRAMES = path.join(FIXTURES_DIR, 'frames');
const SHARED_FRAMES = path.resolve(__dirname, '../../../shared/fixtures/frames');
/** Statuses of a key result that has a value; and those that explain why it has none. */
const JUDGED = ['offTrack', 'missed', 'atRisk', 'onTrack', 'achieved'];
const WHY_NOT = ['noData', 'invalid', 'notStarted'];
const SERIES = '/.*/';
/** What the panel says for the project's frames that give no value (wording owned by src/okr/series.test.ts). */
const PROJECT_MESSAGES: Record<string, string> = {
  'empty_frame_list.json': `series regex ${SERIES} not found: the query returned no data`,
  'no_rows.json': `series regex ${SERIES} has no rows: the query returned no data`,
  'unusable_boolean.json': `series regex ${SERIES} matched 'active', which is a boolean field: only number fields (or numeric text) can be tracked`,
  'unusable_no_time.json': `series regex ${SERIES} matched 'revenue', which has no time field in its frame (fields: region, revenue)`,
  'unusable_thousands.json': `series regex ${SERIES} matched 'revenue', which holds text such as '1,234.5', not numbers (thousands separators are not read)`,
};

const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
const fromRoot = (dir: string) => path.relative(path.resolve(__dirname, '../..'), dir);

function frameTests(dir: string, messages: Record<string, string> = {}) {
  for (const file of jsonFiles(dir)) {
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
                  series: SERIES,
                  period: { from: '2000-01-01', to: '2030-01-01' },
                  kind: 'increase',
                  target: 1e9,
                },
              ],
            },
          ],
        },
        frames: JSON.parse(readFileSync(path.join(dir, file), 'utf8')),
        timeRange: { from: '2000-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
        now: '2026-01-01T00:00:00Z',
        width: 1000,
        height: 500,
      };
      const report = await (await renderFixture(page, fixture))();
      expect(report.pageErrors).toEqual([]);
      await expect(page.getByTestId('okr-panel')).toBeVisible();
      // A key result is configured, so it speaks for itself; Grafana's data error view would hide why.
      await expect(page.getByTestId('data-testid Panel data error message')).toHaveCount(0);
      const withValue = report.keyResults.filter((keyResult) => keyResult.current !== null);
      if (withValue.length > 0) {
        // Drawn: the series is on the chart and the key result is judged.
        await expect(page.locator('.uplot canvas').first()).toBeVisible();
        expect(JUDGED).toContain(withValue[0].status);
      } else {
        // Not drawn: a status that says why ('No data', 'Invalid' with its message).
        expect(report.keyResults.length).toBeGreaterThan(0);
        for (const keyResult of report.keyResults) {
          expect(WHY_NOT).toContain(keyResult.status);
          if (keyResult.status === 'invalid') {
            expect(report.messages.length).toBeGreaterThan(0);
          }
        }
      }
      if (file in messages) {
        expect(report.messages).toContain(messages[file]);
      }
    });
  }
}

test.describe(`project frames (${fromRoot(PROJECT_FRAMES)}: ${jsonFiles(PROJECT_FRAMES).length} files)`, () => {
  test('every message expected names a file of the corpus', () => {
    expect(Object.keys(PROJECT_MESSAGES).filter((file) => !jsonFiles(PROJECT_FRAMES).includes(file))).toEqual([]);
  });
  frameTests(PROJECT_FRAMES, PROJECT_MESSAGES);
});

if (existsSync(SHARED_FRAMES)) {
  test.describe(`shared frames, in addition (${fromRoot(SHARED_FRAMES)}: ${jsonFiles(SHARED_FRAMES).length} files)`, () =>
    frameTests(SHARED_FRAMES));
} else {
  // A clone on its own has no ../shared: the skipped test says so in the report rather than pass silently.
  test.skip(`shared frames: ${fromRoot(SHARED_FRAMES)} is absent, only the project corpus ran`, () => undefined);
}
