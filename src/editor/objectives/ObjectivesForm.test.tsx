import { createDataFrame, FieldType } from '@grafana/data';
import { fireEvent, render, screen } from '@testing-library/react';
import { computeAccessibleName } from 'dom-accessibility-api';
import React, { useState } from 'react';

import { ObjectivesForm } from './ObjectivesForm';

// Grafana's Combobox sizes its menu with canvas text metrics, which jsdom does not implement.
beforeAll(() => {
  jest
    .spyOn(HTMLCanvasElement.prototype, 'getContext')
    .mockReturnValue({ measureText: () => ({ width: 10 }) } as unknown as CanvasRenderingContext2D);
});

const saved = [{ title: 'Grow revenue', future: { keep: true }, keyResults: [] }];

function renderForm(value: unknown = saved) {
  const onChange = jest.fn();
  render(<ObjectivesForm value={value} onChange={onChange} options={{ fiscalYearStartMonth: 0 }} frames={[]} />);
  return onChange;
}

describe('ObjectivesForm', () => {
  it('adds a key result with the defaults, keeping the objective’s unknown keys', () => {
    const onChange = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Add key result' }));
    expect(onChange).toHaveBeenCalledWith([
      {
        title: 'Grow revenue',
        future: { keep: true },
        keyResults: [
          { id: 'kr-1', title: 'New key result', series: '', period: 'thisQuarter', kind: 'increase', target: '+10%' },
        ],
      },
    ]);
  });

  it.each([
    ['2.2M', 2200000],
    ['+15%', '+15%'],
    ['85%', '85%'],
  ])('typing %p in Target saves %p', (typed, target) => {
    const onChange = renderForm([{ title: 'Grow', keyResults: [{ title: 'MRR', target: 1, odd: [1] }] }]);
    fireEvent.click(screen.getByRole('button', { name: /MRR/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Target' }), { target: { value: typed } });
    expect(onChange).toHaveBeenLastCalledWith([{ title: 'Grow', keyResults: [{ title: 'MRR', target, odd: [1] }] }]);
  });

  it('shows the core’s message beside the field and keeps the value as typed', () => {
    renderForm([{ title: 'Grow', keyResults: [{ title: 'MRR', series: 'mrr', kind: 'grow', target: 5 }] }]);
    fireEvent.click(screen.getByRole('button', { name: /MRR/ }));
    expect(screen.getByText(/kind 'grow' is not one of increase/)).toBeInTheDocument();
  });

  it('names every control as the issue’s contract says', () => {
    const keyResult = { title: 'Latency', series: '/lat.*/', kind: 'stayWithin', period: '2026-Q3', target: 1 };
    renderForm([{ title: 'Fast', keyResults: [keyResult] }]);
    fireEvent.click(screen.getByRole('button', { name: /Latency/ }));
    // One pass over each role: getByRole per name recomputes every accessible name each time (slow in jsdom).
    const names = (role: string) => screen.getAllByRole(role).map((element) => computeAccessibleName(element));
    expect(names('textbox')).toEqual(
      expect.arrayContaining([
        'Objective title',
        'Key result title',
        'Baseline',
        'Target',
        'Target max',
        'Weight',
        'Owner',
      ])
    );
    expect(names('combobox')).toEqual(expect.arrayContaining(['Series', 'Kind', 'Period', 'Calculation']));
    expect(names('button')).toEqual(
      expect.arrayContaining([
        'Add objective',
        'Add key result',
        'Duplicate key result',
        'Remove key result',
        'Edit as JSON',
      ])
    );
    expect(screen.getByRole('combobox', { name: 'Series' })).toHaveValue('/lat.*/');
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveValue('2026-Q3');
  });

  it.each`
    saved        | next
    ${undefined} | ${true}
    ${true}      | ${undefined}
  `('"One key result per matching series" switches each ($saved → $next)', ({ saved, next }) => {
    const keyResult = { title: 'p95', series: '/.*/', odd: [1], ...(saved === undefined ? {} : { each: saved }) };
    const onChange = renderForm([{ title: 'Fast', keyResults: [keyResult] }]);
    fireEvent.click(screen.getByRole('button', { name: /p95/ }));
    fireEvent.click(screen.getByRole('switch', { name: 'One key result per matching series' }));
    const { each: _saved, ...rest } = keyResult as Record<string, unknown>;
    expect(onChange).toHaveBeenLastCalledWith([
      { title: 'Fast', keyResults: [next === undefined ? rest : { ...rest, each: next }] },
    ]);
  });

  it('with each, the Series hint lists every series the key result stands for', () => {
    const series = (service: string) =>
      createDataFrame({
        fields: [
          { name: 'Time', type: FieldType.time, values: [1] },
          { name: 'Value', type: FieldType.number, values: [1], labels: { service } },
        ],
      });
    const keyResult = { title: 'p95', series: '/.*/', each: true, kind: 'stayBelow', period: '2026-Q3', target: 300 };
    render(
      <ObjectivesForm
        value={[{ title: 'Fast', keyResults: [keyResult] }]}
        onChange={jest.fn()}
        options={{}}
        frames={[series('api'), series('web')]}
      />
    );
    fireEvent.click(screen.getByRole('button', { name: /p95/ }));
    expect(screen.getByText('one key result each (2): api, web')).toBeInTheDocument();
  });

  it('keeps an open key result open when it moves', () => {
    const initial = [
      {
        title: 'Grow',
        keyResults: [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B' },
        ],
      },
    ];
    function Stateful() {
      const [value, setValue] = useState<unknown>(initial);
      return <ObjectivesForm value={value} onChange={setValue} options={{}} frames={[]} />;
    }
    render(<Stateful />);
    fireEvent.click(screen.getByRole('button', { name: /^B/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Move key result up' }));
    // Key result rows are the buttons with aria-expanded whose text starts with the title.
    const rows = screen
      .getAllByRole('button')
      .filter((b) => b.hasAttribute('aria-expanded') && /^[AB]/.test(b.textContent ?? ''));
    expect(rows.map((row) => [row.textContent?.charAt(0), row.getAttribute('aria-expanded')])).toEqual([
      ['B', 'true'],
      ['A', 'false'],
    ]);
    expect(screen.getByRole('textbox', { name: 'Key result title' })).toHaveValue('B');
  });

  it('shows an objective whose keyResults is not a list with the core’s message and offers no edit that would replace it', () => {
    const onChange = renderForm([{ title: 'Odd', keyResults: 'oops' }]);
    expect(screen.getByText('objective has no keyResults list')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add key result' })).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('toggles to the JSON view', () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Edit as JSON' }));
    expect(screen.getByTestId('okr-objectives-editor')).toHaveValue(JSON.stringify(saved, null, 2));
  });

  it('shows a value that is not a list only as JSON, unchanged', () => {
    const onChange = renderForm({ not: 'a list' });
    expect(screen.getByTestId('okr-objectives-editor')).toHaveValue('{\n  "not": "a list"\n}');
    expect(onChange).not.toHaveBeenCalled();
  });
});
