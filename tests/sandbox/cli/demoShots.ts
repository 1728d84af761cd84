/**
 * Screenshots of the demo dashboard for the README: `tsx tests/sandbox/cli/demoShots.ts` (part of
 * `npm run screenshots`). The dashboard at 1600×1000, dark, one image per row: src/img/demo-ops.png (with the
 * dashboard's controls above it), demo-wall.png and demo-analyst.png. The page's clock starts two thirds into
 * the current quarter (`?now=`), so the history, and with it every status, is the same on each run within a
 * quarter; the live points of the few seconds the page runs move the last digits only.
 */
import path from 'node:path';

import { Page } from 'playwright-core';

import { waitForIcons, waitForSandbox } from '../browser';
import { currentQuarter } from '../host/demoKpis';
import { ROOT } from '../server';
import { runCommand, withSandboxBrowser } from './session';

const OUT = path.join(ROOT, 'src/img');
const HOUR = 3600_000;
const ROWS = [
  { title: 'Ops', file: 'demo-ops.png', withControls: true },
  { title: 'Executive wall', file: 'demo-wall.png', withControls: false },
  { title: 'Analyst', file: 'demo-analyst.png', withControls: false },
];

/** Two thirds into the current quarter, on the hour. */
function screenshotNow(): string {
  const { start, end } = currentQuarter(Date.now());
  return new Date(start + Math.round(((end - start) * 2) / 3 / HOUR) * HOUR).toISOString();
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The row's header and its panels' grid cells, in viewport coordinates, after scrolling the row to the top. */
async function rowBox(page: Page, title: string, withControls: boolean): Promise<Box> {
  return page.evaluate(
    ({ title, withControls }) => {
      const cells = [...document.querySelectorAll<HTMLElement>('[data-griditem-key]')];
      const tops = cells.map((cell) => cell.getBoundingClientRect().top + window.scrollY);
      const rowIndex = cells.findIndex((cell) => cell.dataset.griditemKey === `row-${title}`);
      const nextRowTop = Math.min(
        ...cells
          .map((cell, index) => ({ cell, top: tops[index] }))
          .filter(({ cell, top }) => cell.dataset.griditemKey!.startsWith('row-') && top > tops[rowIndex])
          .map(({ top }) => top),
        Infinity
      );
      const inRow = cells.filter((_, index) => tops[index] >= tops[rowIndex] && tops[index] < nextRowTop);
      // Half of the grid's 8 px gap: the image holds this row and nothing of its neighbours.
      const margin = 4;
      window.scrollTo(0, withControls ? 0 : tops[rowIndex] - margin);
      const rects = inRow.map((cell) => cell.getBoundingClientRect());
      const top = withControls ? 0 : Math.min(...rects.map((rect) => rect.top)) - margin;
      const bottom = Math.max(...rects.map((rect) => rect.bottom)) + margin;
      return { x: 0, y: Math.max(0, top), width: document.documentElement.clientWidth, height: bottom - top };
    },
    { title, withControls }
  );
}

async function main(): Promise<void> {
  await withSandboxBrowser(async (sandboxUrl, browser) => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${sandboxUrl}/?demo&now=${screenshotNow()}`);
    await waitForSandbox(page);
    // Icons (status chips, the panels' streaming dots) load after the first render.
    await page.waitForLoadState('networkidle');
    await waitForIcons(page);
    for (const { title, file, withControls } of ROWS) {
      const clip = await rowBox(page, title, withControls);
      // Two frames after scrolling, so nothing is caught mid-paint.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.screenshot({ path: path.join(OUT, file), clip });
    }
  });
}

runCommand(main);
