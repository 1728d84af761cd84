import { expect, Page, test } from '@playwright/test';

import { PanelFixture } from '../sandbox/host/fixture';
import { loadFixture, renderFixture } from './helpers';

/*
 * The scorecard and wall views through the built module, selected by the panel option `view`.
 * Exact arithmetic is owned elsewhere: progress and status by src/okr, percent/days-left/downsampling by
 * src/scorecard/*.test.ts, chip contrast by src/scorecard/StatusChip.test.tsx, the wall's type scale by
 * src/scorecard/wallLayout.test.ts. These tests check what only a real browser shows: icons that load,
 * markup that stays inert, CSS that scales and stays still when asked to.
 */

const XSS_TITLE = '<img src=x onerror=alert(1)>';
/** The words a reader sees, per core status (src/components/status.ts). */
const STATUS_WORDS: Record<string, string> = {
  onTrack: 'On track',
  atRisk: 'At risk',
  offTrack: 'Off track',
  achieved: 'Achieved',
  missed: 'Missed',
  notStarted: 'Not started',
  noData: 'No data',
  invalid: 'Invalid',
};
const THEMES = ['dark', 'light'] as const;

type View = 'scorecard' | 'wall';

function scorecardFixture(view: View, overrides: Partial<PanelFixture> = {}): PanelFixture {
  const fixture = loadFixture('scorecard-mixed.json');
  return { ...fixture, ...overrides, options: { ...fixture.options, view } };
}

/** Records any dialog and any call to window.alert, from before the first script runs. */
async function watchForScripts(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    const flag = window as unknown as { alertCalled?: boolean };
    window.alert = () => {
      flag.alertCalled = true;
    };
  });
  return dialogs;
}

async function expectChipsWithWordAndIcon(page: Page) {
  for (const row of await page.getByTestId('okr-kr-summary').all()) {
    const status = (await row.getAttribute('data-status')) ?? '';
    const chip = row.getByTestId('okr-status-chip');
    await expect(chip).toHaveText(STATUS_WORDS[status]);
    // The icon is an inline svg fetched from Grafana's icon folder: present only once it loaded.
    await expect(chip.locator('svg')).toHaveCount(1);
  }
}

for (const theme of THEMES) {
  test(`scorecard, ${theme}: one row per key result, each chip with its word and icon`, async ({ page }) => {
    const report = await renderFixture(page, scorecardFixture('scorecard', { theme }));
    await expect(page.getByTestId('okr-scorecard')).toBeVisible();
    const { keyResults, messages, pageErrors } = await report();
    expect(pageErrors).toEqual([]);
    expect(keyResults.map((kr) => kr.title)).toEqual([
      'MRR to 200',
      'Churn below 3%',
      XSS_TITLE,
      'p95 latency under 250 ms',
      'NPS above 40',
    ]);
    expect(messages.join('\n')).toContain("series 'nps' not found");
    await expectChipsWithWordAndIcon(page);
    const mrr = page.locator('[data-testid="okr-kr-summary"][data-title="MRR to 200"]');
    await expect(mrr.getByTestId('okr-kr-values')).toHaveText('$156 / $200');
    await expect(mrr.getByTestId('okr-days-left')).toHaveText('47 days left');
    await expect(mrr.getByTestId('okr-sparkline')).toBeVisible();
    const latency = page.locator('[data-testid="okr-kr-summary"][data-title="p95 latency under 250 ms"]');
    await expect(latency.getByTestId('okr-breach-ongoing')).toBeVisible();
  });

  test(`wall, ${theme}: type grows with the panel and each key result shows once`, async ({ page, context }) => {
    const fontSizeOf = async (target: Page, width: number, height: number) => {
      const report = await renderFixture(target, scorecardFixture('wall', { theme, width, height }));
      const wall = target.getByTestId('okr-wall');
      await expect(wall).toBeVisible();
      const { keyResults, pageErrors } = await report();
      expect(pageErrors).toEqual([]);
      expect(keyResults).toHaveLength(5);
      await expectChipsWithWordAndIcon(target);
      return wall.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    };
    const small = await fontSizeOf(page, 640, 360);
    const tv = await fontSizeOf(await context.newPage(), 1920, 1080);
    expect(tv).toBeGreaterThan(small);
    // Legible across a room at 1080p: wallLayout gives 48 px for this fixture's 7 lines.
    expect(tv).toBeGreaterThanOrEqual(40);
  });
}

const WRAPPING_TITLE =
  'Checkout error rate below 1% on every payment provider, web and mobile, through the holiday peak';
