/**
 * @grafana/plugin-e2e tests against the compose stack (`npm run e2e`; see README "Run it in a real Grafana").
 * Each provisioned dashboard opens in a real Grafana with the built plugin and live data from kpi-sim:
 * every OKR Overlay panel renders, its key results carry a status (data-status) and none says it has no data.
 * The exact arithmetic is owned by the unit tests (src/okr/*.test.ts); these check the wiring: datasources,
 * provisioning, queries, the plugin loading unsigned.
 */
import { expect, test } from '@grafana/plugin-e2e';

import { testIds } from '../../src/selectors';

const STATUSES = /^(notStarted|onTrack|atRisk|offTrack|achieved|missed)$/;

async function keyResults(panel: { locator: import('@playwright/test').Locator }) {
  const summaries = panel.locator.getByTestId(testIds.keyResultSummary);
  await expect(summaries.first()).toBeVisible({ timeout: 30_000 });
  return summaries;
}

test('Ops: one key result per service on the latency panel, live', async ({
  gotoDashboardPage,
  readProvisionedDashboard,
}) => {
  const dashboard = await readProvisionedDashboard({ fileName: 'ops.json' });
  const page = await gotoDashboardPage(dashboard);
  const panel = page.getPanelByTitle('p95 latency per service');
  const summaries = await keyResults(panel);
  await expect(summaries).toHaveCount(4);
  for (const service of ['api', 'checkout', 'search', 'auth']) {
    await expect(panel.locator.locator(`[data-title="p95 under 400 ms: ${service}"]`).first()).toBeAttached();
  }
  await expect(panel.locator.getByTestId(testIds.chart)).toBeVisible();
});

test('Executive wall: every company key result has a status', async ({
  gotoDashboardPage,
  readProvisionedDashboard,
}) => {
  const dashboard = await readProvisionedDashboard({ fileName: 'executive-wall.json' });
  const page = await gotoDashboardPage(dashboard);
  const panel = page.getPanelByTitle('Company OKRs this quarter');
  await expect(panel.locator.getByTestId('okr-wall')).toBeVisible({ timeout: 30_000 });
  const summaries = await keyResults(panel);
  await expect(summaries).toHaveCount(7);
  for (const status of await summaries.evaluateAll((els) => els.map((el) => el.getAttribute('data-status')))) {
    expect(status).toMatch(STATUSES);
    expect(status).not.toBe('noData');
  }
});

test('Analyst: a panel per key-result kind, each evaluated', async ({
  gotoDashboardPage,
  readProvisionedDashboard,
}) => {
  const dashboard = await readProvisionedDashboard({ fileName: 'analyst.json' });
  const page = await gotoDashboardPage(dashboard);
  for (const title of [
    'increase: MRR up 15% this quarter',
    'decrease: churn down to 3%',
    'stayAbove: conversion at least 3%',
    'stayBelow: first support reply under 45 min',
    'stayWithin: churn within 2–4.5%',
  ]) {
    const summaries = await keyResults(page.getPanelByTitle(title));
    await expect(summaries.first()).not.toHaveAttribute('data-status', 'noData');
  }
});

test('OKRs from PostgreSQL: rows become key results, check-ins reach the manual ones', async ({
  gotoDashboardPage,
  readProvisionedDashboard,
}) => {
  const dashboard = await readProvisionedDashboard({ fileName: 'okrs-from-postgres.json' });
  const page = await gotoDashboardPage(dashboard);
  const panel = page.getPanelByTitle('Company OKRs (okr_key_results, okr_check_ins)');
  const summaries = await keyResults(panel);
  await expect(summaries).toHaveCount(9);
  const partners = panel.locator.locator('[data-kr-id="kr-partners"]').first();
  await expect(partners).toHaveAttribute('data-manual', 'true');
  await expect(partners).not.toHaveAttribute('data-check-in-count', '0');
});

test('Analyst: editing a target in panel edit changes what the panel judges', async ({
  gotoPanelEditPage,
  readProvisionedDashboard,
}) => {
  const dashboard = await readProvisionedDashboard({ fileName: 'analyst.json' });
  const panelEdit = await gotoPanelEditPage({ dashboard, id: '1' });
  const summary = panelEdit.panel.locator.locator('[data-kr-id="mrr"]').first();
  await expect(summary).toBeAttached({ timeout: 30_000 });
  const before = await summary.getAttribute('data-target');
  // The options pane's objectives editor (src/editor/objectives): open the key result, type a new target.
  const page = panelEdit.ctx.page;
  await page
    .getByRole('button', { name: /MRR up 15%/ })
    .first()
    .click();
  const target = page.getByRole('textbox', { name: 'Target', exact: true });
  await target.fill('2500000');
  await target.blur();
  await expect(summary).toHaveAttribute('data-target', '2500000');
  expect(before).not.toBe('2500000');
});
