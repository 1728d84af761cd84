/**
 * Targets that change over time, over random inputs: a target that does not change, given as a series
 * (or as inline steps, or a band's upper bound), judges exactly as the plain number does.
 */
import type { FieldConfig } from '@grafana/data';
import fc from 'fast-check';
import type { KeyResultModel } from './model';
import { evaluatePanel, nowAround, RUNS, smallValues, type RandomSeries } from './randomInputs';
import { DAY, Q3_END, Q3_START, frameOf } from './testUtils';

const CONFIG: FieldConfig = {
  custom: { breachDirection: 'above' },
  thresholds: {
    mode: 'absolute' as never,
    steps: [
      { value: -Infinity, color: 'green' },
      { value: 90, color: 'red' },
    ],
  },
};

/** The KPI 'kpi' and a constant target series 'plan' sampled at `sampleDays` (the first before the period). */
function evaluateBoth(input: {
  keyResult: Record<string, unknown>;
  stepped: Record<string, unknown>;
  series: RandomSeries;
  planDays: number[];
  now: number;
  levels: { target: number; targetMax?: number };
}): [KeyResultModel, KeyResultModel] {
  const frames = () => {
    const times = input.planDays.map((day) => Q3_START + day * DAY);
    return [
      frameOf({ name: 'kpi', times: [...input.series.times], values: [...input.series.values], config: CONFIG }),
      frameOf({ name: 'plan', times, values: times.map(() => input.levels.target) }),
      frameOf({ name: 'ceiling', times, values: times.map(() => input.levels.targetMax ?? null) }),
    ];
  };
  const [plain, stepped] = [input.keyResult, { ...input.keyResult, ...input.stepped }].map(
    (keyResult) =>
      evaluatePanel({ keyResults: [keyResult], frames: frames(), now: input.now }).objectives[0].keyResults[0]
  );
  return [plain, stepped];
}

/** Everything but what only a target over time carries. */
function judged(kr: KeyResultModel) {
  const { targetSteps, targetSeriesNames, noTargetSeconds, field, ...rest } = kr;
  return rest;
}

const planDays = fc.uniqueArray(fc.integer({ min: -5, max: 120 }), { maxLength: 6 }).map((days) => [-10, ...days]);
const level = fc.integer({ min: -20, max: 120 });
const reducer = fc.constantFrom('lastNotNull', 'mean', 'sum');

describe('a target that does not change, given over time, judges as the plain number', () => {
  test('stay kinds: every result is equal (breaches, time within target, status, forecast, messages)', () => {
    fc.assert(
      fc.property(
        smallValues,
        nowAround,
        fc.constantFrom('stayAbove', 'stayBelow'),
        level,
        planDays,
        reducer,
        fc.boolean(),
        (series, now, kind, target, days, calculation, inline) => {
          const steps = inline
            ? { targets: days.map((day) => ({ from: new Date(Q3_START + day * DAY).toISOString(), value: target })) }
            : { targetSeries: 'plan' };
          const [plain, stepped] = evaluateBoth({
            keyResult: { kind, target, reducer: calculation, series: 'kpi' },
            stepped: { ...steps, target: undefined },
            series,
            planDays: days,
            now,
            levels: { target },
          });
          expect(judged(stepped)).toEqual({ ...judged(plain), pace: [] });
          expect(stepped.noTargetSeconds).toBe(0);
        }
      ),
      RUNS
    );
  });

  test('stayWithin: a constant band from targetSeries and targetMaxSeries equals [target, targetMax]', () => {
    fc.assert(
      fc.property(
        smallValues,
        nowAround,
        level,
        fc.integer({ min: 0, max: 60 }),
        planDays,
        (series, now, target, width, days) => {
          const [plain, stepped] = evaluateBoth({
            keyResult: { kind: 'stayWithin', target, targetMax: target + width, series: 'kpi' },
            stepped: { target: undefined, targetMax: undefined, targetSeries: 'plan', targetMaxSeries: 'ceiling' },
            series,
            planDays: days,
            now,
            levels: { target, targetMax: target + width },
          });
          expect(judged(stepped)).toEqual({ ...judged(plain), pace: [] });
        }
      ),
      RUNS
    );
  });

  test('increase/decrease: progress, target, forecast and breaches are equal; the expected value is the target itself', () => {
    fc.assert(
      fc.property(
        smallValues,
        nowAround,
        fc.constantFrom('increase', 'decrease'),
        level,
        fc.option(level, { nil: undefined }),
        planDays,
        reducer,
        (series, now, kind, target, baseline, days, calculation) => {
          const [plain, stepped] = evaluateBoth({
            keyResult: { kind, target, baseline, reducer: calculation, series: 'kpi' },
            stepped: { target: undefined, targetSeries: 'plan' },
            series,
            planDays: days,
            now,
            levels: { target },
          });
          const { pace, expected, expectedValue, status, ...rest } = judged(plain);
          const same = judged(stepped);
          expect({ ...same, pace, expected, expectedValue, status }).toEqual({
            ...rest,
            pace,
            expected,
            expectedValue,
            status,
          });
          const running = plain.asOf !== null && plain.asOf >= Q3_START && plain.asOf < Q3_END;
          if (running && plain.progress !== null && plain.baseline !== null) {
            expect([stepped.expectedValue, stepped.expected]).toEqual([target, 1]);
          }
          if (!running || plain.status === 'invalid' || plain.status === 'noData') {
            expect(stepped.status).toBe(plain.status);
          }
        }
      ),
      RUNS
    );
  });
});

describe('targets that change over time, over random steps', () => {
  const steps = fc.uniqueArray(
    fc.record({ day: fc.integer({ min: -5, max: 95 }), value: fc.option(level, { nil: null, freq: 5 }) }),
    { selector: (step) => step.day, minLength: 1, maxLength: 8 }
  );

  test('stay kinds: breaches only where a target is in force; time within target in [0, 1]; no-target time within the elapsed time', () => {
    fc.assert(
      fc.property(
        smallValues,
        nowAround,
        fc.constantFrom('stayAbove', 'stayBelow'),
        steps,
        (series, now, kind, plan) => {
          const frames = [
            frameOf({ name: 'kpi', times: [...series.times], values: [...series.values] }),
            frameOf({
              name: 'plan',
              times: plan.map((step) => Q3_START + step.day * DAY),
              values: plan.map((step) => step.value),
            }),
          ];
          const kr = evaluatePanel({ keyResults: [{ kind, targetSeries: 'plan' }], frames, now }).objectives[0]
            .keyResults[0];
          const inForce = (time: number) => {
            const step = [...kr.targetSteps].reverse().find((candidate) => candidate.time <= time);
            return step !== undefined && step.value !== null;
          };
          for (const breach of kr.breaches.filter((b) => b.source === 'target')) {
            expect(inForce((breach.start + breach.end) / 2)).toBe(true);
          }
          if (kr.progress !== null) {
            expect(kr.progress).toBeGreaterThanOrEqual(0);
            expect(kr.progress).toBeLessThanOrEqual(1);
          }
          const elapsed = Math.max(0, Math.min(now, Q3_END) - Q3_START);
          expect(kr.noTargetSeconds * 1000).toBeLessThanOrEqual(elapsed + 1e-6);
          expect(kr.status).not.toBe('invalid');
        }
      ),
      RUNS
    );
  });
});
