import { createDataFrame, FieldType } from '@grafana/data';

import { chooseRefId, NO_QUERY, refIdChoices } from './refIdInput';

const frame = (refId: string | undefined, names: string[], rows: number) =>
  createDataFrame({
    refId,
    fields: names.map((name) => ({ name, type: FieldType.string, values: Array(rows).fill('x') })),
  });

describe('refIdChoices', () => {
  test('None, the refIds in the data (described by rows and columns), then a saved refId the data lacks', () => {
    const frames = [
      frame('A', ['time', 'mrr'], 1),
      frame('A', ['time', 'churn'], 1),
      frame('OKRS', ['objective', 'key_result', 'series', 'period', 'kind', 'target', 'owner'], 2),
      frame(undefined, ['x'], 1),
    ];
    expect(refIdChoices(frames, 'OLD')).toEqual([
      { value: NO_QUERY, label: 'None', description: 'Key results from the options only' },
      { value: 'A', label: 'A', description: '2 rows: time, mrr, churn' },
      {
        value: 'OKRS',
        label: 'OKRS',
        description: '2 rows: objective, key_result, series, period, kind, target … (+1 more)',
      },
      { value: 'OLD', label: 'OLD', description: 'not in the current data' },
    ]);
  });

  test('the None choice says what None means for the option', () => {
    expect(refIdChoices([], null, 'No check-ins')).toEqual([
      { value: NO_QUERY, label: 'None', description: 'No check-ins' },
    ]);
  });

  test('a saved refId in the data is listed once', () => {
    expect(refIdChoices([frame('OKRS', ['a'], 1)], 'OKRS').map((choice) => choice.value)).toEqual([NO_QUERY, 'OKRS']);
  });
});

describe('chooseRefId', () => {
  test.each`
    saved                           | choice      | next
    ${undefined}                    | ${'OKRS'}   | ${{ refId: 'OKRS' }}
    ${{ refId: 'A', future: 1 }}    | ${'OKRS'}   | ${{ refId: 'OKRS', future: 1 }}
    ${{ refId: 'OKRS' }}            | ${NO_QUERY} | ${undefined}
    ${{ refId: 'OKRS', future: 1 }} | ${NO_QUERY} | ${{ future: 1 }}
    ${'not an object'}              | ${'OKRS'}   | ${{ refId: 'OKRS' }}
    ${{ refId: 'OKRS' }}            | ${'  '}     | ${undefined}
  `('$saved + $choice → $next', ({ saved, choice, next }) => {
    expect(chooseRefId(saved, choice)).toEqual(next);
  });

  test('does not change what was saved', () => {
    const saved = { refId: 'A', future: { keep: true } };
    chooseRefId(saved, 'OKRS');
    expect(saved).toEqual({ refId: 'A', future: { keep: true } });
  });
});
