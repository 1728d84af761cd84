import { ChartLayoutMode } from '../types';
import { KeyResultModel } from '../okr';
import { alignColumns, ChartModel, ChartSeries, lineData } from './chartModel';

/**
 * How the chart is arranged, from the chart.layout option and what is charted:
 * - 'shared' and 'perKeyResult' as asked;
 * - 'auto': one chart per key result when the key results' lines have more than one unit (a manual key
 *   result, counted by hand, has a scale of its own and so counts as a unit of its own), one shared chart
 *   otherwise. Example: latency (ms) + availability (percent) → perKeyResult; three ms series → shared.
 * The frame fallback (no key result charted, raw number fields) is always one shared chart.
 */
export function resolveChartLayout(mode: ChartLayoutMode | undefined, chart: ChartModel): 'shared' | 'perKeyResult' {
  if (!chart.series.some((line) => line.keyResults.length > 0)) {
    return 'shared';
  }
  if (mode === 'shared' || mode === 'perKeyResult') {
    return mode;
  }
  return new Set(chart.series.map((line) => line.scaleKey)).size > 1 ? 'perKeyResult' : 'shared';
}

export interface KeyResultChart {
  kr: KeyResultModel;
  chart: ChartModel;
}

/**
 * One chart per charted key result, in the panel's order: the line it is judged on with only its own
 * overlays (target, pace, breaches, forecast) and check-ins. Two key results on one series get a chart
 * each, both showing that series. Key results with no line (no series, no samples) get none.
 */
export function keyResultCharts(chart: ChartModel, keyResults: KeyResultModel[]): KeyResultChart[] {
  const lineOf = new Map<string, ChartSeries>();
  for (const line of chart.series) {
    line.keyResults.forEach((kr) => lineOf.set(kr.id, line));
  }
  return keyResults.flatMap((kr) => {
    const line = lineOf.get(kr.id);
    if (!line) {
      return [];
    }
    const own: ChartSeries = {
      ...line,
      keyResults: [kr],
      checkIns: line.checkIns.filter((marker) => marker.kr.id === kr.id),
    };
    return [
      {
        kr,
        chart: { data: alignColumns([lineData({ kr, series: own })]), series: [own], annotations: chart.annotations },
      },
    ];
  });
}
