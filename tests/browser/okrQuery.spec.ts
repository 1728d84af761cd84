import { expect, Page, test } from '@playwright/test';

import { loadFixture, renderFixture } from './helpers';

/*
 * Key results from data through the built module in Grafana Scenes. The figures are owned by
 * src/okr/okrQuery.fixtures.test.ts (the same fixtures through the core); the rules by okrTable.test.ts,
 * okrQuery.test.ts and each.test.ts. Here: the figures reach the page, Scenes' own replaceVariables fills
 * the field variables of `each` titles, the OKR table never shows as a KPI, and the editor's controls work.
 */

const summaries = (page: Page) =>
  page
    .getByTestId('okr-kr-summary')
    .evaluateAll((elements) =>
      elements.map((element) => [(element as HTMLElement).dataset.krId, (element as HTMLElement).dataset.title])
    );

const savedOptions = (page: Page) => page.evaluate(() => window.__okrSandbox.options as Record<string, unknown>);

test('a PostgreSQL table of key results joined to PostgreSQL KPI series: every row evaluates, a bad row says which', async ({
  page,
}) => {
  const report = await (await renderFixture(page, loadFixture('okr-query-postgres.json')))();
  expect(report.pageErrors).toEqual([]);
  expect(report.keyResults.map(({ title, status, current, target }) => ({ title, status, current, target }))).toEqual([
    { title: 'MRR to $2.1M (panel options)', status: 'atRisk', current: 1737600, target: 2100000 },
    { title: '1,500 new sign-ups', status: 'onTrack', current: 870, target: 1500 },
    { title: 'MRR up 10% this quarter', status: 'onTrack', current: 1737600, target: 1650000 },
    { title: 'Churn down to 2%', status: 'onTrack', current: 2.54, target: 2 },
    { title: 'Churn never above 3.2%', status: 'onTrack', current: 2.54, target: 3.2 },
    { title: 'p95 under 300 ms in the launch window', status: 'offTrack', current: 330, target: 300 },
    { title: 'p95 within 200–320 ms', status: 'invalid', current: null, target: null },
  ]);
  expect(report.keyResults[5]).toMatchObject({
    periodStart: Date.UTC(2026, 6 /* Jul */, 15),
    periodEnd: Date.UTC(2026, 8 /* Sep */, 15),
    breachCount: 2,
  });
  expect(report.messages).toEqual(
    expect.arrayContaining([
      "query OKRS: column 'updated_at' is not known; ignored",
      "key result id 'kr-mrr' is both in the panel options and in query OKRS (row 1): the options' key result is used",
    ])
  );
  await expect(page.getByText("row 7: target 'abc' is not a number", { exact: false }).first()).toBeVisible();
});

test('the same table as CSV content from TestData (every cell text) gives the same key results', async ({ page }) => {
  const fixture = loadFixture('okr-query-postgres.json');
  const [kpis, table] = fixture.frames as Array<{
    schema: { refId: string; fields: Array<{ name: string }> };
    data: { values: unknown[][] };
  }>;
  const text = (value: unknown, column: string) =>
    value === null
      ? ''
      : column.startsWith('period_')
        ? new Date(Number(value)).toISOString().slice(0, 10)
        : String(value);
  const csv = {
    schema: { refId: 'OKRS', fields: table.schema.fields.map(({ name }) => ({ name, type: 'string' })) },
    data: { values: table.data.values.map((column, i) => column.map((v) => text(v, table.schema.fields[i].name))) },
  };
  const report = await (await renderFixture(page, { ...fixture, frames: [kpis, csv] }))();
  expect(report.pageErrors).toEqual([]);
  expect(report.keyResults.map(({ status, current, target }) => [status, current, target])).toEqual([
    ['atRisk', 1737600, 2100000],
    ['onTrack', 870, 1500],
    ['onTrack', 1737600, 1650000],
    ['onTrack', 2.54, 2],
    ['onTrack', 2.54, 3.2],
    ['offTrack', 330, 300],
    ['invalid', null, null],
  ]);
  expect(report.keyResults[5]).toMatchObject({ periodStart: Date.UTC(2026, 6 /* Jul */, 15) });
});

test('the OKR table is never a KPI: with no key result matched, the chart draws the KPI frames only', async ({
  page,
}) => {
  const fixture = loadFixture('okr-query-postgres.json');
  // Every row names a series that does not exist, so the chart falls back to drawing the frames it has.
  const [kpis, table] = fixture.frames as Array<{ data: { values: unknown[][] } }>;
  const values = table.data.values.map((column, i) => (i === 2 ? column.map(() => 'nope') : column));
  const frames = [kpis, { ...table, data: { values } }];
  await renderFixture(page, { ...fixture, frames, options: { ...fixture.options, objectives: [] } });
  const legendText = (await page.getByTestId('okr-chart').innerText()).split('\n');
  expect(legendText).toEqual(expect.arrayContaining(['mrr', 'churn_pct', 'signups', 'p95_ms']));
  // Read as KPIs, the table's number columns would be drawn: baseline, target_max, weight.
  expect(legendText.filter((line) => /^(baseline|target_max|weight)\b/.test(line))).toEqual([]);
  await expect(
    page.getByText("series 'nope' not found; available: mrr, churn_pct, signups, p95_ms").first()
  ).toBeVisible();
});

