import { addToCoverage, coveredMs, EMPTY_COVERAGE, timeWithinTarget } from './coverage';
import type { Breach } from './model';
import { seriesOf } from './testUtils';

const HOUR = 3_600_000;
const hours = (list: number[]) => list.map((h) => h * HOUR);

/** Covered hours of [0, asOf] for samples at `times` (hours); gapMs from the series (5 × median). */
function coveredHours(times: number[], values: Array<number | null>, asOf: number, gapHours?: number): number {
  const series = seriesOf(hours(times), values);
  const gapMs = gapHours === undefined ? series.gapMs : gapHours * HOUR;
  const state = addToCoverage(EMPTY_COVERAGE, { ...series, gapMs }, { from: 0, to: series.times.length });
  return coveredMs(state, { asOf: asOf * HOUR, gapMs }) / HOUR;
}

describe('coverage: time the data speaks for', () => {
  test.each`
    name                                                   | times                          | values                            | asOf  | gap          | covered
    ${'worked example: hourly from 1 to 9, hour 5 null'}   | ${[1, 2, 3, 4, 5, 6, 7, 8, 9]} | ${[1, 1, 1, 1, null, 1, 1, 1, 1]} | ${10} | ${undefined} | ${7}
    ${'before the first sample is not covered'}            | ${[4, 5, 6]}                   | ${[1, 1, 1]}                      | ${6}  | ${undefined} | ${2}
    ${'a stretch longer than the gap rule is not covered'} | ${[0, 1, 2, 3, 10, 11]}        | ${[1, 1, 1, 1, 1, 1]}             | ${11} | ${undefined} | ${4}
    ${'a stretch of exactly the gap rule is covered'}      | ${[0, 1, 2, 3, 8, 9]}          | ${[1, 1, 1, 1, 1, 1]}             | ${9}  | ${undefined} | ${9}
    ${'stale tail (last sample too long ago)'}             | ${[0, 1, 2]}                   | ${[1, 1, 1]}                      | ${20} | ${undefined} | ${2}
    ${'null last sample: no tail'}                         | ${[0, 1, 2]}                   | ${[1, 1, null]}                   | ${3}  | ${undefined} | ${1}
    ${'one sample: the tail up to the gap rule'}           | ${[0]}                         | ${[1]}                            | ${2}  | ${3}         | ${2}
    ${'no samples'}                                        | ${[]}                          | ${[]}                             | ${5}  | ${1}         | ${0}
  `('$name → $covered h', ({ times, values, asOf, gap, covered }) => {
    expect(coveredHours(times, values, asOf, gap)).toBe(covered);
  });

  test('a series with no null takes a times-only loop that gives the general answer, split or whole', () => {
    const series = seriesOf(hours([0, 1, 2, 3, 10, 11, 12]), [1, 1, 1, 1, 1, 1, 1]);
    expect(series.hasMissing).toBe(false);
    const general = { ...series, hasMissing: true };
    for (const [a, b] of [
      [0, 7],
      [0, 3],
      [3, 7],
      [4, 5],
    ]) {
      const before = addToCoverage(EMPTY_COVERAGE, series, { from: 0, to: a });
      const generalBefore = addToCoverage(EMPTY_COVERAGE, general, { from: 0, to: a });
      expect(addToCoverage(before, series, { from: a, to: b })).toEqual(
        addToCoverage(generalBefore, general, { from: a, to: b })
      );
    }
  });

  test('a fold over [a, b) then [b, c) equals one over [a, c)', () => {
    const series = seriesOf(hours([0, 1, 2, 3, 4, 5]), [1, null, 1, 1, 1, 1]);
    const whole = addToCoverage(EMPTY_COVERAGE, series, { from: 0, to: 6 });
    const split = addToCoverage(addToCoverage(EMPTY_COVERAGE, series, { from: 0, to: 3 }), series, { from: 3, to: 6 });
    expect(split).toEqual(whole);
  });
});

describe('time within target = (covered − target breaches) / covered', () => {
  const breach = (start: number, end: number, ongoing = false): Breach => ({
    start: start * HOUR,
    end: end * HOUR,
    ongoing,
    durationSeconds: ((end - start) * HOUR) / 1000,
    worst: 0,
    bound: 0,
    severity: 'warning',
    source: 'target',
  });
  test.each`
    name                                      | covered | breaches                | asOf  | share
    ${'worked example: 1 h breach in 7 h'}    | ${7}    | ${[breach(2, 3)]}       | ${10} | ${6 / 7}
    ${'no breach'}                            | ${7}    | ${[]}                   | ${10} | ${1}
    ${'an ongoing breach counts up to as-of'} | ${10}   | ${[breach(8, 9, true)]} | ${10} | ${0.8}
    ${'nothing covered: no progress'}         | ${0}    | ${[]}                   | ${10} | ${null}
  `('$name → $share', ({ covered, breaches, asOf, share }) => {
    const result = timeWithinTarget({ coveredMs: covered * HOUR, targetBreaches: breaches, asOf: asOf * HOUR });
    if (share === null) {
      expect(result).toBeNull();
    } else {
      expect(result).toBeCloseTo(share, 12);
    }
  });
});
