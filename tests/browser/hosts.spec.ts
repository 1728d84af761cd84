import { expect, test } from '@playwright/test';

import { BOTH_HOSTS, grafanaLine, loadFixture, renderFixture } from './helpers';

/*
 * What every Grafana line the sandbox hosts must show (both projects run these; see tests/playwright.config.ts):
 * each view of the panel, and a dashboard variable change reaching the panel. The page says which line it is:
 * the grafana13 project must really run on Grafana 13 and React 19, not fall back to the root's packages.
 */

const REACT_MAJOR: Record<string, string> = { '12': '18', '13': '19' };

/** tests/fixtures/views: each view, and the layout the panel chooses for it at the fixture's size. */
const VIEWS: Array<{ file: string; layout: string; root: string }> = [
  { file: 'chart-light.json', layout: 'chart', root: 'okr-chart' },
  { file: 'combined-dark.json', layout: 'combined', root: 'okr-scorecard' },
  { file: 'scorecard-light.json', layout: 'scorecard', root: 'okr-scorecard' },
  { file: 'wall-dark.json', layout: 'wall', root: 'okr-wall' },
  { file: 'wall-light.json', layout: 'wall', root: 'okr-wall' },
];

for (const { file, layout, root } of VIEWS) {
  test(
    `views/${file}: the ${layout} view renders every key result, with no error`,
    { tag: BOTH_HOSTS },
    async ({ page }) => {
      const fixture = loadFixture(`views/${file}`);
      const report = await renderFixture(page, fixture);
      await expect(page.getByTestId('okr-panel')).toHaveAttribute('data-layout', layout);
      await expect(page.getByTestId(root)).toBeVisible();
      if (layout === 'chart' || layout === 'combined') {
        await expect(page.getByTestId('okr-chart').locator('canvas').first()).toBeVisible();
      } else {
        // Status icons are fetched from the hosted line's icon folder: drawn only once they loaded.
        for (const chip of await page.getByTestId('okr-status-chip').all()) {
          await expect(chip.locator('svg')).toHaveCount(1);
        }
      }
      const { keyResults, pageErrors, host } = await report();
      expect(pageErrors).toEqual([]);
      const titles = (fixture.options.objectives as Array<{ keyResults: Array<{ title: string }> }>).flatMap(
        (objective) => objective.keyResults.map((kr) => kr.title)
      );
      expect(keyResults.map((kr) => kr.title)).toEqual(titles);
      expect(keyResults.every((kr) => kr.status !== '' && kr.status !== 'invalid')).toBe(true);
      const line = grafanaLine();
      expect(host?.grafana.split('.')[0], 'the Grafana version the page boots with').toBe(line);
      expect(host?.react.split('.')[0], 'the React the page runs').toBe(REACT_MAJOR[line]);
    }
  );
}

test(
  'a dashboard variable changed in the variable picker reaches the key result title',
  { tag: BOTH_HOSTS },
  async ({ page }) => {
    const fixture = loadFixture('mrr-q3.json');
    const objectives = structuredClone(fixture.options.objectives) as Array<{ keyResults: Array<{ title: string }> }>;
    objectives[0].keyResults[0].title = 'MRR in $region to 200';
    const report = await renderFixture(page, {
      ...fixture,
      options: { ...fixture.options, objectives },
      variables: { region: { value: 'eu', options: ['eu', 'us'], label: 'Region' } },
    });
    const summary = page.getByTestId('okr-kr-summary');
    await expect(summary).toHaveAttribute('data-title', 'MRR in eu to 200');
    // The variable's drop-down in the dashboard's variable bar (Grafana's e2e selector for a variable). Scenes 8
    // also labels the combobox "Region"; Scenes 6.57 does not, so the test finds it through its bar item.
    const variable = page.getByTestId('data-testid template variable').filter({ hasText: 'Region' });
    await variable.getByRole('combobox').click();
    await page.getByRole('option', { name: 'us', exact: true }).click();
    await expect(summary).toHaveAttribute('data-title', 'MRR in us to 200');
    // Only the title depends on the variable: the numbers stay.
    await expect(summary).toHaveAttribute('data-current', '154');
    expect((await report()).pageErrors).toEqual([]);
  }
);
