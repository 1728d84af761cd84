/**
 * Targets that change over time: a step function, each value in force from its time until the next
 * step's time (the last one for ever), and no target before the first step or from a null step on.
 *
 * - From a series (`targetSeries`, `targetMaxSeries`): each sample is a step; a null sample means no
 *   target from then on. Equal neighbours are one step, so a recording rule sampled every 15 s that
 *   holds 1.6M all month is one step, not 180 000.
 * - Inline (`targets: [{ from, value }]`): the dates are read in the dashboard's time zone.
 * - A constant (`target` beside a `targetMaxSeries`) is one step from −∞.
 *
 * A band (stayWithin) is in force where both of its bounds are. In force "at" a time t means the last
 * step with time ≤ t; "before" the period's end (it is exclusive) means the last step with time < end.
 * Example, monthly targets Jul 1 → 1.6M, Aug 1 → 1.7M, Sep 1 → 1.8M for 2026-Q3: at Aug 15 the target is
 * 1.7M, at Aug 1 00:00 it is already 1.7M, before the period's end (Oct 1) it is 1.8M; a step dated Oct 1
 * belongs to Q4. With the first step on Jul 15 instead, Jul 1–15 has no target: it is not judged.
 */
import type { BoundSteps } from './breaches';
import type { NumberColumn } from './extract';
import type { KeyResultModel, TargetStep, TimeValue } from './model';

export interface StepFunction {
  /** Strictly ascending. */
  times: Float64Array;
  /** NaN: no target in force from that time. */
  values: Float64Array;
}

/** Lower and upper bounds on one grid of times (the union of both functions' step times). */
export interface BandSteps {
  times: Float64Array;
  lows: Float64Array;
  /** NaN everywhere when there is no upper bound (kinds other than stayWithin). */
  highs: Float64Array;
}

export const NO_STEPS: StepFunction = { times: new Float64Array(0), values: new Float64Array(0) };

export function constantStep(value: number): StepFunction {
  return { times: Float64Array.of(-Infinity), values: Float64Array.of(value) };
}

/**
 * Steps from a cleaned series (sorted, NaN for null): equal neighbours merge into one step. One pass;
 * allocates only the steps it keeps.
 */
export function stepsFromSeries(series: { times: NumberColumn; values: NumberColumn }): StepFunction {
  const { times, values } = series;
  const keptTimes: number[] = [];
  const keptValues: number[] = [];
  for (let i = 0; i < times.length; i++) {
    const value = values[i];
    const last = keptValues.length - 1;
    if (last >= 0 && sameLevel(keptValues[last], value)) {
      continue;
    }
    keptTimes.push(times[i]);
    keptValues.push(value);
  }
  return { times: Float64Array.from(keptTimes), values: Float64Array.from(keptValues) };
}

/** Steps from (time, value) pairs in any order; the caller has rejected repeated times. */
export function stepsFromPairs(pairs: readonly TimeValue[]): StepFunction {
  const sorted = [...pairs].sort((a, b) => a.time - b.time);
  return stepsFromSeries({
    times: sorted.map((pair) => pair.time),
    values: sorted.map((pair) => pair.value),
  });
}

/** Index of the last step with time ≤ t (or < t when `before`), −1 when none. */
function stepIndex(times: Float64Array, time: number, before: boolean): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before ? times[middle] < time : times[middle] <= time) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low - 1;
}

/** The value in force at `time`; NaN when no target is. */
export function valueAt(steps: StepFunction, time: number): number {
  const index = stepIndex(steps.times, time, false);
  return index < 0 ? NaN : steps.values[index];
}

/** The value in force just before `time` (for a period's exclusive end); NaN when no target is. */
export function valueBefore(steps: StepFunction, time: number): number {
  const index = stepIndex(steps.times, time, true);
  return index < 0 ? NaN : steps.values[index];
}

/**
 * In force at a key result's as-of: the step at as-of while the period runs, the last one before its
 * end once it is over (as-of is then the end itself, which belongs to the next period).
 */
export function valueAtAsOf(steps: StepFunction, asOf: number, periodEnd: number): number {
  return asOf >= periodEnd ? valueBefore(steps, periodEnd) : valueAt(steps, asOf);
}

/** Both bounds on one grid; equal neighbours merge. With no upper function, highs are NaN. */
export function mergeSteps(lower: StepFunction, upper: StepFunction | null): BandSteps {
  const other = upper ?? NO_STEPS;
  const times: number[] = [];
  const lows: number[] = [];
  const highs: number[] = [];
  let i = 0;
  let j = 0;
  while (i < lower.times.length || j < other.times.length) {
    const time = Math.min(lower.times[i] ?? Infinity, other.times[j] ?? Infinity);
    if (lower.times[i] === time) {
      i++;
    }
    if (other.times[j] === time) {
      j++;
    }
    const low = i > 0 ? lower.values[i - 1] : NaN;
    const high = j > 0 ? other.values[j - 1] : NaN;
    const last = times.length - 1;
    if (last >= 0 && sameLevel(lows[last], low) && sameLevel(highs[last], high)) {
      continue;
    }
    times.push(time);
    lows.push(low);
    highs.push(high);
  }
  return { times: Float64Array.from(times), lows: Float64Array.from(lows), highs: Float64Array.from(highs) };
}

