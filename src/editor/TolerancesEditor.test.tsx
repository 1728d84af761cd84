import { fireEvent, render, screen } from '@testing-library/react';
import React, { useState } from 'react';

import { TolerancesEditor } from './TolerancesEditor';

const AT_RISK = 'At risk when behind pace by (pp)';
const OFF_TRACK = 'Off track when behind pace by (pp)';

function renderEditor(value: unknown) {
  const onChange = jest.fn();
  render(<TolerancesEditor value={value} onChange={onChange} />);
  return onChange;
}

/** Grafana hands the saved value back after each change; this host does the same. */
function Host({ initial, onChange }: { initial: unknown; onChange: (value: unknown) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <TolerancesEditor
      value={value}
      onChange={(next) => {
        onChange(next);
        setValue(next);
      }}
    />
  );
}

function type(label: string, text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value: text } });
}

describe('TolerancesEditor', () => {
  test('shows the saved fractions as percentage points', () => {
    renderEditor({ atRisk: 0.07, offTrack: 0.2 });
    expect(screen.getByRole('textbox', { name: AT_RISK })).toHaveValue('7');
    expect(screen.getByRole('textbox', { name: OFF_TRACK })).toHaveValue('20');
  });

  test('shows the defaults when nothing is saved', () => {
    renderEditor(undefined);
    expect(screen.getByRole('textbox', { name: AT_RISK })).toHaveValue('5');
    expect(screen.getByRole('textbox', { name: OFF_TRACK })).toHaveValue('15');
  });

  test('typing 5 in at risk saves 0.05', () => {
    const onChange = renderEditor({ atRisk: 0.1, offTrack: 0.15 });
    type(AT_RISK, '5');
    expect(onChange).toHaveBeenLastCalledWith({ atRisk: 0.05, offTrack: 0.15 });
  });

  test('20 then 10 shows the order message and keeps the saved value', () => {
    const onChange = jest.fn();
    render(<Host initial={{ atRisk: 0.05, offTrack: 0.3 }} onChange={onChange} />);
    type(AT_RISK, '20');
    expect(onChange).toHaveBeenLastCalledWith({ atRisk: 0.2, offTrack: 0.3 });
    onChange.mockClear();
    type(OFF_TRACK, '10');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText('At risk (20 pp) must not be more than off track (10 pp)')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: OFF_TRACK })).toHaveValue('10');
  });

  test.each([
    ['-1', "'-1' is below 0: the gap behind pace is 0 pp or more"],
    ['5%', "'5%' is not a number of percentage points, such as 5"],
    ['', 'Enter the gap in percentage points, such as 5'],
  ])('typing %p shows %p and saves nothing', (typed, message) => {
    const onChange = renderEditor({ atRisk: 0.05, offTrack: 0.15 });
    type(AT_RISK, typed);
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText(message)).toBeInTheDocument();
  });

  test('keeps keys it does not know', () => {
    const onChange = renderEditor({ atRisk: 0.05, offTrack: 0.15, future: { keep: [1] }, note: 'x' });
    type(OFF_TRACK, '25');
    expect(onChange).toHaveBeenLastCalledWith({ atRisk: 0.05, offTrack: 0.25, future: { keep: [1] }, note: 'x' });
  });

  test('once the pair is in order again it is saved', () => {
    const onChange = renderEditor({ atRisk: 0.05, offTrack: 0.15 });
    type(AT_RISK, '20');
    expect(onChange).not.toHaveBeenCalled();
    type(OFF_TRACK, '30');
    expect(onChange).toHaveBeenLastCalledWith({ atRisk: 0.2, offTrack: 0.3 });
  });
});
