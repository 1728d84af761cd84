import { createTheme } from '@grafana/data';

import { evaluate } from '../okr';
import { DAY, Q3_END, Q3_START, dailyFrame } from '../okr/testUtils';
import { alignColumns, buildChartModel } from './chartModel';

describe('alignColumns puts the matched series on one time axis for uPlot', () => {
  test('series on the same times share the time column; values without gaps are passed as they are', () => {
    const times = [1, 2, 3];
    const values = [10, 20, 30];
    const [x, y] = alignColumns([{ times, values, hasMissing: false }]);
    expect(x).toBe(times);
    expect(y).toBe(values);
  });

  test('a missing sample (NaN) becomes null, which uPlot draws as a gap', () => {
    const aligned = alignColumns([{ times: [1, 2, 3], values: [10, NaN, 30], hasMissing: true }]);
    expect(aligned.map((column) => Array.from(column))).toEqual([
      [1, 2, 3],
      [10, null, 30],
    ]);
  });

  test('series on different times are merged; a series has null where it has no sample', () => {
    const aligned = alignColumns([
      { times: [1, 3], values: [10, 30], hasMissing: false },
      { times: Float64Array.from([2, 3]), values: Float64Array.from([NaN, 33]), hasMissing: true },
    ]);
    expect(aligned.map((column) => Array.from(column))).toEqual([
      [1, 2, 3],
      [10, null, 30],
      [null, null, 33],
    ]);
  });
});

describe('buildChartModel: one line per judged series', () => {
  const theme = createTheme();
  const frame = dailyFrame([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 'deals');
  const model = (keyResults: Array<Record<string, unknown>>) =>
    evaluate({
      options: { objectives: [{ title: 'O', keyResults }] },
      frames: [frame],
      timeRange: { from: Q3_START, to: Q3_END },
      timeZone: 'utc',
      now: Q3_START + 9 * DAY,
    });
  const kr = (title: string, extra: Record<string, unknown>) => ({
    title,
    series: 'deals',
    period: '2026-Q3',
    kind: 'increase',
    target: 500,
    ...extra,
  });

  test('two running totals on one series are two lines, named by key result, beside the raw series', () => {
    const chart = buildChartModel(
      model([kr('Quarter', { reducer: 'sum' }), kr('Since 100', { reducer: 'sum', baseline: 100 }), kr('Daily', {})]),
      [frame],
      theme
    )!;
    expect(chart.series.map((series) => series.label)).toEqual([
      'deals (running total: Quarter)',
      'deals (running total: Since 100)',
      'deals',
    ]);
    expect(chart.data.slice(1).map((column) => column[9])).toEqual([10, 110, 1]);
  });

  test('one running total is simply "(running total)"', () => {
    const chart = buildChartModel(model([kr('Quarter', { reducer: 'sum' })]), [frame], theme)!;
    expect(chart.series.map((series) => series.label)).toEqual(['deals (running total)']);
  });
});

describe('a series a key result takes its target from is drawn as the target, never as a KPI line', () => {
  const theme = createTheme();
  const kpi = dailyFrame([270, 270, 270, 240], 'latency');
  const plan = dailyFrame([300, 300, 250, 250], 'latency target');
  const model = (series: string) =>
    evaluate({
      options: {
        objectives: [
          {
            title: 'O',
            keyResults: [
              { title: 'p95', series, period: '2026-Q3', kind: 'stayBelow', targetSeries: 'latency target' },
            ],
          },
        ],
      },
      frames: [kpi, plan],
      timeRange: { from: Q3_START, to: Q3_END },
      timeZone: 'utc',
      now: Q3_START + 3 * DAY,
    });

  test('with the KPI matched, only the KPI is a line', () => {
    expect(buildChartModel(model('latency'), [kpi, plan], theme)!.series.map((s) => s.label)).toEqual(['latency']);
  });

  test('with the KPI not found, the frames are drawn without the target series', () => {
    expect(buildChartModel(model('nope'), [kpi, plan], theme)!.series.map((s) => s.label)).toEqual(['latency']);
  });
});
