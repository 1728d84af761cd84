/** Invariants checked over random inputs (fast-check); the exact values live in the per-rule tests. */
import { dateTimeForTimeZone } from '@grafana/data';
import fc from 'fast-check';
import { findBreaches, targetBounds } from './breaches';
import { evaluate } from './evaluate';
import { resolvePeriod, type PeriodContext } from './period';
import { progressOf } from './progress';
import { extractSeries } from './extract';
import { DAY, MINUTE, Q3_START, frameOf } from './testUtils';

const ZONES = [
  'utc',
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Asia/Kathmandu',
  'Pacific/Chatham',
];

/** Random series: increasing times with uneven steps (some long enough to be gaps), values with nulls. */
const randomSeries = fc
  .array(
    fc.record({
      step: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1000, max: 5000 })),
      value: fc.option(fc.integer({ min: -50, max: 150 }), { nil: null, freq: 8 }),
    }),
    { minLength: 1, maxLength: 120 }
  )
  .map((points) => {
    let time = Q3_START;
    const times: number[] = [];
    const values: Array<number | null> = [];
    for (const point of points) {
      time += point.step * 1000;
      times.push(time);
      values.push(point.value);
    }
    return { times, values };
  });

const randomBounds = fc.oneof(
  fc.record({
    kind: fc.constant('stayAbove' as const),
    target: fc.integer({ min: -20, max: 120 }),
    targetMax: fc.constant(null),
  }),
  fc.record({
    kind: fc.constant('stayBelow' as const),
    target: fc.integer({ min: -20, max: 120 }),
    targetMax: fc.constant(null),
  }),
  fc
    .tuple(fc.integer({ min: -20, max: 120 }), fc.integer({ min: 0, max: 60 }))
    .map(([target, width]) => ({ kind: 'stayWithin' as const, target, targetMax: target + width }))
);

describe('breach invariants', () => {
  test('breaches are sorted, disjoint, non-negative and inside the data span', () => {
    fc.assert(
      fc.property(
        randomSeries,
        randomBounds,
        fc.integer({ min: 0, max: 300 }),
        ({ times, values }, spec, minDurationSeconds) => {
          const series = extractSeries(times, values);
          const bounds = targetBounds({ ...spec, criticalRatio: 0.15 })!;
          const last = series.times[series.times.length - 1];
          const breaches = findBreaches({
            series,
            window: { from: 0, to: series.times.length },
            bounds,
            asOf: last,
            minDurationSeconds,
          });
          breaches.forEach((breach, i) => {
            expect(breach.start).toBeLessThanOrEqual(breach.end);
            expect(breach.start).toBeGreaterThanOrEqual(series.times[0]);
            expect(breach.end).toBeLessThanOrEqual(last);
            expect(breach.durationSeconds).toBeGreaterThanOrEqual(minDurationSeconds);
            if (i > 0) {
              expect(breach.start).toBeGreaterThanOrEqual(breaches[i - 1].end);
            }
          });
        }
      )
    );
  });

  test('total breach time of a stay KR never exceeds the elapsed period time', () => {
    fc.assert(
      fc.property(
        randomSeries,
        randomBounds,
        fc.integer({ min: 0, max: 200_000 }),
        ({ times, values }, spec, elapsedSeconds) => {
          const now = Q3_START + elapsedSeconds * 1000;
          const model = evaluate({
            options: {
              objectives: [{ title: 'o', keyResults: [{ title: 'k', series: 'load', period: '2026-Q3', ...spec }] }],
            },
            frames: [frameOf({ name: 'load', times, values })],
            timeRange: { from: Q3_START, to: Q3_START + 92 * DAY },
            timeZone: 'utc',
            now,
          });
          const kr = model.objectives[0].keyResults[0];
          expect(kr.breachSeconds * 1000).toBeLessThanOrEqual(now - Q3_START + 1e-6);
          if (kr.progress !== null) {
            expect(kr.progress).toBeGreaterThanOrEqual(-1e-12);
            expect(kr.progress).toBeLessThanOrEqual(1);
          }
        }
      )
    );
  });
});

describe('progress invariants', () => {
  test('progress grows as the current value moves toward the target', () => {
    const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(finite, finite, finite, finite, (baseline, target, a, b) => {
        fc.pre(target !== baseline);
        const towardTarget = Math.sign(target - baseline);
        const [worse, better] = (b - a) * towardTarget >= 0 ? [a, b] : [b, a];
        expect(progressOf(better, baseline, target)!).toBeGreaterThanOrEqual(progressOf(worse, baseline, target)!);
      })
    );
  });
});

describe('period invariants across time zones', () => {
  const resolved = (text: string, context: PeriodContext) => {
    const result = resolvePeriod(text, context);
    if (!result.ok) {
      throw new Error(result.message);
    }
    return result.period;
  };

  test('quarters: start < end, consecutive quarters abut, start is day 1 at 00:00 local of the right month', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 2000, max: 2060 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 11 }),
        (timeZone, year, quarter, fiscalYearStartMonth) => {
          const context = { timeZone, fiscalYearStartMonth, anchor: 0 };
          const current = resolved(`${year}-Q${quarter}`, context);
          const next = resolved(quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`, context);
          expect(current.start).toBeLessThan(current.end);
          expect(current.end).toBe(next.start);
          const local = dateTimeForTimeZone(timeZone, current.start);
          expect(local.format('DD HH:mm')).toBe('01 00:00');
          expect(Number(local.format('M')) - 1).toBe((fiscalYearStartMonth + 3 * (quarter - 1)) % 12);
        }
      )
    );
  });

  test('this/last/next: "this" holds the anchor (start < anchor ≤ end) and its neighbours abut it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom('Month', 'Quarter', 'Half', 'Year'),
        fc.integer({ min: Date.UTC(2000, 0), max: Date.UTC(2060, 0) }),
        fc.integer({ min: 0, max: 11 }),
        (timeZone, unit, anchor, fiscalYearStartMonth) => {
          const context = { timeZone, fiscalYearStartMonth, anchor };
          const current = resolved(`this${unit}`, context);
          expect(current.start).toBeLessThan(anchor);
          expect(anchor).toBeLessThanOrEqual(current.end);
          expect(resolved(`last${unit}`, context).end).toBe(current.start);
          expect(resolved(`next${unit}`, context).start).toBe(current.end);
          expect(resolved(current.label, context)).toEqual(current);
        }
      )
    );
  });
});

describe('series invariants', () => {
  test('extracted times are strictly increasing and keep the last value of each time', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer()), { maxLength: 80 }), (rows) => {
        const series = extractSeries(
          rows.map(([t]) => t * MINUTE),
          rows.map(([, v]) => v)
        );
        for (let i = 1; i < series.times.length; i++) {
          expect(series.times[i]).toBeGreaterThan(series.times[i - 1]);
        }
        const lastByTime = new Map(rows.map(([t, v]) => [t * MINUTE, v]));
        series.times.forEach((time, i) => expect(series.values[i]).toBe(lastByTime.get(time)));
      })
    );
  });
});
