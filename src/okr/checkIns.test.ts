import { createDataFrame, FieldType, type DataFrame, type FieldType as FieldTypeT } from '@grafana/data';
import fc from 'fast-check';
import { latestCheckIn, readCheckIns, type CheckIn } from './checkIns';
import { DAY, Q3_START } from './testUtils';

const JUL_10 = Q3_START + 9 * DAY;
const AUG_3 = Q3_START + 33 * DAY;

const KEY_RESULTS = [
  { id: 'kr-segments', title: 'Expand into 2 new market segments' },
  { id: 'kr-mrr', title: 'MRR to 200' },
];

interface Column {
  name: string;
  type?: FieldTypeT;
  values: unknown[];
}

function table(columns: Column[], refId = 'CHECKINS'): DataFrame {
  // createDataFrame would guess a type for a field given none; the tests say which they mean.
  return createDataFrame({
    refId,
    fields: columns.map((column) => ({
      name: column.name,
      type: column.type ?? guessType(column.values),
      values: column.values,
    })),
  });
}

function guessType(values: unknown[]): FieldTypeT {
  const sample = values.find((value) => value !== null && value !== undefined);
  return typeof sample === 'number' ? FieldType.number : FieldType.string;
}

function read(frames: DataFrame[], keyResults = KEY_RESULTS) {
  return readCheckIns({ refId: 'CHECKINS', frames, keyResults, timeZone: 'utc' });
}

/** One row per entry: time and key_result always, the other columns as given. */
function rows(entries: Array<Record<string, unknown>>, types: Record<string, FieldTypeT> = {}): DataFrame {
  const names = [...new Set(entries.flatMap((entry) => Object.keys(entry)))];
  return table(
    names.map((name) => ({
      name,
      type: types[name] ?? (name === 'time' ? FieldType.time : undefined),
      values: entries.map((entry) => entry[name] ?? null),
    }))
  );
}

