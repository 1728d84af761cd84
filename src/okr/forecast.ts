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
 * The band: residualStd is the standard deviation of the samples around the trend (√(RSS / (n − 2))); the
 * chart shades trend ± 2 × residualStd, where about 95% of samples fall when residuals are normal.
 * Example: (0, 10), (1, 13), (2, 14) → slope 2, intercept 10.33, residuals −0.33, 0.67, −0.33,
 * RSS 0.667, residualStd = √(0.667 / 1) ≈ 0.816.
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
    residualStd: fit.residualStd,
  };
}

export type LineFit =
  | { ok: true; slopePerMs: number; intercept: number; from: number; points: number; residualStd: number }
  | { ok: false; reason: string };

/**
 * Running sums of a least-squares fit. x is measured from `origin` (the first sample's time) and y from
 * `yOrigin` (its value), which keeps the squared sums small enough for doubles.
 */
export interface LineSums {
  count: number;
  origin: number;
  yOrigin: number;
  sumX: number;
  sumY: number;
  sumXX: number;
  sumXY: number;
  sumYY: number;
}

export const EMPTY_SUMS: LineSums = {
  count: 0,
  origin: NaN,
  yOrigin: NaN,
  sumX: 0,
  sumY: 0,
  sumXX: 0,
  sumXY: 0,
  sumYY: 0,
};

export function fitLine(series: SeriesData, window: SampleWindow): LineFit {
  return lineFromSums(addToSums(EMPTY_SUMS, series, window));
}

/**
 * One pass adding the window's non-null samples to `sums` (a new object is returned). Adding [a, b)
 * then [b, c) gives bit-for-bit the sums of [a, c), so a live append only adds the new samples.
 */
export function addToSums(sums: LineSums, series: SeriesData, window: SampleWindow): LineSums {
  const { times, values } = series;
  let { count, origin, yOrigin, sumX, sumY, sumXX, sumXY, sumYY } = sums;
  for (let i = window.from; i < window.to; i++) {
    const value = values[i];
    if (value !== value) {
      continue;
    }
    if (count === 0) {
      origin = times[i];
      yOrigin = value;
    }
    const x = times[i] - origin;
    const y = value - yOrigin;
    count++;
    sumX += x;
    sumY += y;
    sumXX += x * x;
    sumXY += x * y;
    sumYY += y * y;
  }
  return { count, origin, yOrigin, sumX, sumY, sumXX, sumXY, sumYY };
}

export function lineFromSums(sums: LineSums): LineFit {
  const { count, origin, yOrigin, sumX, sumY, sumXX, sumXY, sumYY } = sums;
  if (count < MIN_POINTS) {
    return { ok: false, reason: `too few points to forecast (${count} of ${MIN_POINTS})` };
  }
  const spread = sumXX - (sumX * sumX) / count;
  if (!(spread > 0)) {
    return { ok: false, reason: 'all points are at one time: no trend to forecast' };
  }
  const covariance = sumXY - (sumX * sumY) / count;
  const slopePerMs = covariance / spread;
  const intercept = yOrigin + (sumY - slopePerMs * sumX) / count;
  const residualSquares = sumYY - (sumY * sumY) / count - slopePerMs * covariance;
  const residualStd = Math.sqrt(Math.max(0, residualSquares) / (count - 2));
  return { ok: true, slopePerMs, intercept, from: origin, points: count, residualStd };
}
