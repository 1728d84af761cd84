/**
 * Screenshots of the options editor for the README: `tsx tests/sandbox/cli/editorShots.ts` (part of
 * `npm run screenshots`). The realistic 15-key-result set, one key result open, dark and light, at the two
 * widths of Grafana's options pane we design for (360 and 560 px), plus the import preview of a pasted TSV.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Page } from 'playwright-core';

import { openFixture } from '../browser';
import { ROOT } from '../server';
import { runCommand, withSandboxBrowser } from './session';

const OUT = path.join(ROOT, 'src/img');

async function showEditor(page: Page, width: number): Promise<void> {
  await page.addStyleTag({ content: `[data-testid="sandbox-options-editor"] { width: ${width}px !important; }` });
  await page
    .getByRole('button', { name: /Reach 20,000 sign-ups/ })
    .first()
    .click();
}

async function main(): Promise<void> {
  const fixture = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/company-okrs.json'), 'utf8'));
  await withSandboxBrowser(async (sandboxUrl, browser) => {
    for (const theme of ['dark', 'light'] as const) {
      for (const width of [360, 560]) {
        const page = await browser.newPage({ viewport: { width: 1000 + width, height: 1200 } });
        await openFixture(page, sandboxUrl, { ...fixture, theme, width: 900, height: 600 }, 'editor=1');
        await showEditor(page, width);
        await page
          .getByTestId('sandbox-options-editor')
          .screenshot({ path: path.join(OUT, `editor-${theme}-${width}.png`) });
        await page.close();
      }
    }
    const page = await browser.newPage({ viewport: { width: 1560, height: 1200 } });
    await openFixture(page, sandboxUrl, { ...fixture, theme: 'dark', width: 900, height: 600 }, 'editor=1');
    await page.addStyleTag({ content: '[data-testid="sandbox-options-editor"] { width: 560px !important; }' });
    await page.getByRole('button', { name: 'Import' }).click();
    const tsv = readFileSync(path.join(ROOT, 'tests/fixtures/import-three.tsv'), 'utf8');
    await page.getByRole('textbox', { name: 'Paste OKRs' }).fill(tsv);
    await page.getByRole('region', { name: 'Import preview' }).waitFor();
    await page.getByTestId('sandbox-options-editor').screenshot({ path: path.join(OUT, 'editor-import-dark-560.png') });
  });
}

runCommand(main);