describe('readCheckIns: the check-in table', () => {
  test('the README example: by id and by title, confidence 0–10 read as tenths, note and author', () => {
    const result = read([
      rows([
        { time: JUL_10, key_result: 'kr-segments', value: 1, confidence: 7, note: 'signed ACME', author: 'Ana' },
        {
          time: AUG_3,
          key_result: 'Expand into 2 new market segments',
          value: 2,
          confidence: 8,
          note: '',
          author: 'Ben',
        },
      ]),
    ]);
    expect(result.messages).toEqual([]);
    expect(result.byKeyResult.get('kr-segments')).toEqual<CheckIn[]>([
      { time: JUL_10, value: 1, confidence: 0.7, note: 'signed ACME', author: 'Ana' },
      { time: AUG_3, value: 2, confidence: 0.8, note: null, author: 'Ben' },
    ]);
  });

  test.each`
    confidences       | read
    ${[0.7, 0.8]}     | ${[0.7, 0.8]}
    ${[7, 8, 1]}      | ${[0.7, 0.8, 0.1]}
    ${[0, 1]}         | ${[0, 1]}
    ${[10, 0.5]}      | ${[1, 0.05]}
    ${['0.9', ' 6 ']} | ${[0.09, 0.6]}
    ${[null, 0.4]}    | ${[null, 0.4]}
  `(
    'confidence column $confidences is read as $read (a column with a value above 1 is on 0–10)',
    ({ confidences, read: expected }) => {
      const result = read([
        rows(
          (confidences as unknown[]).map((confidence, i) => ({
            time: JUL_10 + i * DAY,
            key_result: 'kr-mrr',
            confidence,
          }))
        ),
      ]);
      expect(result.byKeyResult.get('kr-mrr')!.map((checkIn) => checkIn.confidence)).toEqual(expected);
    }
  );

  test.each`
    row                                                        | note
    ${{ time: 'yesterday', key_result: 'kr-mrr' }}             | ${"check-in row 2: time 'yesterday' is not a time; row skipped"}
    ${{ time: null, key_result: 'kr-mrr' }}                    | ${'check-in row 2: time null is not a time; row skipped'}
    ${{ time: AUG_3, key_result: 'kr-mrr', value: 'lots' }}    | ${"check-in row 2: value 'lots' is not a number; ignored"}
    ${{ time: AUG_3, key_result: 'kr-mrr', confidence: 15 }}   | ${'check-in row 2: confidence 15 is not between 0 and 1 (or 0 and 10); ignored'}
    ${{ time: AUG_3, key_result: 'kr-mrr', confidence: -0.2 }} | ${'check-in row 2: confidence -0.2 is not between 0 and 1 (or 0 and 10); ignored'}
  `('a bad row gets its own note on its key result, and the good row stays: $note', ({ row, note }) => {
    const good = { time: JUL_10, key_result: 'kr-mrr', value: 150, confidence: 0.5 };
    const result = read([rows([good, row], { time: FieldType.other, value: FieldType.other })]);
    expect(result.notes.get('kr-mrr')).toEqual([note]);
    expect(result.byKeyResult.get('kr-mrr')![0]).toEqual(
      expect.objectContaining({ time: JUL_10, value: 150, confidence: 0.5 })
    );
    expect(result.messages).toEqual([]);
  });

  test('a value given as numeric text is read; an empty one is no value', () => {
    const result = read([
      rows([
        { time: JUL_10, key_result: 'kr-mrr', value: '150.5' },
        { time: AUG_3, key_result: 'kr-mrr', value: '' },
      ]),
    ]);
    expect(result.byKeyResult.get('kr-mrr')!.map((checkIn) => checkIn.value)).toEqual([150.5, null]);
    expect(result.notes.size).toBe(0);
  });

  test('a check-in for an unknown key result gets one message naming it and its rows', () => {
    const result = read([
      rows([
        { time: JUL_10, key_result: 'Expand to Mars' },
        { time: AUG_3, key_result: 'kr-mrr', value: 150 },
        { time: AUG_3 + DAY, key_result: 'Expand to Mars' },
      ]),
    ]);
    expect(result.messages).toEqual([
      "check-ins name key result 'Expand to Mars' (rows 1, 3), which is not on this panel: use a key result's id or title",
    ]);
    expect(result.byKeyResult.get('kr-mrr')).toHaveLength(1);
  });

  test('a title two key results share is ambiguous: those rows need the id', () => {
    const twins = [
      { id: 'a', title: 'Grow' },
      { id: 'b', title: 'Grow' },
    ];
    const result = read(
      [
        rows([
          { time: JUL_10, key_result: 'Grow' },
          { time: AUG_3, key_result: 'b' },
        ]),
      ],
      twins
    );
    expect(result.messages).toEqual([
      "check-ins for 'Grow' (row 1): 2 key results have that title (ids a, b); name one by its id",
    ]);
    expect([...result.byKeyResult.keys()]).toEqual(['b']);
  });

  test('a row with no key_result is skipped with a message', () => {
    const result = read([rows([{ time: JUL_10, key_result: '  ' }])]);
    expect(result.messages).toEqual(['check-in row 1 names no key_result; row skipped']);
  });

  test('two check-ins of one key result at one time: the later row is used, and its key result says so', () => {
    const result = read([
      rows([
        { time: AUG_3, key_result: 'kr-mrr', value: 1 },
        { time: JUL_10, key_result: 'kr-mrr', value: 2 },
        { time: AUG_3, key_result: 'MRR to 200', value: 3 },
      ]),
    ]);
    expect(result.byKeyResult.get('kr-mrr')!.map((checkIn) => [checkIn.time, checkIn.value])).toEqual([
      [JUL_10, 2],
      [AUG_3, 3],
    ]);
    expect(result.notes.get('kr-mrr')).toEqual([
      "check-ins for 'MRR to 200' at 2026-08-03 00:00:00 (rows 1 and 3) share a time: the later row is used",
    ]);
  });

  test('rows are sorted by time and times may be ISO text', () => {
    const result = read([
      rows(
        [
          { time: '2026-08-03T00:00:00Z', key_result: 'kr-mrr', value: 2 },
          { time: '2026-07-10T00:00:00Z', key_result: 'kr-mrr', value: 1 },
        ],
        { time: FieldType.string }
      ),
    ]);
    expect(result.byKeyResult.get('kr-mrr')!.map((checkIn) => checkIn.time)).toEqual([JUL_10, AUG_3]);
  });

  test('column names are matched ignoring case, spaces, _ and -; the time column may be a number column named time', () => {
    const frame = table([
      { name: 'Time', type: FieldType.number, values: [JUL_10] },
      { name: 'Key Result', values: ['kr-mrr'] },
      { name: 'VALUE', values: [5] },
      { name: 'Confidence', values: [0.5] },
      { name: 'Note', values: ['ok'] },
      { name: 'AUTHOR', values: ['Ana'] },
    ]);
    expect(read([frame]).byKeyResult.get('kr-mrr')).toEqual([
      { time: JUL_10, value: 5, confidence: 0.5, note: 'ok', author: 'Ana' },
    ]);
  });

  test.each`
    columns                                                                                                                                                               | message
    ${[{ name: 'when', type: FieldType.string, values: ['x'] }, { name: 'key_result', values: ['kr-mrr'] }]}                                                              | ${"check-in table 'CHECKINS' has no time column (fields: when, key_result): name one 'time'"}
    ${[{ name: 'time', type: FieldType.time, values: [JUL_10] }, { name: 'kr_name', values: ['kr-mrr'] }]}                                                                | ${"check-in table 'CHECKINS' has no key_result column (fields: time, kr_name): name each row's key result by its id or title in a column 'key_result'"}
    ${[{ name: 'time', type: FieldType.time, values: [JUL_10] }, { name: 'key_result', values: ['kr-mrr'] }, { name: 'value', type: FieldType.boolean, values: [true] }]} | ${"check-in table 'CHECKINS': column 'value' is a boolean field, not numbers; ignored"}
  `('a table with a wrong column says which: $message', ({ columns, message }) => {
    expect(read([table(columns)]).messages).toEqual([message]);
  });

  test('a table with no rows is no check-ins, not a missing column', () => {
    const empty = createDataFrame({ refId: 'CHECKINS', fields: [] });
    expect(read([empty])).toEqual({ byKeyResult: new Map(), notes: new Map(), messages: [] });
  });

  test('an unknown refId says which refIds the data has', () => {
    const other = table([{ name: 'value', values: [1] }], 'A');
    const result = readCheckIns({ refId: 'CHECKS', frames: [other], keyResults: KEY_RESULTS, timeZone: 'utc' });
    expect(result.messages).toEqual(["checkInQuery refId 'CHECKS' matches no query in the data (refIds: A)"]);
    expect(readCheckIns({ refId: 'X', frames: [], keyResults: [], timeZone: 'utc' }).messages).toEqual([
      "checkInQuery refId 'X' matches no query in the data (the data has no query results)",
    ]);
  });

  test('row problems are capped per key result: five, then a count', () => {
    const bad = Array.from({ length: 8 }, () => ({ time: 'never', key_result: 'kr-mrr' }));
    const notes = read([rows(bad, { time: FieldType.string })]).notes.get('kr-mrr')!;
    expect(notes).toHaveLength(6);
    expect(notes[5]).toBe('… and 3 more check-in problems');
  });

  test('hostile text is kept as text, trimmed', () => {
    const result = read([rows([{ time: JUL_10, key_result: 'kr-mrr', note: ' <img src=x onerror=alert(1)> ' }])]);
    expect(result.byKeyResult.get('kr-mrr')![0].note).toBe('<img src=x onerror=alert(1)>');
  });

  test('random tables never throw; every check-in has a finite time, a confidence in [0, 1], one per time', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.double(),
      fc.integer({ min: -5, max: 20 }),
      fc.string(),
      fc.constantFrom('kr-mrr', 'MRR to 200', 'kr-segments', '2026-08-03T00:00:00Z', '0.5', 'NaN')
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(cell, fc.integer({ min: JUL_10, max: AUG_3 })), cell, cell, cell), {
          maxLength: 30,
        }),
        (entries) => {
          const frame = table([
            { name: 'time', type: FieldType.other, values: entries.map((entry) => entry[0]) },
            { name: 'key_result', type: FieldType.other, values: entries.map((entry) => entry[1]) },
            { name: 'value', type: FieldType.other, values: entries.map((entry) => entry[2]) },
            { name: 'confidence', type: FieldType.other, values: entries.map((entry) => entry[3]) },
          ]);
          const result = read([frame]);
          for (const checkIns of result.byKeyResult.values()) {
            const times = checkIns.map((checkIn) => checkIn.time);
            expect(times.every(Number.isFinite)).toBe(true);
            expect(new Set(times).size).toBe(times.length);
            expect([...times].sort((a, b) => a - b)).toEqual(times);
            for (const { confidence, value } of checkIns) {
              expect(confidence === null || (confidence >= 0 && confidence <= 1)).toBe(true);
              expect(value === null || Number.isFinite(value)).toBe(true);
            }
          }
        }
      )
    );
  });
});

