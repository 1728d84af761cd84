/** Step functions of targets that change over time: in force at, before, merged, stretches with no target. */
import {
  constantStep,
  mergeSteps,
  NO_STEPS,
  scanBounds,
  stepsFromPairs,
  stepsFromSeries,
  stepsInPeriod,
  stepsKey,
  stretchesWithoutTarget,
  targetAt,
  valueAt,
  valueAtAsOf,
  valueBefore,
  type StepFunction,
} from './targetSteps';

const JUL = Date.UTC(2026, 6 /* Jul */, 1);
const AUG = Date.UTC(2026, 7 /* Aug */, 1);
const SEP = Date.UTC(2026, 8 /* Sep */, 1);
const OCT = Date.UTC(2026, 9 /* Oct */, 1);
const MID_AUG = Date.UTC(2026, 7 /* Aug */, 15);

const monthly = stepsFromPairs([
  { time: SEP, value: 1.8e6 },
  { time: JUL, value: 1.6e6 },
  { time: AUG, value: 1.7e6 },
]);

const list = (steps: StepFunction) => [Array.from(steps.times), Array.from(steps.values)];

describe('the target in force', () => {
  test.each`
    name                                         | at         | expected
    ${'before the first step: none (NaN)'}       | ${JUL - 1} | ${NaN}
    ${'at a step time: that step'}               | ${AUG}     | ${1.7e6}
    ${'between steps: the earlier one'}          | ${MID_AUG} | ${1.7e6}
    ${'after the last step: the last one holds'} | ${OCT + 1} | ${1.8e6}
  `('valueAt $name', ({ at, expected }) => {
    expect(valueAt(monthly, at)).toBe(expected);
  });

  test.each`
    name                                    | at     | expected
    ${'before Aug 1: July’s'}               | ${AUG} | ${1.6e6}
    ${'before the period end: September’s'} | ${OCT} | ${1.8e6}
    ${'before the first step: none'}        | ${JUL} | ${NaN}
  `('valueBefore $name', ({ at, expected }) => {
    expect(valueBefore(monthly, at)).toBe(expected);
  });

  test.each`
    name                                                          | asOf       | expected
    ${'while the period runs: at as-of'}                          | ${MID_AUG} | ${1.7e6}
    ${'as-of exactly on a step: that step'}                       | ${SEP}     | ${1.8e6}
    ${'the period is over (as-of = end): the last one before it'} | ${OCT}     | ${1.8e6}
  `('valueAtAsOf $name', ({ asOf, expected }) => {
    const withQ4 = stepsFromPairs([
      { time: JUL, value: 1.6e6 },
      { time: AUG, value: 1.7e6 },
      { time: SEP, value: 1.8e6 },
      { time: OCT, value: 2.5e6 },
    ]);
    expect(valueAtAsOf(withQ4, asOf, OCT)).toBe(expected);
  });

  test('a constant is one step from −∞', () => {
    expect(list(constantStep(5))).toEqual([[-Infinity], [5]]);
    expect(valueAt(constantStep(5), -1e15)).toBe(5);
  });
});

describe('steps from a series', () => {
  test.each`
    name                                                  | values              | times              | steps
    ${'equal neighbours are one step (a recording rule)'} | ${[5, 5, 5, 7, 7]}  | ${[1, 2, 3, 4, 5]} | ${[[1, 4], [5, 7]]}
    ${'a null is a step with no target'}                  | ${[5, NaN, NaN, 7]} | ${[1, 2, 3, 4]}    | ${[[1, 2, 4], [5, NaN, 7]]}
    ${'a level that comes back is a new step'}            | ${[5, 7, 5]}        | ${[1, 2, 3]}       | ${[[1, 2, 3], [5, 7, 5]]}
    ${'no samples: no steps'}                             | ${[]}               | ${[]}              | ${[[], []]}
  `('$name', ({ values, times, steps }) => {
    expect(list(stepsFromSeries({ times, values }))).toEqual(steps);
  });
});

describe('a band on one grid', () => {
  test('the union of both functions’ times, each bound as in force; equal neighbours merge', () => {
    const lower = stepsFromPairs([
      { time: 10, value: 1 },
      { time: 30, value: 2 },
    ]);
    const upper = stepsFromPairs([
      { time: 20, value: 5 },
      { time: 30, value: 6 },
      { time: 40, value: 6 },
    ]);
    const band = mergeSteps(lower, upper);
    expect([Array.from(band.times), Array.from(band.lows), Array.from(band.highs)]).toEqual([
      [10, 20, 30],
      [1, 1, 2],
      [NaN, 5, 6],
    ]);
  });

  test.each`
    kind            | lows        | highs       | expected
    ${'stayAbove'}  | ${[1, NaN]} | ${[]}       | ${{ lows: [-Infinity, 1, -Infinity], highs: [Infinity, Infinity, Infinity] }}
    ${'stayBelow'}  | ${[1, NaN]} | ${[]}       | ${{ lows: [-Infinity, -Infinity, -Infinity], highs: [Infinity, 1, Infinity] }}
    ${'stayWithin'} | ${[1, 2]}   | ${[NaN, 4]} | ${{ lows: [-Infinity, -Infinity, 2], highs: [Infinity, Infinity, 4] }}
  `(
    'scan bounds for $kind: ±Infinity where no target is in force, a leading step from −∞',
    ({ kind, lows, highs, expected }) => {
      const lower = stepsFromPairs(lows.map((value: number, i: number) => ({ time: 10 * (i + 1), value })));
      const upper = highs.length
        ? stepsFromPairs(highs.map((value: number, i: number) => ({ time: 10 * (i + 1), value })))
        : null;
      const bounds = scanBounds(mergeSteps(lower, upper), kind);
      expect(Array.from(bounds.times)).toEqual([-Infinity, 10, 20]);
      expect({ lows: Array.from(bounds.lows), highs: Array.from(bounds.highs) }).toEqual(expected);
    }
  );
});

