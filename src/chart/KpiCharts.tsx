import React, { useMemo } from 'react';

import { KeyResultModel } from '../okr';
import { ChartModel } from './chartModel';
import { ChartLayoutMode } from '../types';
import { KeyResultChart, keyResultCharts, resolveChartLayout } from './keyResultCharts';
import { KpiChart } from './KpiChart';
import { KpiPlotProps } from './KpiPlot';
import { StackedKpiCharts } from './StackedKpiCharts';

type Props = Omit<KpiPlotProps, 'syncKey' | 'timeLabels'> & {
  /** The chart.layout option (validated by the core); absent: auto. */
  layout?: ChartLayoutMode;
  /** The panel's key results in order: the stack's order. */
  keyResults: KeyResultModel[];
  /** The stack's headings carry the key results' summaries: true where no other view on the panel does. */
  headingSummaries: boolean;
};

/** The chart view: one shared chart, or one chart per key result (see resolveChartLayout). */
export function KpiCharts({ layout, keyResults, chart, headingSummaries, ...rest }: Props) {
  const resolved = resolveChartLayout(layout, chart);
  const charts = useMemo<KeyResultChart[]>(
    () => (resolved === 'perKeyResult' ? keyResultCharts(chart, keyResults) : []),
    [resolved, chart, keyResults]
  );
  return resolved === 'perKeyResult' ? (
    <StackedKpiCharts {...rest} charts={charts} headingSummaries={headingSummaries} />
  ) : (
    <KpiChart {...rest} chart={chart} />
  );
}

/**
 * The key results that head a chart of their own (the stack): their summary line is that heading, so the
 * lines under the chart view need not repeat them. Empty for one shared chart.
 */
export function stackedKeyResultIds(
  layout: ChartLayoutMode | undefined,
  chart: ChartModel,
  keyResults: KeyResultModel[]
): Set<string> {
  return resolveChartLayout(layout, chart) === 'perKeyResult'
    ? new Set(keyResultCharts(chart, keyResults).map(({ kr }) => kr.id))
    : new Set();
}
