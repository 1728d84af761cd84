import React, { useMemo } from 'react';

import { LegendDisplayMode } from '@grafana/schema';
import { VizLegend, VizLegendItem } from '@grafana/ui';

import { testIds } from '../selectors';
import { ChartLayout } from './ChartLayout';
import { ChartSeries } from './chartModel';
import { KeyResultLegend } from './KeyResultLegend';
import { KpiPlot, KpiPlotProps } from './KpiPlot';

type Props = Omit<KpiPlotProps, 'syncKey' | 'timeLabels'>;

/**
 * The shared chart: every line on one plot (a y axis per unit) above its legend, which lists the key
 * results (colour, title, status); with no key result charted (the frames' number fields drawn while key
 * results are set up) it is Grafana's legend of series names.
 */
export function KpiChart({ chart, width, height, ...plot }: Props) {
  // The same element while what it shows is the same, so a streamed point, a refresh, a resize or a hover
  // does not re-render the legend.
  const legendKey = legendStructure(chart.series);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const legend = useMemo(() => chartLegend(chart.series), [legendKey]);
  return (
    <div data-testid={testIds.chart} data-layout="shared">
      <ChartLayout width={width} height={height} legend={legend}>
        {(vizWidth, vizHeight) => <KpiPlot {...plot} chart={chart} width={vizWidth} height={vizHeight} />}
      </ChartLayout>
    </div>
  );
}

function chartLegend(series: ChartSeries[]) {
  return chartsKeyResults(series) ? <KeyResultLegend series={series} /> : seriesLegend(series);
}

/** Whether the lines are key results' (not the frame fallback's raw number fields). */
export function chartsKeyResults(series: ChartSeries[]): boolean {
  return series.some((line) => line.keyResults.length > 0);
}

/** Grafana's legend of series names: one item per series, in its colour, on its axis' side. */
function seriesLegend(series: ChartSeries[]) {
  const scales = [...new Set(series.map((entry) => entry.scaleKey))];
  const items: VizLegendItem[] = series.map((entry) => ({
    label: entry.label,
    color: entry.color,
    yAxis: scales.indexOf(entry.scaleKey) === 0 ? 1 : 2,
    getItemKey: () => entry.label,
  }));
  return <VizLegend items={items} displayMode={LegendDisplayMode.List} placement="bottom" readonly />;
}

function legendStructure(series: ChartSeries[]): string {
  return JSON.stringify(
    series.map((line) => [
      line.label,
      line.color,
      line.scaleKey,
      line.keyResults.map((kr) => [kr.id, kr.title, kr.status]),
    ])
  );
}
