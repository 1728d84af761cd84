/**
 * Invariants of the OKR core v2 checked over random inputs (fast-check). Each expectation is computed
 * here from the rule as the module headers state it, not by calling the code under test; the exact
 * worked examples live in the per-rule tests.
 */
import { ThresholdsMode, type FieldConfig } from '@grafana/data';
import fc from 'fast-check';
import { findBreaches, targetBounds } from './breaches';
import { extractSeries } from './extract';
import { Q3_END, Q3_START, SECOND } from './testUtils';
import {
  RUNS,
  evaluateOne,
  nowAround,
  seriesAround,
  smallValues,
  unionOf,
  windowIndices,
  type RandomSeries,
} from './randomInputs';

describe('cumulative key results (reducer sum)', () => {
  // Decimals too: 0.2 + 1.4 + 8.8 must add up exactly as the running total does.
  const counts = fc
    .constantFrom(0, -50)
    .chain((min) => seriesAround(fc.integer({ min: min * 10, max: 1500 }).map((tenths) => tenths / 10)));

  test('current is the last running total = baseline + Σ non-null samples in [start, as-of] (the baseline when none); times ascend; non-decreasing for counts ≥ 0', () => {
    fc.assert(
      fc.property(
        counts,
        fc.option(
          fc.integer({ min: -10000, max: 10000 }).map((tenths) => tenths / 10),
          { nil: undefined }
        ),
        nowAround,
        (series, baseline, now) => {
          const kr = evaluateOne({
            keyResult: { kind: 'increase', reducer: 'sum', target: 100_000, baseline },
            series,
            now,
          });
          const asOf = Math.min(Q3_END, now);
          const counted = windowIndices(series.times, asOf)
            .map((i) => series.values[i])
            .filter((v): v is number => v !== null);
          const values = Array.from(kr.values);
          const times = Array.from(kr.times);
          expect(kr.cumulative).toBe(true);
          times.slice(1).forEach((t, i) => expect(t).toBeGreaterThan(times[i]));
          // Nothing counted yet: the baseline, once the period has started.
          expect(kr.current).toBe(now < Q3_START ? null : values[values.length - 1]);
          if (now >= Q3_START) {
            expect(kr.current).toBe(counted.reduce((sum, v) => sum + v, baseline ?? 0));
          }
          if (counted.every((v) => v >= 0)) {
            values.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(values[i]));
          }
        }
      ),
      RUNS
    );
  });
});

describe('band breaches (stayWithin)', () => {
  /** Steps of 1–120 s or 1000–5000 s (gaps), as in properties.test.ts. */
  const secondsSeries = fc
    .array(
      fc.record({
        step: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1000, max: 5000 })),
        value: fc.option(fc.integer({ min: -50, max: 150 }), { nil: null, freq: 6 }),
      }),
      { minLength: 1, maxLength: 120 }
    )
    .map((points) => {
      let time = Q3_START;
      return {
        times: points.map(({ step }) => (time += step * SECOND)),
        values: points.map(({ value }) => value),
      };
    });

  test('a breach holds no in-band, null or other-side sample strictly inside it, and its worst is outside the band', () => {
    fc.assert(
      fc.property(
        secondsSeries,
        fc.integer({ min: -20, max: 120 }),
        fc.integer({ min: 0, max: 60 }),
        ({ times, values }, lo, width) => {
          const hi = lo + width;
          const series = extractSeries(times, values);
          const breaches = findBreaches({
            series,
            window: { from: 0, to: times.length },
            bounds: targetBounds({ kind: 'stayWithin', target: lo, targetMax: hi, criticalRatio: 0.15 })!,
            asOf: times[times.length - 1],
            minDurationSeconds: 0,
          });
          for (const breach of breaches) {
            const below = breach.worst < lo;
            expect(below || breach.worst > hi).toBe(true);
            const inside = times.flatMap((t, i) => (t > breach.start && t < breach.end ? [values[i]] : []));
            expect(inside.filter((v) => v === null)).toEqual([]);
            expect(inside.filter((v) => v !== null && v >= lo && v <= hi)).toEqual([]);
            expect(inside.filter((v) => v !== null && (below ? v > hi : v < lo))).toEqual([]);
          }
        }
      ),
      RUNS
    );
  });
});

