/**
 * The breach scan (rules in breaches.ts) as a resumable fold: scan(from, to) then scan(to, to2) gives
 * exactly what one scan(from, to2) gives, so a live append only scans the new samples (see scanCache.ts).
 *
 * The series is judged point by point against the bound in force at each point. A point is a sample,
 * or — where a stepped bound moves between two contiguous samples — the line's value at the step's time,
 * judged twice: as the end of the stretch under the old level (a crossing before it is interpolated),
 * then under the new level as a stretch of no length (a change there starts or ends the breach exactly
 * at the step). Steps across a null or a gap are not judged: no data speaks for that moment.
 *
 * The loop works on plain locals copied from the fields (no closure captures them, which keeps V8 from
 * boxing them) and writes them back once at the end. A constant bound is one step, so its scan never
 * takes the step branch and keeps the fast run over in-bound samples. On a long scan against a constant
 * bound it passes whole blocks (blockSummary.ts): a block within the bound outside a breach moves only
 * "previous"; a block wholly past the bound on the open breach's side, with no gap, moves its last bad
 * time and perhaps its worst value (the block's extreme: the first sample holding it, as sample by sample).
 */
import * as blocking from './blockSummary';
import { blockSummary, contiguousBlock } from './blockSummary';
import type { BoundSpec } from './breaches';
import type { Breach } from './model';
import type { SeriesData } from './series';

// Read once: an imported binding read in the scan's loop can cost a call per read (CommonJS getters).
const BLOCK = blocking.BLOCK;
const BLOCK_SHIFT = blocking.BLOCK_SHIFT;
const MIN_SUMMARISED_SCAN = blocking.MIN_SUMMARISED_SCAN;

interface Found {
  start: number;
  end: number;
  worst: number;
  worstBound: number;
  worstBand: number;
  ongoing: boolean;
}

export class BreachFold {
  private readonly closed: Breach[] = [];
  private open = false;
  /** Which side the open breach is on: below the low bound, else above the high one. */
  private below = false;
  private start = 0;
  private lastBad = 0;
  private worst = 0;
  private worstExcess = -1;
  /** The bound, and the band's width, in force where the worst value is. */
  private worstBound = 0;
  private worstBand = 0;
  private previousTime = NaN;
  private previousValue = NaN;
  /** Index of the step in force at the last point judged. */
  private step = 0;

  constructor(
    private readonly bounds: BoundSpec,
    private readonly minDurationSeconds: number,
    /** false: sample by sample always (tests compare the two). */
    private readonly useBlocks = true
  ) {}