describe('latestCheckIn: what the scorecard shows at as-of', () => {
  const checkIns: CheckIn[] = [
    { time: JUL_10, value: 1, confidence: 0.7, note: 'signed ACME', author: 'Ana' },
    { time: AUG_3, value: 2, confidence: null, note: null, author: 'Ben' },
    { time: AUG_3 + 20 * DAY, value: 3, confidence: 0.9, note: 'later', author: 'Cy' },
  ];

  test.each`
    at                  | expected
    ${JUL_10 - 1}       | ${null}
    ${JUL_10}           | ${{ time: JUL_10, count: 1, confidence: 0.7, confidenceTime: JUL_10, note: 'signed ACME', author: 'Ana', noteTime: JUL_10 }}
    ${AUG_3 + DAY}      | ${{ time: AUG_3, count: 2, confidence: 0.7, confidenceTime: JUL_10, note: 'signed ACME', author: 'Ana', noteTime: JUL_10 }}
    ${AUG_3 + 30 * DAY} | ${{ time: AUG_3 + 20 * DAY, count: 3, confidence: 0.9, confidenceTime: AUG_3 + 20 * DAY, note: 'later', author: 'Cy', noteTime: AUG_3 + 20 * DAY }}
  `('at $at: $expected', ({ at, expected }) => {
    expect(latestCheckIn(checkIns, at)).toEqual(expected);
  });

  test('without any note, the author is the latest check-in’s', () => {
    const plain: CheckIn[] = [{ time: JUL_10, value: 1, confidence: null, note: null, author: 'Ana' }];
    expect(latestCheckIn(plain, AUG_3)).toEqual(expect.objectContaining({ note: null, author: 'Ana', noteTime: null }));
  });
});
