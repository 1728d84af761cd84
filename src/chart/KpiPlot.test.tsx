import { render } from '@testing-library/react';
import React, { useEffect } from 'react';

import { dateTime } from '@grafana/data';

import { keyResultModel } from '../display/testModels';
import { ChartModel } from './chartModel';
import { KpiPlot } from './KpiPlot';

/*
 * Grafana's UPlotChart applies one change per update: a new size, else a new config, else new data. A stacked
 * chart gets a new size together with new data (a key result's message changes the headings' heights) or with
 * a new config (its time labels when the stack starts to scroll). jsdom has no canvas: UPlotChart is a stand-in
 * that counts mounts and hands out a plot whose setData is recorded.
 */
const plot = { setData: jest.fn() };
let mounts = 0;

jest.mock('@grafana/ui', () => ({
  ...jest.requireActual('@grafana/ui'),
  UPlotChart: ({ plotRef }: { plotRef: (u: unknown) => void }) => {
    useEffect(() => {
      mounts++;
      plotRef(plot);
    }, [plotRef]);
    return null;
  },
  TooltipPlugin2: () => null,
}));

function chartModel(samples: number): ChartModel {
  const kr = keyResultModel();
  const times = kr.times.slice(0, samples);
  const values = kr.values.slice(0, samples);
  return {
    data: [times, values],
    series: [
      {
        label: 'mrr',
        color: '#73bf69',
        scaleKey: '__fixed',
        keyResults: [{ ...kr, times, values }],
        steps: false,
        checkIns: [],
      },
    ],
    annotations: [],
  };
}

function element(chart: ChartModel, height: number, timeLabels = true) {
  const time = dateTime(chart.data[0][0] as number);
  return (
    <KpiPlot
      chart={chart}
      timeRange={{ from: time, to: dateTime(time.valueOf() + 46 * 86_400_000), raw: { from: time, to: time } }}
      timeZone="utc"
      width={800}
      height={height}
      onZoom={() => {}}
      timeLabels={timeLabels}
    />
  );
}

beforeEach(() => {
  plot.setData.mockClear();
  mounts = 0;
});

test('new data with a new size is set on the plot (UPlotChart would only resize)', () => {
  const { rerender } = render(element(chartModel(40), 100));
  const next = chartModel(41);
  rerender(element(next, 80));
  expect(plot.setData).toHaveBeenCalledWith(next.data);
});

test('new data at the same size is left to UPlotChart, and a resize alone sets nothing', () => {
  const { rerender } = render(element(chartModel(40), 100));
  const next = chartModel(41);
  rerender(element(next, 100));
  rerender(element(next, 80));
  expect(plot.setData).not.toHaveBeenCalled();
});

test('a new config remounts the plot, even when the size changes with it', () => {
  const chart = chartModel(40);
  const { rerender } = render(element(chart, 100, false));
  expect(mounts).toBe(1);
  rerender(element(chart, 122, true));
  expect(mounts).toBe(2);
});
