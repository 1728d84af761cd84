/**
 * The panel fixtures of key results from data, evaluated by the core: this file owns the figures that
 * tests/browser/okrQuery.spec.ts checks reach the rendered panel.
 */
import { dataFrameFromJSON, type DataFrameJSON } from '@grafana/data';
import fs from 'fs';
import path from 'path';
import { evaluate } from './evaluate';
import type { PanelModel } from './model';

const FIXTURES = path.resolve(__dirname, '../../tests/fixtures');

function evaluateFixture(name: string): PanelModel {
  const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
  const now = Date.parse(fixture.now);
  return evaluate({
    options: fixture.options,
    frames: fixture.frames.map((frame: DataFrameJSON) => dataFrameFromJSON(frame)),
    timeRange: { from: Date.parse(fixture.timeRange.from), to: Date.parse(fixture.timeRange.to) },
    timeZone: fixture.timeZone,
    now,
  });
}

describe('okr-query-postgres.json: a PostgreSQL table of key results joined to PostgreSQL KPI series', () => {
  const model = evaluateFixture('okr-query-postgres.json');
  const keyResults = model.objectives.flatMap((objective) => objective.keyResults);
  const byId = Object.fromEntries(keyResults.map((kr) => [kr.id, kr]));

  test('objectives from the objective column, the options objective first with the rows of its title', () => {
    expect(model.objectives.map((objective) => [objective.title, objective.keyResults.map((kr) => kr.id)])).toEqual([
      ['Grow revenue', ['kr-mrr', 'kr-signups', 'kr-mrr-10']],
      ['Keep customers', ['kr-churn', 'kr-churn-cap']],
      ['Reliability', ['kr-p95', 'kr-p95-band']],
    ]);
  });

  test('panel messages: the unknown column and the id in both places', () => {
    expect(model.messages).toEqual([
      "query OKRS: column 'updated_at' is not known; ignored",
      "key result id 'kr-mrr' is both in the panel options and in query OKRS (row 1): the options' key result is used",
    ]);
  });

  test.each`
    id                | status       | current      | baseline     | target       | progress
    ${'kr-mrr'}       | ${'atRisk'}  | ${1_737_600} | ${1_500_000} | ${2_100_000} | ${237_600 / 600_000}
    ${'kr-signups'}   | ${'onTrack'} | ${870}       | ${0}         | ${1500}      | ${870 / 1500}
    ${'kr-mrr-10'}    | ${'onTrack'} | ${1_737_600} | ${1_500_000} | ${1_650_000} | ${237_600 / 150_000}
    ${'kr-churn'}     | ${'onTrack'} | ${2.54}      | ${3}         | ${2}         | ${0.46}
    ${'kr-churn-cap'} | ${'onTrack'} | ${2.54}      | ${3}         | ${3.2}       | ${1}
  `('$id: $status, $current of $target', ({ id, status, current, baseline, target, progress }) => {
    expect(byId[id]).toMatchObject({ status, current, baseline, target });
    expect(byId[id].progress).toBeCloseTo(progress, 12);
  });

  test('period_from / period_to DATE cells are the custom period Jul 15 → Sep 15; two breaches, one ongoing', () => {
    expect(byId['kr-p95']).toMatchObject({
      status: 'offTrack',
      period: { start: Date.UTC(2026, 6 /* Jul */, 15), end: Date.UTC(2026, 8 /* Sep */, 15) },
      breachCount: 2,
      ongoingBreach: true,
    });
  });

  test("the row whose target is 'abc' is invalid and names row 7; it has its owner and period still", () => {
    expect(byId['kr-p95-band']).toMatchObject({ status: 'invalid', owner: 'Dana' });
    expect(byId['kr-p95-band'].messages).toEqual([
      "row 7: target 'abc' is not a number: write a number, +15% / -10% of the baseline, or +50 / -20 from it",
    ]);
  });
});

describe('each-prometheus.json: one key result per Prometheus series with a service label', () => {
  const model = evaluateFixture('each-prometheus.json');

  test('one key result per service, ids from name and labels, each with its own status and breaches', () => {
    expect(model.objectives[0].keyResults.map((kr) => [kr.id, kr.status, kr.breachCount, kr.ongoingBreach])).toEqual([
      ['p95/api {service="api"}', 'onTrack', 0, false],
      ['p95/checkout {service="checkout"}', 'offTrack', 1, true],
      ['p95/search {service="search"}', 'atRisk', 1, false],
      ['p95/auth {service="auth"}', 'onTrack', 0, false],
    ]);
    expect(model.objectives[0].status).toBe('offTrack');
    expect(model.messages).toEqual([]);
  });
});

describe('views/okr-query-dark.json: 15 key results from a table, KPIs from PostgreSQL and Prometheus', () => {
  test('every key result evaluates; the each row makes one per service', () => {
    const model = evaluateFixture('views/okr-query-dark.json');
    const keyResults = model.objectives.flatMap((objective) => objective.keyResults);
    expect(keyResults).toHaveLength(15);
    expect(keyResults.filter((kr) => kr.status === 'invalid' || kr.status === 'noData')).toEqual([]);
    expect(keyResults.filter((kr) => kr.id.startsWith('kr-p95/')).map((kr) => kr.seriesName)).toEqual([
      'api',
      'checkout',
      'search',
      'auth',
    ]);
    expect(model.messages).toEqual([]);
  });
});
