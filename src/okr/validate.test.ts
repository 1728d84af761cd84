import { readNumber, validateOptions } from './validate';

const kr = (overrides: Record<string, unknown>) => ({
  title: 'MRR',
  series: 'mrr',
  period: '2026-Q3',
  kind: 'increase',
  target: 2,
  ...overrides,
});
const firstKr = (overrides: Record<string, unknown>) =>
  validateOptions({ objectives: [{ title: 'O', keyResults: [kr(overrides)] }] }).objectives[0].keyResults[0];

describe('numbers may be numeric strings', () => {
  test.each`
    value         | result
    ${2000000}    | ${{ ok: true, value: 2000000 }}
    ${'2000000'}  | ${{ ok: true, value: 2000000 }}
    ${' 1.5 '}    | ${{ ok: true, value: 1.5 }}
    ${'-3e2'}     | ${{ ok: true, value: -300 }}
    ${'+.5'}      | ${{ ok: true, value: 0.5 }}
    ${'0x10'}     | ${{ ok: false, message: "target '0x10' is not a number" }}
    ${'0b1'}      | ${{ ok: false, message: "target '0b1' is not a number" }}
    ${'1,234.5'}  | ${{ ok: false, message: "target '1,234.5' is not a number" }}
    ${'Infinity'} | ${{ ok: false, message: "target 'Infinity' is not a number" }}
    ${'2M'}       | ${{ ok: false, message: "target '2M' is not a number" }}
    ${''}         | ${{ ok: false, message: "target '' is not a number" }}
    ${true}       | ${{ ok: false, message: 'target true is not a number' }}
    ${Infinity}   | ${{ ok: false, message: 'target Infinity is not a number' }}
    ${undefined}  | ${{ ok: false, message: 'target is missing' }}
    ${null}       | ${{ ok: false, message: 'target is missing' }}
  `('$value → $result', ({ value, result }) => {
    expect(readNumber(value, 'target')).toEqual(result);
  });
});

