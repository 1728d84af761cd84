import React, { ComponentProps, useLayoutEffect, useMemo, useRef } from 'react';
import type uPlot from 'uplot';

import { TimeRange } from '@grafana/data';
import { TimeZone } from '@grafana/schema';
import { TooltipPlugin2, UPlotChart, useTheme2 } from '@grafana/ui';

import { testIds } from '../selectors';
import { buildChartConfig } from './buildChartConfig';
import { ChartModel, ChartSeries } from './chartModel';
import { ChartTooltip } from './ChartTooltip';
import { breachAt } from './breachAt';

interface Props {
  chart: ChartModel;
  timeRange: TimeRange;
  timeZone: TimeZone;
  width: number;
  height: number;
  /** Zooms the dashboard (onChangeTimeRange): a drag selects a range, a click on a breach zooms to it. */
  onZoom: (range: { from: number; to: number }) => void;
}

/** TooltipHoverMode.xAll: the tooltip lists every series at the hovered time (the enum is not exported). */
const HOVER_ALL_SERIES = 1 as ComponentProps<typeof TooltipPlugin2>['hoverMode'];

/**
 * The KPI series on a native Grafana uPlot chart with the OKR overlays. The config is rebuilt only when the
 * series' structure changes; new data only redraws, so live streams never re-create the plot.
 */
export function KpiChart({ chart, timeRange, timeZone, width, height, onZoom }: Props) {
  const theme = useTheme2();
  const latest = useRef({ timeRange, series: chart.series, onZoom });
  useLayoutEffect(() => {
    latest.current = { timeRange, series: chart.series, onZoom };
  }, [timeRange, chart.series, onZoom]);

  const structure = seriesStructure(chart.series);
  const config = useMemo(
    () => {
      // The getters run when uPlot draws or the user clicks, after render: the ref is never read in render.
      const builder = buildChartConfig({
        series: chart.series,
        theme,
        timeZone,
        // eslint-disable-next-line react-hooks/refs
        getTimeRange: () => latest.current.timeRange,
        // eslint-disable-next-line react-hooks/refs
        getSeries: () => latest.current.series,
      });
      // eslint-disable-next-line react-hooks/refs
      builder.addHook('init', (u) => zoomToBreachOnClick(u, () => latest.current));
      builder.addHook('draw', exposeGeometry);
      return builder;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [structure, theme, timeZone]
  );

  return (
    <div data-testid={testIds.chart}>
      <UPlotChart config={config} data={chart.data as uPlot.AlignedData} width={width} height={height}>
        <TooltipPlugin2
          config={config}
          hoverMode={HOVER_ALL_SERIES}
          queryZoom={onZoom}
          render={(u, dataIdxs) => <ChartTooltip u={u} dataIdxs={dataIdxs} series={latest.current.series} timeZone={timeZone} />}
        />
      </UPlotChart>
    </div>
  );
}

/** A click (not a drag) inside a breach zooms the dashboard to that breach, with some context either side. */
function zoomToBreachOnClick(u: uPlot, current: () => { series: ChartSeries[]; onZoom: Props['onZoom'] }) {
  let downX = NaN;
  u.over.addEventListener('mousedown', (event) => (downX = event.clientX));
  u.over.addEventListener('click', (event) => {
    if (Math.abs(event.clientX - downX) > 3) {
      return;
    }
    const time = u.posToVal(event.offsetX, 'x');
    const breach = breachAt(current().series, time);
    if (breach) {
      const context = Math.max((breach.end - breach.start) * 0.25, 60_000);
      current().onZoom({ from: breach.start - context, to: breach.end + context });
    }
  });
}

/**
 * The plot area and x range in CSS pixels on the chart's root, so browser tests (and anyone debugging)
 * can map a time to a pixel without reaching into uPlot.
 */
function exposeGeometry(u: uPlot) {
  const ratio = u.bbox.width / u.over.clientWidth || 1;
  Object.assign(u.root.dataset, {
    plotLeft: String(u.over.offsetLeft),
    plotTop: String(u.over.offsetTop),
    plotWidth: String(u.bbox.width / ratio),
    plotHeight: String(u.bbox.height / ratio),
    xMin: String(u.scales.x.min),
    xMax: String(u.scales.x.max),
  });
}

function seriesStructure(series: ChartSeries[]): string {
  return JSON.stringify(series.map((entry) => [entry.label, entry.scaleKey, entry.color, entry.field?.config ?? null]));
}
