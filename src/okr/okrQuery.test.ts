import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import { evaluate } from './evaluate';
import type { PanelModel } from './model';
import { kpiFrames } from './okrQuery';
import { DAY, Q3_END, Q3_START } from './testUtils';

const MID_Q3 = Q3_START + 46 * DAY;

/** KPI query A (PostgreSQL, time series format): daily mrr and churn over the first 46 days of Q3. */
function kpis(): DataFrame {
  const days = Array.from({ length: 46 }, (_, i) => i);
  return createDataFrame({
    refId: 'A',
    fields: [
      { name: 'time', type: FieldType.time, values: days.map((i) => Q3_START + i * DAY) },
      { name: 'mrr', type: FieldType.number, values: days.map((i) => 1.5e6 + i * 5000) },
      { name: 'churn', type: FieldType.number, values: days.map((i) => 3 - i * 0.01) },
    ],
  });
}

type Row = Record<string, string | number | null>;

/**
 * Query OKRS (PostgreSQL, table format) as Grafana's SQL datasources send it: text columns as strings,
 * numeric columns as numbers (null for NULL), DATE columns as time at midnight UTC.
 */
function okrTable(rows: Row[], refId = 'OKRS'): DataFrame {
  const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const typeOf = (name: string) =>
    name.startsWith('period_')
      ? FieldType.time
      : rows.some((row) => typeof row[name] === 'number')
        ? FieldType.number
        : FieldType.string;
  return createDataFrame({
    refId,
    meta: { executedQueryString: 'SELECT * FROM okrs' },
    fields: names.map((name) => ({ name, type: typeOf(name), values: rows.map((row) => row[name] ?? null) })),
  });
}

const MRR_ROW: Row = {
  objective: 'Grow revenue',
  key_result: 'MRR to 2M',
  series: 'mrr',
  period: '2026-Q3',
  kind: 'increase',
  baseline: null,
  target: '2000000',
  weight: 2,
  id: 'kr-mrr',
};
const CHURN_ROW: Row = {
  objective: 'Keep customers',
  key_result: 'Churn to 2%',
  series: 'churn',
  period: '2026-Q3',
  kind: 'decrease',
  baseline: 3,
  target: '2',
  weight: null,
  id: 'kr-churn',
};

function run(input: { options?: Record<string, unknown>; frames: DataFrame[] }): PanelModel {
  return evaluate({
    options: { okrQuery: { refId: 'OKRS' }, ...input.options },
    frames: input.frames,
    timeRange: { from: Q3_START, to: Q3_END },
    timeZone: 'utc',
    now: MID_Q3,
  });
}

const titles = (model: PanelModel) =>
  model.objectives.map((objective) => [objective.title, objective.keyResults.map((kr) => kr.title)]);

