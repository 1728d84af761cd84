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
}

export function forecast(input: ForecastInput): ForecastModel {
  const fit = fitLine(input.series, input.window);
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

type LineFit = { ok: true; slopePerMs: number; intercept: number; from: number; points: number } | { ok: false; reason: string };

/** One pass of running sums over the typed arrays. */
export function fitLine(series: SeriesData, window: SampleWindow): LineFit {
  const { times, values } = series;
  let count = 0;
  let from = NaN;
  let sumX = 0;
  let sumY = 0;
  let sumXX = 0;
  let sumXY = 0;
  for (let i = window.from; i < window.to; i++) {
    const y = values[i];
    if (y !== y) {
      continue;
    }
    if (count === 0) {
      from = times[i];
    }
    const x = times[i] - from;
    count++;
    sumX += x;
    sumY += y;
    sumXX += x * x;
    sumXY += x * y;
  }
  const spread = sumXX - (sumX * sumX) / count;
  if (count < MIN_POINTS) {
    return { ok: false, reason: `too few points to forecast (${count} of ${MIN_POINTS})` };
  }
  if (!(spread > 0)) {
    return { ok: false, reason: 'all points are at one time: no trend to forecast' };
  }
  const slopePerMs = (sumXY - (sumX * sumY) / count) / spread;
  const intercept = (sumY - slopePerMs * sumX) / count;
  return { ok: true, slopePerMs, intercept, from, points: count };
}
