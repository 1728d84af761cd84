/**
 * Breaches against bounds that change over time (steps): exact times where a step moves across the line
 * and where the line crosses a step's level. Constant bounds are owned by breaches.test.ts.
 */
import fc from 'fast-check';
import { BreachFold } from './breachFold';
import { findBreaches, targetBounds, targetSeverity, type BoundSpec } from './breaches';
import type { Breach } from './model';
import { mergeSteps, scanBounds, stepsFromPairs, stepsKey } from './targetSteps';
import { SECOND, seriesOf } from './testUtils';

const S = SECOND;
type Stay = 'stayAbove' | 'stayBelow' | 'stayWithin';

/** Steps as [seconds, value] (value null: no target from then), and for a band [seconds, low, high]. */
function stepped(kind: Stay, steps: Array<[number, number | null, number?]>): BoundSpec {
  const lower = stepsFromPairs(steps.map(([time, value]) => ({ time: time * S, value: value ?? NaN })));
  const upper =
    kind === 'stayWithin'
      ? stepsFromPairs(steps.map(([time, value, max]) => ({ time: time * S, value: value === null ? NaN : max! })))
      : null;
  const bounds = scanBounds(mergeSteps(lower, upper), kind);
  return { steps: bounds, key: stepsKey(bounds), source: 'target', severity: targetSeverity(kind, 0.15) };
}

function scan(bounds: BoundSpec, times: number[], values: Array<number | null>, asOf?: number): Breach[] {
  const series = seriesOf(
    times.map((t) => t * S),
    values
  );
  return findBreaches({
    series,
    window: { from: 0, to: series.times.length },
    bounds,
    asOf: (asOf ?? times[times.length - 1]) * S,
    minDurationSeconds: 0,
  });
}

const short = (breaches: Breach[]) =>
  breaches.map((b) => [b.start / S, b.end / S, b.ongoing, b.worst, b.bound, b.severity]);

describe('stepped bounds: a step moving across the line starts or ends the breach at its time', () => {
  test.each`
    name                                                                       | kind            | steps                               | times                     | values                       | expected
    ${'stayBelow: the step moves under the line at 60 s'}                      | ${'stayBelow'}  | ${[[0, 300], [60, 250]]}            | ${[0, 120, 180]}          | ${[270, 270, 210]}           | ${[[60, 140, false, 270, 250, 'warning']]}
    ${'stayBelow: the step moves above the line at 60 s'}                      | ${'stayBelow'}  | ${[[0, 250], [60, 300]]}            | ${[0, 120]}               | ${[270, 270]}                | ${[[0, 60, false, 270, 250, 'warning']]}
    ${'stayBelow: the line crosses the new level at 100 s'}                    | ${'stayBelow'}  | ${[[0, 300], [60, 250]]}            | ${[0, 120]}               | ${[200, 260]}                | ${[[100, 120, true, 260, 250, 'warning']]}
    ${'stayBelow: a step at a sample is judged at that sample'}                | ${'stayBelow'}  | ${[[0, 300], [60, 250]]}            | ${[0, 60, 120]}           | ${[270, 270, 240]}           | ${[[60, 100, false, 270, 250, 'warning']]}
    ${'stayBelow: the line is exactly at the new level: fine'}                 | ${'stayBelow'}  | ${[[0, 300], [60, 250]]}            | ${[0, 120]}               | ${[270, 230]}                | ${[]}
    ${'stayBelow: two steps between two samples'}                              | ${'stayBelow'}  | ${[[0, 300], [40, 250], [80, 300]]} | ${[0, 120]}               | ${[270, 270]}                | ${[[40, 80, false, 270, 250, 'warning']]}
    ${'stayBelow: no target before the first step'}                            | ${'stayBelow'}  | ${[[60, 250]]}                      | ${[0, 120]}               | ${[270, 270]}                | ${[[60, 120, true, 270, 250, 'warning']]}
    ${'stayBelow: a null step ends the breach at its time'}                    | ${'stayBelow'}  | ${[[0, 250], [60, null]]}           | ${[0, 120]}               | ${[270, 270]}                | ${[[0, 60, false, 270, 250, 'warning']]}
    ${'stayBelow: a step across a gap is not judged'}                          | ${'stayBelow'}  | ${[[0, 300], [600, 250]]}           | ${[0, 60, 120, 180, 900]} | ${[270, 270, 270, 270, 270]} | ${[[900, 900, true, 270, 250, 'warning']]}
    ${'stayBelow: a step across a null is not judged'}                         | ${'stayBelow'}  | ${[[0, 300], [90, 250]]}            | ${[0, 60, 120, 180]}      | ${[270, null, 270, 270]}     | ${[[120, 180, true, 270, 250, 'warning']]}
    ${'stayBelow: the worst value and its level, the line at a step included'} | ${'stayBelow'}  | ${[[0, 100], [60, 200]]}            | ${[0, 30, 90, 120]}       | ${[120, 110, 215, 90]}       | ${[[0, 60, false, 162.5, 100, 'critical'], [81.428571428571, 93.6, false, 215, 200, 'warning']]}
    ${'stayAbove: the step moves over the line at 60 s'}                       | ${'stayAbove'}  | ${[[0, 100], [60, 160]]}            | ${[0, 120, 180]}          | ${[150, 150, 170]}           | ${[[60, 150, false, 150, 160, 'warning']]}
    ${'stayWithin: the band moves past the line: two breaches'}                | ${'stayWithin'} | ${[[0, 10, 20], [60, 30, 40]]}      | ${[0, 120]}               | ${[25, 25]}                  | ${[[0, 60, false, 25, 20, 'critical'], [60, 120, true, 25, 30, 'critical']]}
    ${'stayWithin: the band moves onto the line: breach ends'}                 | ${'stayWithin'} | ${[[0, 30, 40], [60, 20, 30]]}      | ${[0, 120]}               | ${[25, 25]}                  | ${[[0, 60, false, 25, 30, 'critical']]}
  `('$name', ({ kind, steps, times, values, expected }) => {
    const found = short(scan(stepped(kind, steps), times, values));
    expect(found.length).toBe(expected.length);
    found.forEach((breach, i) => expect(breach).toEqual(expected[i].map(approx)));
  });
});

