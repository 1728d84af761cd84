import { createDataFrame, FieldType, type DataFrame, type ScopedVars } from '@grafana/data';
import { MAX_EACH } from './each';
import { evaluate, type EvaluateInput } from './evaluate';
import type { KeyResultModel, PanelModel } from './model';
import { HOUR } from './randomInputs';
import { Q3_START } from './testUtils';

const AUG_1 = Date.UTC(2026, 7 /* Aug */, 1);
const HOURS = 48;
const AS_OF = AUG_1 + HOURS * HOUR;

/**
 * Prometheus, one frame per series: `histogram_quantile(0.95, sum by (le, service) (rate(…[5m]))) * 1000`,
 * hourly p95 latency in ms. `bad` hours are at 400 ms, the others at 200.
 */
function p95(labels: Record<string, string>, bad: (hour: number) => boolean = () => false): DataFrame {
  const hours = Array.from({ length: HOURS }, (_, i) => i);
  return createDataFrame({
    refId: 'A',
    fields: [
      { name: 'Time', type: FieldType.time, values: hours.map((h) => AUG_1 + h * HOUR) },
      { name: 'Value', type: FieldType.number, values: hours.map((h) => (bad(h) ? 400 : 200)), labels },
    ],
  });
}

/** api: never breached; checkout: breached now; search: breached hours 10–12 only. */
const services = () => [
  p95({ service: 'api' }),
  p95({ service: 'checkout' }, (h) => h >= 40),
  p95({ service: 'search' }, (h) => h >= 10 && h <= 12),
];

const P95_KR = {
  id: 'p95',
  title: 'p95 under 300 ms: ${__field.labels.service}',
  series: '/.*/',
  each: true,
  period: '2026-08',
  kind: 'stayBelow',
  target: 300,
};

/**
 * A stand-in for Grafana's replaceVariables with the field variables it reads from scopedVars: the
 * browser tests run the host's real one (Grafana Scenes).
 */
function fieldVariables(text: string, scopedVars: ScopedVars): string {
  const context = scopedVars.__dataContext?.value;
  return text.replace(/\$\{(__series|__field)\.([\w.]+)\}/g, (match, name: string, path: string) => {
    if (name === '__series') {
      return path === 'name' ? String(scopedVars.__series?.value.name) : match;
    }
    const [head, label] = path.split('.');
    return head === 'labels'
      ? (context?.field.labels?.[label] ?? '')
      : head === 'name'
        ? String(context?.field.name)
        : match;
  });
}

function run(
  input: Partial<EvaluateInput> & { keyResults: Array<Record<string, unknown>>; frames: DataFrame[] }
): PanelModel {
  return evaluate({
    options: { objectives: [{ title: 'Fast everywhere', keyResults: input.keyResults }] },
    timeRange: { from: AUG_1, to: AS_OF },
    timeZone: 'utc',
    now: AS_OF,
    interpolate: fieldVariables,
    ...input,
  });
}

const summary = (kr: KeyResultModel) => ({
  id: kr.id,
  title: kr.title,
  status: kr.status,
  breachCount: kr.breachCount,
});

