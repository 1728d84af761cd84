import { forecast, fitLine } from './forecast';
import { DAY, evenSeries, seriesOf } from './testUtils';

const T0 = Date.UTC(2026, 6 /* Jul */, 1);

describe('least-squares forecast to the period end', () => {
  test('the worked example: 10, 12, 14 over days 0–2 → 30 at day 10', () => {
    const series = evenSeries(T0, DAY, [10, 12, 14]);
    const result = forecast({
      series,
      window: { from: 0, to: 3 },
      periodEnd: T0 + 10 * DAY,
      asOf: T0 + 2 * DAY,
      goal: { baseline: 10, target: 40, current: 14 },
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toBeCloseTo(30, 9);
      expect(result.progress).toBeCloseTo(20 / 30, 12);
      expect(result.requiredPerDay).toBeCloseTo(3.25, 12);
      expect(result.slopePerMs * DAY).toBeCloseTo(2, 12);
      expect(result.intercept).toBeCloseTo(10, 9);
      expect([result.from, result.to, result.points]).toEqual([T0, T0 + 10 * DAY, 3]);
    }
  });

  test.each`
    name                           | values                 | residualStd
    ${'the worked example'}        | ${[10, 13, 14]}        | ${Math.sqrt(2 / 3)}
    ${'points on a line'}          | ${[10, 12, 14, 16]}    | ${0}
    ${'large values, small noise'} | ${[2e6, 2e6 + 1, 2e6]} | ${Math.sqrt(2 / 3)}
  `('$name: residual standard deviation $residualStd', ({ values, residualStd }) => {
    const fit = fitLine(evenSeries(T0, DAY, values), { from: 0, to: values.length });
    expect(fit.ok && fit.residualStd).toBeCloseTo(residualStd, 9);
  });

  test.each`
    name                   | values                      | slopePerDay | intercept
    ${'noisy line'}        | ${[1, 3, 2, 4]}             | ${0.8}      | ${1.3}
    ${'flat'}              | ${[5, 5, 5]}                | ${0}        | ${5}
    ${'nulls are skipped'} | ${[10, null, 14, null, 18]} | ${2}        | ${10}
    ${'decreasing'}        | ${[100, 90, 80]}            | ${-10}      | ${100}
  `('$name: slope $slopePerDay/day, intercept $intercept', ({ values, slopePerDay, intercept }) => {
    const fit = fitLine(evenSeries(T0, DAY, values), { from: 0, to: values.length });
    expect(fit.ok).toBe(true);
    if (fit.ok) {
      expect(fit.slopePerMs * DAY).toBeCloseTo(slopePerDay, 9);
      expect(fit.intercept).toBeCloseTo(intercept, 9);
    }
  });

  test.each`
    values                | reason
    ${[]}                 | ${'too few points to forecast (0 of 3)'}
    ${[1]}                | ${'too few points to forecast (1 of 3)'}
    ${[1, 2]}             | ${'too few points to forecast (2 of 3)'}
    ${[1, null, 2, null]} | ${'too few points to forecast (2 of 3)'}
  `('$values → $reason', ({ values, reason }) => {
    const result = forecast({
      series: evenSeries(T0, DAY, values),
      window: { from: 0, to: values.length },
      periodEnd: T0 + 10 * DAY,
      asOf: T0 + 2 * DAY,
      goal: null,
    });
    expect(result).toEqual({ ok: false, reason });
  });

  test('no run-rate once the period is over, and none for stay kinds', () => {
    const series = seriesOf([T0, T0 + DAY, T0 + 2 * DAY], [1, 2, 3]);
    const ended = forecast({
      series,
      window: { from: 0, to: 3 },
      periodEnd: T0 + 2 * DAY,
      asOf: T0 + 2 * DAY,
      goal: { baseline: 1, target: 5, current: 3 },
    });
    const stay = forecast({
      series,
      window: { from: 0, to: 3 },
      periodEnd: T0 + 5 * DAY,
      asOf: T0 + 2 * DAY,
      goal: null,
    });
    expect(ended.ok && ended.requiredPerDay).toBeNull();
    expect(stay.ok && [stay.progress, stay.requiredPerDay]).toEqual([null, null]);
  });

  test('millisecond timestamps over a quarter with 1M points stay accurate', () => {
    const n = 1_000_000;
    const step = (92 * DAY) / n;
    const times = new Float64Array(n);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      times[i] = T0 + i * step;
      values[i] = 1000 + (3 * (i * step)) / DAY;
    }
    const fit = fitLine({ times, values, hasMissing: false, gapMs: Infinity, lineage: {} }, { from: 0, to: n });
    expect(fit.ok && fit.slopePerMs * DAY).toBeCloseTo(3, 6);
  });
});
