/**
 * Invariants of the OKR core v2 over random inputs (fast-check): the scan cache is never stale, relative
 * targets resolve as documented, and any finite input gives finite numbers. See invariants.test.ts.
 */
import { ThresholdsMode, type DataFrame, type FieldConfig } from '@grafana/data';
import fc from 'fast-check';
import type { KeyResultModel } from './model';
import { DAY, Q3_START, frameOf } from './testUtils';
import {
  HOUR,
  RUNS,
  evaluateOne,
  evaluatePanel,
  nowAround,
  seriesAround,
  smallValues,
  type RandomSeries,
} from './randomInputs';

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
