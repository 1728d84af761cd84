import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createModel } from '../src/model.js';
import { sampleTimes, weeks } from '../src/openmetrics.js';
import { kpiRows } from '../src/rows.js';
import { createSampler } from '../src/series.js';

const START = Date.UTC(2026, 9 /* Oct */, 1);
const T = START / 1000 + 2 * 86400 + 12345;

test('the same seed and start give the same values; another seed others', () => {
  const a = createSampler(createModel({ seed: 1, start: START })).valuesAt(T);
  const b = createSampler(createModel({ seed: 1, start: START })).valuesAt(T);
  const c = createSampler(createModel({ seed: 2, start: START })).valuesAt(T);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('a counter read after a jump back equals the one read going forward', () => {
  const sampler = createSampler(createModel({ seed: 1, start: START }));
  const forward = sampler.valuesAt(T);
  sampler.valuesAt(T + 86400);
  assert.deepEqual(sampler.valuesAt(T), forward);
});

test('counters grow at the model rate: requests over a minute ≈ rps × 60', () => {
  const model = createModel({ seed: 1, start: START });
  const sampler = createSampler(model);
  const index = sampler.series.findIndex((s) => s.sample === 'http_request_duration_seconds_count' && s.labels.service === 'api');
  const t = Math.floor(T / 60) * 60;
  const increase = sampler.valuesAt(t + 60)[index] - sampler.valuesAt(t)[index];
  assert.ok(Math.abs(increase - model.service({ name: 'api', rps: 120, p95Ms: 180, driftMsPerDay: 0 }, t).rps * 60) < 1e-6);
});

test('histogram buckets are cumulative: each le holds at least the one below, +Inf equals count', () => {
  const sampler = createSampler(createModel({ seed: 1, start: START }));
  const values = sampler.valuesAt(T);
  const buckets = sampler.series.map((s, i) => ({ ...s, value: values[i] })).filter((s) => s.labels.service === 'search');
  const les = buckets.filter((s) => s.sample.endsWith('_bucket')).map((s) => s.value);
  les.slice(1).forEach((value, i) => assert.ok(value >= les[i]));
  assert.equal(les.at(-1), buckets.find((s) => s.sample.endsWith('_count')).value);
});

test('incidents are scheduled: a quarter has some of each kind, and an incident raises p95 or errors', () => {
  const model = createModel({ seed: 1, start: START });
  const incidents = model.incidentsBetween(START / 1000, START / 1000 + 91 * 86400);
  assert.deepEqual(new Set(incidents.map((i) => i.kind)), new Set(['latency', 'errors', 'outage']));
  const latency = incidents.find((i) => i.kind === 'latency');
  const spec = { name: latency.service, rps: 1, p95Ms: 200, driftMsPerDay: 0 };
  const during = model.service(spec, latency.from + 60);
  assert.ok(during.p95Ms > 400, `p95 ${during.p95Ms} during a latency incident`);
});

test('PostgreSQL rows: 7 business KPIs and 4 per service, at the same instant', () => {
  const rows = kpiRows(createModel({ seed: 1, start: START }), T);
  assert.equal(rows.length, 7 + 4 * 4);
  assert.ok(rows.every((r) => Number.isFinite(r.value) && r.time.getTime() === T * 1000));
});

test('backfill times: weekly spans, coarse then fine steps', () => {
  assert.equal(weeks(0, 15 * 86400).length, 3);
  const times = sampleTimes({ from: 0, to: 7200, step: 300, fineStep: 60, fineSeconds: 600 });
  assert.equal(times[1] - times[0], 300);
  assert.equal(times.at(-1) - times.at(-2), 60);
  assert.equal(times.at(-1), 7140);
});
