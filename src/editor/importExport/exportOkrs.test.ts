import { diffImport } from './diffImport';
import { exportOkrs, type ExportFormat } from './exportOkrs';
import { parseImport } from './parseImport';

const objectives = [
  {
    title: 'Grow revenue, "fast"',
    futureKey: 1,
    keyResults: [
      {
        title: 'MRR to 200',
        series: 'mrr',
        period: '2026-Q3',
        kind: 'increase',
        baseline: 100,
        target: 200,
        owner: 'Ana',
      },
      {
        title: 'Costs',
        series: 'costs',
        period: { from: '2026-07-01', to: '2026-08-15' },
        kind: 'decrease',
        target: -20,
      },
      {
        title: 'Temp',
        series: 'temp',
        period: 'thisQuarter',
        kind: 'stayWithin',
        target: '-5%',
        targetMax: '+5%',
        reducer: 'mean',
        weight: 2,
        milestones: [],
      },
    ],
  },
  {
    title: 'Delight',
    keyResults: [{ title: 'NPS', series: '/nps.*/i', period: '2026', kind: 'stayAbove', target: 40 }],
  },
];

describe('exportOkrs', () => {
  test('CSV: one row per key result, the header of the issue, quoting by papaparse', () => {
    expect(exportOkrs(objectives, 'csv').split('\r\n')).toEqual([
      'objective,key_result,series,period,kind,baseline,target,target_max,calculation,weight,owner',
      '"Grow revenue, ""fast""",MRR to 200,mrr,2026-Q3,increase,100,200,,,,Ana',
      '"Grow revenue, ""fast""",Costs,costs,2026-07-01/2026-08-15,decrease,,=-20,,,,',
      '"Grow revenue, ""fast""",Temp,temp,thisQuarter,stayWithin,,-5%,+5%,mean,2,',
      'Delight,NPS,/nps.*/i,2026,stayAbove,,40,,,,',
    ]);
  });

  test('CSV has an id column when any key result has an id', () => {
    const withId = [{ title: 'O', keyResults: [{ id: 'kr-1', title: 'K' }, { title: 'L' }] }];
    expect(exportOkrs(withId, 'csv').split('\r\n')).toEqual([
      'objective,key_result,series,period,kind,baseline,target,target_max,calculation,weight,owner,id',
      'O,K,,,,,,,,,,kr-1',
      'O,L,,,,,,,,,,',
    ]);
  });

  test('JSON is pretty-printed', () => {
    expect(exportOkrs([{ title: 'O', keyResults: [] }], 'json')).toBe(
      '[\n  {\n    "title": "O",\n    "keyResults": []\n  }\n]'
    );
  });

  test.each<ExportFormat>(['json', 'yaml'])('%s round-trips every field, unknown ones included', (format) => {
    expect(parseImport(exportOkrs(objectives, format))).toEqual({ format, objectives, messages: [] });
  });

  test.each<ExportFormat>(['json', 'yaml', 'csv'])('%s imported back into the same set changes nothing', (format) => {
    const parsed = parseImport(exportOkrs(objectives, format));
    expect(parsed.messages).toEqual([]);
    expect(diffImport(objectives, parsed.objectives).map((change) => change.change)).toEqual(
      Array(4).fill('unchanged')
    );
  });

  test('an empty set exports as an empty list and an empty sheet', () => {
    expect(exportOkrs([], 'json')).toBe('[]');
    expect(exportOkrs([], 'yaml')).toBe('[]\n');
    expect(exportOkrs([], 'csv')).toBe(
      'objective,key_result,series,period,kind,baseline,target,target_max,calculation,weight,owner\r\n'
    );
    expect(parseImport(exportOkrs([], 'csv'))).toEqual({ format: 'csv', objectives: [], messages: [] });
  });
});
