/**
 * Cumulative key results: reducer "sum" counts things that add up ("Close 50 new enterprise deals" from
 * a daily count of deals won). Their current value is the baseline plus the sum of the non-null samples
 * in [start, as-of]; the baseline defaults to 0 (nothing counted yet); pace, forecast, status and the
 * chart are on the running total, never on the per-sample counts.
 *
 * Worked example: baseline 0, target 50, daily counts 3, null, 5, 2 from Jul 1 → running total
 * (Jul 1, 3), (Jul 3, 8), (Jul 4, 10): current 10, progress 10 / 50 = 0.2. A point (start, baseline)
 * leads the running total when the first non-null sample comes after the start, so the line starts where the
 * count starts.
 */
import { firstFiniteIndex, type SampleWindow } from './reduce';
import type { SeriesData } from './series';

export function runningTotal(input: {
  series: SeriesData;
  window: SampleWindow;
  start: number;
  baseline: number;
}): SeriesData {
  const { series, window, start, baseline } = input;
  const capacity = window.to - window.from + 1;
  const times = new Float64Array(capacity);
  const values = new Float64Array(capacity);
  let count = 0;
  const first = firstFiniteIndex(series.values, window);
  if (first < 0 || series.times[first] > start) {
    times[0] = start;
    values[0] = baseline;
    count = 1;
  }
  let total = baseline;
  for (let i = window.from; i < window.to; i++) {
    const value = series.values[i];
    if (value !== value) {
      continue;
    }
    total += value;
    times[count] = series.times[i];
    values[count] = total;
    count++;
  }
  return {
    times: times.subarray(0, count),
    values: values.subarray(0, count),
    hasMissing: false,
    // A count is zero between its samples, so a running total has no gaps.
    gapMs: Infinity,
    lineage: {},
  };
}
