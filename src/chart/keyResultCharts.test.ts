import { createTheme } from '@grafana/data';

import { evaluate } from '../okr';
import { DAY, Q3_END, Q3_START, dailyFrame } from '../okr/testUtils';
import { buildChartModel } from './chartModel';
import { keyResultCharts, resolveChartLayout } from './keyResultCharts';

const theme = createTheme();
const latency = dailyFrame([310, 290, 280, 305, 270], 'latency', { unit: 'ms' });
const errors = dailyFrame([4, 6, 5, 3, 2], 'errors', { unit: 'ms' });
const availability = dailyFrame([99.9, 99.7, 99.95, 99.4, 99.8], 'availability', { unit: 'percent' });
const plain = dailyFrame([1, 2, 3, 4, 5], 'deals');

function chartOf(series: string[], frames = [latency, errors, availability, plain]) {
  const keyResults = series.map((name) => ({
    id: name,
    title: `KR on ${name}`,
    series: name,
    period: '2026-Q3',
    kind: 'stayBelow',
    target: 300,
  }));
  const model = evaluate({
    options: { objectives: [{ title: 'O', keyResults }] },
    frames,
    timeRange: { from: Q3_START, to: Q3_END },
    timeZone: 'utc',
    now: Q3_START + 4 * DAY,
  });
  return { model, chart: buildChartModel(model, frames, theme)! };
}

describe('resolveChartLayout: auto is one chart per key result when the charted units differ', () => {
  test.each`
    series                                 | mode              | expected
    ${['latency', 'availability']}         | ${undefined}      | ${'perKeyResult'}
    ${['latency', 'availability']}         | ${'auto'}         | ${'perKeyResult'}
    ${['latency', 'errors']}               | ${'auto'}         | ${'shared'}
    ${['latency']}                         | ${'auto'}         | ${'shared'}
    ${['latency', 'deals']}                | ${'auto'}         | ${'perKeyResult'}
    ${['latency', 'availability']}         | ${'shared'}       | ${'shared'}
    ${['latency', 'errors']}               | ${'perKeyResult'} | ${'perKeyResult'}
    ${['latency', 'missing']}              | ${'auto'}         | ${'shared'}
    ${['latency', 'availability', 'nope']} | ${'auto'}         | ${'perKeyResult'}
  `('key results on $series with layout $mode → $expected', ({ series, mode, expected }) => {
    expect(resolveChartLayout(mode, chartOf(series).chart)).toBe(expected);
  });

  test('a manual key result (no unit) counts as a unit of its own', () => {
    const { chart } = chartOf(['latency', 'errors']);
    const manual = { ...chart.series[0], scaleKey: '__manual:launches', keyResults: [chart.series[0].keyResults[0]] };
    expect(resolveChartLayout('auto', { ...chart, series: [...chart.series, manual] })).toBe('perKeyResult');
  });

  test.each(['auto', 'perKeyResult'] as const)(
    'the frame fallback (no key result charted) stays one shared chart with layout %s',
    (mode) => {
      const { model } = chartOf(['nope']);
      const fallback = buildChartModel(model, [latency, availability], theme)!;
      expect(fallback.series.map((line) => line.label)).toEqual(['latency', 'availability']);
      expect(resolveChartLayout(mode, fallback)).toBe('shared');
    }
  );
});

describe('keyResultCharts: one chart per charted key result, with only its own overlays', () => {
  test('in the panel’s order, each with its own line and key result; one with no series gets none', () => {
    const { model, chart } = chartOf(['availability', 'nope', 'latency']);
    const keyResults = model.objectives[0].keyResults;

    const charts = keyResultCharts(chart, keyResults);

    expect(charts.map(({ kr }) => kr.id)).toEqual(['availability', 'latency']);
    expect(
      charts.map(({ chart: own }) => own.series.map((line) => [line.label, line.keyResults.map((kr) => kr.id)]))
    ).toEqual([[['availability', ['availability']]], [['latency', ['latency']]]]);
    expect(Array.from(charts[1].chart.data[1])).toEqual([310, 290, 280, 305, 270]);
  });

  test('two key results on one series get a chart each, both drawing that series in its one colour', () => {
    const frames = [latency];
    const keyResults = [
      { id: 'p95', title: 'p95 below 300', series: 'latency', period: '2026-Q3', kind: 'stayBelow', target: 300 },
      { id: 'p95-soft', title: 'p95 below 320', series: 'latency', period: '2026-Q3', kind: 'stayBelow', target: 320 },
    ];
    const model = evaluate({
      options: { objectives: [{ title: 'O', keyResults }] },
      frames,
      timeRange: { from: Q3_START, to: Q3_END },
      timeZone: 'utc',
      now: Q3_START + 4 * DAY,
    });
    const chart = buildChartModel(model, frames, theme)!;
    expect(chart.series).toHaveLength(1);

    const charts = keyResultCharts(chart, model.objectives[0].keyResults);

    expect(charts.map(({ chart: own }) => own.series[0].keyResults.map((kr) => kr.target))).toEqual([[300], [320]]);
    expect(charts.map(({ chart: own }) => own.series[0].color)).toEqual([chart.series[0].color, chart.series[0].color]);
  });
});
