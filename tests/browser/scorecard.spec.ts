import { expect, Locator, Page, test } from '@playwright/test';

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
/** The words a reader sees, per core status (src/display/status.ts). */
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

async function expectChipsWithWordAndIcon(page: Page, rows: Locator = page.getByTestId('okr-kr-summary')) {
  for (const row of await rows.all()) {
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
      await expectChipsWithWordAndIcon(target, wall.locator('[data-testid="okr-kr-summary"]:visible'));
      return wall.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    };
    const small = await fontSizeOf(page, 640, 360);
    const tv = await fontSizeOf(await context.newPage(), 1920, 1080);
    expect(tv).toBeGreaterThan(small);
  });
}

/** The smallest font size of any visible text in the element, in px. */
function smallestText(root: HTMLElement): number {
  let smallest = Infinity;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim() || parent.closest('[hidden]') || parent.getClientRects().length === 0) {
      continue;
    }
    smallest = Math.min(smallest, parseFloat(getComputedStyle(parent).fontSize));
  }
  return smallest;
}

/** The 15-key-result company set plus one: 16 key results over five objectives, mixed units and kinds. */
function sixteenKeyResults(overrides: Partial<PanelFixture>): PanelFixture {
  const fixture = loadFixture('company-okrs.json');
  const objectives = structuredClone(fixture.options.objectives) as Array<{
    keyResults: Array<Record<string, unknown>>;
  }>;
  objectives[0].keyResults.push({
    ...objectives[0].keyResults[0],
    id: 'kr-sixteen',
    title: 'Close 60 deals by the end of the year',
  });
  return {
    ...fixture,
    ...overrides,
    options: { ...fixture.options, objectives, view: 'wall', wall: { pageSeconds: 60 } },
  };
}

for (const theme of THEMES) {
  for (const [width, height] of [
    [1920, 1080],
    [600, 400],
  ]) {
    test(`wall, ${theme}, ${width}×${height}: all 16 key results show, on one page or across pages that turn, every tile inside, no text under the floor`, async ({
      page,
    }) => {
      // Pages turn on the page's clock: installed, it turns them when told to, so each page is checked whole.
      await page.clock.install();
      const report = await renderFixture(page, sixteenKeyResults({ theme, width, height }));
      const wall = page.getByTestId('okr-wall');
      await expect(wall).toBeVisible();
      const { keyResults, pageErrors } = await report();
      expect(pageErrors).toEqual([]);
      // Every key result keeps its summary element, on the page shown or not.
      expect(keyResults).toHaveLength(16);
      const pages = Number(await wall.getAttribute('data-pages'));
      const wallBox = (await wall.boundingBox())!;
      const seen = new Set<string>();
      for (let shown = 1; shown <= pages; shown++) {
        if (shown > 1) {
          await page.clock.runFor(60_000);
        }
        await expect(wall).toHaveAttribute('data-page', String(shown));
        if (pages > 1) {
          await expect(page.getByTestId('okr-wall-page')).toHaveText(`${shown}/${pages}`);
        }
        const tiles = wall.locator('[data-testid="okr-kr-summary"]:visible');
        for (const tile of await tiles.all()) {
          seen.add((await tile.getAttribute('data-kr-id')) ?? '');
          const box = (await tile.boundingBox())!;
          expect(box.x + box.width).toBeLessThanOrEqual(wallBox.x + wallBox.width + 0.5);
          expect(box.y + box.height).toBeLessThanOrEqual(wallBox.y + wallBox.height + 0.5);
        }
        await expectChipsWithWordAndIcon(page, tiles);
        const floor = Math.max(12, (height * 24) / 1080);
        expect(await wall.evaluate(smallestText)).toBeGreaterThanOrEqual(floor - 0.5);
      }
      expect(seen.size).toBe(16);
      if (width === 1920) {
        expect(await wall.evaluate(smallestText)).toBeGreaterThanOrEqual(24 - 0.5);
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
