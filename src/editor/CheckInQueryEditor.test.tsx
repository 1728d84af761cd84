import { createDataFrame, FieldType, StandardEditorContext } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import React from 'react';

import { CheckInQueryEditor } from './CheckInQueryEditor';

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
