/**
 * A series summarised in blocks of BLOCK samples (aligned at index 0), so a breach scan against a constant
 * bound can pass a whole block at once: all of it within the bound, or all of it past the bound on the side
 * of an open breach with no gap inside (breachFold.ts). Built in one pass, once per series (remembered per
 * value array), and only for long scans: a live append scans a few samples and needs none.
 *
 * Per block: the lowest and highest value (NaN when the block holds a null, so no comparison lets it pass).
 * Whether a block has a gap is read from its times only when a breach is open at it (contiguousBlock).
 * Example, BLOCK 4, values 5 6 7 5 | 9 NaN 9 9: block 0 low 5 high 7, block 1 NaN; against a bound ≤ 8,
 * block 0 passes whole.
 */
import type { SeriesData } from './series';

export const BLOCK_SHIFT = 6;
export const BLOCK = 1 << BLOCK_SHIFT;
/** Scans shorter than this read sample by sample: building the summary would cost more than it saves. */
export const MIN_SUMMARISED_SCAN = 64 * BLOCK;

export interface BlockSummary {
  lows: Float64Array;
  highs: Float64Array;
  /** Whole blocks summarised (the series may have grown in place since). */
  count: number;
  /**
   * The series' lineage when summarised. A streamed frame with a buffer size shifts its rows in the same
   * array (same length, other values): extraction gives that a new lineage, and the summary is rebuilt.
   */
  lineage: object;
}

const summaries = new WeakMap<object, BlockSummary>();

export function blockSummary(series: SeriesData): BlockSummary {
  const stored = summaries.get(series.values);
  const whole = Math.min(series.times.length, series.values.length) >> BLOCK_SHIFT;
  if (stored && stored.count === whole && stored.lineage === series.lineage) {
    return stored;
  }
  const summary = summarise(series, whole);
  summaries.set(series.values, summary);
  return summary;
}

function summarise({ values, hasMissing, lineage }: SeriesData, count: number): BlockSummary {
  const lows = new Float64Array(count);
  const highs = new Float64Array(count);
  for (let block = 0; block < count; block++) {
    const start = block << BLOCK_SHIFT;
    let low = Infinity;
    let high = -Infinity;
    let hasNull = false;
    for (let i = start; i < start + BLOCK; i++) {
      const value = values[i];
      low = value < low ? value : low;
      high = value > high ? value : high;
    }
    // Comparisons with NaN are false, so only a series with nulls needs the check.
    if (hasMissing) {
      for (let i = start; i < start + BLOCK; i++) {
        hasNull ||= values[i] !== values[i];
      }
    }
    lows[block] = hasNull ? NaN : low;
    highs[block] = hasNull ? NaN : high;
  }
  return { lows, highs, count, lineage };
}

/** Whether every step into and within the block starting at `start` (> 0) is at most `gapMs`. */
export function contiguousBlock(times: ArrayLike<number>, start: number, gapMs: number): boolean {
  for (let i = start; i < start + BLOCK; i++) {
    if (!(times[i] - times[i - 1] <= gapMs)) {
      return false;
    }
  }
  return true;
}