test('each over Prometheus frames with a service label: one key result per service, titles filled by Grafana', async ({
  page,
}) => {
  const report = await (await renderFixture(page, loadFixture('each-prometheus.json')))();
  expect(report.pageErrors).toEqual([]);
  expect(report.messages).toEqual([]);
  expect(report.keyResults.map(({ title, status, breachCount }) => ({ title, status, breachCount }))).toEqual([
    { title: 'p95 under 300 ms: api', status: 'onTrack', breachCount: 0 },
    { title: 'p95 under 300 ms: checkout', status: 'offTrack', breachCount: 1 },
    { title: 'p95 under 300 ms: search', status: 'atRisk', breachCount: 1 },
    { title: 'p95 under 300 ms: auth', status: 'onTrack', breachCount: 0 },
  ]);
  expect(await summaries(page)).toEqual([
    ['p95/api {service="api"}', 'p95 under 300 ms: api'],
    ['p95/checkout {service="checkout"}', 'p95 under 300 ms: checkout'],
    ['p95/search {service="search"}', 'p95 under 300 ms: search'],
    ['p95/auth {service="auth"}', 'p95 under 300 ms: auth'],
  ]);
});

test('each ids stay with their series when a refresh returns the series in another order', async ({ page }) => {
  const fixture = loadFixture('each-prometheus.json');
  await renderFixture(page, { ...fixture, frames: [...fixture.frames].reverse() });
  const ids = Object.fromEntries(await summaries(page));
  expect(ids).toEqual({
    'p95/auth {service="auth"}': 'p95 under 300 ms: auth',
    'p95/search {service="search"}': 'p95 under 300 ms: search',
    'p95/checkout {service="checkout"}': 'p95 under 300 ms: checkout',
    'p95/api {service="api"}': 'p95 under 300 ms: api',
  });
});

test('okrQuery naming a refId the data lacks: the panel names the refIds present, never a blank or "Track as key result"', async ({
  page,
}) => {
  const fixture = loadFixture('okr-query-postgres.json');
  const options = { ...fixture.options, okrQuery: { refId: 'OKR' }, objectives: [] };
  const report = await (await renderFixture(page, { ...fixture, options }))();
  expect(report.pageErrors).toEqual([]);
  expect(report.messages).toEqual(["okrQuery: no frame has refId 'OKR'; the data has refIds A, OKRS"]);
  await expect(page.getByRole('button', { name: 'Track as key result' })).toHaveCount(0);
});

test('the editor: picking the table query turns its rows into key results and takes it out of the series', async ({
  page,
}) => {
  const fixture = loadFixture('okr-query-postgres.json');
  const { okrQuery: _okrQuery, ...options } = fixture.options;
  await renderFixture(page, { ...fixture, options: { ...options, objectives: [] } }, 'editor=1');
  // Without okrQuery the table (it has time columns) reads as a long frame: each row's weight is a "series".
  const offered = page.getByTestId('okr-track-series').getByRole('list', { name: 'Series' });
  await expect(offered.getByText(/^weight \{/).first()).toBeVisible();

  const box = page.getByRole('combobox', { name: 'OKR table query (refId)', exact: true });
  await box.click();
  await page.getByRole('option', { name: /^OKRS/ }).click();

  await expect(page.getByTestId('okr-kr-summary')).toHaveCount(7);
  await expect(page.getByText('7 rows of query OKRS read as key results')).toBeVisible();
  await expect(page.getByTestId('okr-track-series')).toHaveCount(0);
  expect((await savedOptions(page)).okrQuery).toEqual({ refId: 'OKRS' });

  // A new key result's Series offers the KPI series, not the table's columns.
  await page.getByRole('button', { name: 'Add objective' }).click();
  await page.getByRole('button', { name: 'Add key result' }).last().click();
  await page.getByRole('button', { name: /New key result/ }).click();
  await page.getByRole('combobox', { name: 'Series', exact: true }).click();
  const offeredSeries = await page.getByRole('option').allInnerTexts();
  expect(offeredSeries.map((text) => text.split('\n')[0])).toEqual(['mrr', 'churn_pct', 'signups', 'p95_ms']);
});

test('the editor: "One key result per matching series" expands and folds a key result', async ({ page }) => {
  await renderFixture(page, loadFixture('each-prometheus.json'), 'editor=1');
  await expect(page.getByTestId('okr-kr-summary')).toHaveCount(4);
  await page
    .getByRole('button', { name: /p95 under 300 ms/ })
    .first()
    .click();
  await expect(page.getByText('one key result each (4): api, checkout, search, auth')).toBeVisible();
  const each = page.getByRole('switch', { name: 'One key result per matching series', exact: true });
  await expect(each).toBeChecked();

  await each.click({ force: true });
  await expect(page.getByTestId('okr-kr-summary')).toHaveCount(1);
  expect((await savedOptions(page)).objectives).toMatchObject([{ keyResults: [{ id: 'p95', series: '/.*/' }] }]);
  expect(JSON.stringify((await savedOptions(page)).objectives)).not.toContain('"each"');
});
