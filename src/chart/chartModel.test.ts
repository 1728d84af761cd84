import { alignColumns } from './chartModel';

describe('alignColumns puts the matched series on one time axis for uPlot', () => {
  test('series on the same times share the time column; values without gaps are passed as they are', () => {
    const times = [1, 2, 3];
    const values = [10, 20, 30];
    const [x, y] = alignColumns([{ times, values, hasMissing: false }]);
    expect(x).toBe(times);
    expect(y).toBe(values);
  });

  test('a missing sample (NaN) becomes null, which uPlot draws as a gap', () => {
    const aligned = alignColumns([{ times: [1, 2, 3], values: [10, NaN, 30], hasMissing: true }]);
    expect(aligned.map((column) => Array.from(column))).toEqual([
      [1, 2, 3],
      [10, null, 30],
    ]);
  });

  test('series on different times are merged; a series has null where it has no sample', () => {
    const aligned = alignColumns([
      { times: [1, 3], values: [10, 30], hasMissing: false },
      { times: Float64Array.from([2, 3]), values: Float64Array.from([NaN, 33]), hasMissing: true },
    ]);
    expect(aligned.map((column) => Array.from(column))).toEqual([
      [1, 2, 3],
      [10, null, 30],
      [null, null, 33],
    ]);
  });
});
