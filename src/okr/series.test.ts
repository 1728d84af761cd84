import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import { extractSeries, medianInterval } from './extract';
import { buildCatalog, matchSeries } from './series';

const T0 = Date.UTC(2026, 6 /* Jul */, 1);
const MIN = 60_000;

function wide(): DataFrame {
  return createDataFrame({
    fields: [
      { name: 'time', type: FieldType.time, values: [T0, T0 + MIN, T0 + 2 * MIN] },
      { name: 'mrr', type: FieldType.number, values: [1, 2, 3] },
      { name: 'churn', type: FieldType.number, values: [5, null, 7] },
    ],
  });
}

function perSeries(labels: Record<string, string>, values: number[]): DataFrame {
  return createDataFrame({
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, i) => T0 + i * MIN) },
      { name: 'Value', type: FieldType.number, values, labels },
    ],
  });
}

const toArray = (values: ArrayLike<number>) => Array.from(values);

describe('extractSeries cleans values into sorted typed arrays', () => {
  test.each`
    name                                 | times                                                       | values                              | expectedTimes   | expectedValues
    ${'sorted numbers pass through'}     | ${[1, 2, 3]}                                                | ${[10, 20, 30]}                     | ${[1, 2, 3]}    | ${[10, 20, 30]}
    ${'null, NaN and ±Inf become NaN'}   | ${[1, 2, 3, 4]}                                             | ${[null, NaN, Infinity, -Infinity]} | ${[1, 2, 3, 4]} | ${[NaN, NaN, NaN, NaN]}
    ${'numeric strings are parsed'}      | ${[1, 2, 3]}                                                | ${['1.5', ' 2 ', 'abc']}            | ${[1, 2, 3]}    | ${[1.5, 2, NaN]}
    ${'unsorted rows are sorted'}        | ${[3, 1, 2]}                                                | ${[30, 10, 20]}                     | ${[1, 2, 3]}    | ${[10, 20, 30]}
    ${'sorted duplicates keep last'}     | ${[1, 2, 2, 3]}                                             | ${[10, 20, 21, 30]}                 | ${[1, 2, 3]}    | ${[10, 21, 30]}
    ${'unsorted duplicates keep last'}   | ${[2, 1, 2, 0]}                                             | ${[20, 10, 21, 0]}                  | ${[0, 1, 2]}    | ${[0, 10, 21]}
    ${'ISO string times are parsed'}     | ${['1970-01-01T00:00:00.002Z', '1970-01-01T00:00:00.001Z']} | ${[2, 1]}                           | ${[1, 2]}       | ${[1, 2]}
    ${'epoch strings are parsed'}        | ${['1', '2']}                                               | ${[1, 2]}                           | ${[1, 2]}       | ${[1, 2]}
    ${'rows without a time are dropped'} | ${[1, null, 'never', 3]}                                    | ${[1, 2, 3, 4]}                     | ${[1, 3]}       | ${[1, 4]}
    ${'empty'}                           | ${[]}                                                       | ${[]}                               | ${[]}           | ${[]}
  `('$name', ({ times, values, expectedTimes, expectedValues }) => {
    const series = extractSeries(times, values);
    expect(toArray(series.times)).toEqual(expectedTimes);
    expect(toArray(series.values)).toEqual(expectedValues);
  });

  test('does not mutate its input', () => {
    const times = [3, 1, 2];
    const values = [30, 10, 20];
    extractSeries(times, values);
    expect([times, values]).toEqual([
      [3, 1, 2],
      [30, 10, 20],
    ]);
  });

  test.each`
    times               | median
    ${[0]}              | ${Infinity}
    ${[0, 10]}          | ${10}
    ${[0, 10, 20, 100]} | ${10}
    ${[0, 10, 30, 60]}  | ${20}
  `('median interval of $times is $median', ({ times, median }) => {
    expect(medianInterval(Float64Array.from(times))).toBe(median);
  });

  test('gapMs is 5 × the median interval', () => {
    expect(extractSeries([0, MIN, 2 * MIN, 10 * MIN], [1, 2, 3, 4]).gapMs).toBe(5 * MIN);
  });
});

