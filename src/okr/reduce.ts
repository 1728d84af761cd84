/**
 * The sample window and the current value.
 *
 * Window: the samples with period start ≤ t ≤ as-of and t < period end (the period is half-open, so a
 * sample exactly at the end belongs to the next period). Found by binary search, so it costs O(log n).
 * Example: samples at Jul 1, Aug 1, Sep 1, Oct 1 for Q3 with as-of = Sep 1 → Jul 1, Aug 1, Sep 1.
 *
 * Current value: the KR's reducer (a Grafana ReducerID, default lastNotNull) over the window's non-null
 * samples. The common reducers run directly on the typed arrays (lastNotNull in O(1) from the end);
 * any other id goes through @grafana/data's reduceField on a copy of the non-null values, so every
 * reducer Grafana offers works and gives Grafana's answer.
 * Example: values [5, null, 7] → lastNotNull 7, mean 6, count 2.
 */
import { FieldType, reduceField, ReducerID, type Field } from '@grafana/data';
import type { NumberColumn } from './extract';
import { quote } from './readers';

export interface SampleWindow {
  /** First index in the window. */
  from: number;
  /** One past the last index; from === to means no samples. */
  to: number;
}

export type ReduceResult = { ok: true; value: number | null } | { ok: false; message: string };

/** count/sum/min/max of the non-null values: one pass shared by min, max, mean, sum and count. */
export interface WindowStats {
  count: number;
  sum: number;
  min: number;
  max: number;
}

export interface ReduceInput {
  values: NumberColumn;
  window: SampleWindow;
  reducer: string;
  /** Supplies the window's statistics; evaluate passes a cached one so KRs share the pass. */
  stats?: () => WindowStats;
}

export function sampleWindow(times: NumberColumn, bounds: { start: number; asOf: number; end: number }): SampleWindow {
  const from = lowerBound(times, bounds.start);
  const to = bounds.asOf >= bounds.end ? lowerBound(times, bounds.end) : upperBound(times, bounds.asOf);
  return { from, to: Math.max(from, to) };
}

/** First index with times[i] >= value, in a sorted column (views use it to find a time's sample too). */
export function lowerBound(times: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle] < value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** First index with times[i] > value. */
export function upperBound(times: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle] <= value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** Index of the first non-NaN value in the window, or -1. */
export function firstFiniteIndex(values: NumberColumn, window: SampleWindow): number {
  for (let i = window.from; i < window.to; i++) {
    if (values[i] === values[i]) {
      return i;
    }
  }
  return -1;
}

/** Index of the last non-NaN value in the window, or -1. */
export function lastFiniteIndex(values: NumberColumn, window: SampleWindow): number {
  for (let i = window.to - 1; i >= window.from; i--) {
    if (values[i] === values[i]) {
      return i;
    }
  }
  return -1;
}

/** The reducer over the window's non-null values; null when the window has none. */
export function reduceWindow(input: ReduceInput): ReduceResult {
  const { values, window, reducer } = input;
  const first = firstFiniteIndex(values, window);
  if (first < 0) {
    return { ok: true, value: null };
  }
  switch (reducer) {
    case ReducerID.lastNotNull:
    case ReducerID.last:
      return { ok: true, value: values[lastFiniteIndex(values, window)] };
    case ReducerID.firstNotNull:
    case ReducerID.first:
      return { ok: true, value: values[first] };
    case ReducerID.min:
    case ReducerID.max:
    case ReducerID.mean:
    case ReducerID.sum:
    case ReducerID.count:
      return { ok: true, value: pickStat(input.stats ? input.stats() : windowStats(values, window), reducer) };
    default:
      return viaGrafana(values, window, reducer);
  }
}

export const EMPTY_STATS: WindowStats = { count: 0, sum: 0, min: Infinity, max: -Infinity };

export function windowStats(values: NumberColumn, window: SampleWindow): WindowStats {
  return addToStats(EMPTY_STATS, values, window);
}

/** Adds the window's non-null values to `stats` (a new object); resumable like addToSums. */
export function addToStats(stats: WindowStats, values: NumberColumn, window: SampleWindow): WindowStats {
  let { count, sum, min, max } = stats;
  for (let i = window.from; i < window.to; i++) {
    const value = values[i];
    if (value !== value) {
      continue;
    }
    count++;
    sum += value;
    min = value < min ? value : min;
    max = value > max ? value : max;
  }
  return { count, sum, min, max };
}

function pickStat(stats: WindowStats, reducer: string): number {
  switch (reducer) {
    case ReducerID.min:
      return stats.min;
    case ReducerID.max:
      return stats.max;
    case ReducerID.sum:
      return stats.sum;
    case ReducerID.count:
      return stats.count;
    default:
      return stats.sum / stats.count;
  }
}

function viaGrafana(values: NumberColumn, window: SampleWindow, reducer: string): ReduceResult {
  const present: number[] = [];
  for (let i = window.from; i < window.to; i++) {
    if (values[i] === values[i]) {
      present.push(values[i]);
    }
  }
  const field: Field = { name: 'value', type: FieldType.number, config: {}, values: present };
  const result: unknown = reduceField({ field, reducers: [reducer] })[reducer];
  if (typeof result === 'number' && Number.isFinite(result)) {
    return { ok: true, value: result };
  }
  return { ok: false, message: `reducer '${reducer}' gives ${describeResult(result)}, not a number` };
}

/** Short on purpose: allValues over 100k points would otherwise write a megabyte into a message. */
function describeResult(result: unknown): string {
  return Array.isArray(result) ? `a list of ${result.length} values` : quote(result);
}