/** Whether a band step holds a target: both bounds for a band, the lower one otherwise. */
export function inForce(band: BandSteps, index: number, isBand: boolean): boolean {
  const low = band.lows[index];
  return low === low && (!isBand || band.highs[index] === band.highs[index]);
}

/**
 * The breach scan's bounds for a stay kind: stayAbove keeps values ≥ the target, stayBelow ≤ it,
 * stayWithin inside [target, targetMax]; where no target is in force nothing is bad (±Infinity). The
 * first step is at −∞, as the scan expects.
 */
export function scanBounds(band: BandSteps, kind: 'stayAbove' | 'stayBelow' | 'stayWithin'): BoundSteps {
  const n = band.times.length;
  const leading = n === 0 || band.times[0] !== -Infinity ? 1 : 0;
  const times = new Float64Array(n + leading);
  const lows = new Float64Array(n + leading).fill(-Infinity);
  const highs = new Float64Array(n + leading).fill(Infinity);
  times[0] = -Infinity;
  for (let i = 0; i < n; i++) {
    const at = i + leading;
    times[at] = band.times[i];
    if (!inForce(band, i, kind === 'stayWithin')) {
      continue;
    }
    if (kind === 'stayBelow') {
      highs[at] = band.lows[i];
    } else {
      lows[at] = band.lows[i];
      highs[at] = kind === 'stayWithin' ? band.highs[i] : Infinity;
    }
  }
  return { times, lows, highs };
}

/** Stretches of [from, to) with no target in force, in time order. */
export function stretchesWithoutTarget(
  band: BandSteps,
  range: { from: number; to: number; isBand: boolean }
): Array<[number, number]> {
  const stretches: Array<[number, number]> = [];
  const { from, to, isBand } = range;
  if (!(to > from)) {
    return stretches;
  }
  let index = stepIndex(band.times, from, false);
  let time = from;
  while (time < to) {
    const next = Math.min(index + 1 < band.times.length ? band.times[index + 1] : Infinity, to);
    if (index < 0 || !inForce(band, index, isBand)) {
      const last = stretches[stretches.length - 1];
      if (last && last[1] === time) {
        last[1] = next;
      } else {
        stretches.push([time, next]);
      }
    }
    time = next;
    index++;
  }
  return stretches;
}

/**
 * The steps a view draws for a period: the one in force at the start (from the start), then every step
 * inside the period; null where no target is in force. `max` is the band's upper bound (stayWithin).
 */
export function stepsInPeriod(
  band: BandSteps,
  period: { start: number; end: number; isBand: boolean }
): Array<{ time: number; value: number | null; max: number | null }> {
  const first = stepIndex(band.times, period.start, false);
  const steps: Array<{ time: number; value: number | null; max: number | null }> = [];
  for (let i = Math.max(first, 0); i < band.times.length && band.times[i] < period.end; i++) {
    const held = inForce(band, i, period.isBand);
    steps.push({
      time: Math.max(band.times[i], period.start),
      value: held ? band.lows[i] : null,
      max: held && period.isBand ? band.highs[i] : null,
    });
  }
  if (first < 0 && (steps.length === 0 || steps[0].time > period.start)) {
    steps.unshift({ time: period.start, value: null, max: null });
  }
  return steps;
}

/**
 * A key for the scan cache that changes whenever the steps do: the steps themselves when there are few,
 * else their count and a 64-bit hash of their bits (two independent 32-bit FNV-1a hashes).
 */
export function stepsKey(steps: BoundSteps): string {
  const n = steps.times.length;
  if (n <= 64) {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      parts.push(`${steps.times[i]}:${steps.lows[i]}:${steps.highs[i]}`);
    }
    return parts.join(',');
  }
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ n;
  for (const column of [steps.times, steps.lows, steps.highs]) {
    const words = new Uint32Array(column.buffer, column.byteOffset, column.length * 2);
    for (let i = 0; i < words.length; i++) {
      a = Math.imul(a ^ words[i], 0x01000193);
      b = Math.imul(b ^ words[words.length - 1 - i], 0x01000193) ^ (b >>> 15);
    }
  }
  return `${n}#${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}

function sameLevel(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/**
 * For views: the target in force at `time` inside the key result's period (the step's value, or the one
 * target when it does not change), null outside the period or where no target is in force.
 */
export function targetAt(kr: Pick<KeyResultModel, 'target' | 'targetSteps' | 'period'>, time: number): number | null {
  if (!kr.period || time < kr.period.start || time >= kr.period.end) {
    return null;
  }
  if (kr.targetSteps.length === 0) {
    return kr.target;
  }
  return stepAt(kr.targetSteps, time)?.value ?? null;
}

/** The step in force at `time` (the last one with step.time ≤ time), or undefined. */
export function stepAt(steps: readonly TargetStep[], time: number): TargetStep | undefined {
  let low = 0;
  let high = steps.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (steps[middle].time <= time) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low > 0 ? steps[low - 1] : undefined;
}
