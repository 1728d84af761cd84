import { createDataFrame, FieldType, type DataFrame, type FieldType as FieldTypeValue } from '@grafana/data';
import { MAX_ROWS, readOkrTable } from './okrTable';

/** A one-row table: each column is [name, value], typed from the value as a SQL datasource would. */
function oneRow(cells: Record<string, unknown>, types: Partial<Record<string, FieldTypeValue>> = {}): DataFrame {
  return createDataFrame({
    refId: 'OKRS',
    fields: Object.entries(cells).map(([name, value]) => ({
      name,
      type: types[name] ?? (typeof value === 'number' ? FieldType.number : FieldType.string),
      values: [value],
    })),
  });
}

const BASE = { objective: 'Grow revenue', key_result: 'MRR', series: 'mrr', period: '2026-Q3', kind: 'increase' };

function readOne(cells: Record<string, unknown>, types?: Partial<Record<string, FieldTypeValue>>) {
  const read = readOkrTable([oneRow({ ...BASE, ...cells }, types)], 'OKRS');
  expect(read.rows).toHaveLength(1);
  return { ...read.rows[0], messages: read.messages };
}

describe('cells become the key result options the core reads', () => {
  test.each`
    name                               | cells                                                 | expected
    ${'number target (SQL numeric)'}   | ${{ target: 2e6 }}                                    | ${{ target: { kind: 'absolute', value: 2e6 } }}
    ${'decimal text target (CSV)'}     | ${{ target: ' 2000000 ' }}                            | ${{ target: { kind: 'absolute', value: 2e6 } }}
    ${'percent target'}                | ${{ target: '+15%' }}                                 | ${{ target: { kind: 'percent', amount: 15, text: '+15%' } }}
    ${'signed text is relative'}       | ${{ target: '-20' }}                                  | ${{ target: { kind: 'offset', amount: -20, text: '-20' } }}
    ${'=-20 is the number −20'}        | ${{ target: '=-20' }}                                 | ${{ target: { kind: 'absolute', value: -20 } }}
    ${'baseline as text'}              | ${{ target: 2, baseline: '1.5' }}                     | ${{ baseline: 1.5 }}
    ${'empty baseline is automatic'}   | ${{ target: 2, baseline: '' }}                        | ${{ baseline: null }}
    ${'weight as number'}              | ${{ target: 2, weight: 3 }}                           | ${{ weight: 3 }}
    ${'calculation alias of reducer'}  | ${{ target: 2, calculation: 'mean' }}                 | ${{ reducer: 'mean' }}
    ${'integer id becomes text'}       | ${{ target: 2, id: 42 }}                              | ${{ id: '42' }}
    ${'owner, link, description'}      | ${{ target: 2, owner: 'Ana', link: 'https://x' }}     | ${{ owner: 'Ana', link: 'https://x' }}
    ${'period from/to in one cell'}    | ${{ target: 2, period: '2026-07-01/2026-10-01' }}     | ${{ period: { from: '2026-07-01', to: '2026-10-01' } }}
    ${'integer period is a year'}      | ${{ target: 2, period: 2026 }}                        | ${{ period: '2026' }}
    ${'each as text'}                  | ${{ target: 2, each: 'TRUE' }}                        | ${{ each: true }}
    ${'each as 0'}                     | ${{ target: 2, each: 0 }}                             | ${{ each: false }}
    ${'targetMax as text, stayWithin'} | ${{ kind: 'stayWithin', target: 1, target_max: '5' }} | ${{ targetMax: { kind: 'absolute', value: 5 } }}
  `('$name', ({ cells, expected }) => {
    const { def } = readOne(cells);
    expect(def).toMatchObject(expected);
    expect(def.problems).toEqual([]);
  });

  test.each`
    name                   | from                                 | to                                   | period
    ${'DATE columns'}      | ${Date.UTC(2026, 6 /* Jul */, 1)}    | ${Date.UTC(2026, 9 /* Oct */, 1)}    | ${{ from: '2026-07-01', to: '2026-10-01' }}
    ${'TIMESTAMP columns'} | ${Date.UTC(2026, 6 /* Jul */, 1, 6)} | ${Date.UTC(2026, 9 /* Oct */, 1, 6)} | ${{ from: '2026-07-01T06:00:00.000Z', to: '2026-10-01T06:00:00.000Z' }}
    ${'ISO text'}          | ${'2026-07-01'}                      | ${'2026-10-01T00:00:00+02:00'}       | ${{ from: '2026-07-01', to: '2026-10-01T00:00:00+02:00' }}
    ${'only from'}         | ${'2026-07-01'}                      | ${null}                              | ${{ from: '2026-07-01', to: undefined }}
  `('period_from / period_to as $name', ({ from, to, period }) => {
    const types = typeof from === 'number' ? { period_from: FieldType.time, period_to: FieldType.time } : {};
    const { def } = readOne({ target: 2, period: '', period_from: from, period_to: to }, types);
    expect(def.period).toEqual(period);
  });

  test('period wins over period_from / period_to, with a note', () => {
    const { def } = readOne({ target: 2, period_from: '2026-01-01', period_to: '2026-02-01' });
    expect(def.period).toBe('2026-Q3');
    expect(def.notes).toEqual(['row 1: period_from and period_to are ignored: period is set']);
  });
});

