/**
 * Breaches: maximal intervals where the series is on the bad side of a bound, with exact crossings.
 *
 * Bounds: a value is bad when value < low or value > high (equal is fine).
 * - stayAbove target T: low = T; stayBelow: high = T; stayWithin [T, Tmax]: low = T, high = Tmax.
 * - Grafana thresholds (field.config.thresholds, absolute; percentage mode maps p to
 *   min + p/100 × (max − min) with the field's config min/max, else the series' own min/max), with the
 *   field's breachDirection: 'above' → high = the first non-base step (steps[1]); 'below' → low = the
 *   last step.
 *
 * Crossing times are interpolated linearly between the two samples around the crossing, except on a
 * step series (a manual key result's check-ins, manual.ts), whose value changes at a sample: there the
 * crossing is that sample's time.
 * Example, stayBelow 100: (t=0, 80) → (t=60 s, 120) crosses at 0 + (100−80)/(120−80) × 60 s = 30 s;
 * (t=120 s, 110) → (t=180 s, 90) crosses back at 120 + (110−100)/(110−90) × 60 s = 150 s: one breach
 * [30 s, 150 s], 120 s long, worst 120.
 * A band (stayWithin) is two bounds: a series that jumps from above the band to below it between two
 * samples passes through the band, so that is two breaches, each with its own crossing: band [10, 20],
 * (0 s, 25) → (60 s, 5) leaves the upper breach at 15 s (25 → 20) and enters the lower one at 45 s.
 * A breach starting at the window's first sample, or right after a null or a gap, starts at that
 * sample (no interpolation across missing data). A null (NaN) or a gap (> gapMs = 5 × median interval,
 * see extract.ts) ends a breach at its last bad sample.
 *
 * Bounds that change over time (targetSteps.ts): the bound in force at each moment is used, a step
 * holding from its time until the next. Where the series crosses a step's level the crossing is
 * interpolated as above; where a step moves across the series between two samples, the line's value at
 * the step's time is judged against both levels, so the breach starts or ends exactly at the step.
 * Example, stayBelow with 300 until 60 s and 250 from then, samples (0 s, 270) → (120 s, 230): good
 * under 300; at 60 s the line is at 250 against 250 (equal is fine)… with (0 s, 270) → (120 s, 270) the
 * breach starts at 60 s, the step's time, worst 270. Time with no bound in force is never a breach.
 *
 * Ongoing: the breach includes the window's last sample and as-of is within gapMs of it (the data is
 * not stale). Its `end` is that last sample's time, so every breach lies inside the data's span; a view
 * may extend an ongoing breach to as-of.
 *
 * minDurationSeconds drops breaches shorter than it (a breach of exactly the minimum is kept).
 *
 * Severity: for targets, 'critical' when the worst value is past the bound by more than
 * tolerances.offTrack of the bound's scale (|bound|, or the band width for stayWithin; 1 when that is
 * 0), else 'warning' — stayBelow 100 with worst 120 is 20 % past → critical with the default 0.15.
 * For thresholds, 'critical' when the worst value is past two or more steps in the breach direction,
 * else 'warning' (steps 80, 90, 'above': worst 85 → warning, worst 95 → critical).
 */
import { ThresholdsMode, type Field } from '@grafana/data';
import type { KeyResultKind } from '../types';
import { BreachFold } from './breachFold';
import type { Breach, BreachSeverity, BreachSource } from './model';
import type { SampleWindow } from './reduce';
import type { NumberColumn } from './extract';
import type { SeriesData } from './series';

/**
 * Bounds as a step function: lows[i] and highs[i] are in force from times[i] until times[i + 1] (the last
 * ones for ever); times ascend and times[0] is −Infinity. ±Infinity means no bound on that side, so a
 * stretch with neither is never a breach. A constant bound is one step.
 */
export interface BoundSteps {
  times: Float64Array;
  lows: Float64Array;
  highs: Float64Array;
}

export interface BoundSpec {
  steps: BoundSteps;
  /** Everything that decides this spec's breaches (bounds and severity rule): the scan cache's key. */
  key: string;
  source: BreachSource;
  /** `band` = high − low in force where the worst value is (Infinity when one side is unbounded). */
  severity: (worst: number, bound: number, band: number) => BreachSeverity;
}

export function constantBounds(low: number, high: number): BoundSteps {
  return { times: Float64Array.of(-Infinity), lows: Float64Array.of(low), highs: Float64Array.of(high) };
}

export interface BreachScan {
  series: SeriesData;
  window: SampleWindow;
  bounds: BoundSpec;
  asOf: number;
  minDurationSeconds: number;
}

export interface BreachSummary {
  /** Disjoint intervals in the union of all breaches: a target and a threshold breach that overlap are one. */
  breachCount: number;
  breachCountBySource: Record<BreachSource, number>;
  breachSeconds: number;
  longestBreachSeconds: number;
  ongoingBreach: boolean;
}