describe('matching a KR series against frames', () => {
  test.each`
    spec        | frames                                                                | name       | message
    ${'mrr'}    | ${() => [wide()]}                                                     | ${'mrr'}   | ${undefined}
    ${'/^ch/'}  | ${() => [wide()]}                                                     | ${'churn'} | ${undefined}
    ${'/MRR/i'} | ${() => [wide()]}                                                     | ${'mrr'}   | ${undefined}
    ${'/./'}    | ${() => [wide()]}                                                     | ${'mrr'}   | ${"series regex /./ matched 2 series (mrr, churn); using the first, 'mrr'"}
    ${'b'}      | ${() => [perSeries({ job: 'a' }, [1]), perSeries({ job: 'b' }, [2])]} | ${'b'}     | ${undefined}
    ${'Value'}  | ${() => [perSeries({ job: 'a' }, [1]), perSeries({ job: 'b' }, [2])]} | ${'a'}     | ${"series 'Value' matched 2 series (a, b); using the first, 'a'"}
  `('$spec picks $name', ({ spec, frames, name, message }) => {
    const match = matchSeries(buildCatalog(frames()), spec);
    expect(match.ok && match.candidate.displayName).toBe(name);
    expect(match.ok && match.messages).toEqual(message ? [message] : []);
  });

  test.each`
    spec       | frames                                                                                            | message
    ${'arr'}   | ${() => [wide()]}                                                                                 | ${"series 'arr' not found; available: mrr, churn"}
    ${'/(/'}   | ${() => [wide()]}                                                                                 | ${'series regex /(/ does not compile: Invalid regular expression: /(/: Unterminated group'}
    ${'/zzz/'} | ${() => [wide()]}                                                                                 | ${'series regex /zzz/ not found; available: mrr, churn'}
    ${'mrr'}   | ${() => []}                                                                                       | ${"series 'mrr' not found: the query returned no data"}
    ${'mrr'}   | ${() => [createDataFrame({ fields: [{ name: 'host', type: FieldType.string, values: ['a'] }] })]} | ${"series 'mrr' not found: no frame has both a time field and a numeric field (fields: host)"}
  `('$spec → $message', ({ spec, frames, message }) => {
    expect(matchSeries(buildCatalog(frames()), spec)).toEqual({ ok: false, message, invalid: spec === '/(/' });
  });

  test('the available list is capped at 10 names', () => {
    const frames = Array.from({ length: 12 }, (_, i) => perSeries({ job: `j${i}` }, [i]));
    const match = matchSeries(buildCatalog(frames), 'nope');
    expect(!match.ok && match.message).toMatch(/j9 … \(\+2 more\)$/);
  });

  test('a long SQL frame splits into one series per string-column value, named like Grafana', () => {
    const long = createDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: [T0, T0, T0 + MIN, T0 + MIN] },
        { name: 'v', type: FieldType.number, values: [10, 110, 20, 120] },
        { name: 'c', type: FieldType.string, values: ['a', 'b', 'a', 'b'] },
      ],
    });
    const catalog = buildCatalog([long]);
    expect(catalog.candidates.map((c) => c.displayName)).toEqual(['v a', 'v b']);
    const match = matchSeries(catalog, 'v b');
    expect(match.ok && toArray(match.candidate.data().values)).toEqual([110, 120]);
  });

  test('a table with distinct times keeps its string columns as plain columns', () => {
    const table = createDataFrame({
      fields: [
        { name: 'name', type: FieldType.string, values: ['A', 'B'] },
        { name: 'Float', type: FieldType.number, values: [6.7, 8.9] },
        { name: 'Time', type: FieldType.time, values: [T0, T0 + MIN] },
      ],
    });
    expect(buildCatalog([table]).candidates.map((c) => c.displayName)).toEqual(['Float']);
  });

  test('numbers sent as strings and a non-standard time field name still form a series', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'ts', type: FieldType.string, values: ['2026-07-01T00:00:00Z', '2026-07-01T00:01:00Z'] },
        { name: 'revenue', type: FieldType.string, values: ['100', '101.5'] },
      ],
    });
    const match = matchSeries(buildCatalog([frame]), 'revenue');
    expect(match.ok && toArray(match.candidate.data().times)).toEqual([T0, T0 + MIN]);
    expect(match.ok && toArray(match.candidate.data().values)).toEqual([100, 101.5]);
  });

  test('the series is extracted once and shared', () => {
    const match = matchSeries(buildCatalog([wide()]), 'mrr');
    expect(match.ok && match.candidate.data()).toBe(match.ok && match.candidate.data());
  });
});

