import React, { ComponentProps, RefObject, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';

import { EventBus, GrafanaTheme2, TimeRange } from '@grafana/data';
import { DashboardCursorSync, TimeZone } from '@grafana/schema';
import { TooltipPlugin2, UPlotChart, useTheme2 } from '@grafana/ui';

import { AnnotationModel } from '../okr';
import { AxisWidthGroup } from './axisWidthGroup';
import { buildChartConfig } from './buildChartConfig';
import { ChartModel, ChartSeries } from './chartModel';
import { ChartTooltip } from './ChartTooltip';
import { breachAt } from './breachAt';
import { syncCrosshair } from './crosshairSync';

export interface KpiPlotProps {
  chart: ChartModel;
  timeRange: TimeRange;
  timeZone: TimeZone;
  width: number;
  height: number;
  /** Zooms the dashboard (onChangeTimeRange): a drag selects a range, a click on a breach zooms to it. */
  onZoom: (range: { from: number; to: number }) => void;
  /** The dashboard's event bus, for the shared crosshair; absent: this plot neither sends nor follows it. */
  eventBus?: EventBus;
  /** Plots with one key share their cursor (uPlot's cursor sync on x): the stack of key-result charts. */
  syncKey?: string;
  /** false: the time axis keeps its ticks and grid but no labels (a chart above another on the same axis). */
  timeLabels?: boolean;
  /** Plots stacked on one time axis: their value axes take one width, so their plot areas line up. */
  axisGroup?: AxisWidthGroup;
}

interface LatestProps {
  timeRange: TimeRange;
  series: ChartSeries[];
  annotations: AnnotationModel[];
  onZoom: KpiPlotProps['onZoom'];
}

/** TooltipHoverMode.xAll: the tooltip lists every series at the hovered time (the enum is not exported). */
const HOVER_ALL_SERIES = 1 as ComponentProps<typeof TooltipPlugin2>['hoverMode'];

/**
 * The KPI series on a native Grafana uPlot chart with the OKR overlays. The config is rebuilt only when the
 * series' structure changes; new data only redraws, so live streams never re-create the plot.
 */
export function KpiPlot(props: KpiPlotProps) {
  const { chart, timeRange, timeZone, width, height, onZoom, eventBus, syncKey, timeLabels = true, axisGroup } = props;
  const theme = useTheme2();
  const latest = useRef<LatestProps>({ timeRange, series: chart.series, annotations: chart.annotations, onZoom });
  useLayoutEffect(() => {
    latest.current = { timeRange, series: chart.series, annotations: chart.annotations, onZoom };
  }, [timeRange, chart.series, chart.annotations, onZoom]);

  // The config is rebuilt only when the series' structure (names, scales, colours, field config) changes.
  // createConfig hands `latest` to callbacks uPlot runs after render; it is never read during render.
  const structure = seriesStructure(chart.series);
  const config = useMemo(
    // eslint-disable-next-line react-hooks/refs
    () => createConfig({ series: chart.series, theme, timeZone, latest, timeLabels, axisGroup }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [structure, theme, timeZone, timeLabels, axisGroup]
  );

  const [plot, setPlot] = useState<uPlot | null>(null);
  useEffect(() => (plot && eventBus ? syncCrosshair(plot, eventBus) : undefined), [plot, eventBus]);
  useDataWithSize(plot, chart.data, width, height);

  return (
    <UPlotChart
      // Grafana's UPlotChart applies one change per update (size, else config, else data): a config that
      // changes with the size (the stack's time labels and scroll bar) would be dropped, so it remounts.
      key={`${structure}|${timeLabels}|${theme.name}|${timeZone}`}
      config={config}
      data={chart.data as uPlot.AlignedData}
      width={width}
      height={height}
      plotRef={setPlot}
    >
      <TooltipPlugin2
        config={config}
        hoverMode={HOVER_ALL_SERIES}
        queryZoom={onZoom}
        // The crosshair only: a tooltip shows on the hovered chart, not on every chart of the stack.
        {...(syncKey ? { syncMode: DashboardCursorSync.Crosshair, syncScope: syncKey } : {})}
        render={(u, dataIdxs) => (
          <ChartTooltip
            u={u}
            dataIdxs={dataIdxs}
            series={latest.current.series}
            annotations={latest.current.annotations}
            timeZone={timeZone}
          />
        )}
      />
    </UPlotChart>
  );
}

/**
 * New data in the same update as a new size: Grafana's UPlotChart only resizes then, so the new data is set
 * here, after it (a child's update runs before its parent's layout effects). The stack's heights change with
 * a key result's messages, and a refresh can bring both.
 */
function useDataWithSize(plot: uPlot | null, data: ChartModel['data'], width: number, height: number) {
  const drawn = useRef({ data, width, height });
  useLayoutEffect(() => {
    const before = drawn.current;
    drawn.current = { data, width, height };
    const resized = width !== before.width || height !== before.height;
    if (plot && resized && data !== before.data) {
      plot.setData(data as uPlot.AlignedData);
    }
  }, [plot, data, width, height]);
}

interface ConfigInput {
  series: ChartSeries[];
  theme: GrafanaTheme2;
  timeZone: TimeZone;
  latest: RefObject<LatestProps>;
  timeLabels: boolean;
  axisGroup?: AxisWidthGroup;
}

/**
 * The chart config plus its interaction hooks. Every getter reads `latest` when uPlot draws or the user
 * clicks — after render — so a refresh moves range, overlays and callbacks without a new plot.
 */
function createConfig({ series, theme, timeZone, latest, timeLabels, axisGroup }: ConfigInput) {
  const current = () => latest.current!;
  const builder = buildChartConfig({
    series,
    theme,
    timeZone,
    getTimeRange: () => current().timeRange,
    getSeries: () => current().series,
    getAnnotations: () => current().annotations,
    timeLabels,
  });
  builder.addHook('init', (u) => zoomToBreachOnClick(u, current));
  builder.addHook('draw', exposeGeometry);
  if (axisGroup) {
    builder.addHook('init', axisGroup.join);
  }
  return builder;
}

/** A click (not a drag) inside a breach zooms the dashboard to that breach, with some context either side. */
function zoomToBreachOnClick(u: uPlot, current: () => LatestProps) {
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
 * can map a time to a pixel without reaching into uPlot. Read from the styles uPlot set on its overlay
 * (no layout is forced mid-draw) and written only when changed (no style invalidation per draw).
 */
function exposeGeometry(u: uPlot) {
  const geometry: Record<string, string> = {
    plotLeft: String(parseFloat(u.over.style.left)),
    plotTop: String(parseFloat(u.over.style.top)),
    plotWidth: String(parseFloat(u.over.style.width)),
    plotHeight: String(parseFloat(u.over.style.height)),
    xMin: String(u.scales.x.min),
    xMax: String(u.scales.x.max),
  };
  const dataset = u.root.dataset;
  for (const [key, value] of Object.entries(geometry)) {
    if (dataset[key] !== value) {
      dataset[key] = value;
    }
  }
}

function seriesStructure(series: ChartSeries[]): string {
  return JSON.stringify(
    series.map((entry) => [entry.label, entry.scaleKey, entry.color, entry.steps, entry.field?.config ?? null])
  );
}