describe('stretches with no target in force', () => {
  const band = mergeSteps(
    stepsFromPairs([
      { time: 20, value: 1 },
      { time: 50, value: NaN },
      { time: 60, value: 2 },
    ]),
    null
  );

  test.each`
    name                                       | from  | to     | expected
    ${'before the first step and a null step'} | ${0}  | ${100} | ${[[0, 20], [50, 60]]}
    ${'clipped to the range'}                  | ${30} | ${55}  | ${[[50, 55]]}
    ${'all in force'}                          | ${60} | ${100} | ${[]}
    ${'an empty range'}                        | ${40} | ${40}  | ${[]}
  `('$name', ({ from, to, expected }) => {
    expect(stretchesWithoutTarget(band, { from, to, isBand: false })).toEqual(expected);
  });

  test('a band needs both bounds', () => {
    const both = mergeSteps(constantStep(1), stepsFromPairs([{ time: 30, value: 5 }]));
    expect(stretchesWithoutTarget(both, { from: 0, to: 100, isBand: true })).toEqual([[0, 30]]);
    expect(stretchesWithoutTarget(mergeSteps(NO_STEPS, null), { from: 0, to: 10, isBand: false })).toEqual([[0, 10]]);
  });
});

describe('the steps a view draws for a period', () => {
  test('the step in force at the start moves to the start; steps after the end are left out', () => {
    const steps = stepsFromPairs([
      { time: JUL - 5, value: 1 },
      { time: AUG, value: 2 },
      { time: OCT, value: 3 },
    ]);
    expect(stepsInPeriod(mergeSteps(steps, null), { start: JUL, end: OCT, isBand: false })).toEqual([
      { time: JUL, value: 1, max: null },
      { time: AUG, value: 2, max: null },
    ]);
  });

  test('a first step inside the period is led by a step with no target from the start', () => {
    const steps = stepsFromPairs([{ time: AUG, value: 2 }]);
    expect(stepsInPeriod(mergeSteps(steps, null), { start: JUL, end: OCT, isBand: false })).toEqual([
      { time: JUL, value: null, max: null },
      { time: AUG, value: 2, max: null },
    ]);
  });

  test('a band carries its upper bound; a missing side means no target', () => {
    const band = mergeSteps(constantStep(1), stepsFromPairs([{ time: AUG, value: 5 }]));
    expect(stepsInPeriod(band, { start: JUL, end: OCT, isBand: true })).toEqual([
      { time: JUL, value: null, max: null },
      { time: AUG, value: 1, max: 5 },
    ]);
  });
});

describe('the scan cache key', () => {
  test('changes with any step, for few and for many steps', () => {
    const bounds = (n: number, bump = -1) => {
      const pairs = Array.from({ length: n }, (_, i) => ({ time: i * 1000, value: i === bump ? i + 0.5 : i }));
      return scanBounds(mergeSteps(stepsFromPairs(pairs), null), 'stayAbove');
    };
    for (const n of [3, 500]) {
      expect(stepsKey(bounds(n))).toBe(stepsKey(bounds(n)));
      expect(stepsKey(bounds(n, 1))).not.toBe(stepsKey(bounds(n)));
      expect(stepsKey(bounds(n, n - 1))).not.toBe(stepsKey(bounds(n)));
    }
  });
});

describe('targetAt: what the tooltip shows at a hovered time', () => {
  const period = { start: JUL, end: OCT, label: '2026-Q3' };
  const targetSteps = [
    { time: JUL, value: null, max: null },
    { time: AUG, value: 1.7e6, max: null },
  ];
  test.each`
    name                        | time       | expected
    ${'no target in force yet'} | ${JUL + 1} | ${null}
    ${'the step in force'}      | ${MID_AUG} | ${1.7e6}
    ${'outside the period'}     | ${OCT}     | ${null}
  `('$name', ({ time, expected }) => {
    expect(targetAt({ period, target: 1.7e6, targetSteps }, time)).toBe(expected);
  });

  test('a target that does not change is the target throughout the period', () => {
    expect(targetAt({ period, target: 5, targetSteps: [] }, MID_AUG)).toBe(5);
  });
});