const CLAMPED_TITLE =
  'Every checkout on every payment provider, web, iOS and Android, completes without a single server error, ' +
  'timeout or retry, measured weekly across all regions and every market we sell in, from the first day of ' +
  'the quarter to the last, including the holiday peak and every planned or unplanned maintenance window';

/** The wall fixture with one title that needs two lines and one too long for three. */
function wallWithLongTitles(overrides: Partial<PanelFixture>): PanelFixture {
  const fixture = scorecardFixture('wall', overrides);
  const objectives = structuredClone(fixture.options.objectives) as Array<{ keyResults: Array<{ title: string }> }>;
  objectives[0].keyResults[1].title = WRAPPING_TITLE;
  objectives[1].keyResults[0].title = CLAMPED_TITLE;
  return { ...fixture, options: { ...fixture.options, objectives } };
}

/** How a title element lays out: its lines, and whether the line clamp hid any of its text. */
function titleLayout(title: HTMLElement) {
  const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
  return { lines: Math.round(title.clientHeight / lineHeight), clipped: title.scrollHeight > title.clientHeight + 1 };
}

for (const theme of THEMES) {
  for (const [width, height] of [
    [1920, 1080],
    [640, 360],
  ]) {
    test(`wall, ${theme}, ${width}×${height}: long titles wrap, only beyond 3 lines are cut, every tile fits inside`, async ({
      page,
    }) => {
      const report = await renderFixture(page, wallWithLongTitles({ theme, width, height }));
      const wall = page.getByTestId('okr-wall');
      await expect(wall).toBeVisible();
      expect((await report()).pageErrors).toEqual([]);
      const tile = (title: string) => page.locator(`[data-testid="okr-kr-summary"][data-title="${title}"]`);
      const wrapping = await tile(WRAPPING_TITLE).getByTestId('okr-kr-title').evaluate(titleLayout);
      expect(wrapping.lines).toBeGreaterThanOrEqual(2);
      expect(wrapping.clipped).toBe(false);
      expect(await tile(CLAMPED_TITLE).getByTestId('okr-kr-title').evaluate(titleLayout)).toEqual({
        lines: 3,
        clipped: true,
      });
      await expect(tile('MRR to 200').getByTestId('okr-days-left')).toHaveText('47 days left');
      // A multi-column box pushes what does not fit into extra columns to the right, so check both edges.
      const wallBox = (await wall.boundingBox())!;
      for (const row of await page.getByTestId('okr-kr-summary').all()) {
        const box = (await row.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(wallBox.x + wallBox.width);
        expect(box.y + box.height).toBeLessThanOrEqual(wallBox.y + wallBox.height);
      }
    });
  }
}

for (const view of ['scorecard', 'wall'] as const) {
  test(`${view}: user text stays inert`, async ({ page }) => {
    const dialogs = await watchForScripts(page);
    const report = await renderFixture(page, scorecardFixture(view));
    await page.waitForLoadState('networkidle');
    const panel = page.getByTestId('sandbox-panel');
    await expect(panel.getByText(XSS_TITLE, { exact: true })).toBeVisible();
    await expect(panel.locator('img')).toHaveCount(0);
    await expect(panel.locator('script')).toHaveCount(0);
    await expect(panel.locator('a[href^="javascript:" i]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { alertCalled?: boolean }).alertCalled)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect((await report()).pageErrors).toEqual([]);
  });
}

test('scorecard: only the safe link is a link, opening in a new tab without the opener', async ({ page }) => {
  await renderFixture(page, scorecardFixture('scorecard'));
  const links = page.getByTestId('okr-kr-link');
  await expect(links).toHaveCount(1);
  await expect(links).toHaveAttribute('href', 'https://example.com/okr/mrr');
  await expect(links).toHaveAttribute('target', '_blank');
  await expect(links).toHaveAttribute('rel', 'noopener noreferrer');
});

test('wall: an ongoing breach pulses, and holds still under prefers-reduced-motion', async ({ page }) => {
  await renderFixture(page, scorecardFixture('wall'));
  const marker = page.getByTestId('okr-breach-ongoing');
  const animation = () => marker.evaluate((element) => getComputedStyle(element).animationName);
  const movingOnWall = () =>
    page
      .getByTestId('okr-wall')
      .evaluate(
        (wall) =>
          Array.from(wall.querySelectorAll('*')).filter((element) => getComputedStyle(element).animationName !== 'none')
            .length
      );
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await animation()).not.toBe('none');
  // The marker is the only thing on the wall that moves.
  expect(await movingOnWall()).toBe(1);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await animation()).toBe('none');
  expect(await movingOnWall()).toBe(0);
});
