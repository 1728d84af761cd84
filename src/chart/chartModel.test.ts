import { createDataFrame, createTheme, FieldType } from '@grafana/data';

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

  test('series on different times are merged: undefined where a series has no sample (uPlot joins over it), null for its own gaps', () => {
    const aligned = alignColumns([
      { times: [1, 3], values: [10, 30], hasMissing: false },
      { times: Float64Array.from([2, 3]), values: Float64Array.from([NaN, 33]), hasMissing: true },
    ]);
    expect(aligned.map((column) => Array.from(column))).toEqual([
      [1, 2, 3],
      [10, undefined, 30],
      [undefined, null, 33],
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

describe('buildChartModel: check-ins, manual key results and annotations', () => {
  const theme = createTheme();
  const mrr = { ...dailyFrame([100, 110, 120, 130, 140, 150, 160, 170, 180, 190], 'mrr'), refId: 'A' };
  const checkIns = createDataFrame({
    refId: 'CHECKINS',
    fields: [
      {
        name: 'time',
        type: FieldType.time,
        values: [Q3_START - 5 * DAY, Q3_START + 2 * DAY + 3_600_000, Q3_START + 6 * DAY],
      },
      { name: 'key_result', type: FieldType.string, values: ['segments', 'segments', 'kr-mrr'] },
      { name: 'value', type: FieldType.number, values: [1, 2, null] },
      { name: 'note', type: FieldType.string, values: [null, 'signed ACME', 'on plan'] },
    ],
  });
  const deploy = createDataFrame({ fields: [{ name: 'time', type: FieldType.time, values: [Q3_START + 4 * DAY] }] });
  const model = evaluate({
    options: {
      checkInQuery: { refId: 'CHECKINS' },
      objectives: [
        {
          title: 'O',
          keyResults: [
            { id: 'kr-mrr', title: 'MRR', series: 'mrr', period: '2026-Q3', kind: 'increase', target: 300 },
            { id: 'segments', title: 'Segments', period: '2026-Q3', kind: 'increase', target: 3 },
          ],
        },
      ],
    },
    frames: [mrr, checkIns],
    annotations: [deploy],
    timeRange: { from: Q3_START, to: Q3_END },
    timeZone: 'utc',
    now: Q3_START + 9 * DAY,
  });
  const chart = buildChartModel(model, [mrr], theme)!;

  test('a manual key result is its own stepped line on its own scale, held to as-of', () => {
    const manual = chart.series[1];
    expect([manual.label, manual.steps, manual.scaleKey]).toEqual(['Segments (check-ins)', true, '__manual:segments']);
    expect(chart.series[0].steps).toBe(false);
    // No field, so no palette colour of its own: the first one no other line uses.
    expect(manual.color).not.toBe(chart.series[0].color);
    expect(theme.visualization.palette.map(theme.visualization.getColorByName)).toContain(manual.color);
    const times = Array.from(chart.data[0]);
    const column = Array.from(chart.data[2]);
    const at = (time: number) => column[times.indexOf(time)];
    // Carried in at the start (1), the check-in (2), held to as-of (day 9).
    expect([at(Q3_START), at(Q3_START + 2 * DAY + 3_600_000), at(Q3_START + 9 * DAY)]).toEqual([1, 2, 2]);
    // The KPI line has no sample at the check-in's hour: undefined, joined over, not a gap.
    expect(Array.from(chart.data[1])[times.indexOf(Q3_START + 2 * DAY + 3_600_000)]).toBeUndefined();
  });

  test('each check-in is a marker on its key result’s line at the line’s value then', () => {
    expect(chart.series[0].checkIns.map((marker) => [marker.time, marker.value, marker.checkIn.note])).toEqual([
      [Q3_START + 6 * DAY, 160, 'on plan'],
    ]);
    expect(chart.series[1].checkIns.map((marker) => [marker.time, marker.value])).toEqual([
      [Q3_START - 5 * DAY, 1],
      [Q3_START + 2 * DAY + 3_600_000, 2],
    ]);
  });

  test('the check-in table is not drawn as a line, and the annotations ride along', () => {
    expect(chart.series.map((series) => series.label)).toEqual(['mrr', 'Segments (check-ins)']);
    expect(chart.annotations.map((annotation) => annotation.time)).toEqual([Q3_START + 4 * DAY]);
  });
});