describe('breach count of a stay key result with field thresholds', () => {
  const stayKind = fc.oneof(
    fc.record({ kind: fc.constant('stayAbove'), target: fc.integer({ min: -20, max: 120 }) }),
    fc.record({ kind: fc.constant('stayBelow'), target: fc.integer({ min: -20, max: 120 }) }),
    fc
      .tuple(fc.integer({ min: -20, max: 120 }), fc.integer({ min: 0, max: 60 }))
      .map(([target, width]) => ({ kind: 'stayWithin', target, targetMax: target + width }))
  );
  const thresholds = fc.record({
    direction: fc.constantFrom('above' as const, 'below' as const),
    steps: fc.array(fc.integer({ min: -20, max: 120 }), { minLength: 1, maxLength: 3 }),
  });

  test('breachCount ≤ maximal runs of contiguous bad samples per bound side, and = the disjoint intervals of the breach union', () => {
    fc.assert(
      fc.property(smallValues, stayKind, thresholds, nowAround, (series, keyResult, threshold, now) => {
        const config: FieldConfig = {
          custom: { breachDirection: threshold.direction },
          thresholds: {
            mode: ThresholdsMode.Absolute,
            steps: [-Infinity, ...threshold.steps].map((value) => ({ value, color: 'red' })),
          },
        };
        const kr = evaluateOne({ keyResult, series, now, config, options: { breaches: { minDurationSeconds: 0 } } });
        const { target } = keyResult;
        const targetMax = 'targetMax' in keyResult ? keyResult.targetMax : target;
        const level = threshold.direction === 'above' ? Math.min(...threshold.steps) : Math.max(...threshold.steps);
        // One predicate per side of every bound: a band's two sides are separate breaches.
        const sides: Array<(v: number) => boolean> = [
          (v) => keyResult.kind !== 'stayBelow' && v < target,
          (v) => keyResult.kind !== 'stayAbove' && v > targetMax,
          (v) => (threshold.direction === 'above' ? v > level : v < level),
        ];
        const { gapMs } = extractSeries(series.times, series.values);
        const window = windowIndices(series.times, Math.min(Q3_END, now));
        const bad = (i: number, side: (v: number) => boolean) => series.values[i] !== null && side(series.values[i]!);
        const runs = sides
          .map(
            (side) =>
              window.filter(
                (i, k) =>
                  bad(i, side) &&
                  !(k > 0 && bad(window[k - 1], side) && series.times[i] - series.times[window[k - 1]] <= gapMs)
              ).length
          )
          .reduce((a, b) => a + b, 0);
        const union = unionOf(kr.breaches);
        expect(kr.breachCount).toBeLessThanOrEqual(runs);
        expect(kr.breachCount).toBe(union.length);
        expect(kr.breachSeconds * 1000).toBeCloseTo(
          union.reduce((sum, [start, end]) => sum + end - start, 0),
          3
        );
      }),
      RUNS
    );
  });
});

describe('coverage', () => {
  const stayKind = fc.oneof(
    fc.record({ kind: fc.constantFrom('stayAbove', 'stayBelow'), target: fc.integer({ min: -20, max: 120 }) }),
    fc
      .tuple(fc.integer({ min: -20, max: 120 }), fc.integer({ min: 0, max: 60 }))
      .map(([target, width]) => ({ kind: 'stayWithin', target, targetMax: target + width }))
  );

  /** The rule of coverage.ts, restated: covered ms in [start, as-of]. */
  function coveredMs(series: RandomSeries, asOf: number): number {
    const { gapMs } = extractSeries(series.times, series.values);
    const window = windowIndices(series.times, asOf);
    let covered = 0;
    window.forEach((i, k) => {
      const previous = window[k - 1];
      const stretch = series.times[i] - series.times[previous];
      if (k > 0 && series.values[i] !== null && series.values[previous] !== null && stretch <= gapMs) {
        covered += stretch;
      }
    });
    const last = window[window.length - 1];
    if (last !== undefined && series.values[last] !== null && asOf - series.times[last] <= gapMs) {
      covered += asOf - series.times[last];
    }
    return covered;
  }

  test('noDataSeconds × 1000 + covered = as-of − start; target breach time ≤ covered; stay progress in [0, 1] or null', () => {
    fc.assert(
      fc.property(smallValues, stayKind, nowAround, fc.constantFrom(0, 60, 3600), (series, keyResult, now, minimum) => {
        const kr = evaluateOne({ keyResult, series, now, options: { breaches: { minDurationSeconds: minimum } } });
        const asOf = Math.min(Q3_END, now);
        const elapsed = asOf - Q3_START;
        const covered = coveredMs(series, asOf);
        if (elapsed > 0) {
          expect(Math.abs(kr.noDataSeconds * 1000 + covered - elapsed)).toBeLessThan(1e-3);
        } else {
          expect(kr.noDataSeconds).toBe(0);
        }
        expect(kr.noDataSeconds).toBeGreaterThanOrEqual(0);
        expect(kr.noDataSeconds * 1000).toBeLessThanOrEqual(Math.max(0, elapsed) + 1e-3);
        const targetBreachMs = kr.breaches
          .filter((breach) => breach.source === 'target')
          .reduce((sum, b) => sum + (b.ongoing ? Math.max(b.end, asOf) : b.end) - b.start, 0);
        expect(targetBreachMs).toBeLessThanOrEqual(covered + 1e-3);
        if (kr.progress !== null) {
          expect(kr.progress).toBeGreaterThanOrEqual(0);
          expect(kr.progress).toBeLessThanOrEqual(1);
        }
      }),
      RUNS
    );
  });
});
