import { parseImport } from './parseImport';

const FORMS =
  '2026-Q3, 2026-H1, 2026, 2026-08, thisQuarter (this/last/next + Month, Quarter, Half or Year) or {from, to}';
const notOneOf = (period: string) => `period '${period}' is not one of ${FORMS}; not imported`;
const ANCHOR = Date.UTC(2026, 7 /* Aug */, 15, 12);
const HEADER = 'objective,key_result,series,period,kind,target';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const GOOD_ROW = 'Grow,Good,mrr,2026-Q3,increase,200';

describe('parseImport checks periods with the core', () => {
  test.each([
    ['2026-Q5', notOneOf('2026-Q5')],
    ['2026-H3', notOneOf('2026-H3')],
    ['2026-13', notOneOf('2026-13')],
    ['nextDecade', notOneOf('nextDecade')],
    ['Q3', notOneOf('Q3')],
    ['', `period is missing: write ${FORMS}; not imported`],
  ])('row 3 with period %j is blocked: %s', (period, text) => {
    const parsed = parseImport(csv(GOOD_ROW, `Grow,Bad,mrr,${period},increase,200`), [], { anchor: ANCHOR });
    expect(parsed.messages).toEqual([{ where: 'row 3', text, blocking: true }]);
    expect(parsed.objectives).toEqual([
      {
        title: 'Grow',
        keyResults: [{ title: 'Good', series: 'mrr', period: '2026-Q3', kind: 'increase', target: 200 }],
      },
    ]);
  });

  test.each(['2026-Q3', '2026-H1', '2026', '2026-08', 'thisQuarter', 'lastYear', 'nextHalf', 'thisMonth'])(
    'period %j is imported without a message',
    (period) => {
      const parsed = parseImport(csv(`Grow,Good,mrr,${period},increase,200`), [], { anchor: ANCHOR });
      expect(parsed.messages).toEqual([]);
      expect(parsed.objectives).toHaveLength(1);
    }
  );

  test.each([0, 3, 6, 11])(
    'a valid period is valid whatever the fiscal year start month (%i)',
    (fiscalYearStartMonth) => {
      const parsed = parseImport(csv(`Grow,Good,mrr,2026-Q4,increase,200`), [], {
        anchor: ANCHOR,
        fiscalYearStartMonth,
      });
      expect(parsed.messages).toEqual([]);
    }
  );

  test.each([
    [
      'json',
      JSON.stringify([
        { title: 'O', keyResults: [{ title: 'K', series: 's', period: '2026-Q5', kind: 'increase', target: 1 }] },
      ]),
    ],
    [
      'yaml',
      '- title: O\n  keyResults:\n    - title: K\n      series: s\n      period: 2026-Q5\n      kind: increase\n      target: 1\n',
    ],
  ])('%s: a bad period is reported by objective and position and left out', (_, text) => {
    const parsed = parseImport(text, [], { anchor: ANCHOR });
    expect(parsed.messages).toEqual([
      { where: "objective 'O', key result 1", text: notOneOf('2026-Q5'), blocking: true },
    ]);
    expect(parsed.objectives).toEqual([]);
  });

  test('a custom range in the wrong order is blocked with the core’s message', () => {
    const text = JSON.stringify([
      {
        title: 'O',
        keyResults: [
          { title: 'K', series: 's', period: { from: '2026-10-01', to: '2026-07-01' }, kind: 'increase', target: 1 },
        ],
      },
    ]);
    expect(parseImport(text, [], { anchor: ANCHOR }).messages).toEqual([
      {
        where: "objective 'O', key result 1",
        text: "period 'to' (2026-07-01) must be after 'from' (2026-10-01); not imported",
        blocking: true,
      },
    ]);
  });

  test('a row that updates a key result without a period column is checked with the current period', () => {
    const current = [
      {
        title: 'Grow',
        keyResults: [{ id: 'mrr', title: 'MRR', series: 'mrr', period: '2026-Q3', kind: 'increase', target: 1 }],
      },
    ];
    const parsed = parseImport('objective,key_result,target\nGrow,MRR,300', current, { anchor: ANCHOR });
    expect(parsed.messages).toEqual([]);
    expect(parsed.objectives).toEqual([{ title: 'Grow', keyResults: [{ title: 'MRR', target: 300 }] }]);
  });
});