  scan(series: SeriesData, from: number, to: number): void {
    const { times, values, gapMs } = series;
    // A step series (a manual key result's check-ins) holds each value until the next: it crosses a bound
    // at a sample's time, never between samples.
    const held = series.steps === true;
    const { times: stepTimes, lows, highs } = this.bounds.steps;
    const lastStep = stepTimes.length - 1;
    let { open, below, start, lastBad, worst, worstExcess, worstBound, worstBand, previousTime, previousValue, step } =
      this;
    let low = lows[step];
    let high = highs[step];
    let nextStep = step < lastStep ? stepTimes[step + 1] : Infinity;
    // 1 while the line's value at the next step's time has been judged under the old level only.
    let atStep = 0;
    let stepValue = NaN;
    let i = from;
    const blocks = this.useBlocks && lastStep === 0 && to - from >= MIN_SUMMARISED_SCAN ? blockSummary(series) : null;
    const blockEnd = blocks ? Math.min(to, blocks.count << BLOCK_SHIFT) : 0;
    while (i < to) {
      if (open && blocks && (i & (BLOCK - 1)) === 0 && i + BLOCK <= blockEnd) {
        const block = i >> BLOCK_SHIFT;
        const blockLow = blocks.lows[block];
        const blockHigh = blocks.highs[block];
        if ((below ? blockHigh < low : blockLow > high) && i > 0 && contiguousBlock(times, i, gapMs)) {
          const excess = below ? low - blockLow : blockHigh - high;
          if (excess > worstExcess) {
            worstExcess = excess;
            worst = below ? blockLow : blockHigh;
            worstBound = below ? low : high;
            worstBand = high - low;
          }
          i += BLOCK;
          lastBad = previousTime = times[i - 1];
          previousValue = values[i - 1];
          continue;
        }
      }
      if (!open && atStep === 0) {
        // Most samples are in bounds, and outside a breach such a run only moves "previous": skip it
        // reading values alone (this halves the scan's time at 1M points). NaN ends the run.
        const runStart = i;
        if (blocks) {
          while (i < to) {
            if ((i & (BLOCK - 1)) === 0 && i + BLOCK <= blockEnd) {
              const block = i >> BLOCK_SHIFT;
              if (blocks.lows[block] >= low && blocks.highs[block] <= high) {
                i += BLOCK;
                continue;
              }
            }
            if (!(values[i] >= low && values[i] <= high)) {
              break;
            }
            i++;
          }
        } else if (nextStep === Infinity) {
          while (i < to && values[i] >= low && values[i] <= high) {
            i++;
          }
        } else {
          while (i < to && times[i] < nextStep && values[i] >= low && values[i] <= high) {
            i++;
          }
        }
        if (i > runStart) {
          previousTime = times[i - 1];
          previousValue = values[i - 1];
          if (i === to) {
            break;
          }
        }
      }
      let time = times[i];
      let value = values[i];
      let isSample = true;
      if (time >= nextStep) {
        // A step at or before this sample: between contiguous samples the line's value at its time is
        // judged under the old level, then under the new one; across a null or a gap only the level changes.
        const judged =
          atStep === 1 || (value === value && previousValue === previousValue && time - previousTime <= gapMs);
        if (atStep === 1 || !judged) {
          step++;
          low = lows[step];
          high = highs[step];
        } else {
          stepValue = held ? previousValue : lineAt(previousTime, previousValue, time, value, nextStep);
        }
        atStep = judged ? 1 - atStep : 0;
        if (judged) {
          time = nextStep;
          value = stepValue;
          isSample = false;
        }
        if (atStep === 0) {
          nextStep = step < lastStep ? stepTimes[step + 1] : Infinity;
        }
        if (!judged) {
          continue;
        }
      }
      if (value !== value) {
        if (open) {
          this.keep({ start, end: lastBad, worst, worstBound, worstBand, ongoing: false });
          open = false;
        }
        previousValue = NaN;
        i++;
        continue;
      }
      const contiguous = previousValue === previousValue && time - previousTime <= gapMs;
      const bad = value < low || value > high;
      // Open means the previous point was bad; a jump to the band's other side passes through the band.
      if (open && (!contiguous || !bad || below !== value < low)) {
        const end = !contiguous
          ? lastBad
          : held
            ? time
            : crossing(previousTime, previousValue, time, value, below ? low : high);
        this.keep({ start, end, worst, worstBound, worstBand, ongoing: false });
        open = false;
      }
      if (bad) {
        if (!open) {
          open = true;
          below = value < low;
          start = contiguous && !held ? crossing(previousTime, previousValue, time, value, below ? low : high) : time;
          worstExcess = -1;
        }
        const excess = value < low ? low - value : value - high;
        if (excess > worstExcess) {
          worstExcess = excess;
          worst = value;
          worstBound = value < low ? low : high;
          worstBand = high - low;
        }
        lastBad = time;
      }
      previousTime = time;
      previousValue = value;
      if (isSample) {
        i++;
      }
    }
    Object.assign(this, {
      open,
      below,
      start,
      lastBad,
      worst,
      worstExcess,
      worstBound,
      worstBand,
      previousTime,
      previousValue,
      step,
    });
  }

  /** The breaches so far, the open one closed at its last bad point; the fold itself is unchanged. */
  finish(asOf: number, gapMs: number): Breach[] {
    const breaches = this.closed.slice();
    if (this.open) {
      const { start, lastBad, worst, worstBound, worstBand } = this;
      const ongoing = asOf - lastBad <= gapMs;
      const last = this.toBreach({ start, end: lastBad, worst, worstBound, worstBand, ongoing });
      if (last) {
        breaches.push(last);
      }
    }
    return breaches;
  }

  private keep(found: Found): void {
    const breach = this.toBreach(found);
    if (breach) {
      this.closed.push(breach);
    }
  }

  /** null when shorter than minDurationSeconds. */
  private toBreach({ start, end, worst, worstBound, worstBand, ongoing }: Found): Breach | null {
    const durationSeconds = (end - start) / 1000;
    if (durationSeconds < this.minDurationSeconds) {
      return null;
    }
    const severity = this.bounds.severity(worst, worstBound, worstBand);
    return { start, end, ongoing, durationSeconds, worst, bound: worstBound, severity, source: this.bounds.source };
  }
}

/** Time at which the line from (t0, v0) to (t1, v1) reaches `bound`. */
export function crossing(t0: number, v0: number, t1: number, v1: number, bound: number): number {
  if (v1 === v0) {
    return t1;
  }
  // Halved so that values near ±1e308 cannot overflow the differences (−MAX to MAX would be Infinity).
  const fraction = (bound / 2 - v0 / 2) / (v1 / 2 - v0 / 2);
  return t0 + Math.min(1, Math.max(0, fraction)) * (t1 - t0);
}

/** The line's value at `time` (t0 < time ≤ t1), weighted so that values near ±1e308 cannot overflow. */
function lineAt(t0: number, v0: number, t1: number, v1: number, time: number): number {
  if (time >= t1) {
    return v1;
  }
  const fraction = (time - t0) / (t1 - t0);
  return v0 * (1 - fraction) + v1 * fraction;
}