export function targetBounds(input: {
  kind: KeyResultKind;
  target: number;
  targetMax: number | null;
  criticalRatio: number;
}): BoundSpec | null {
  const { kind, target, targetMax, criticalRatio } = input;
  if (kind === 'increase' || kind === 'decrease') {
    return null; // before building the closures below: this runs for every key result on every refresh
  }
  const spec = (low: number, high: number): BoundSpec => ({
    steps: constantBounds(low, high),
    key: `target|${low}|${high}|${criticalRatio}`,
    source: 'target',
    severity: targetSeverity(kind, criticalRatio),
  });
  switch (kind) {
    case 'stayAbove':
      return spec(target, Infinity);
    case 'stayBelow':
      return spec(-Infinity, target);
    case 'stayWithin':
      return targetMax === null ? null : spec(target, targetMax);
    default:
      return null;
  }
}

/**
 * A target breach is critical when the worst value is past the bound by more than `criticalRatio` of the
 * bound's scale: |bound|, or the band's width for stayWithin (1 when that is 0).
 */
export function targetSeverity(kind: KeyResultKind, criticalRatio: number): BoundSpec['severity'] {
  const within = kind === 'stayWithin';
  return (worst, bound, band) => {
    const scale = (within ? band : Math.abs(bound)) || 1;
    return Math.abs(worst - bound) / scale > criticalRatio ? 'critical' : 'warning';
  };
}

/** Bounds from the field's Grafana thresholds; null with a message when there is no usable step. */
export function thresholdBounds(input: { field: Field; direction: 'above' | 'below'; series: SeriesData }): {
  bounds: BoundSpec | null;
  message: string | null;
} {
  const thresholds = input.field.config.thresholds;
  const steps = (thresholds?.steps ?? []).filter((step) => Number.isFinite(step.value));
  if (steps.length === 0) {
    return {
      bounds: null,
      message: `breachDirection is '${input.direction}' but the field has no threshold steps`,
    };
  }
  const toAbsolute =
    thresholds?.mode === ThresholdsMode.Percentage ? percentScale(input.field, input.series) : identity;
  const levels = steps.map((step) => toAbsolute(step.value)).sort((a, b) => a - b);
  const above = input.direction === 'above';
  const severity = (worst: number): BreachSeverity => {
    const passed = levels.filter((level) => (above ? worst > level : worst < level)).length;
    return passed >= 2 ? 'critical' : 'warning';
  };
  const key = `threshold|${input.direction}|${levels.join(',')}`;
  const bounds: BoundSpec = {
    steps: above ? constantBounds(-Infinity, levels[0]) : constantBounds(levels[levels.length - 1], Infinity),
    key,
    source: 'threshold',
    severity,
  };
  return { bounds, message: null };
}

/** One pass over the window; allocates only per breach. */
export function findBreaches(scan: BreachScan): Breach[] {
  const fold = new BreachFold(scan.bounds, scan.minDurationSeconds);
  fold.scan(scan.series, scan.window.from, scan.window.to);
  return fold.finish(scan.asOf, scan.series.gapMs);
}

/** Count, union length, longest and ongoing over breaches sorted by start (sources may overlap). */
export function summarizeBreaches(breaches: readonly Breach[]): BreachSummary {
  let breachMs = 0;
  let disjoint = 0;
  let coveredUntil = -Infinity;
  let longest = 0;
  const breachCountBySource: Record<BreachSource, number> = { target: 0, threshold: 0 };
  for (const breach of breaches) {
    if (breach.start > coveredUntil) {
      disjoint++;
    }
    const from = Math.max(breach.start, coveredUntil);
    breachMs += Math.max(0, breach.end - from);
    coveredUntil = Math.max(coveredUntil, breach.end);
    longest = Math.max(longest, breach.durationSeconds);
    breachCountBySource[breach.source]++;
  }
  return {
    breachCount: disjoint,
    breachCountBySource,
    breachSeconds: breachMs / 1000,
    longestBreachSeconds: longest,
    ongoingBreach: breaches.some((breach) => breach.ongoing),
  };
}

function identity(value: number): number {
  return value;
}

function percentScale(field: Field, series: SeriesData): (percent: number) => number {
  let min = typeof field.config.min === 'number' ? field.config.min : Infinity;
  let max = typeof field.config.max === 'number' ? field.config.max : -Infinity;
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    const range = dataRange(series.values);
    min = Number.isFinite(min) ? min : range.min;
    max = Number.isFinite(max) ? max : range.max;
  }
  return (percent) => min + (percent / 100) * (max - min);
}

function dataRange(values: NumberColumn): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value < min) {
      min = value;
    }
    if (value > max) {
      max = value;
    }
  }
  return { min, max };
}
