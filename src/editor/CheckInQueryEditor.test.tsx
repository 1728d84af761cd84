import { createDataFrame, FieldType, StandardEditorContext } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import React from 'react';

import { CheckInQueryEditor, refIdOptions, withRefId } from './CheckInQueryEditor';

const kpi = createDataFrame({
  refId: 'A',
  fields: [
    { name: 'time', type: FieldType.time, values: [] },
    { name: 'mrr', values: [] },
  ],
});
const checkIns = createDataFrame({
  refId: 'CHECKINS',
  fields: [
    { name: 'time', type: FieldType.time, values: [] },
    { name: 'key_result', type: FieldType.string, values: [] },
    { name: 'confidence', type: FieldType.number, values: [] },
  ],
});

describe('refIdOptions', () => {
  test('one option per refId, described by its columns, so the check-in table is easy to spot', () => {
    expect(refIdOptions([kpi, checkIns, { ...kpi, fields: [kpi.fields[1]] }], null)).toEqual([
      { label: 'A', value: 'A', description: 'time, mrr' },
      { label: 'CHECKINS', value: 'CHECKINS', description: 'time, key_result, confidence' },
    ]);
  });

  test('a saved refId the data does not have is still offered, and says so', () => {
    expect(refIdOptions([kpi], 'B')).toEqual([
      { label: 'A', value: 'A', description: 'time, mrr' },
      { label: 'B', value: 'B', description: 'not in the current data' },
    ]);
  });
});

describe('withRefId never drops what it does not know', () => {
  test.each`
    saved                        | refId         | result
    ${{}}                        | ${'CHECKINS'} | ${{ refId: 'CHECKINS' }}
    ${{ refId: 'A', future: 1 }} | ${'B'}        | ${{ refId: 'B', future: 1 }}
    ${{ refId: 'A' }}            | ${null}       | ${undefined}
    ${{ refId: 'A', future: 1 }} | ${null}       | ${{ future: 1 }}
    ${{ refId: 'A' }}            | ${'  '}       | ${undefined}
  `('$saved with $refId → $result', ({ saved, refId, result }) => {
    expect(withRefId(saved, refId)).toEqual(result);
  });
});

// Grafana's Combobox measures its text on a canvas, which jsdom does not have.
beforeAll(() => {
  jest
    .spyOn(HTMLCanvasElement.prototype, 'getContext')
    .mockReturnValue({ measureText: () => ({ width: 10 }) } as unknown as CanvasRenderingContext2D);
});

test('the editor shows the saved refId in a box named "Check-in query"', () => {
  const context = { data: [kpi, checkIns] } as StandardEditorContext<unknown>;
  const onChange = jest.fn();
  render(<CheckInQueryEditor value={{ refId: 'CHECKINS' }} onChange={onChange} context={context} />);
  const box = screen.getByRole('combobox', { name: 'Check-in query' });
  expect(box).toHaveValue('CHECKINS');
  // Opening the menu needs a real browser (IntersectionObserver): picking a refId is in tests/browser/checkIns.spec.ts.
  expect(onChange).not.toHaveBeenCalled();
});
