import { render, screen, within } from '@testing-library/react';
import React from 'react';

import { keyResultModel } from '../display/testModels';
import { KeyResultLegend } from './KeyResultLegend';

test('lists each key result on the chart, named by title and status word, with its line’s colour', () => {
  const onTrack = keyResultModel({ id: 'mrr', title: 'MRR to 200', status: 'onTrack' });
  const atRisk = keyResultModel({ id: 'mrr-soft', title: 'MRR to 180', status: 'atRisk' });
  const latency = keyResultModel({ id: 'p95', title: 'p95 under 300 ms', status: 'offTrack', seriesName: 'p95' });
  render(
    <KeyResultLegend
      series={[
        { label: 'mrr', color: '#73bf69', scaleKey: 'x', keyResults: [onTrack, atRisk], steps: false, checkIns: [] },
        { label: 'p95', color: '#f2495c', scaleKey: 'ms', keyResults: [latency], steps: false, checkIns: [] },
      ]}
    />
  );

  const entries = within(screen.getByRole('list', { name: 'Key results' })).getAllByRole('listitem');
  expect(entries.map((entry) => entry.getAttribute('aria-label'))).toEqual([
    'MRR to 200, On track',
    'MRR to 180, At risk',
    'p95 under 300 ms, Off track',
  ]);
  expect(entries.map((entry) => within(entry).getByTestId('okr-kr-swatch').dataset.color)).toEqual([
    '#73bf69',
    '#73bf69',
    '#f2495c',
  ]);
});
