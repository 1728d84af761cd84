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
