import {
  downsampleMinMax,
  SparklineFrame,
  sparklinePath,
  stepPoints,
  targetStepsPath,
  valueExtent,
} from './sparklineData';

const T0 = Date.UTC(2026, 6 /* Jul */, 1);
const MINUTE = 60_000;

function series(values: number[], step = MINUTE) {
  return {
    times: Float64Array.from(values, (_, i) => T0 + i * step),
    values: Float64Array.from(values),
  };
}

function wave(length: number): number[] {
  return Array.from({ length }, (_, i) => 100 + Math.sin(i / 10));
}

describe('downsampleMinMax', () => {
  test('returns the samples in [from, to] unchanged when they fit, both ends inclusive', () => {
    const { times, values } = series([1, 2, 3, 4, 5]);
    const points = downsampleMinMax({ times, values, from: T0 + MINUTE, to: T0 + 3 * MINUTE });
    expect(Array.from(points.values)).toEqual([2, 3, 4]);
    expect(Array.from(points.times)).toEqual([T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE]);
  });

  test.each`
    name                           | from                | to
    ${'range before every sample'} | ${T0 - 10 * MINUTE} | ${T0 - MINUTE}
    ${'range after every sample'}  | ${T0 + 10 * MINUTE} | ${T0 + 20 * MINUTE}
    ${'inverted range'}            | ${T0 + 3 * MINUTE}  | ${T0 + MINUTE}
  `('$name → no points', ({ from, to }) => {
    const { times, values } = series([1, 2, 3, 4, 5]);
    expect(downsampleMinMax({ times, values, from, to }).values).toHaveLength(0);
  });

  test('an empty series gives no points', () => {
    expect(
      downsampleMinMax({ times: new Float64Array(0), values: new Float64Array(0), from: 0, to: 1 }).values
    ).toHaveLength(0);
  });

  test.each([201, 1_000, 100_000])('%i samples come out as at most 200 points in time order', (length) => {
    const { times, values } = series(wave(length));
    const points = downsampleMinMax({ times, values, from: T0, to: Infinity });
    expect(points.values.length).toBeLessThanOrEqual(200);
    expect(points.values.length).toBeGreaterThan(100);
    for (let i = 1; i < points.times.length; i++) {
      expect(points.times[i]).toBeGreaterThan(points.times[i - 1]);
    }
  });

  test('keeps a one-sample spike and dip that an average would flatten', () => {
    const values = wave(1_000);
    values[123] = 999;
    values[777] = -5;
    const input = series(values);
    const points = downsampleMinMax({ ...input, from: T0, to: Infinity, maxPoints: 20 });
    expect(points.values.length).toBeLessThanOrEqual(20);
    expect(Math.max(...points.values)).toBe(999);
    expect(Math.min(...points.values)).toBe(-5);
    expect(points.times[points.values.indexOf(999)]).toBe(T0 + 123 * MINUTE);
  });

  test('each bucket gives its min and max in the order they occurred', () => {
    // Two buckets of four: the first falls (max before min), the second rises.
    const input = series([5, 4, 2, 1, 1, 2, 4, 5]);
    const points = downsampleMinMax({ ...input, from: T0, to: Infinity, maxPoints: 4 });
    expect(Array.from(points.values)).toEqual([5, 1, 1, 5]);
  });

  test('a bucket of only nulls (NaN) becomes one NaN gap point', () => {
    const values = [...Array(10).fill(1), ...Array(10).fill(NaN), ...Array(10).fill(2)];
    const points = downsampleMinMax({ ...series(values), from: T0, to: Infinity, maxPoints: 6 });
    expect(Array.from(points.values).map((value) => (Number.isNaN(value) ? 'gap' : value))).toEqual([1, 'gap', 2]);
  });

  test('does not modify its input', () => {
    const input = series(wave(1_000));
    const before = Array.from(input.values);
    downsampleMinMax({ ...input, from: T0, to: Infinity });
    expect(Array.from(input.values)).toEqual(before);
  });
});

describe('sparklinePath', () => {
  const frame: SparklineFrame = { xMin: 0, xMax: 100, yMin: 0, yMax: 10, width: 100, height: 10 };
  const points = (times: number[], values: number[]) => ({
    times: Float64Array.from(times),
    values: Float64Array.from(values),
  });

  test('maps time to x and value to y with up as larger', () => {
    expect(sparklinePath(points([0, 50, 100], [0, 5, 10]), frame)).toBe('M0.0 10.0 L50.0 5.0 L100.0 0.0');
  });

  test('starts a new subpath after a gap and draws a lone sample as a dot', () => {
    expect(sparklinePath(points([0, 10, 20, 30], [1, 1, NaN, 4]), frame)).toBe('M0.0 9.0 L10.0 9.0 M30.0 6.0 l0 0');
  });

  test('a flat series sits in the middle', () => {
    expect(sparklinePath(points([0, 100], [3, 3]), { ...frame, yMin: 3, yMax: 3 })).toBe('M0.0 5.0 L100.0 5.0');
  });

  test('nothing to draw → empty path', () => {
    expect(sparklinePath(points([], []), frame)).toBe('');
  });
});

describe('valueExtent', () => {
  test('includes the target so its dashed line is inside the box', () => {
    expect(valueExtent(Float64Array.from([100, 150]), [200, null])).toEqual({ min: 100, max: 200 });
  });

  test('ignores NaN and returns null when nothing is finite', () => {
    expect(valueExtent(Float64Array.from([NaN]), [null])).toBeNull();
  });
});

describe('targetStepsPath', () => {
  const frame = { xMin: 0, xMax: 100, yMin: 0, yMax: 10, width: 100, height: 10 };

  test('each level runs to the next step, joined straight up or down; the last runs to the period end', () => {
    const steps = [
      { time: 0, value: 2, max: null },
      { time: 40, value: 6, max: null },
    ];
    expect(targetStepsPath(steps, { periodEnd: 100, frame, level: 'value' })).toBe('M0.0 8.0 H40.0 V4.0 H100.0');
  });

  test('no target in force breaks the line; a band draws its max as a second path', () => {
    const steps = [
      { time: 0, value: null, max: null },
      { time: 20, value: 2, max: 5 },
      { time: 50, value: null, max: null },
      { time: 70, value: 3, max: 4 },
    ];
    expect(targetStepsPath(steps, { periodEnd: 100, frame, level: 'value' })).toBe('M20.0 8.0 H50.0 M70.0 7.0 H100.0');
    expect(targetStepsPath(steps, { periodEnd: 100, frame, level: 'max' })).toBe('M20.0 5.0 H50.0 M70.0 6.0 H100.0');
  });
});

describe('stepPoints: a manual key result holds each value until the next check-in', () => {
  test.each`
    times        | values       | until | expected
    ${[1, 2]}    | ${[1, 2]}    | ${3}  | ${{ times: [1, 2, 2, 3], values: [1, 1, 2, 2] }}
    ${[1, 2, 4]} | ${[5, 3, 4]} | ${4}  | ${{ times: [1, 2, 2, 4, 4], values: [5, 5, 3, 3, 4] }}
    ${[1]}       | ${[7]}       | ${1}  | ${{ times: [1], values: [7] }}
    ${[]}        | ${[]}        | ${9}  | ${{ times: [], values: [] }}
  `('$times/$values until $until → $expected', ({ times, values, until, expected }) => {
    expect(stepPoints({ times, values }, until)).toEqual(expected);
  });
});