describe('each: one key result per matching series', () => {
  test('a Prometheus frame per service → one key result each, with its own status, breaches and title', () => {
    const model = run({ keyResults: [P95_KR], frames: services() });
    expect(model.objectives[0].keyResults.map(summary)).toEqual([
      { id: 'p95/api {service="api"}', title: 'p95 under 300 ms: api', status: 'onTrack', breachCount: 0 },
      {
        id: 'p95/checkout {service="checkout"}',
        title: 'p95 under 300 ms: checkout',
        status: 'offTrack',
        breachCount: 1,
      },
      { id: 'p95/search {service="search"}', title: 'p95 under 300 ms: search', status: 'atRisk', breachCount: 1 },
    ]);
    expect(model.objectives[0].keyResults.map((kr) => kr.seriesName)).toEqual(['api', 'checkout', 'search']);
    expect(model.objectives[0].keyResults.every((kr) => kr.messages.length === 0)).toBe(true);
  });

  test('the objective rolls them up as any other key results: worst status, mean of their progress', () => {
    const objective = run({ keyResults: [P95_KR], frames: services() }).objectives[0];
    expect(objective.status).toBe('offTrack');
    const progress = objective.keyResults.map((kr) => kr.progress!);
    expect(objective.progress).toBeCloseTo(progress.reduce((a, b) => a + b) / 3, 12);
  });

  test('ids come from the series, not their order: the same after a refresh with series reordered or added', () => {
    const ids = (frames: DataFrame[]) =>
      run({ keyResults: [P95_KR], frames }).objectives[0].keyResults.map((kr) => kr.id);
    const before = ids(services());
    const [api, checkout, search] = services();
    const after = ids([search, p95({ service: 'auth' }), checkout, api]);
    expect(after.filter((id) => before.includes(id)).sort()).toEqual([...before].sort());
    expect(after).toContain('p95/auth {service="auth"}');
  });

  test('labels in the id are sorted by name, whatever order the datasource sent them in', () => {
    const frames = [p95({ service: 'api', region: 'eu' }), p95({ region: 'us', service: 'api' })];
    const model = run({ keyResults: [P95_KR], frames });
    expect(model.objectives[0].keyResults.map((kr) => kr.id)).toEqual([
      'p95/{region="eu", service="api"} {region="eu", service="api"}',
      'p95/{region="us", service="api"} {region="us", service="api"}',
    ]);
  });

  test.each`
    name                                   | title                              | expected
    ${'${__series.name}'}                  | ${'${__series.name} p95'}          | ${['api p95', 'checkout p95', 'search p95']}
    ${'${__field.labels.<label>}'}         | ${'p95 ${__field.labels.service}'} | ${['p95 api', 'p95 checkout', 'p95 search']}
    ${'no field variable: name added'}     | ${'p95 under 300 ms'}              | ${['p95 under 300 ms (api)', 'p95 under 300 ms (checkout)', 'p95 under 300 ms (search)']}
    ${'a label the series lacks is empty'} | ${'p95 ${__field.labels.region}'}  | ${['p95 ', 'p95 ', 'p95 ']}
  `('title with $name', ({ title, expected }) => {
    const model = run({ keyResults: [{ ...P95_KR, title }], frames: services() });
    expect(model.objectives[0].keyResults.map((kr) => kr.title)).toEqual(expected);
  });

  test('without an interpolate function (no host), a title with field variables is shown as written', () => {
    const model = run({ keyResults: [P95_KR], frames: services(), interpolate: undefined });
    expect(new Set(model.objectives[0].keyResults.map((kr) => kr.title))).toEqual(new Set([P95_KR.title]));
  });

  test('an interpolate function that throws leaves the title as written', () => {
    const model = run({
      keyResults: [P95_KR],
      frames: services(),
      interpolate: () => {
        throw new Error('no');
      },
    });
    expect(model.objectives[0].keyResults[0].title).toBe(P95_KR.title);
  });

  test('a name several series share (Prometheus "Value") matches them all', () => {
    const model = run({ keyResults: [{ ...P95_KR, series: 'Value' }], frames: services() });
    expect(model.objectives[0].keyResults).toHaveLength(3);
  });

  test('a regex narrows the series; other key results are untouched', () => {
    const model = run({
      keyResults: [
        { ...P95_KR, series: '/^(api|search)$/' },
        { ...P95_KR, id: 'one', each: false, series: 'checkout' },
      ],
      frames: services(),
    });
    expect(model.objectives[0].keyResults.map((kr) => kr.id)).toEqual([
      'p95/api {service="api"}',
      'p95/search {service="search"}',
      'one',
    ]);
  });
});