describe('a series that exists but cannot be used says what it is', () => {
  const time = (n: number) => ({
    name: 'time',
    type: FieldType.time,
    values: Array.from({ length: n }, (_, i) => T0 + i * MIN),
  });
  const withTime = (field: { name: string; type: FieldType; values: unknown[] }) =>
    createDataFrame({ fields: [time(field.values.length), field] });
  const active = () => withTime({ name: 'active', type: FieldType.boolean, values: [true, false] });
  const text = (name: string, values: unknown[]) => withTime({ name, type: FieldType.string, values });
  const noTime = (names: string[]) =>
    createDataFrame({
      fields: names.map((name, i) =>
        i === 0 ? { name, type: FieldType.string, values: ['north'] } : { name, type: FieldType.number, values: [1520] }
      ),
    });
  const long = 'quarterly revenue is reported in the finance export, not here';
  const twelve = Array.from({ length: 12 }, (_, i) => `f${i}`);

  test.each`
    case                                    | spec         | frames                                             | message
    ${'boolean field'}                      | ${'active'}  | ${() => [active()]}                                | ${"series 'active' is a boolean field: only number fields (or numeric text) can be tracked"}
    ${'no time field'}                      | ${'revenue'} | ${() => [noTime(['region', 'revenue'])]}           | ${"series 'revenue' has no time field in its frame (fields: region, revenue)"}
    ${'no time field, fields capped at 10'} | ${'f11'}     | ${() => [noTime(twelve)]}                          | ${"series 'f11' has no time field in its frame (fields: f0, f1, f2, f3, f4, f5, f6, f7, f8, f9 … (+2 more))"}
    ${'thousands separators'}               | ${'revenue'} | ${() => [text('revenue', ['1,234.5', '1,301.0'])]} | ${"series 'revenue' holds text such as '1,234.5', not numbers (thousands separators are not read)"}
    ${'text'}                               | ${'status'}  | ${() => [text('status', ['n/a'])]}                 | ${"series 'status' holds text such as 'n/a', not numbers"}
    ${'text after numeric text'}            | ${'status'}  | ${() => [text('status', ['12', null, 'pending'])]} | ${"series 'status' holds text such as 'pending', not numbers"}
    ${'long text is cut to 40 characters'}  | ${'note'}    | ${() => [text('note', [long])]}                    | ${"series 'note' holds text such as 'quarterly revenue is reported in the fi…', not numbers"}
    ${'text with only nulls'}               | ${'note'}    | ${() => [text('note', [null, null])]}              | ${"series 'note' holds no values"}
    ${'the time field itself'}              | ${'time'}    | ${() => [active()]}                                | ${"series 'time' is the time field of its frame, not a value"}
    ${'a regex reaching only unusable'}     | ${'/act/'}   | ${() => [active()]}                                | ${"series regex /act/ matched 'active', which is a boolean field: only number fields (or numeric text) can be tracked"}
    ${'a regex prefers a value field'}      | ${'/.*/'}    | ${() => [active()]}                                | ${"series regex /.*/ matched 'active', which is a boolean field: only number fields (or numeric text) can be tracked"}
    ${'a regex prefers numbers'}            | ${'/.*/'}    | ${() => [noTime(['region', 'revenue'])]}           | ${"series regex /.*/ matched 'revenue', which has no time field in its frame (fields: region, revenue)"}
    ${'numeric text, typo'}                 | ${'valu'}    | ${() => [text('value', ['12.5', '13'])]}           | ${"series 'valu' not found; available: value"}
    ${'unknown name beside unusable'}       | ${'churn'}   | ${() => [active()]}                                | ${"series 'churn' not found: no frame has both a time field and a numeric field (fields: time, active)"}
  `('$case: $spec → $message', ({ spec, frames, message }) => {
    expect(matchSeries(buildCatalog(frames()), spec)).toEqual({ ok: false, message, invalid: false });
  });

  test('a usable series of the same name wins over an unusable one', () => {
    const match = matchSeries(buildCatalog([noTime(['region', 'mrr']), wide()]), 'mrr');
    expect(match.ok && match.candidate.displayName).toBe('mrr');
  });

  test('a series with no rows is found and says it is empty', () => {
    const empty = createDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: [] },
        { name: 'amount', type: FieldType.number, values: [] },
      ],
    });
    const match = matchSeries(buildCatalog([empty]), 'amount');
    expect(match.ok && match.messages).toEqual(["series 'amount' has no rows: the query returned no data"]);
  });
});
