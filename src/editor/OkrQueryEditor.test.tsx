import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import React from 'react';

import { OkrQueryEditor } from './OkrQueryEditor';

// Grafana's Combobox sizes its menu with canvas text metrics, which jsdom does not implement. Picking a
// refId from the open menu is covered by the browser test (tests/browser/okrQuery.spec.ts).
beforeAll(() => {
  jest
    .spyOn(HTMLCanvasElement.prototype, 'getContext')
    .mockReturnValue({ measureText: () => ({ width: 10 }) } as unknown as CanvasRenderingContext2D);
});

const LABEL = 'OKR table query (refId)';

const kpis = createDataFrame({
  refId: 'A',
  fields: [
    { name: 'time', type: FieldType.time, values: [1] },
    { name: 'mrr', type: FieldType.number, values: [1] },
  ],
});
const table = createDataFrame({
  refId: 'OKRS',
  fields: [
    { name: 'objective', type: FieldType.string, values: ['Grow', 'Grow'] },
    { name: 'key_result', type: FieldType.string, values: ['MRR', 'Churn'] },
    { name: 'series', type: FieldType.string, values: ['mrr', 'churn'] },
    { name: 'period', type: FieldType.string, values: ['2026-Q3', '2026-Q3'] },
    { name: 'kind', type: FieldType.string, values: ['increase', 'decrease'] },
    { name: 'target', type: FieldType.string, values: ['2000000', 'abc'] },
    { name: 'notes', type: FieldType.string, values: ['', ''] },
  ],
});

function renderEditor(value: unknown, data: DataFrame[] = [kpis, table]) {
  render(<OkrQueryEditor value={value} onChange={jest.fn()} context={{ data, options: {} }} />);
}

describe('OkrQueryEditor', () => {
  test('shows the saved refId under its accessible name, and how many key results the table gave', () => {
    renderEditor({ refId: 'OKRS' });
    expect(screen.getByRole('combobox', { name: LABEL })).toHaveValue('OKRS');
    expect(screen.getByText('2 rows of query OKRS read as key results')).toBeInTheDocument();
    expect(screen.getByText(/column 'notes' is not known; ignored/)).toBeInTheDocument();
  });

  test('a saved refId the data does not have is kept and explained', () => {
    renderEditor({ refId: 'OKR' });
    expect(screen.getByRole('combobox', { name: LABEL })).toHaveValue('OKR');
    expect(screen.getByText("okrQuery: no frame has refId 'OKR'; the data has refIds A, OKRS")).toBeInTheDocument();
  });

  test('None: nothing read, nothing said', () => {
    renderEditor(undefined);
    expect(screen.getByRole('combobox', { name: LABEL })).toHaveValue('None');
    expect(screen.queryByText(/read as key results/)).toBeNull();
  });
});
