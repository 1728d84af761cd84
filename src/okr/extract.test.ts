import fc from 'fast-check';
import { evaluate } from './evaluate';
import { extractSeries, extractSeriesCached } from './extract';
import type { KeyResultModel } from './model';
import { DAY, MINUTE, Q3_START, frameOf } from './testUtils';

const plain = (values: ArrayLike<number>) => Array.from(values);

describe('clean columns are used without copying', () => {
  test.each`
    name                      | times                           | values
    ${'number arrays'}        | ${[1, 2, 3]}                    | ${[10, 20, 30]}
    ${'Float64Arrays'}        | ${Float64Array.from([1, 2, 3])} | ${Float64Array.from([10, 20, 30])}
    ${'a NaN value (a null)'} | ${[1, 2, 3]}                    | ${[10, NaN, 30]}
  `('$name are the series itself', ({ times, values }) => {
    const series = extractSeries(times, values);
    expect(series.times).toBe(times);
    expect(series.values).toBe(values);
    expect(series.hasMissing).toBe(plain(values).some(Number.isNaN));
  });

  test.each`
    name                        | times                                 | values                | expectedTimes | expectedValues   | hasMissing
    ${'a null value'}           | ${[1, 2, 3]}                          | ${[10, null, 30]}     | ${[1, 2, 3]}  | ${[10, NaN, 30]} | ${true}
    ${'an Infinity value'}      | ${[1, 2, 3]}                          | ${[10, Infinity, 30]} | ${[1, 2, 3]}  | ${[10, NaN, 30]} | ${true}
    ${'a numeric string value'} | ${[1, 2, 3]}                          | ${[10, '20', 30]}     | ${[1, 2, 3]}  | ${[10, 20, 30]}  | ${false}
    ${'an ISO time'}            | ${['1970-01-01T00:00:00.001Z', 2, 3]} | ${[10, 20, 30]}       | ${[1, 2, 3]}  | ${[10, 20, 30]}  | ${false}
    ${'descending times'}       | ${[3, 2, 1]}                          | ${[30, 20, 10]}       | ${[1, 2, 3]}  | ${[10, 20, 30]}  | ${false}
    ${'a repeated time'}        | ${[1, 2, 2]}                          | ${[10, 20, 21]}       | ${[1, 2]}     | ${[10, 21]}      | ${false}
    ${'columns of two lengths'} | ${[1, 2, 3]}                          | ${[10, 20]}           | ${[1, 2]}     | ${[10, 20]}      | ${false}
  `(
    '$name → a cleaned copy; the field is untouched',
    ({ times, values, expectedTimes, expectedValues, hasMissing }) => {
      const before = [[...times], [...values]];
      const series = extractSeries(times, values);
      expect(series.values).not.toBe(values);
      expect([plain(series.times), plain(series.values), series.hasMissing]).toEqual([
        expectedTimes,
        expectedValues,
        hasMissing,
      ]);
      expect([times, values]).toEqual(before);
    }
  );

  test('a clean series the stream appends to in place extends with the same lineage', () => {
    const times = [1, 2, 3];
    const values = [10, 20, 30];
    const before = extractSeriesCached(times, values);
    // A zero-copy series is the frame's arrays themselves: it shows the frame as it is now.
    expect(before.times).toBe(times);
    times.push(4, 5);
    values.push(NaN, 50);
    const after = extractSeriesCached(times, values);
    expect(after.lineage).toBe(before.lineage);
    expect([plain(after.times), plain(after.values), after.hasMissing]).toEqual([
      [1, 2, 3, 4, 5],
      [10, 20, 30, NaN, 50],
      true,
    ]);
    times.push(6);
    values.push(60);
    expect(plain(extractSeriesCached(times, values).values)).toEqual([10, 20, 30, NaN, 50, 60]);
  });

  test('a time column that grew before its values gives a series whose columns still have one length', () => {
    const times = [1, 2, 3];
    const values = [10, 20, 30];
    extractSeriesCached(times, values);
    times.push(4); // the stream has pushed the time, not yet the value
    const series = extractSeriesCached(times, values);
    expect([plain(series.times), plain(series.values)]).toEqual([
      [1, 2, 3],
      [10, 20, 30],
    ]);
    values.push(40);
    expect(plain(extractSeriesCached(times, values).values)).toEqual([10, 20, 30, 40]);
  });
});