describe('a table of key results joined to KPI series', () => {
  test('each row is a key result, judged on the KPI frames; rows with one objective form one objective', () => {
    const model = run({
      frames: [kpis(), okrTable([MRR_ROW, CHURN_ROW, { ...CHURN_ROW, key_result: 'Churn', id: 'k3' }])],
    });
    expect(model.messages).toEqual([]);
    expect(titles(model)).toEqual([
      ['Grow revenue', ['MRR to 2M']],
      ['Keep customers', ['Churn to 2%', 'Churn']],
    ]);
    const [mrr] = model.objectives[0].keyResults;
    expect(mrr).toMatchObject({ id: 'kr-mrr', status: 'onTrack', baseline: 1.5e6, target: 2e6, weight: 2 });
    expect(mrr.current).toBe(1.5e6 + 45 * 5000);
    expect(mrr.progress).toBeCloseTo((45 * 5000) / 0.5e6, 12);
    expect(model.objectives[1].keyResults[0]).toMatchObject({ baseline: 3, target: 2, current: 2.55 });
    expect(model.query).toEqual({ refId: 'OKRS', keyResults: 3 });
  });

  test('the table is not a KPI series: a key result cannot match its columns, and kpiFrames leaves it out', () => {
    const table = okrTable([MRR_ROW, { ...CHURN_ROW, series: 'weight' }]);
    const model = run({ frames: [kpis(), table] });
    expect(model.objectives[1].keyResults[0].messages).toContain("series 'weight' not found; available: mrr, churn");
    expect(kpiFrames([kpis(), table], { refId: 'OKRS' }).map((frame) => frame.refId)).toEqual(['A']);
    expect(kpiFrames([kpis(), table], undefined)).toHaveLength(2);
  });

  test('a table that looks like a time series (time + numbers) is still only a table', () => {
    const table = okrTable([{ ...MRR_ROW, period: null, period_from: Q3_START, period_to: Q3_END }]);
    const model = run({ frames: [kpis(), table] });
    expect(model.objectives[0].keyResults[0]).toMatchObject({ status: 'onTrack', seriesName: 'mrr' });
    expect(model.objectives[0].keyResults[0].period).toMatchObject({ start: Q3_START, end: Q3_END });
  });

  test('a row that does not parse is invalid with its row and field; every other row evaluates', () => {
    const model = run({
      frames: [kpis(), okrTable([MRR_ROW, { ...CHURN_ROW, target: 'abc' }, { ...CHURN_ROW, id: 'k3' }])],
    });
    const [broken, fine] = model.objectives[1].keyResults;
    expect(broken.status).toBe('invalid');
    expect(broken.messages).toEqual([
      "row 2: target 'abc' is not a number: write a number, +15% / -10% of the baseline, or +50 / -20 from it",
    ]);
    expect(fine.status).not.toBe('invalid');
    expect(model.objectives[0].keyResults[0].status).toBe('onTrack');
  });

  test('numbers as text (CSV content from TestData): strict decimals, relative targets as in the options', () => {
    const csv: Row = { ...MRR_ROW, baseline: '1400000', target: '+50%', weight: '2' };
    const text = Object.fromEntries(
      Object.entries(csv).map(([key, value]) => [key, value === null ? '' : String(value)])
    );
    const kr = run({ frames: [kpis(), okrTable([text])] }).objectives[0].keyResults[0];
    expect(kr).toMatchObject({ baseline: 1.4e6, target: 2.1e6, weight: 2, status: 'onTrack' });
  });
});

describe('rows are added to the key results in the options', () => {
  const options = {
    objectives: [
      {
        title: 'Grow revenue',
        keyResults: [
          { id: 'kr-mrr', title: 'MRR (options)', series: 'mrr', period: '2026-Q3', kind: 'increase', target: 2.2e6 },
        ],
      },
    ],
  };

  test('a row joins the options objective of its title; an id in both is one message and the options win', () => {
    const rows = [MRR_ROW, { ...MRR_ROW, key_result: 'MRR mean', id: 'kr-mrr-mean', kind: 'increase' }, CHURN_ROW];
    const model = run({ options, frames: [kpis(), okrTable(rows)] });
    expect(titles(model)).toEqual([
      ['Grow revenue', ['MRR (options)', 'MRR mean']],
      ['Keep customers', ['Churn to 2%']],
    ]);
    expect(model.objectives[0].keyResults[0].target).toBe(2.2e6);
    expect(model.messages).toEqual([
      "key result id 'kr-mrr' is both in the panel options and in query OKRS (row 1): the options' key result is used",
    ]);
    expect(model.query).toEqual({ refId: 'OKRS', keyResults: 2 });
  });

  test('several shadowed ids are one message', () => {
    const both = {
      objectives: [
        {
          title: 'O',
          keyResults: [
            { ...options.objectives[0].keyResults[0] },
            { ...options.objectives[0].keyResults[0], id: 'kr-churn' },
          ],
        },
      ],
    };
    const model = run({ options: both, frames: [kpis(), okrTable([MRR_ROW, CHURN_ROW])] });
    expect(model.messages).toEqual([
      "key result ids 'kr-mrr', 'kr-churn' are both in the panel options and in query OKRS (row 1, row 2): the options' key results are used",
    ]);
  });

  test('ids repeated within the table get a suffix and a note, as in the options', () => {
    const model = run({ frames: [kpis(), okrTable([MRR_ROW, { ...MRR_ROW, key_result: 'Again' }])] });
    expect(model.objectives[0].keyResults.map((kr) => kr.id)).toEqual(['kr-mrr', 'kr-mrr (2)']);
    expect(model.objectives[0].keyResults[1].messages).toContain(
      "id 'kr-mrr' is already used on this panel; this one is shown as 'kr-mrr (2)'"
    );
  });

  test('a row with no objective goes under "Query OKRS" and says so', () => {
    const model = run({ frames: [kpis(), okrTable([{ ...MRR_ROW, objective: '' }])] });
    expect(titles(model)).toEqual([['Query OKRS', ['MRR to 2M']]]);
    expect(model.objectives[0].keyResults[0].messages).toEqual([
      "row 1: objective is empty; listed under 'Query OKRS'",
    ]);
  });

  test('the options are not changed', () => {
    const saved = JSON.stringify(options);
    run({ options, frames: [kpis(), okrTable([MRR_ROW, CHURN_ROW])] });
    expect(JSON.stringify(options)).toBe(saved);
  });
});