/** Numbers compared to 9 digits (crossings are interpolated), the rest exactly. */
function approx(value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? expect.closeTo(value, 9) : value;
}

/** Random series and step sets (times in seconds; the steps' values near the series'). */
const randomInput = fc.record({
  points: fc.array(
    fc.record({
      step: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 600, max: 2000 })),
      value: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 8 }),
    }),
    { minLength: 1, maxLength: 80 }
  ),
  steps: fc.array(
    fc.record({
      at: fc.integer({ min: -100, max: 6000 }),
      value: fc.option(fc.integer({ min: 20, max: 80 }), { nil: null, freq: 6 }),
    }),
    { maxLength: 8 }
  ),
  kind: fc.constantFrom<Stay>('stayAbove', 'stayBelow'),
});

type RandomInput = typeof randomInput extends fc.Arbitrary<infer T> ? T : never;

function build(input: RandomInput) {
  let time = 0;
  const times: number[] = [];
  const values: Array<number | null> = [];
  for (const point of input.points) {
    time += point.step;
    times.push(time);
    values.push(point.value);
  }
  const unique = [...new Map(input.steps.map((step) => [step.at, step.value])).entries()];
  return { times, values, steps: unique.map(([at, value]) => [at, value] as [number, number | null]) };
}

describe('stepped scan invariants', () => {
  test('scanning in two parts gives what one scan gives (a live append resumes exactly)', () => {
    fc.assert(
      fc.property(randomInput, fc.nat(), (input, cut) => {
        const { times, values, steps } = build(input);
        const bounds = stepped(input.kind, steps);
        const series = seriesOf(
          times.map((t) => t * S),
          values
        );
        const n = series.times.length;
        const split = cut % (n + 1);
        const whole = new BreachFold(bounds, 0);
        whole.scan(series, 0, n);
        const parts = new BreachFold(bounds, 0);
        parts.scan(series, 0, split);
        parts.scan(series, split, n);
        const asOf = series.times[n - 1];
        expect(parts.finish(asOf, series.gapMs)).toEqual(whole.finish(asOf, series.gapMs));
      })
    );
  });

  test('breaches are ordered, disjoint, inside the data span and only where a target is in force', () => {
    fc.assert(
      fc.property(randomInput, (input) => {
        const { times, values, steps } = build(input);
        const breaches = scan(stepped(input.kind, steps), times, values);
        const first = steps.length > 0 ? Math.min(...steps.map(([at]) => at)) : Infinity;
        breaches.forEach((breach, i) => {
          expect(breach.start).toBeLessThanOrEqual(breach.end);
          expect(breach.start).toBeGreaterThanOrEqual(Math.max(times[0], first) * S);
          expect(breach.end).toBeLessThanOrEqual(times[times.length - 1] * S);
          expect(Number.isFinite(breach.bound)).toBe(true);
          if (i > 0) {
            expect(breach.start).toBeGreaterThanOrEqual(breaches[i - 1].end);
          }
        });
      })
    );
  });

  test('one step in force from before the first sample gives exactly what the constant bound gives', () => {
    fc.assert(
      fc.property(randomInput, fc.integer({ min: 20, max: 80 }), (input, level) => {
        const { times, values } = build(input);
        const constant = targetBounds({ kind: input.kind, target: level, targetMax: null, criticalRatio: 0.15 })!;
        // Repeated samples of one level, as a recording rule sends them, merge into one step.
        const repeated: Array<[number, number]> = [-5, 0, 700, 3000].map((at) => [at, level]);
        expect(scan(stepped(input.kind, repeated), times, values)).toEqual(scan(constant, times, values));
      })
    );
  });
});
