/**
 * Random inputs and evaluation helpers shared by the core's property tests (invariants.test.ts,
 * cacheInvariants.test.ts): fixed Q3 2026 timestamps in UTC, never Date.now().
 */
import type { DataFrame, FieldConfig } from '@grafana/data';
import fc from 'fast-check';
import { evaluate } from './evaluate';
import type { Breach, KeyResultModel, PanelModel } from './model';
import { DAY, Q3_END, Q3_START, frameOf } from './testUtils';

export const HOUR = 3_600_000;
export const RUNS = { numRuns: 150 };
export const TIME_RANGE = { from: Q3_START - 30 * DAY, to: Q3_END + 30 * DAY };

export interface RandomSeries {
  times: number[];
  values: Array<number | null>;
}

/**
 * Increasing times from up to 3 days before Q3 starts, steps of 1 h to ~17 days (the long ones are gaps
 * and some series run past the period end), values with nulls.
 */
export function seriesAround(value: fc.Arbitrary<number>): fc.Arbitrary<RandomSeries> {
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

export const smallValues = seriesAround(fc.integer({ min: -50, max: 150 }));
/** From 2 days before Q3 to 2 days after it; as-of is min(period end, now). */
export const nowAround = fc.integer({ min: Q3_START - 2 * DAY, max: Q3_END + 2 * DAY });

export function evaluatePanel(input: {
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

export function evaluateOne(input: {
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
export function windowIndices(times: number[], asOf: number): number[] {
  return times.flatMap((t, i) => (t >= Q3_START && t <= asOf && t < Q3_END ? [i] : []));
}

/** Disjoint intervals of the union of [start, end]s; touching intervals merge. */
export function unionOf(breaches: readonly Breach[]): Array<[number, number]> {
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