describe('a row that does not parse names its row and field', () => {
  test.each`
    name                       | cells                                | problem
    ${'target text'}           | ${{ target: 'abc' }}                 | ${"row 1: target 'abc' is not a number: write a number, +15% / -10% of the baseline, or +50 / -20 from it"}
    ${'missing target'}        | ${{}}                                | ${'row 1: target is missing'}
    ${'thousands separator'}   | ${{ target: 2, baseline: '1,234' }}  | ${"row 1: baseline '1,234' is not a number"}
    ${'unknown kind'}          | ${{ target: 2, kind: 'grow' }}       | ${"row 1: kind 'grow' is not one of increase, decrease, stayAbove, stayBelow, stayWithin"}
    ${'boolean target column'} | ${{ target: true }}                  | ${'row 1: target true is not a number'}
    ${'JSON object in series'} | ${{ target: 2, series: { a: 1 } }}   | ${'row 1: series {"a":1} is not text'}
    ${'unknown reducer'}       | ${{ target: 2, reducer: 'median2' }} | ${"row 1: reducer 'median2' is unknown; use a Grafana reducer id such as lastNotNull, mean or max"}
  `('$name', ({ cells, problem }) => {
    const types = typeof cells.target === 'boolean' ? { target: FieldType.boolean } : {};
    const { def } = readOne(cells, { ...types, ...(cells.series ? { series: FieldType.other } : {}) });
    expect(def.problems).toContain(problem);
  });

  test('a non-blocking cell problem is a note: weight and each', () => {
    const { def } = readOne({ target: 2, weight: 'heavy', each: 'maybe' });
    expect(def.problems).toEqual([]);
    expect(def.notes).toEqual([
      "row 1: each 'maybe' must be true or false; read as false",
      "row 1: weight 'heavy' is not a number; using 1",
    ]);
  });
});

describe('columns', () => {
  test.each(['key_result', 'keyResult', 'Key Result', 'KEY-RESULT', 'title'])('%s is the title', (header) => {
    const frame = oneRow({
      objective: 'O',
      [header]: 'MRR',
      series: 'mrr',
      period: '2026-Q3',
      kind: 'increase',
      target: 2,
    });
    expect(readOkrTable([frame], 'OKRS').rows[0].def.title).toBe('MRR');
  });

  test.each(['target_max', 'targetMax', 'Target Max'])('%s is targetMax', (header) => {
    const frame = oneRow({ ...BASE, kind: 'stayWithin', target: 1, [header]: 3 });
    expect(readOkrTable([frame], 'OKRS').rows[0].def.targetMax).toEqual({ kind: 'absolute', value: 3 });
  });

  test('unknown columns are one notice; a second column for one option is ignored too', () => {
    const frame = oneRow({ ...BASE, target: 2, notes: 'x', quarter_label: 'Q3', title: 'Second title' });
    const read = readOkrTable([frame, frame], 'OKRS');
    expect(read.rows.map((row) => row.def.title)).toEqual(['MRR', 'MRR']);
    expect(read.messages).toEqual([
      "query OKRS: columns 'notes', 'quarter_label' are not known; ignored",
      "query OKRS: column 'title' gives the same option as 'key_result'; ignored",
    ]);
  });
});

describe('rows', () => {
  function table(rows: Array<Record<string, unknown>>): DataFrame {
    const names = Object.keys(rows[0]);
    return createDataFrame({
      refId: 'OKRS',
      fields: names.map((name) => ({ name, type: FieldType.string, values: rows.map((row) => row[name]) })),
    });
  }

  test('empty rows are skipped and rows keep their numbers', () => {
    const row = { ...BASE, target: '2' };
    const blank = { objective: '', key_result: null, series: ' ', period: '', kind: '', target: '' };
    const read = readOkrTable([table([row, blank, { ...row, target: 'x' }])], 'OKRS');
    expect(read.rows.map((r) => r.where)).toEqual(['row 1', 'row 3']);
    expect(read.rows[1].def.problems[0]).toMatch(/^row 3: target 'x' is not a number/);
  });

  test('several frames: rows are named by frame and row', () => {
    const frame = table([{ ...BASE, target: '2' }]);
    expect(readOkrTable([frame, frame], 'OKRS').rows.map((r) => r.where)).toEqual(['frame 1, row 1', 'frame 2, row 1']);
  });

  test('generated ids come from the query, objective and title; an id cell is kept', () => {
    const read = readOkrTable(
      [
        table([
          { ...BASE, target: '2', id: '' },
          { ...BASE, target: '2', id: 'kr-9' },
        ]),
      ],
      'OKRS'
    );
    expect(read.rows.map((r) => [r.def.id, r.id])).toEqual([
      ['OKRS/Grow revenue/MRR', undefined],
      ['kr-9', 'kr-9'],
    ]);
  });

  test(`at most ${MAX_ROWS} rows are read, and the panel is told`, () => {
    const rows = Array.from({ length: MAX_ROWS + 5 }, (_, i) => ({ ...BASE, key_result: `KR ${i}`, target: '2' }));
    const read = readOkrTable([table(rows)], 'OKRS');
    expect(read.rows).toHaveLength(MAX_ROWS);
    expect(read.messages).toEqual([
      `query OKRS returned ${MAX_ROWS + 5} rows; the first ${MAX_ROWS} are read as key results`,
    ]);
  });
});
