/**
 * A series summarised in blocks of BLOCK samples (aligned at index 0), so a breach scan against a constant
 * bound can pass a whole block at once: all of it within the bound, or all of it past the bound on the side
 * of an open breach with no gap inside (breachFold.ts). Built in one pass, once per series (remembered per
 * value array), and only for long scans: a live append scans a few samples and needs none.
 *
 * Per block: the lowest and highest value (NaN when the block holds a null, so no comparison lets it pass),
 * and the longest step between consecutive times, the step into the block from the sample before included
 * (Infinity for the first block, which has none). Example, BLOCK 4, values 5 6 7 5 | 9 NaN 9 9, times every
 * 60 s: block 0 lo 5 hi 7, block 1 lo NaN; against a bound ≤ 8, block 0 passes whole.
 */
import type { SeriesData } from './series';

export const BLOCK_SHIFT = 6;
export const BLOCK = 1 << BLOCK_SHIFT;
/** Scans shorter than this read sample by sample: building the summary would cost more than it saves. */
export const MIN_SUMMARISED_SCAN = 64 * BLOCK;

export interface BlockSummary {
  lows: Float64Array;
  highs: Float64Array;
  steps: Float64Array;
  /** Whole blocks summarised (the series may have grown in place since). */
  count: number;
}

const summaries = new WeakMap<object, BlockSummary>();

export function blockSummary(series: SeriesData): BlockSummary {
  const stored = summaries.get(series.values);
  const whole = Math.min(series.times.length, series.values.length) >> BLOCK_SHIFT;
  if (stored && stored.count === whole) {
    return stored;
  }
  const summary = summarise(series, whole);
  summaries.set(series.values, summary);
  return summary;
}

function summarise({ times, values }: SeriesData, count: number): BlockSummary {
  const lows = new Float64Array(count);
  const highs = new Float64Array(count);
  const steps = new Float64Array(count);
  for (let block = 0; block < count; block++) {
    const start = block << BLOCK_SHIFT;
    let low = Infinity;
    let high = -Infinity;
    let step = start === 0 ? Infinity : times[start] - times[start - 1];
    let hasNull = false;
    for (let i = start; i < start + BLOCK; i++) {
      const value = values[i];
      if (value !== value) {
        hasNull = true;
      }
      low = value < low ? value : low;
      high = value > high ? value : high;
      if (i > start) {
        const gap = times[i] - times[i - 1];
        step = gap > step ? gap : step;
      }
    }
    lows[block] = hasNull ? NaN : low;
    highs[block] = hasNull ? NaN : high;
    steps[block] = step;
  }
  return { lows, highs, steps, count };
}
