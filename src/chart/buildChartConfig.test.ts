import { createTheme, dateTime, FieldType, getDisplayProcessor } from '@grafana/data';
import type uPlot from 'uplot';

import { buildChartConfig } from './buildChartConfig';
import { ChartSeries } from './chartModel';

const theme = createTheme();

function countSeries(decimals: number | undefined): ChartSeries {
  const field = {
    name: 'deals',
    type: FieldType.number,
    values: [1, 2],
    config: { unit: 'none', decimals },
  };
  return {
    label: 'deals',
    color: '#8ab8ff',
    scaleKey: 'none',
    keyResults: [],
    steps: false,
    checkIns: [],
    field: { ...field, display: getDisplayProcessor({ field, theme }) },
  } as ChartSeries;
}

/** The value axis's tick labels for ticks 0 … 2, 0.2 apart, as uPlot asks for them. */
function tickLabels(series: ChartSeries): Array<string | null> {
  const config = buildChartConfig({
    series: [series],
    theme,
    timeZone: 'utc',
    getTimeRange: () => ({ from: dateTime(0), to: dateTime(1), raw: { from: '0', to: '1' } }),
    getSeries: () => [series],
    getAnnotations: () => [],
  }).getConfig();
  const axis = config.axes![1];
  const splits = [0, 0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.8, 2];
  const shown = axis.filter
    ? (axis.filter as (u: uPlot, s: number[]) => Array<number | null>)({} as uPlot, splits)
    : splits;
  const values = axis.values as (
    u: uPlot,
    s: Array<number | null>,
    i: number,
    space: number,
    incr: number
  ) => unknown[];
  return values({} as uPlot, shown, 1, 30, 0.2).map((label) => (label === null ? null : String(label)));
}

test('a count field (decimals 0) labels whole ticks only, never "2 2 2 1 1 1"', () => {
  expect(tickLabels(countSeries(0))).toEqual(['0', null, null, null, null, '1', null, null, null, null, '2']);
});

test('without decimals set, ticks 0.2 apart read as they are', () => {
  expect(tickLabels(countSeries(undefined))).toEqual([
    '0',
    '0.2',
    '0.4',
    '0.6',
    '0.8',
    '1',
    '1.2',
    '1.4',
    '1.6',
    '1.8',
    '2',
  ]);
});