describe('each, when it cannot expand', () => {
  test.each`
    name                        | keyResult                | status       | message
    ${'matches nothing'}        | ${{ series: '/^db$/' }}  | ${'noData'}  | ${'series regex /^db$/ not found; available: api, checkout, search'}
    ${'regex does not compile'} | ${{ series: '/(/' }}     | ${'invalid'} | ${'series regex /(/ does not compile: Invalid regular expression: /(/: Unterminated group'}
    ${'a blocking problem'}     | ${{ kind: 'grow' }}      | ${'invalid'} | ${"kind 'grow' is not one of increase, decrease, stayAbove, stayBelow, stayWithin"}
    ${'a period that fails'}    | ${{ period: '2026-Q5' }} | ${'invalid'} | ${"period '2026-Q5' is not one of 2026-Q3, 2026-H1, 2026, 2026-08, thisQuarter (this/last/next + Month, Quarter, Half or Year) or {from, to}"}
  `('$name → one key result that says why', ({ keyResult, status, message }) => {
    const model = run({ keyResults: [{ ...P95_KR, ...keyResult }], frames: services() });
    expect(model.objectives[0].keyResults).toHaveLength(1);
    expect(model.objectives[0].keyResults[0]).toMatchObject({ id: 'p95', status });
    expect(model.objectives[0].keyResults[0].messages).toContain(message);
  });

  test('each that is not a boolean is a note and counts as false', () => {
    const model = run({ keyResults: [{ ...P95_KR, each: 'yes' }], frames: services() });
    const [kr] = model.objectives[0].keyResults;
    expect(model.objectives[0].keyResults).toHaveLength(1);
    expect(kr.messages).toContain("each 'yes' must be true or false; read as false");
  });

  test.each`
    name                              | frames                                                      | series
    ${'the worst series: checkout'}   | ${services}                                                 | ${'checkout'}
    ${'among equals, the first: api'} | ${() => [p95({ service: 'api' }), p95({ service: 'web' })]} | ${'api'}
  `('the options editor (expandEach: false) gets one row under the saved id and title: $name', ({ frames, series }) => {
    const model = run({ keyResults: [P95_KR], frames: frames(), expandEach: false });
    expect(model.objectives[0].keyResults.map((kr) => [kr.id, kr.title, kr.seriesName, kr.messages])).toEqual([
      ['p95', P95_KR.title, series, []],
    ]);
  });

  test('two series with one name and the same labels: the second id gets " (2)"', () => {
    const model = run({ keyResults: [P95_KR], frames: [p95({ service: 'api' }), p95({ service: 'api' })] });
    expect(model.objectives[0].keyResults.map((kr) => kr.id)).toEqual([
      'p95/api {service="api"}',
      'p95/api {service="api"} (2)',
    ]);
  });

  test(`at most ${MAX_EACH} key results per key result; the first says how many were left out`, () => {
    const frames = Array.from({ length: MAX_EACH + 3 }, (_, i) => p95({ service: `s${i}` }));
    const keyResults = run({ keyResults: [P95_KR], frames }).objectives[0].keyResults;
    expect(keyResults).toHaveLength(MAX_EACH);
    expect(keyResults[0].messages).toEqual([
      `series regex /.*/ matches ${MAX_EACH + 3} series: one key result each for the first ${MAX_EACH}`,
    ]);
    expect(keyResults[1].messages).toEqual([]);
  });
});

describe('each from an OKR table row', () => {
  test('the each column expands a row like the option does', () => {
    const table = createDataFrame({
      refId: 'OKRS',
      fields: [
        { name: 'objective', type: FieldType.string, values: ['Fast everywhere'] },
        { name: 'title', type: FieldType.string, values: ['p95 ${__field.labels.service}'] },
        { name: 'series', type: FieldType.string, values: ['/.*/'] },
        { name: 'period', type: FieldType.string, values: ['2026-08'] },
        { name: 'kind', type: FieldType.string, values: ['stayBelow'] },
        { name: 'target', type: FieldType.number, values: [300] },
        { name: 'each', type: FieldType.boolean, values: [true] },
        { name: 'id', type: FieldType.string, values: ['p95'] },
      ],
    });
    const model = evaluate({
      options: { okrQuery: { refId: 'OKRS' } },
      frames: [...services(), table],
      timeRange: { from: Q3_START, to: AS_OF },
      timeZone: 'utc',
      now: AS_OF,
      interpolate: fieldVariables,
    });
    expect(model.objectives[0].keyResults.map((kr) => kr.title)).toEqual(['p95 api', 'p95 checkout', 'p95 search']);
  });
});
