import { render } from '@testing-library/react';
import React from 'react';

import { dateTime, EventBusSrv } from '@grafana/data';

import { keyResultModel } from '../display/testModels';
import { ChartModel } from './chartModel';
import { KpiChart } from './KpiChart';

/*
 * What a streamed point re-renders: the plot gets the new data on the same config (uPlot redraws, nothing is
 * rebuilt) and the legend, whose key results, colours and statuses did not change, is not rendered again. uPlot
 * itself is the browser tests' (jsdom has no canvas): UPlotChart and the legend are replaced by counting stand-ins.
 */
const renders = { plot: [] as Array<{ config: unknown; data: unknown }>, legend: 0 };

jest.mock('@grafana/ui', () => ({
  ...jest.requireActual('@grafana/ui'),
  UPlotChart: (props: { config: unknown; data: unknown }) => {
    renders.plot.push({ config: props.config, data: props.data });
    return null;
  },
  TooltipPlugin2: () => null,
}));

jest.mock('./KeyResultLegend', () => ({
  KeyResultLegend: () => {
    renders.legend++;
    return null;
  },
}));

class NoResizeObserver {
  observe() {}
  disconnect() {}
}

beforeAll(() => {
  Object.assign(globalThis, { ResizeObserver: globalThis.ResizeObserver ?? NoResizeObserver });
});

/** The chart model a refresh makes: new objects throughout, one more sample, the same series structure. */
function chartModel(samples: number): ChartModel {
  const kr = keyResultModel();
  const times = kr.times.slice(0, samples);
  return {
    data: [times, kr.values.slice(0, samples)],
    series: [
      {
        label: 'mrr',
        color: '#73bf69',
        scaleKey: '__fixed',
        keyResults: [{ ...kr, times, values: kr.values.slice(0, samples) }],
        steps: false,
        checkIns: [],
      },
    ],
    annotations: [],
  };
}

function element(chart: ChartModel) {
  const time = dateTime(chart.data[0][0] as number);
  return (
    <KpiChart
      chart={chart}
      timeRange={{ from: time, to: dateTime(time.valueOf() + 46 * 86_400_000), raw: { from: time, to: time } }}
      timeZone="utc"
      width={800}
      height={400}
      onZoom={() => {}}
      eventBus={eventBus}
    />
  );
}

const eventBus = new EventBusSrv();

test('a streamed point redraws the plot with the new data on the same config, and leaves the legend alone', () => {
  const { rerender } = render(element(chartModel(40)));
  const first = renders.plot.length;
  expect(first).toBeGreaterThan(0);
  expect(renders.legend).toBe(1);

  const next = chartModel(41);
  rerender(element(next));

  const latest = renders.plot[renders.plot.length - 1];
  expect(renders.plot.length).toBe(first + 1);
  expect(latest.data).toBe(next.data);
  expect(latest.config).toBe(renders.plot[0].config);
  expect(renders.legend).toBe(1);
});
