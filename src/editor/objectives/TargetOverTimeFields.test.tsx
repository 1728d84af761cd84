import { fireEvent, render, screen } from '@testing-library/react';
import { computeAccessibleName } from 'dom-accessibility-api';
import React from 'react';

import { createDataFrame, FieldType } from '@grafana/data';

import { ObjectivesForm } from './ObjectivesForm';

// Grafana's Combobox sizes its menu with canvas text metrics, which jsdom does not implement. Picking from
// a Combobox is tested in the browser (tests/browser/targetsOverTime.spec.ts).
beforeAll(() => {
  jest
    .spyOn(HTMLCanvasElement.prototype, 'getContext')
    .mockReturnValue({ measureText: () => ({ width: 10 }) } as unknown as CanvasRenderingContext2D);
});

const Q3 = Date.UTC(2026, 6 /* Jul */, 1);
const frames = [
  createDataFrame({
    fields: [
      { name: 'time', type: FieldType.time, values: [Q3, Q3 + 86_400_000] },
      { name: 'p95', type: FieldType.number, values: [270, 260] },
      { name: 'p95 target', type: FieldType.number, values: [300, 300] },
    ],
  }),
];

function renderKeyResult(keyResult: Record<string, unknown>) {
  const onChange = jest.fn();
  const value = [{ title: 'Fast', keyResults: [{ title: 'p95', series: 'p95', period: '2026-Q3', ...keyResult }] }];
  render(<ObjectivesForm value={value} onChange={onChange} options={{ fiscalYearStartMonth: 0 }} frames={frames} />);
  fireEvent.click(screen.getByRole('button', { name: /^p95/ }));
  const saved = () => onChange.mock.calls[onChange.mock.calls.length - 1][0][0].keyResults[0];
  return { onChange, saved };
}

describe('targets that change over time in the key result form', () => {
  it('names its controls "Target series", "Target max series" (stayWithin) and "Add target step"', () => {
    renderKeyResult({ kind: 'stayWithin', target: 1, targetMax: 2 });
    const names = (role: string) => screen.getAllByRole(role).map((element) => computeAccessibleName(element));
    expect(names('combobox')).toEqual(expect.arrayContaining(['Target series', 'Target max series']));
    expect(names('button')).toEqual(expect.arrayContaining(['Add target step']));
  });

  it('offers "Target max series" only for stayWithin', () => {
    renderKeyResult({ kind: 'stayBelow', target: 1 });
    expect(screen.getByRole('combobox', { name: 'Target series' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Target max series' })).toBeNull();
  });

  it('shows the saved target series with the core’s message beside it', () => {
    renderKeyResult({ kind: 'stayBelow', targetSeries: 'plan' });
    expect(screen.getByRole('combobox', { name: 'Target series' })).toHaveValue('plan');
    expect(screen.getByText("targetSeries 'plan' not found; available: p95, p95 target")).toBeInTheDocument();
  });

  it('adds a step at the key result’s current target', () => {
    const { saved } = renderKeyResult({ kind: 'stayBelow', target: 250 });
    fireEvent.click(screen.getByRole('button', { name: 'Add target step' }));
    expect(saved().targets).toEqual([{ from: '', value: 250 }]);
  });

  it('edits a step’s date and value, and removing the last step removes targets', () => {
    const targets = [{ from: '2026-07-01', value: 300, note: 'kept' }];
    const { saved } = renderKeyResult({ kind: 'stayBelow', targets });
    fireEvent.change(screen.getByRole('textbox', { name: 'Target step 1 from' }), { target: { value: '2026-08-01' } });
    expect(saved().targets).toEqual([{ from: '2026-08-01', value: 300, note: 'kept' }]);
    fireEvent.change(screen.getByRole('textbox', { name: 'Target step 1 value' }), { target: { value: '250' } });
    expect(saved().targets).toEqual([{ from: '2026-07-01', value: 250, note: 'kept' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove target step 1' }));
    expect(saved()).not.toHaveProperty('targets');
  });

  it('a step the core cannot read is marked beside the steps', () => {
    renderKeyResult({ kind: 'stayBelow', targets: [{ from: '2026-13-01', value: 1 }] });
    expect(screen.getByText("targets step 1 from '2026-13-01' is not an ISO date")).toBeInTheDocument();
  });
});

describe('dashboard variables in the form’s judgement', () => {
  const regional = [
    createDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: [Q3, Q3 + 86_400_000] },
        { name: 'p95 eu', type: FieldType.number, values: [270, 260] },
      ],
    }),
  ];
  const value = [
    {
      title: 'Fast',
      keyResults: [{ title: 'p95', series: 'p95 $region', period: '2026-Q3', kind: 'stayBelow', target: 300 }],
    },
  ];
  const notFound = "series 'p95 $region' not found; available: p95 eu";

  it('judges the key results with the panel’s variables, as the panel does, and keeps the text as written', () => {
    const replaceVariables = (text: string) => text.replace('$region', 'eu');
    render(
      <ObjectivesForm
        value={value}
        onChange={jest.fn()}
        options={{}}
        frames={regional}
        replaceVariables={replaceVariables}
      />
    );
    fireEvent.click(screen.getByRole('button', { name: /^p95/ }));
    expect(screen.queryByText(notFound)).toBeNull();
    expect(screen.getByDisplayValue('p95 $region')).toBeInTheDocument();
  });

  it('without the panel’s variables a series named with one is not found', () => {
    render(<ObjectivesForm value={value} onChange={jest.fn()} options={{}} frames={regional} />);
    fireEvent.click(screen.getByRole('button', { name: /^p95/ }));
    expect(screen.getByText(notFound)).toBeInTheDocument();
  });
});