describe('key result problems (blocking) and notes', () => {
  test.each`
    name                              | overrides                               | problems
    ${'valid'}                        | ${{}}                                   | ${[]}
    ${'target as string'}             | ${{ target: '2000000' }}                | ${[]}
    ${'missing target'}               | ${{ target: undefined }}                | ${['target is missing']}
    ${'bad target'}                   | ${{ target: 'lots' }}                   | ${["target 'lots' is not a number: write a number, +15% / -10% of the baseline, or +50 / -20 from it"]}
    ${'hex target'}                   | ${{ target: '0x10' }}                   | ${["target '0x10' is not a number: write a number, +15% / -10% of the baseline, or +50 / -20 from it"]}
    ${'missing kind'}                 | ${{ kind: undefined }}                  | ${['kind is missing: use one of increase, decrease, stayAbove, stayBelow, stayWithin']}
    ${'baseline null is automatic'}   | ${{ baseline: null }}                   | ${[]}
    ${'hex baseline'}                 | ${{ baseline: '0x10' }}                 | ${["baseline '0x10' is not a number"]}
    ${'unknown kind'}                 | ${{ kind: 'grow' }}                     | ${["kind 'grow' is not one of increase, decrease, stayAbove, stayBelow, stayWithin"]}
    ${'missing series'}               | ${{ series: '' }}                       | ${['series is missing: name a field or write /regex/']}
    ${'stayWithin without targetMax'} | ${{ kind: 'stayWithin' }}               | ${['targetMax (the upper bound of stayWithin) is missing']}
    ${'stayWithin empty band'}        | ${{ kind: 'stayWithin', targetMax: 1 }} | ${['targetMax (1) is below target (2): the band [target, targetMax] is empty']}
    ${'unknown reducer'}              | ${{ reducer: 'bogus' }}                 | ${["reducer 'bogus' is unknown; use a Grafana reducer id such as lastNotNull, mean or max"]}
    ${'bad baseline'}                 | ${{ baseline: 'x' }}                    | ${["baseline 'x' is not a number"]}
  `('$name', ({ overrides, problems }) => {
    expect(firstKr(overrides).problems).toEqual(problems);
  });

  test.each`
    name                       | overrides                                             | notes                                                           | weight
    ${'negative weight'}       | ${{ weight: -1 }}                                     | ${['weight -1 is negative; using 1']}                           | ${1}
    ${'string weight'}         | ${{ weight: '3' }}                                    | ${[]}                                                           | ${3}
    ${'bad milestone value'}   | ${{ milestones: [{ at: '2026-08-01', value: 'x' }] }} | ${["milestone 1 value 'x' is not a number; milestone ignored"]} | ${1}
    ${'milestones not a list'} | ${{ milestones: 'soon' }}                             | ${['milestones must be a list; ignored']}                       | ${1}
  `('$name', ({ overrides, notes, weight }) => {
    const def = firstKr(overrides);
    expect([def.notes, def.weight, def.problems]).toEqual([notes, weight, []]);
  });

  test('defaults: generated ids and titles, lastNotNull, weight 1, baseline null', () => {
    const defs = validateOptions({
      objectives: [{ keyResults: [{ series: 'a', period: '2026-Q3', kind: 'increase', target: 1 }] }],
    });
    const [objective] = defs.objectives;
    expect([objective.id, objective.title, objective.keyResults[0].id, objective.keyResults[0].title]).toEqual([
      'objective-1',
      'Objective 1',
      'objective-1/kr-1',
      'Key result 1',
    ]);
    expect([objective.keyResults[0].reducer, objective.keyResults[0].weight, objective.keyResults[0].baseline]).toEqual(
      ['lastNotNull', 1, null]
    );
  });

  test('hostile strings are kept as data', () => {
    expect(firstKr({ title: '<img src=x onerror=alert(1)>' }).title).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('panel-level settings fall back with one message each', () => {
  test.each`
    options                                           | messages
    ${{}}                                             | ${[]}
    ${null}                                           | ${[]}
    ${{ objectives: 'x' }}                            | ${["objectives 'x' must be a list of objectives"]}
    ${{ fiscalYearStartMonth: 12 }}                   | ${['fiscalYearStartMonth 12 must be a month number 0–11; using 0 (January)']}
    ${{ fiscalYearStartMonth: '3' }}                  | ${[]}
    ${{ tolerances: { atRisk: 0.2, offTrack: 0.1 } }} | ${['tolerances {"atRisk":0.2,"offTrack":0.1} need 0 ≤ atRisk ≤ offTrack; using 0.05/0.15']}
    ${{ tolerances: { atRisk: '0.1' } }}              | ${[]}
    ${{ breaches: { thresholds: 'sideways' } }}       | ${[`breaches.thresholds 'sideways' is no longer read: set "Breach direction" (above or below) per series in the field config`]}
    ${{ breaches: 'sideways' }}                       | ${[`breaches 'sideways' must be an object such as {"minDurationSeconds": 60}; using the defaults`]}
    ${{ tolerances: 'abc' }}                          | ${["tolerances 'abc' need 0 ≤ atRisk ≤ offTrack; using 0.05/0.15"]}
    ${{ view: 'tv' }}                                 | ${["view 'tv' is not one of auto, chart, scorecard, wall; using auto"]}
    ${{ view: 'wall' }}                               | ${[]}
    ${{ schemaVersion: 99 }}                          | ${['these options were saved by a newer plugin (schemaVersion 99; this one reads up to 4): settings it does not know are ignored']}
    ${{ breaches: { minDurationSeconds: -5 } }}       | ${['breaches.minDurationSeconds -5 must be a number ≥ 0; using 0']}
    ${{ wall: { pageSeconds: 0.5 } }}                 | ${['wall.pageSeconds 0.5 must be a number of seconds, at least 1; pages turn every 15 s']}
    ${{ wall: { pageSeconds: 'soon' } }}              | ${["wall.pageSeconds 'soon' must be a number of seconds, at least 1; pages turn every 15 s"]}
    ${{ wall: 20 }}                                   | ${['wall 20 must be an object such as {"pageSeconds": 15}; pages turn every 15 s']}
    ${{ wall: {} }}                                   | ${[]}
    ${{ chart: { layout: 5 } }}                       | ${['chart.layout 5 is not one of auto, shared, perKeyResult; using auto']}
    ${{ chart: { layout: 'stacked' } }}               | ${["chart.layout 'stacked' is not one of auto, shared, perKeyResult; using auto"]}
    ${{ chart: 'x' }}                                 | ${[`chart 'x' must be an object such as {"layout": "auto"}; the chart layout is auto`]}
    ${{ chart: {} }}                                  | ${[]}
  `('$options → $messages', ({ options, messages }) => {
    expect(validateOptions(options).messages).toEqual(messages);
  });

  test.each`
    chart                         | layout
    ${undefined}                  | ${'auto'}
    ${{}}                         | ${'auto'}
    ${{ layout: 'shared' }}       | ${'shared'}
    ${{ layout: 'perKeyResult' }} | ${'perKeyResult'}
    ${{ layout: 'auto' }}         | ${'auto'}
    ${{ layout: 'PerKeyResult' }} | ${'auto'}
    ${{ layout: ['shared'] }}     | ${'auto'}
    ${'perKeyResult'}             | ${'auto'}
  `('chart $chart → chart layout $layout', ({ chart, layout }) => {
    expect(validateOptions({ chart }).chartLayout).toBe(layout);
  });

  test('valid settings are read', () => {
    const defs = validateOptions({
      fiscalYearStartMonth: '3',
      tolerances: { atRisk: '0.1', offTrack: 0.2 },
      breaches: { minDurationSeconds: '30' },
      wall: { pageSeconds: '30' },
    });
    expect([defs.fiscalYearStartMonth, defs.tolerances, defs.breaches, defs.wall]).toEqual([
      3,
      { atRisk: 0.1, offTrack: 0.2 },
      { minDurationSeconds: 30 },
      { pageSeconds: 30 },
    ]);
  });
});
