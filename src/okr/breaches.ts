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
import type { Breach, BreachSeverity, BreachSource } from './model';
import type { SampleWindow } from './reduce';
import type { NumberColumn } from './extract';
import type { SeriesData } from './series';

export interface BoundSpec {
  low: number;
  high: number;
  /** Everything that decides this spec's breaches (bounds and severity rule): the scan cache's key. */
  key: string;
  source: BreachSource;
  severity: (worst: number, bound: number) => BreachSeverity;
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
  const band = kind === 'stayWithin' && targetMax !== null ? targetMax - target : null;
  const severity = (worst: number, bound: number): BreachSeverity => {
    const scale = (band ?? Math.abs(bound)) || 1;
    return Math.abs(worst - bound) / scale > criticalRatio ? 'critical' : 'warning';
  };
  const spec = (low: number, high: number): BoundSpec => ({
    low,
    high,
    key: `target|${low}|${high}|${criticalRatio}`,
    source: 'target',
    severity,
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
  const bounds: BoundSpec = above
    ? { low: -Infinity, high: levels[0], key, source: 'threshold', severity }
    : { low: levels[levels.length - 1], high: Infinity, key, source: 'threshold', severity };
  return { bounds, message: null };
}

/** One pass over the window; allocates only per breach. */
export function findBreaches(scan: BreachScan): Breach[] {
  const fold = new BreachFold(scan.bounds, scan.minDurationSeconds);
  fold.scan(scan.series, scan.window.from, scan.window.to);
  return fold.finish(scan.asOf, scan.series.gapMs);
}

/**
 * The breach scan as a resumable fold: scan(from, to) then scan(to, to2) gives exactly what one
 * scan(from, to2) gives, so a live append only scans the new samples (see scanCache.ts). The loop
 * works on plain locals copied from the fields (no closure captures them, which keeps V8 from boxing
 * them) and writes them back once at the end.
 */
export class BreachFold {
  private readonly closed: Breach[] = [];
  private open = false;
  private start = 0;
  private lastBad = 0;
  private worst = 0;
  private worstExcess = -1;
  private previousTime = NaN;
  private previousValue = NaN;

  constructor(
    private readonly bounds: BoundSpec,
    private readonly minDurationSeconds: number
  ) {}

  scan(series: SeriesData, from: number, to: number): void {
    const { times, values, gapMs } = series;
    const steps = series.steps === true;
    const { low, high } = this.bounds;
    let { open, start, lastBad, worst, worstExcess, previousTime, previousValue } = this;
    for (let i = from; i < to; i++) {
      if (!open) {
        // Most samples are in bounds, and outside a breach such a run only moves "previous": skip it
        // reading values alone (this halves the scan's time at 1M points). NaN ends the run.
        const runStart = i;
        while (i < to && values[i] >= low && values[i] <= high) {
          i++;
        }
        if (i > runStart) {
          previousTime = times[i - 1];
          previousValue = values[i - 1];
          if (i === to) {
            break;
          }
        }
      }
      const time = times[i];
      const value = values[i];
      if (value !== value) {
        if (open) {
          this.keep({ start, end: lastBad, worst, ongoing: false });
          open = false;
        }
        previousValue = NaN;
        continue;
      }
      const contiguous = previousValue === previousValue && time - previousTime <= gapMs;
      const bad = value < low || value > high;
      // Open means the previous sample was bad; a jump to the band's other side passes through the band.
      if (open && (!contiguous || !bad || previousValue < low !== value < low)) {
        const end = !contiguous
          ? lastBad
          : steps
            ? time
            : crossing(previousTime, previousValue, time, value, previousValue < low ? low : high);
        this.keep({ start, end, worst, ongoing: false });
        open = false;
      }
      if (bad) {
        if (!open) {
          open = true;
          start =
            contiguous && !steps ? crossing(previousTime, previousValue, time, value, value < low ? low : high) : time;
          worstExcess = -1;
        }
        const excess = value < low ? low - value : value - high;
        if (excess > worstExcess) {
          worstExcess = excess;
          worst = value;
        }
        lastBad = time;
      }
      previousTime = time;
      previousValue = value;
    }
    Object.assign(this, { open, start, lastBad, worst, worstExcess, previousTime, previousValue });
  }

  /** The breaches so far, the open one closed at its last bad sample; the fold itself is unchanged. */
  finish(asOf: number, gapMs: number): Breach[] {
    const breaches = this.closed.slice();
    if (this.open) {
      const ongoing = asOf - this.lastBad <= gapMs;
      const last = this.toBreach({ start: this.start, end: this.lastBad, worst: this.worst, ongoing });
      if (last) {
        breaches.push(last);
      }
    }
    return breaches;
  }

  private keep(found: { start: number; end: number; worst: number; ongoing: boolean }): void {
    const breach = this.toBreach(found);
    if (breach) {
      this.closed.push(breach);
    }
  }

  /** null when shorter than minDurationSeconds. */
  private toBreach(found: { start: number; end: number; worst: number; ongoing: boolean }): Breach | null {
    const durationSeconds = (found.end - found.start) / 1000;
    if (durationSeconds < this.minDurationSeconds) {
      return null;
    }
    const { low, high, source } = this.bounds;
    const bound = found.worst < low ? low : high;
    return { ...found, durationSeconds, bound, severity: this.bounds.severity(found.worst, bound), source };
  }
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

/** Time at which the line from (t0, v0) to (t1, v1) reaches `bound`. */
function crossing(t0: number, v0: number, t1: number, v1: number, bound: number): number {
  if (v1 === v0) {
    return t1;
  }
  // Halved so that values near ±1e308 cannot overflow the differences (−MAX to MAX would be Infinity).
  const fraction = (bound / 2 - v0 / 2) / (v1 / 2 - v0 / 2);
  return t0 + Math.min(1, Math.max(0, fraction)) * (t1 - t0);
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
