/**
 * Invariants of the OKR core v2 checked over random inputs (fast-check). Each expectation is computed
 * here from the rule as the module headers state it, not by calling the code under test; the exact
 * worked examples live in the per-rule tests.
 */
import { ThresholdsMode, type DataFrame, type FieldConfig } from '@grafana/data';
import fc from 'fast-check';
import { findBreaches, targetBounds } from './breaches';
import { evaluate } from './evaluate';
import { extractSeries } from './extract';
import type { Breach, KeyResultModel, PanelModel } from './model';
import { DAY, Q3_END, Q3_START, SECOND, frameOf } from './testUtils';

const HOUR = 3_600_000;
const RUNS = { numRuns: 150 };
const TIME_RANGE = { from: Q3_START - 30 * DAY, to: Q3_END + 30 * DAY };

interface RandomSeries {
  times: number[];
  values: Array<number | null>;
}

/**
 * Increasing times from up to 3 days before Q3 starts, steps of 1 h to ~17 days (the long ones are gaps
 * and some series run past the period end), values with nulls.
 */
function seriesAround(value: fc.Arbitrary<number>): fc.Arbitrary<RandomSeries> {
  const point = fc.record({
    stepHours: fc.oneof(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 25, max: 400 })),
    value: fc.option(value, { nil: null, freq: 6 }),
  });
  return fc
    .tuple(fc.integer({ min: -72, max: 24 }), fc.array(point, { minLength: 1, maxLength: 80 }))
    .map(([offsetHours, points]) => {
      let time = Q3_START + offsetHours * HOUR;
      const times: number[] = [];
      const values: Array<number | null> = [];
      for (const { stepHours, value: sample } of points) {
        times.push(time);
        values.push(sample);
        time += stepHours * HOUR;
      }
      return { times, values };
    });
}

const smallValues = seriesAround(fc.integer({ min: -50, max: 150 }));
/** From 2 days before Q3 to 2 days after it; as-of is min(period end, now). */
const nowAround = fc.integer({ min: Q3_START - 2 * DAY, max: Q3_END + 2 * DAY });

function evaluatePanel(input: {
  keyResults: Array<Record<string, unknown>>;
  frames: DataFrame[];
  now: number;
  options?: Record<string, unknown>;
}): PanelModel {
  return evaluate({
    options: {
      objectives: [
        {
          title: 'o',
          keyResults: input.keyResults.map((kr) => ({ title: 'k', series: 'kpi', period: '2026-Q3', ...kr })),
        },
      ],
      ...input.options,
    },
    frames: input.frames,
    timeRange: TIME_RANGE,
    timeZone: 'utc',
    now: input.now,
  });
}

function evaluateOne(input: {
  keyResult: Record<string, unknown>;
  series: RandomSeries;
  now: number;
  config?: FieldConfig;
  options?: Record<string, unknown>;
}): KeyResultModel {
  // Copies: fast-check hands the same arrays to several runs, and the core caches per array.
  const { times, values } = input.series;
  const frame = frameOf({ name: 'kpi', times: [...times], values: [...values], config: input.config });
  return evaluatePanel({ ...input, keyResults: [input.keyResult], frames: [frame] }).objectives[0].keyResults[0];
}

/** Indices of the samples in the window: start ≤ t ≤ as-of and t < end (Q3 in UTC). */
function windowIndices(times: number[], asOf: number): number[] {
  return times.flatMap((t, i) => (t >= Q3_START && t <= asOf && t < Q3_END ? [i] : []));
}

/** Disjoint intervals of the union of [start, end]s; touching intervals merge. */
function unionOf(breaches: readonly Breach[]): Array<[number, number]> {
  const sorted = [...breaches].sort((a, b) => a.start - b.start);
  const merged: Array<[number, number]> = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      merged.push([start, end]);
    }
  }
  return merged;
}

