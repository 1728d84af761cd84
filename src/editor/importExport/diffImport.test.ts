import { applyImport, diffImport } from './diffImport';

const mrr = {
  id: 'kr-mrr',
  title: 'MRR to 200',
  series: 'mrr',
  period: '2026-Q3',
  kind: 'increase',
  target: 200,
  milestones: [{ at: '2026-08-01', value: 150 }],
  futureKey: { kept: true },
};
const churn = { title: 'Churn below 2', series: 'churn', period: '2026-Q3', kind: 'stayBelow', target: 2 };
const current = [{ id: 'o1', title: 'Grow revenue', owner: 'Ana', keyResults: [mrr, churn] }];
const nps = { title: 'NPS 50', series: 'nps', period: '2026-Q3', kind: 'increase', target: 50 };

describe('diffImport', () => {
  test.each([
    [
      'the same set: all unchanged',
      [{ title: 'Grow revenue', keyResults: [mrr, churn] }],
      [
        ['unchanged', 'MRR to 200', []],
        ['unchanged', 'Churn below 2', []],
      ],
    ],
    [
      'a new target, by title: changed names the field; one left out is removed',
      [{ title: 'Grow revenue', keyResults: [{ title: 'MRR to 200', target: 250 }] }],
      [
        ['changed', 'MRR to 200', ['target']],
        ['removed', 'Churn below 2', []],
      ],
    ],
    [
      'matched by id although renamed',
      [{ title: 'Grow revenue', keyResults: [{ id: 'kr-mrr', title: 'MRR to 250', target: 250 }, churn] }],
      [
        ['changed', 'MRR to 250', ['title', 'target']],
        ['unchanged', 'Churn below 2', []],
      ],
    ],
    [
      'a key result of the same title in another objective is added',
      [{ title: 'Delight customers', keyResults: [{ ...churn }] }],
      [
        ['added', 'Churn below 2', []],
        ['removed', 'MRR to 200', []],
        ['removed', 'Churn below 2', []],
      ],
    ],
    [
      'titles match trimmed',
      [{ title: ' Grow revenue ', keyResults: [{ ...churn, title: 'Churn below 2 ' }, mrr] }],
      [
        ['changed', 'Churn below 2', ['title']],
        ['unchanged', 'MRR to 200', []],
      ],
    ],
  ])('%s', (_, imported, expected) => {
    const changes = diffImport(current, imported).map((c) => [c.change, c.keyResult, c.fields]);
    expect(changes).toEqual(expected);
  });

  test('the objective of each change is named', () => {
    expect(diffImport(current, [{ title: 'New', keyResults: [nps] }])[0]).toEqual({
      change: 'added',
      objective: 'New',
      keyResult: 'NPS 50',
      fields: [],
    });
  });
});

describe('applyImport', () => {
  test('merge updates field by field, keeps unknown keys and milestones, removes nothing, adds to the objective of that title', () => {
    const imported = [{ title: 'Grow revenue', keyResults: [{ title: 'MRR to 200', target: 250, owner: 'Bo' }, nps] }];
    expect(applyImport(current, imported, 'merge')).toEqual([
      { id: 'o1', title: 'Grow revenue', owner: 'Ana', keyResults: [{ ...mrr, target: 250, owner: 'Bo' }, churn, nps] },
    ]);
  });

  test('merge puts key results of an unknown objective into a new objective after the current ones', () => {
    const imported = [{ title: 'Delight customers', owner: 'Cy', keyResults: [nps] }];
    expect(applyImport(current, imported, 'merge')).toEqual([
      ...current,
      { title: 'Delight customers', owner: 'Cy', keyResults: [nps] },
    ]);
  });

  test('merge keeps what it cannot read: objectives and key results that are not objects', () => {
    const odd = [null, { title: 'Grow revenue', keyResults: ['not a key result', mrr] }];
    expect(applyImport(odd, [{ title: 'Grow revenue', keyResults: [{ id: 'kr-mrr', target: 300 }] }], 'merge')).toEqual(
      [null, { title: 'Grow revenue', keyResults: ['not a key result', { ...mrr, target: 300 }] }]
    );
  });

  test('replace keeps only the imported set, but a matched key result and objective keep the fields the import does not set', () => {
    const imported = [
      {
        title: 'Grow revenue',
        keyResults: [{ title: 'MRR to 200', series: 'mrr', period: '2026-Q4', kind: 'increase', target: 300 }],
      },
      { title: 'Delight customers', keyResults: [nps] },
    ];
    expect(applyImport(current, imported, 'replace')).toEqual([
      { id: 'o1', title: 'Grow revenue', owner: 'Ana', keyResults: [{ ...mrr, period: '2026-Q4', target: 300 }] },
      { title: 'Delight customers', keyResults: [nps] },
    ]);
  });

  test.each(['merge', 'replace'] as const)('%s does not change its inputs', (mode) => {
    const before = JSON.stringify(current);
    const imported = [{ title: 'Grow revenue', keyResults: [{ title: 'MRR to 200', target: 1 }] }];
    const importedBefore = JSON.stringify(imported);
    applyImport(current, imported, mode);
    expect(JSON.stringify(current)).toBe(before);
    expect(JSON.stringify(imported)).toBe(importedBefore);
  });
});
