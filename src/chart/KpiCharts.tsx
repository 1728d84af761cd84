import React, { useMemo } from 'react';

import { KeyResultModel } from '../okr';
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
};

/** The chart view: one shared chart, or one chart per key result (see resolveChartLayout). */
export function KpiCharts({ layout, keyResults, chart, ...rest }: Props) {
  const resolved = resolveChartLayout(layout, chart);
  const charts = useMemo<KeyResultChart[]>(
    () => (resolved === 'perKeyResult' ? keyResultCharts(chart, keyResults) : []),
    [resolved, chart, keyResults]
  );
  return resolved === 'perKeyResult' ? (
    <StackedKpiCharts {...rest} charts={charts} />
  ) : (
    <KpiChart {...rest} chart={chart} />
  );
}
