/**
 * The README's view gallery: `tsx tests/sandbox/cli/viewShots.ts` (part of `npm run screenshots`). Every view
 * of the realistic 15-key-result set (tests/fixtures/company-okrs.json: five objectives, counts, currency,
 * percentages, ms) in both themes, at a large and a small size, through the built dist/module.js:
 * src/img/views/<view>-<theme>-<size>.png. One sandbox and one browser for all of them.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { collectPageErrors, openFixture, waitForIcons } from '../browser';
import { ROOT } from '../server';
import { runCommand, withSandboxBrowser } from './session';

const OUT = path.join(ROOT, 'src/img/views');
const FIXTURE = path.join(ROOT, 'tests/fixtures/company-okrs.json');

interface Size {
  width: number;
  height: number;
}

/** Each view at the size it is usually given on a dashboard, and at a small panel's size. */
export const GALLERY: ReadonlyArray<{ view: string; large: Size; small: Size }> = [
  { view: 'auto', large: { width: 1600, height: 900 }, small: { width: 800, height: 450 } },
  { view: 'chart', large: { width: 1600, height: 800 }, small: { width: 600, height: 400 } },
  { view: 'scorecard', large: { width: 1200, height: 800 }, small: { width: 500, height: 400 } },
  { view: 'wall', large: { width: 1920, height: 1080 }, small: { width: 960, height: 540 } },
];
const THEMES = ['dark', 'light'] as const;

async function main(): Promise<void> {
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  mkdirSync(OUT, { recursive: true });
  await withSandboxBrowser(async (sandboxUrl, browser) => {
    for (const { view, large, small } of GALLERY) {
      for (const theme of THEMES) {
        for (const [sizeName, size] of Object.entries({ large, small })) {
          const page = await browser.newPage({ viewport: { width: size.width + 40, height: size.height + 40 } });
          const errors = collectPageErrors(page);
          await openFixture(page, sandboxUrl, {
            ...fixture,
            options: { ...fixture.options, view },
            theme,
            ...size,
          });
          await waitForIcons(page);
          if (errors.length > 0) {
            throw new Error(`${view} ${theme} ${sizeName}: ${errors.join('; ')}`);
          }
          const file = path.join(OUT, `${view}-${theme}-${sizeName}.png`);
          await page.getByTestId('sandbox-panel').screenshot({ path: file });
          console.log(path.relative(ROOT, file));
          await page.close();
        }
      }
    }
  });
}

runCommand(main);