describe('okrQuery itself', () => {
  test.each`
    name                      | okrQuery             | frames                                     | message
    ${'refId no frame has'}   | ${{ refId: 'OKR' }}  | ${() => [kpis(), okrTable([MRR_ROW])]}     | ${"okrQuery: no frame has refId 'OKR'; the data has refIds A, OKRS"}
    ${'no data yet'}          | ${{ refId: 'OKRS' }} | ${() => []}                                | ${"okrQuery: no frame has refId 'OKRS'; there is no data yet"}
    ${'frames without refId'} | ${{ refId: 'OKRS' }} | ${() => [{ ...kpis(), refId: undefined }]} | ${"okrQuery: no frame has refId 'OKRS'; the frames carry no refId"}
    ${'not an object'}        | ${'OKRS'}            | ${() => [kpis()]}                          | ${`okrQuery 'OKRS' must be an object such as {"refId": "OKRS"}; ignored`}
    ${'refId not text'}       | ${{ refId: 7 }}      | ${() => [kpis()]}                          | ${'okrQuery.refId 7 must be a query\'s refId such as "OKRS"; ignored'}
    ${'table with no rows'}   | ${{ refId: 'OKRS' }} | ${() => [kpis(), okrTable([])]}            | ${'query OKRS returned no key results: its table has no rows'}
  `('$name → a panel message', ({ okrQuery, frames, message }) => {
    const model = run({ options: { okrQuery }, frames: frames() });
    expect(model.messages[0]).toEqual(message);
  });

  test('with okrQuery set, "no objectives configured" is not said: the query message explains', () => {
    const model = run({ frames: [kpis(), okrTable([])] });
    expect(model.messages).toEqual(['query OKRS returned no key results: its table has no rows']);
  });

  test.each([{}, { refId: '' }, { refId: null }, null])('%p is off, silently', (okrQuery) => {
    const model = run({ options: { okrQuery }, frames: [kpis()] });
    expect(model.messages).toEqual(['no objectives configured: add an objective with at least one key result']);
    expect(model.query).toBeUndefined();
  });

  test('a hostile table never throws: odd cells, a frame with no fields, a null frame', () => {
    const odd = okrTable([
      { ...MRR_ROW, target: '1e999' },
      { objective: '<script>', key_result: '\u0000', target: '-' },
    ]);
    const hostile = [kpis(), odd, createDataFrame({ refId: 'OKRS', fields: [] }), null as unknown as DataFrame];
    const model = run({ frames: hostile });
    const keyResults = model.objectives.flatMap((objective) => objective.keyResults);
    expect(keyResults.map((kr) => kr.status)).toEqual(['invalid', 'invalid']);
    expect(keyResults[0].messages[0]).toMatch(/^row 1: target '1e999' is not a number/);
  });
});
