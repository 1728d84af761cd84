/**
 * Forecast: a least-squares line over the window's non-null samples (period start … as-of), projected
 * to the period end, plus the run-rate still needed.
 *
 * trend(t) = intercept + slopePerMs × (t − from), with `from` the first sample's time (fitting on
 * t − from keeps the sums small enough for doubles over a quarter of millisecond timestamps).
 * Example: samples (day 0, 10), (day 1, 12), (day 2, 14) in a 10-day period → slope 2/day,
 * value at day 10 = 30. With baseline 10 and target 40, progress = 20/30 ≈ 0.667; as-of day 2 and
 * current 14 → requiredPerDay = (40 − 14) / 8 days = 3.25.
 *
 * Fewer than 3 points → { ok: false, reason: "too few points to forecast (2 of 3)" }; zero time spread
 * → { ok: false, reason: 'all points are at one time: no trend to forecast' }.
 * requiredPerDay is null once the period is over (no days left) and for stay* kinds (no direction to
 * travel); progress is null for stay* kinds and when target = baseline.
 */
import type { ForecastModel } from './model';
import { progressOf } from './progress';
import type { SampleWindow } from './reduce';
import type { SeriesData } from './series';

const MIN_POINTS = 3;
const DAY_MS = 86_400_000;

export interface ForecastInput {
  series: SeriesData;
  window: SampleWindow;
  periodEnd: number;
  asOf: number;
  /** null for stay* kinds: only the projected value is meaningful. */
  goal: { baseline: number; target: number; current: number } | null;
  /** A fit already computed for this series and window (shared between KRs); computed when absent. */
  fit?: LineFit;
}

export function forecast(input: ForecastInput): ForecastModel {
  const fit = input.fit ?? fitLine(input.series, input.window);
  if (!fit.ok) {
    return fit;
  }
  const value = fit.intercept + fit.slopePerMs * (input.periodEnd - fit.from);
  const daysLeft = (input.periodEnd - input.asOf) / DAY_MS;
  const goal = input.goal;
  return {
    ok: true,
    value,
    progress: goal ? progressOf(value, goal.baseline, goal.target) : null,
    requiredPerDay: goal && daysLeft > 0 ? (goal.target - goal.current) / daysLeft : null,
    slopePerMs: fit.slopePerMs,
    intercept: fit.intercept,
    from: fit.from,
    to: input.periodEnd,
    points: fit.points,
  };
}

export type LineFit =
  { ok: true; slopePerMs: number; intercept: number; from: number; points: number } | { ok: false; reason: string };

/** Running sums of a least-squares fit; x is measured from `origin`, the first sample's time. */
export interface LineSums {
  count: number;
  origin: number;
  sumX: number;
  sumY: number;
  sumXX: number;
  sumXY: number;
}

export const EMPTY_SUMS: LineSums = { count: 0, origin: NaN, sumX: 0, sumY: 0, sumXX: 0, sumXY: 0 };

export function fitLine(series: SeriesData, window: SampleWindow): LineFit {
  return lineFromSums(addToSums(EMPTY_SUMS, series, window));
}

/**
 * One pass adding the window's non-null samples to `sums` (a new object is returned). Adding [a, b)
 * then [b, c) gives bit-for-bit the sums of [a, c), so a live append only adds the new samples.
 */
export function addToSums(sums: LineSums, series: SeriesData, window: SampleWindow): LineSums {
  const { times, values } = series;
  let { count, origin, sumX, sumY, sumXX, sumXY } = sums;
  for (let i = window.from; i < window.to; i++) {
    const y = values[i];
    if (y !== y) {
      continue;
    }
    if (count === 0) {
      origin = times[i];
    }
    const x = times[i] - origin;
    count++;
    sumX += x;
    sumY += y;
    sumXX += x * x;
    sumXY += x * y;
  }
  return { count, origin, sumX, sumY, sumXX, sumXY };
}

export function lineFromSums(sums: LineSums): LineFit {
  const { count, origin, sumX, sumY, sumXX, sumXY } = sums;
  if (count < MIN_POINTS) {
    return { ok: false, reason: `too few points to forecast (${count} of ${MIN_POINTS})` };
  }
  const spread = sumXX - (sumX * sumX) / count;
  if (!(spread > 0)) {
    return { ok: false, reason: 'all points are at one time: no trend to forecast' };
  }
  const slopePerMs = (sumXY - (sumX * sumY) / count) / spread;
  const intercept = (sumY - slopePerMs * sumX) / count;
  return { ok: true, slopePerMs, intercept, from: origin, points: count };
}