describe('cumulative key results (reducer sum)', () => {
  const counts = fc
    .constantFrom(0, -50)
    .chain((min) => seriesAround(fc.integer({ min, max: 150 })))
    .map((series) => series);

  test('current is the last running total = baseline + Σ non-null samples in [start, as-of]; times ascend; non-decreasing for counts ≥ 0', () => {
    fc.assert(
      fc.property(
        counts,
        fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: undefined }),
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
          if (counted.length === 0) {
            expect(kr.current).toBeNull();
            return;
          }
          expect(kr.current).toBe(values[values.length - 1]);
          expect(kr.current).toBe((baseline ?? 0) + counted.reduce((sum, v) => sum + v, 0));
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

describe('scan cache', () => {
  const optionFields = {
    steps: fc.array(fc.integer({ min: -20, max: 120 }), { minLength: 1, maxLength: 3 }),
    direction: fc.constantFrom('above', 'below', 'off'),
    mode: fc.constantFrom(ThresholdsMode.Absolute, ThresholdsMode.Percentage),
    kind: fc.constantFrom('stayAbove', 'stayBelow', 'stayWithin'),
    target: fc.integer({ min: -20, max: 100 }),
    offTrack: fc.constantFrom(0.05, 0.15, 0.5, 2),
    minDurationSeconds: fc.constantFrom(0, 60, 3600, 86_400),
    now: nowAround,
  };
  type OptionSet = {
    [K in keyof typeof optionFields]: (typeof optionFields)[K] extends fc.Arbitrary<infer T> ? T : never;
  };
  const change: fc.Arbitrary<Partial<OptionSet>> = fc.oneof(
    optionFields.steps.map((steps) => ({ steps })),
    optionFields.direction.map((direction) => ({ direction })),
    optionFields.mode.map((mode) => ({ mode })),
    optionFields.kind.map((kind) => ({ kind })),
    optionFields.target.map((target) => ({ target })),
    optionFields.offTrack.map((offTrack) => ({ offTrack })),
    optionFields.minDurationSeconds.map((minDurationSeconds) => ({ minDurationSeconds })),
    optionFields.now.map((now) => ({ now }))
  );
  /**
   * A chain of sets, each one field away from the one before: most scans then share their key with an
   * earlier set, so a cache key that misses a setting would hand back that set's result.
   */
  const optionSets: fc.Arbitrary<OptionSet[]> = fc
    .tuple(fc.record(optionFields), fc.array(change, { minLength: 1, maxLength: 4 }))
    .map(([base, changes]) =>
      changes.reduce<OptionSet[]>((sets, next) => [...sets, { ...sets[sets.length - 1], ...next }], [base])
    );

  const configOf = (set: OptionSet): FieldConfig => ({
    custom: { breachDirection: set.direction },
    thresholds: { mode: set.mode, steps: [-Infinity, ...set.steps].map((value) => ({ value, color: 'red' })) },
  });

  /** The parts of a key result that the cached scans decide. */
  const judged = (kr: KeyResultModel) => ({
    breaches: kr.breaches,
    breachCount: kr.breachCount,
    breachSeconds: kr.breachSeconds,
    severities: kr.breaches.map((breach) => breach.severity),
    progress: kr.progress,
    status: kr.status,
    current: kr.current,
    noDataSeconds: kr.noDataSeconds,
    forecast: kr.forecast,
  });

  test('evaluating the same frame arrays under interleaved options equals evaluating fresh copies', () => {
    fc.assert(
      fc.property(
        smallValues,
        optionSets,
        fc.array(fc.nat({ max: 4 }), { minLength: 3, maxLength: 8 }),
        (series, sets, order) => {
          // Copies, so one run's cache entries cannot leak into the next and a counterexample replays alone.
          const shared = frameOf({ name: 'kpi', times: [...series.times], values: [...series.values] });
          for (const pick of order) {
            const set = sets[pick % sets.length];
            const run = (frame: DataFrame) =>
              evaluatePanel({
                keyResults: [
                  { kind: set.kind, target: set.target, targetMax: set.target + 20 },
                  { kind: 'increase', target: 1000 },
                ],
                frames: [frame],
                now: set.now,
                options: {
                  tolerances: { atRisk: 0.05, offTrack: set.offTrack },
                  breaches: { minDurationSeconds: set.minDurationSeconds },
                },
              }).objectives[0].keyResults.map(judged);
            shared.fields[1].config = configOf(set);
            const fresh = frameOf({
              name: 'kpi',
              times: [...series.times],
              values: [...series.values],
              config: configOf(set),
            });
            expect(run(shared)).toEqual(run(fresh));
          }
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe('relative targets', () => {
  const amount = fc.integer({ min: 0, max: 50_000 }).map((n) => n / 100);
  /** Whole cents: a baseline so small that the target rounds onto it would overflow progress instead. */
  const cents = fc.integer({ min: -1e11, max: 1e11 }).map((n) => n / 100);
  const relative = fc.oneof(
    fc.tuple(fc.constantFrom('+', '-'), amount).map(([sign, p]) => ({
      text: `${sign}${p}%`,
      expected: (baseline: number) => baseline + (baseline * (sign === '-' ? -p : p)) / 100,
    })),
    fc.tuple(fc.constantFrom('+', '-'), amount).map(([sign, n]) => ({
      text: `${sign}${n}`,
      expected: (baseline: number) => baseline + (sign === '-' ? -n : n),
    }))
  );

  test('"±p%" is baseline ± baseline × p / 100 and "±n" is baseline ± n, with an explicit baseline', () => {
    fc.assert(
      fc.property(relative, cents, fc.constantFrom('increase', 'decrease'), (target, baseline, kind) => {
        const kr = evaluateOne({
          keyResult: { kind, baseline, target: target.text },
          series: { times: [Q3_START, Q3_START + DAY], values: [1, 2] },
          now: Q3_START + 10 * DAY,
        });
        const expected = target.expected(baseline);
        expect(kr.target).not.toBeNull();
        expect(Math.abs(kr.target! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }),
      RUNS
    );
  });
});

describe('finite numbers on any finite input', () => {
  const huge = fc.oneof(
    fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 0, 1),
    fc.double({ min: -Number.MAX_VALUE, max: Number.MAX_VALUE, noNaN: true })
  );
  const keyResult = fc.record({
    kind: fc.constantFrom('increase', 'decrease', 'stayAbove', 'stayBelow', 'stayWithin'),
    reducer: fc.constantFrom('lastNotNull', 'mean', 'sum', 'max', 'min', 'firstNotNull'),
    baseline: fc.option(huge, { nil: undefined }),
    target: huge,
    targetMax: fc.constant(Number.MAX_VALUE),
  });
  type Named = Record<string, number | null>;

  /** Names of the numbers that are neither null nor finite. */
  const nonFinite = (numbers: Named): string[] =>
    Object.entries(numbers).flatMap(([name, value]) => (value !== null && !Number.isFinite(value) ? [name] : []));

  const judgedNumbers = (kr: KeyResultModel): Named => ({
    current: kr.current,
    baseline: kr.baseline,
    target: kr.target,
    targetMax: kr.targetMax,
    progress: kr.progress,
    expected: kr.expected,
    expectedValue: kr.expectedValue,
    noDataSeconds: kr.noDataSeconds,
    ...Object.fromEntries(kr.pace.map((vertex, i) => [`pace[${i}]`, vertex.value])),
    ...(kr.forecast.ok
      ? {
          'forecast.value': kr.forecast.value,
          'forecast.slopePerMs': kr.forecast.slopePerMs,
          'forecast.intercept': kr.forecast.intercept,
          'forecast.residualStd': kr.forecast.residualStd,
        }
      : {}),
  });

  const runRateNumbers = (kr: KeyResultModel): Named =>
    kr.forecast.ok
      ? { 'forecast.progress': kr.forecast.progress, 'forecast.requiredPerDay': kr.forecast.requiredPerDay }
      : {};

  const breachNumbers = (kr: KeyResultModel): Named => ({
    breachSeconds: kr.breachSeconds,
    longestBreachSeconds: kr.longestBreachSeconds,
    ...Object.fromEntries(
      kr.breaches.flatMap((breach, i) => [
        [`breaches[${i}].start`, breach.start],
        [`breaches[${i}].end`, breach.end],
        [`breaches[${i}].durationSeconds`, breach.durationSeconds],
        [`breaches[${i}].worst`, breach.worst],
      ])
    ),
  });

  const evaluateHuge = (series: RandomSeries, keyResult: Record<string, unknown>, now: number) =>
    evaluatePanel({
      keyResults: [keyResult],
      frames: [frameOf({ name: 'kpi', times: [...series.times], values: [...series.values] })],
      now,
    }).objectives[0];

  test('current, baseline, target, progress, expected, pace and forecast are null or finite, and evaluation never fails with an exception', () => {
    fc.assert(
      fc.property(seriesAround(huge), keyResult, nowAround, (series, kr, now) => {
        const objective = evaluateHuge(series, kr, now);
        const [result] = objective.keyResults;
        expect(nonFinite({ ...judgedNumbers(result), objectiveProgress: objective.progress })).toEqual([]);
        expect(result.messages.filter((message) => message.startsWith('could not evaluate'))).toEqual([]);
      }),
      RUNS
    );
  });

  // Found by this property: requiredPerDay = (target − current) / days left overflowed while every other
  // number was finite. Minimal case: increase, baseline 0, target 1e308, daily samples −1e308 ×3 from Q3
  // start, as-of day 10.
  test("the forecast's progress and required run-rate are null or finite", () => {
    const minimal: [RandomSeries, Record<string, unknown>, number] = [
      { times: [Q3_START, Q3_START + DAY, Q3_START + 2 * DAY], values: [-1e308, -1e308, -1e308] },
      { kind: 'increase', reducer: 'lastNotNull', baseline: 0, target: 1e308, targetMax: Number.MAX_VALUE },
      Q3_START + 10 * DAY,
    ];
    fc.assert(
      fc.property(seriesAround(huge), keyResult, nowAround, (series, kr, now) => {
        const [result] = evaluateHuge(series, kr, now).keyResults;
        expect(nonFinite(runRateNumbers(result))).toEqual([]);
      }),
      { ...RUNS, examples: [minimal] }
    );
  });

  // Found by this property: the crossing's (bound − v0) / (v1 − v0) overflowed to Infinity / Infinity for
  // samples near ±1.8e308, so a breach ended at NaN. Minimal case: stayAbove 1e308, samples
  // (Q3 start, −MAX_VALUE), (+1 h, 1e308).
  test('breach times, durations and worst values are finite', () => {
    const minimal: [RandomSeries, Record<string, unknown>, number] = [
      { times: [Q3_START, Q3_START + HOUR], values: [-Number.MAX_VALUE, 1e308] },
      { kind: 'stayAbove', reducer: 'lastNotNull', target: 1e308, targetMax: Number.MAX_VALUE },
      Q3_START + HOUR,
    ];
    fc.assert(
      fc.property(seriesAround(huge), keyResult, nowAround, (series, kr, now) => {
        const [result] = evaluateHuge(series, kr, now).keyResults;
        expect(nonFinite(breachNumbers(result))).toEqual([]);
      }),
      { ...RUNS, examples: [minimal] }
    );
  });
});