describe('extraction is remembered and extended on appends', () => {
  test('the same arrays give the same series object', () => {
    const times = [1, 2, 3];
    const values = [10, 20, 30];
    expect(extractSeriesCached(times, values)).toBe(extractSeriesCached(times, values));
  });

  test('appended rows extend the series and keep its lineage', () => {
    const times = [1, 2, 3];
    const values = [10, null, 30];
    const before = extractSeriesCached(times, values);
    times.push(4, 5);
    values.push(40, 50);
    const after = extractSeriesCached(times, values);
    expect(after.lineage).toBe(before.lineage);
    expect([plain(after.times), plain(after.values)]).toEqual([
      [1, 2, 3, 4, 5],
      [10, NaN, 30, 40, 50],
    ]);
    expect([plain(before.times), plain(before.values)]).toEqual([
      [1, 2, 3],
      [10, NaN, 30],
    ]);
  });

  test.each`
    name                           | change
    ${'an out-of-order row'}       | ${(t: number[], v: number[]) => (t.push(0), v.push(0))}
    ${'a row at the same time'}    | ${(t: number[], v: number[]) => (t.push(3), v.push(31))}
    ${'the first row shifted out'} | ${(t: number[], v: number[]) => (t.shift(), v.shift(), t.push(4), v.push(40))}
    ${'the last value rewritten'}  | ${(t: number[], v: number[]) => ((v[2] = 33), t.push(4), v.push(40))}
  `('$name → a full extraction with a new lineage, same result as from scratch', ({ change }) => {
    const times = [1, 2, 3];
    const values = [10, 20, 30];
    const before = extractSeriesCached(times, values);
    change(times, values);
    const after = extractSeriesCached(times, values);
    const fresh = extractSeries([...times], [...values]);
    expect(after.lineage).not.toBe(before.lineage);
    expect([plain(after.times), plain(after.values)]).toEqual([plain(fresh.times), plain(fresh.values)]);
  });
});

/** The fields a view reads; `field`, `times` and `values` are compared through their contents. */
function comparable(kr: KeyResultModel) {
  const { field, times, values, ...rest } = kr;
  return { ...rest, times: plain(times), values: plain(values), fieldName: field?.name };
}

describe('resumed scans equal scans from scratch', () => {
  test('evaluating after appends gives what evaluating copies of the data gives', () => {
    const keyResults = [
      { title: 'up', series: 'load', period: '2026-Q3', kind: 'increase', target: 100 },
      { title: 'mean', series: 'load', period: '2026-Q3', kind: 'increase', target: 100, reducer: 'mean' },
      { title: 'below', series: 'load', period: '2026-Q3', kind: 'stayBelow', target: 60 },
      { title: 'within', series: 'load', period: '2026-Q3', kind: 'stayWithin', target: 20, targetMax: 70 },
    ];
    const options = {
      objectives: [{ title: 'o', keyResults }],
      breaches: { thresholds: 'none', minDurationSeconds: 30 },
    };
    const step = fc.record({
      gap: fc.integer({ min: 1, max: 30 }),
      value: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 6 }),
    });
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 40 }),
        fc.array(fc.array(step, { maxLength: 6 }), { maxLength: 6 }),
        (initial, appends) => {
          const times: number[] = [];
          const values: Array<number | null> = [];
          const push = (points: typeof initial) =>
            points.forEach(({ gap, value }) => {
              times.push((times.length ? times[times.length - 1] : Q3_START) + gap * MINUTE);
              values.push(value);
            });
          const run = (t: number[], v: Array<number | null>) =>
            evaluate({
              options,
              frames: [frameOf({ name: 'load', times: t, values: v })],
              timeRange: { from: Q3_START, to: Q3_START + 92 * DAY },
              timeZone: 'utc',
              now: Q3_START + 92 * DAY,
            }).objectives[0].keyResults.map(comparable);
          push(initial);
          run(times, values);
          for (const batch of appends) {
            push(batch);
            expect(run(times, values)).toEqual(run([...times], [...values]));
          }
        }
      ),
      { numRuns: 60 }
    );
  });
});
