/**
 * Coverage: how much of [period start, as-of] the data speaks for. Time with no data is neither
 * compliant nor a breach, so a KPI that stopped reporting during an outage never looks compliant.
 *
 * - The stretch between two consecutive samples in the period is covered when both are non-null and
 *   they are at most the gap rule apart (gapMs = 5 × the median sample interval, see extract.ts).
 * - Time before the period's first sample is not covered.
 * - The stretch from the last sample to as-of is covered when that sample is non-null and no longer
 *   ago than the gap rule.
 * noDataSeconds = (as-of − start − covered) / 1000.
 *
 * Worked example: a 10-hour period so far, samples every hour from hour 1 to hour 9, the one at hour 5
 * null (gapMs 5 h). Covered: 1→2, 2→3, 3→4, 4→5? no (hour 5 is null), 5→6 no, 6→7, 7→8, 8→9, and 9→10
 * (as-of is 1 h after the last sample): 7 hours. No data: 0→1 and 4→6 = 3 hours.
 *
 * Stay key results: progress = time within target / covered time, where time within target is the
 * covered time minus the target breaches (an ongoing breach counts up to as-of; threshold breaches, and
 * blips shorter than breaches.minDurationSeconds, which the analyst asked to ignore, do not reduce it).
 * In the example, a 1-hour target breach gives 6 / 7 ≈ 0.857. No covered time → no progress.
 * Time with no target in force (targets that change over time, see targetSteps.ts) is not judged: its
 * covered part leaves the denominator too. In the example with no target before hour 3: 6 h judged, a
 * 1-hour breach → 5 / 6.
 */
import type { Breach } from './model';
import { lowerBound, type SampleWindow } from './reduce';
import type { SeriesData } from './series';

/** A resumable fold (see scanCache.ts): adding [a, b) then [b, c) equals adding [a, c). */
export interface CoverageState {
  coveredMs: number;
  /** The last sample seen: its time, and NaN for its value when it was null (or when none was seen). */
  lastTime: number;
  lastValue: number;
}

export const EMPTY_COVERAGE: CoverageState = { coveredMs: 0, lastTime: NaN, lastValue: NaN };

export function addToCoverage(state: CoverageState, series: SeriesData, window: SampleWindow): CoverageState {
  if (!series.hasMissing && window.to > window.from) {
    return addToCoverageNoNulls(state, series, window);
  }
  const { times, values, gapMs } = series;
  let { coveredMs, lastTime, lastValue } = state;
  for (let i = window.from; i < window.to; i++) {
    const time = times[i];
    const value = values[i];
    if (value === value && lastValue === lastValue && time - lastTime <= gapMs) {
      coveredMs += time - lastTime;
    }
    lastTime = time;
    lastValue = value;
  }
  return { coveredMs, lastTime, lastValue };
}

/** The same fold for a series with no null: it reads only the times (a third of the cost at 1M points). */
function addToCoverageNoNulls(state: CoverageState, series: SeriesData, window: SampleWindow): CoverageState {
  const { times, values, gapMs } = series;
  let coveredMs = state.coveredMs;
  let previous = state.lastTime;
  // The stretch from the sample before the window counts only when that sample was non-null.
  let from = window.from;
  if (!(state.lastValue === state.lastValue)) {
    previous = times[from];
    from++;
  }
  for (let i = from; i < window.to; i++) {
    const time = times[i];
    const stretch = time - previous;
    if (stretch <= gapMs) {
      coveredMs += stretch;
    }
    previous = time;
  }
  const last = window.to - 1;
  return { coveredMs, lastTime: times[last], lastValue: values[last] };
}

/** Covered milliseconds in [start, as-of], the tail after the last sample included. */
export function coveredMs(state: CoverageState, input: { asOf: number; gapMs: number }): number {
  const { coveredMs: between, lastTime, lastValue } = state;
  const tail = lastValue === lastValue && input.asOf - lastTime <= input.gapMs ? Math.max(0, input.asOf - lastTime) : 0;
  return between + tail;
}

/**
 * Covered milliseconds inside [from, to): the same stretches as the fold (both ends non-null, at most
 * the gap rule apart; the tail to as-of), each clipped to [from, to). O(samples in [from, to)).
 */
export function coveredBetween(
  series: SeriesData,
  window: SampleWindow,
  range: { from: number; to: number; asOf: number }
): number {
  const { times, values, gapMs } = series;
  const { from, to, asOf } = range;
  let covered = 0;
  for (let i = Math.max(window.from, lowerBound(times, from) - 1); i < window.to && times[i] < to; i++) {
    const last = i === window.to - 1;
    const end = last ? asOf : times[i + 1];
    const held = values[i] === values[i] && (last || values[i + 1] === values[i + 1]) && end - times[i] <= gapMs;
    if (held) {
      covered += Math.max(0, Math.min(end, to) - Math.max(times[i], from));
    }
  }
  return covered;
}

/** The share of covered time within target; null when no time is covered. */
export function timeWithinTarget(input: {
  coveredMs: number;
  targetBreaches: readonly Breach[];
  asOf: number;
}): number | null {
  if (!(input.coveredMs > 0)) {
    return null;
  }
  const breachMs = input.targetBreaches.reduce(
    (sum, breach) => sum + ((breach.ongoing ? Math.max(breach.end, input.asOf) : breach.end) - breach.start),
    0
  );
  // Breaches lie inside covered stretches (they end at a null or a gap); the clamp guards rounding.
  return Math.min(1, Math.max(0, 1 - breachMs / input.coveredMs));
}
