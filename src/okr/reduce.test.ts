import { reduceField, FieldType, ReducerID } from '@grafana/data';
import fc from 'fast-check';
import { reduceWindow, sampleWindow } from './reduce';

const values = Float64Array.from([5, NaN, 7, 1, NaN]);
const all = { from: 0, to: values.length };

describe('current value = reducer over the non-null samples of the window', () => {
  test.each`
    reducer                   | value
    ${ReducerID.lastNotNull}  | ${1}
    ${ReducerID.last}         | ${1}
    ${ReducerID.firstNotNull} | ${5}
    ${ReducerID.first}        | ${5}
    ${ReducerID.mean}         | ${13 / 3}
    ${ReducerID.max}          | ${7}
    ${ReducerID.min}          | ${1}
    ${ReducerID.sum}          | ${13}
    ${ReducerID.count}        | ${3}
    ${ReducerID.range}        | ${6}
    ${ReducerID.diff}         | ${-4}
    ${ReducerID.median}       | ${5}
  `('$reducer → $value', ({ reducer, value }) => {
    expect(reduceWindow({ values, window: all, reducer })).toEqual({ ok: true, value: expect.closeTo(value, 12) });
  });

  test('an empty window or an all-null window has no value', () => {
    expect(reduceWindow({ values, window: { from: 1, to: 2 }, reducer: 'mean' })).toEqual({ ok: true, value: null });
    expect(reduceWindow({ values, window: { from: 2, to: 2 }, reducer: 'lastNotNull' })).toEqual({
      ok: true,
      value: null,
    });
  });

  test('a reducer that gives no number is reported', () => {
    const result = reduceWindow({ values, window: all, reducer: ReducerID.allValues });
    expect(result.ok).toBe(false);
  });

  test('fast paths agree with Grafana reduceField on the non-null values', () => {
    const reducers = [
      ReducerID.lastNotNull,
      ReducerID.firstNotNull,
      ReducerID.mean,
      ReducerID.max,
      ReducerID.min,
      ReducerID.sum,
      ReducerID.count,
    ];
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.constantFrom(...reducers),
        (raw, reducer) => {
          const present = raw.filter((v): v is number => v !== null);
          fc.pre(present.length > 0);
          const typed = Float64Array.from(raw.map((v) => (v === null ? NaN : v)));
          const ours = reduceWindow({ values: typed, window: { from: 0, to: typed.length }, reducer });
          const field = { name: 'v', type: FieldType.number, config: {}, values: present };
          const theirs = reduceField({ field, reducers: [reducer] })[reducer];
          expect(ours.ok && ours.value).toBeCloseTo(theirs, 6);
        }
      )
    );
  });
});

describe('the sample window is [start, as-of] ∩ [start, end)', () => {
  const times = Float64Array.from([0, 10, 20, 30, 40]);
  test.each`
    start | asOf  | end   | window
    ${10} | ${30} | ${40} | ${{ from: 1, to: 4 }}
    ${10} | ${25} | ${40} | ${{ from: 1, to: 3 }}
    ${10} | ${40} | ${40} | ${{ from: 1, to: 4 }}
    ${10} | ${99} | ${40} | ${{ from: 1, to: 4 }}
    ${10} | ${5}  | ${40} | ${{ from: 1, to: 1 }}
    ${50} | ${60} | ${70} | ${{ from: 5, to: 5 }}
    ${-9} | ${0}  | ${70} | ${{ from: 0, to: 1 }}
  `('start $start, as-of $asOf, end $end → $window', ({ start, asOf, end, window }) => {
    expect(sampleWindow(times, { start, asOf, end })).toEqual(window);
  });
});
