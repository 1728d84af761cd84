import { detectFormat, parseImport } from './parseImport';

const HEADER = 'objective\tkey_result\tseries\tperiod\tkind\tbaseline\ttarget\ttarget_max\tcalculation\tweight\towner';
const tsv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const GROW_MRR = 'Grow revenue\tMRR to 200\tmrr\t2026-Q3\tincrease\t100\t200\t\t\t\tAna';

describe('detectFormat', () => {
  test.each([
    ['', null],
    ['  \n ', null],
    ['[{"title": "x"}]', 'json'],
    [' {"objectives": []}', 'json'],
    ['objective\tkey_result\nA\tB', 'tsv'],
    ['objective,key_result\nA,B', 'csv'],
    ['Objective;Key Result\nA;B', 'csv'],
    ['- title: Grow revenue\n  keyResults: []', 'yaml'],
    ['objectives:\n  - title: a, b', 'yaml'],
  ])('%j is %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});

describe('parseImport from a spreadsheet', () => {
  test('rows of one objective form one objective, cells read as options, empty cells unset', () => {
    const parsed = parseImport(
      tsv(GROW_MRR, 'Grow revenue\tChurn below 2\tchurn\tthisQuarter\tstayBelow\t\t2\t\tmean\t2\t')
    );
    expect(parsed.format).toBe('tsv');
    expect(parsed.messages).toEqual([]);
    expect(parsed.objectives).toEqual([
      {
        title: 'Grow revenue',
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
            title: 'Churn below 2',
            series: 'churn',
            period: 'thisQuarter',
            kind: 'stayBelow',
            target: 2,
            reducer: 'mean',
            weight: 2,
          },
        ],
      },
    ]);
  });

  test('headers are case-insensitive, camelCase or aliases; the delimiter is detected', () => {
    const parsed = parseImport(
      'Objective,Title,Series,Period,Kind,Target,TargetMax,Reducer\nO,"KR, quoted",s,2026,stayWithin,1,"+5%",max'
    );
    expect(parsed.format).toBe('csv');
    expect(parsed.objectives).toEqual([
      {
        title: 'O',
        keyResults: [
          {
            title: 'KR, quoted',
            series: 's',
            period: '2026',
            kind: 'stayWithin',
            target: 1,
            targetMax: '+5%',
            reducer: 'max',
          },
        ],
      },
    ]);
  });

  test.each([
    ['Grow revenue\tBad target\tmrr\t2026-Q3\tincrease\t\tabc', "row 3: target 'abc' is not a number"],
    ['Grow revenue\tBad kind\tmrr\t2026-Q3\tIncrease\t\t200', "row 3: kind 'Increase' is not one of increase"],
    ['Grow revenue\tNo series\t\t2026-Q3\tincrease\t\t200', 'row 3: series is missing'],
    ['\tNo objective\tmrr\t2026-Q3\tincrease\t\t200', 'row 3: objective is missing'],
    ['Grow revenue\tBad calc\tmrr\t2026-Q3\tincrease\t\t200\t\tbogus', "row 3: reducer 'bogus' is unknown"],
  ])('a bad row %j is reported (%s…) and left out; the good row is kept', (bad, message) => {
    const parsed = parseImport(tsv(GROW_MRR, bad));
    const texts = parsed.messages.map((m) => `${m.where}: ${m.text}`);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(message);
    expect(texts[0]).toMatch(/not imported$/);
    expect(parsed.objectives).toEqual([
      { title: 'Grow revenue', keyResults: [expect.objectContaining({ title: 'MRR to 200' })] },
    ]);
  });

  test('rows keep their sheet numbers across empty lines; notes do not block', () => {
    const parsed = parseImport(tsv(GROW_MRR, '', 'Grow revenue\tHeavy\tmrr\t2026-Q3\tincrease\t\t300\t\t\tlots'));
    expect(parsed.messages).toEqual([
      { where: 'row 4', text: "weight 'lots' is not a number; using 1", blocking: false },
    ]);
    expect(parsed.objectives).toEqual([
      { title: 'Grow revenue', keyResults: [expect.anything(), expect.objectContaining({ title: 'Heavy' })] },
    ]);
  });

  test('an unknown column is named and ignored', () => {
    const parsed = parseImport('objective,key_result,series,period,kind,target,notes\nO,K,s,2026,increase,1,hello');
    expect(parsed.messages).toEqual([
      { where: 'header', text: "column 'notes' is not known; ignored", blocking: false },
    ]);
    expect(parsed.objectives).toEqual([
      { title: 'O', keyResults: [{ title: 'K', series: 's', period: '2026', kind: 'increase', target: 1 }] },
    ]);
  });
});

describe('parseImport from JSON and YAML', () => {
  const objectives = [
    {
      title: 'Grow revenue',
      futureKey: { x: 1 },
      keyResults: [
        { title: 'MRR', series: 'mrr', period: '2026-Q3', kind: 'increase', target: '+15%', milestones: [] },
      ],
    },
  ];

  test.each([
    ['a JSON list', JSON.stringify(objectives), 'json'],
    ['JSON { objectives }', JSON.stringify({ objectives }), 'json'],
    ['a whole panel as JSON', JSON.stringify({ options: { objectives } }), 'json'],
    [
      'YAML',
      '- title: Grow revenue\n  futureKey:\n    x: 1\n  keyResults:\n    - title: MRR\n      series: mrr\n      period: 2026-Q3\n      kind: increase\n      target: "+15%"\n      milestones: []\n',
      'yaml',
    ],
  ])('%s keeps every field, unknown ones included', (_, text, format) => {
    expect(parseImport(text)).toEqual({ format, objectives, messages: [] });
  });

  test.each([
    ['period: 2026', { period: '2026' }],
    ['period: 2026-08', { period: '2026-08' }],
    ['target: +50', { target: '+50' }],
    ['target: -20', { target: -20 }],
    ['target: 200', { target: 200 }],
    ['targetMax: +5', { targetMax: '+5' }],
    ['target: "+50"', { target: '+50' }],
    ['baseline: +5', { baseline: 5 }],
  ])('YAML %j is read as %j', (line, expected) => {
    const [key, value] = line.split(': ');
    const fields = {
      title: 'K',
      series: 's',
      kind: 'stayWithin',
      period: '2026-Q3',
      target: '1',
      targetMax: '"+5%"',
      [key]: value,
    };
    const keyResult = Object.entries(fields).map(([name, text]) => `      ${name}: ${text}`);
    const parsed = parseImport(
      ['- title: O', '  keyResults:', ...keyResult.map((l, i) => (i === 0 ? `    - ${l.trim()}` : l))].join('\n')
    );
    expect(parsed.error).toBeUndefined();
    expect(parsed.messages).toEqual([]);
    expect(parsed.objectives).toEqual([{ title: 'O', keyResults: [expect.objectContaining(expected)] }]);
  });

  test('a key result with a problem is reported by objective and position and left out', () => {
    const text = JSON.stringify([
      {
        title: 'O',
        keyResults: [
          { title: 'bad', series: 's', period: '2026', kind: 'grow', target: 1 },
          objectives[0].keyResults[0],
        ],
      },
    ]);
    const parsed = parseImport(text);
    expect(parsed.messages).toEqual([
      {
        where: "objective 'O', key result 1",
        text: expect.stringMatching(/^kind 'grow' is not one of .*; not imported$/),
        blocking: true,
      },
    ]);
    expect(parsed.objectives).toEqual([{ title: 'O', keyResults: [objectives[0].keyResults[0]] }]);
  });

  test.each([
    ['[{"title": ', /^JSON does not parse: /],
    ['- title: a\n  keyResults: [\n', /^YAML does not parse: /],
    ['{"title": "no list"}', /^JSON holds no objectives/],
    ['just: a map', /^YAML holds no objectives/],
  ])('%j gives one error and nothing to import', (text, error) => {
    const parsed = parseImport(text);
    expect(parsed.error).toMatch(error);
    expect(parsed.objectives).toEqual([]);
  });
});

describe('parseImport of key results that update current ones', () => {
  const current = [
    {
      title: 'Grow revenue',
      keyResults: [
        { id: 'kr-mrr', title: 'MRR to 200', series: 'mrr', period: '2026-Q3', kind: 'increase', target: 200 },
      ],
    },
  ];

  test.each([
    ['a sheet of titles and targets', 'objective,key_result,target\nGrow revenue,MRR to 200,250', []],
    ['a sheet of ids and targets', 'objective,id,target\nElsewhere,kr-mrr,250', []],
    [
      'JSON of a title and a target',
      '[{"title":"Grow revenue","keyResults":[{"title":"MRR to 200","target":250}]}]',
      [],
    ],
    [
      'a partial row matching nothing',
      'objective,key_result,target\nGrow revenue,New one,250',
      ['row 2: kind is missing: use one of increase, decrease, stayAbove, stayBelow, stayWithin; not imported'],
    ],
    [
      'a matched row whose own value is bad',
      'objective,key_result,kind\nGrow revenue,MRR to 200,grow',
      ["row 2: kind 'grow' is not one of increase, decrease, stayAbove, stayBelow, stayWithin; not imported"],
    ],
  ])('%s is checked with the current fields it keeps', (_, text, messages) => {
    const parsed = parseImport(text, current);
    expect(
      parsed.messages
        .filter((m) => m.blocking)
        .map((m) => `${m.where}: ${m.text}`)
        .slice(0, 1)
    ).toEqual(messages);
  });

  test('only the imported fields are imported, not the current ones they were checked with', () => {
    expect(parseImport('objective,key_result,target\nGrow revenue,MRR to 200,250', current).objectives).toEqual([
      { title: 'Grow revenue', keyResults: [{ title: 'MRR to 200', target: 250 }] },
    ]);
  });
});
