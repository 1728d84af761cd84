/**
 * The breach scan passing whole blocks (blockSummary.ts) finds exactly what the scan sample by sample finds:
 * long random series of level runs (in bound, past either side, on the bound), nulls and gaps, scanned whole
 * and resumed at a random cut.
 */
import fc from 'fast-check';
import { BLOCK, blockSummary, contiguousBlock, MIN_SUMMARISED_SCAN } from './blockSummary';
import { BreachFold } from './breachFold';
import { targetBounds } from './breaches';
import { extractSeriesCached } from './extract';
import { seriesOf } from './testUtils';

const MINUTE = 60_000;

const run = fc.record({
  length: fc.integer({ min: 1, max: 700 }),
  level: fc.integer({ min: -3, max: 3 }),
  wobble: fc.integer({ min: 0, max: 3 }),
  nullAt: fc.option(fc.nat(), { nil: null }),
  gapBefore: fc.boolean(),
});

const longSeries = fc.array(run, { minLength: 8, maxLength: 40 }).map((runs) => {
  const times: number[] = [];
  const values: Array<number | null> = [];
  let time = 0;
  for (const { length, level, wobble, nullAt, gapBefore } of runs) {
    time += gapBefore ? 30 * MINUTE : 0;
    for (let i = 0; i < length; i++) {
      time += MINUTE;
      times.push(time);
      values.push(nullAt !== null && nullAt % length === i ? null : 10 * level + (((i * 7) % 5) - 2) * wobble);
    }
  }
  return seriesOf(times, values);
});

const bounds = fc
  .record({
    kind: fc.constantFrom('stayAbove' as const, 'stayBelow' as const, 'stayWithin' as const),
    target: fc.integer({ min: -25, max: 15 }),
    width: fc.integer({ min: 0, max: 30 }),
  })
  .map(({ kind, target, width }) =>
    targetBounds({ kind, target, targetMax: kind === 'stayWithin' ? target + width : null, criticalRatio: 0.15 })
  );

describe('breach scan by blocks', () => {
  test('the same breaches as sample by sample, whole and resumed at any cut', () => {
    fc.assert(
      fc.property(longSeries, bounds, fc.nat(), (series, spec, cut) => {
        const n = series.times.length;
        fc.pre(n >= MIN_SUMMARISED_SCAN);
        const asOf = series.times[n - 1];
        const bySample = new BreachFold(spec!, 0, false);
        bySample.scan(series, 0, n);
        const byBlock = new BreachFold(spec!, 0);
        byBlock.scan(series, 0, n);
        const split = cut % (n + 1);
        const resumed = new BreachFold(spec!, 0);
        resumed.scan(series, 0, split);
        resumed.scan(series, split, n);
        const expected = bySample.finish(asOf, series.gapMs);
        expect(byBlock.finish(asOf, series.gapMs)).toEqual(expected);
        expect(resumed.finish(asOf, series.gapMs)).toEqual(expected);
      }),
      { numRuns: 60 }
    );
  });

  test('a block holds its lowest and highest value, NaN with a null; a gap into or inside it is found', () => {
    const values = Array.from({ length: 3 * BLOCK }, (_, i) => (i === BLOCK + 3 ? null : i % 10));
    const times = values.map((_, i) => i * MINUTE + (i >= BLOCK ? MINUTE : 0) + (i >= 2 * BLOCK + 9 ? MINUTE : 0));
    const series = seriesOf(times, values);
    const summary = blockSummary(series);
    expect(summary.count).toBe(3);
    expect([summary.lows[0], summary.highs[0]]).toEqual([0, 9]);
    expect([summary.lows[1], summary.highs[1]]).toEqual([NaN, NaN]);
    expect([1, 2].map((block) => contiguousBlock(series.times, block * BLOCK, 1.5 * MINUTE))).toEqual([false, false]);
    expect([1, 2].map((block) => contiguousBlock(series.times, block * BLOCK, 2 * MINUTE))).toEqual([true, true]);
  });

  test('a streamed frame shifting its rows in the same arrays (a buffer size) is summarised again', () => {
    // Clean number columns are used without copying, so the summary's key (the values array) survives a
    // shift that keeps the length: the same breaches as the scan sample by sample, before and after it.
    const n = MIN_SUMMARISED_SCAN + 5 * BLOCK;
    const times = Array.from({ length: n }, (_, i) => i * MINUTE);
    const values = times.map(() => 50);
    const spec = targetBounds({ kind: 'stayWithin', target: 0, targetMax: 100, criticalRatio: 0.15 })!;
    const breachesOf = (blocks: boolean) => {
      const series = extractSeriesCached(times, values);
      const fold = new BreachFold(spec, 0, blocks);
      fold.scan(series, 0, series.times.length);
      return fold.finish(series.times[series.times.length - 1], series.gapMs).map((b) => [b.start, b.end]);
    };
    expect(breachesOf(true)).toEqual([]);

    for (let k = 0; k < 100; k++) {
      times.push((n + k) * MINUTE);
      values.push(500);
    }
    times.splice(0, 100);
    values.splice(0, 100);
    values.fill(500, 2000, 2200);

    expect(breachesOf(true)).toEqual(breachesOf(false));
    expect(breachesOf(true)).toHaveLength(2);
  });
});
