import type uPlot from 'uplot';

import { Field, formattedValueToString, GrafanaTheme2, TimeRange } from '@grafana/data';
import {
  AxisPlacement,
  GraphDrawStyle,
  LineInterpolation,
  ScaleDirection,
  ScaleOrientation,
  TimeZone,
} from '@grafana/schema';
import { UPlotConfigBuilder } from '@grafana/ui';

import { AnnotationModel } from '../okr';
import { ChartSeries } from './chartModel';
import { annotationLinesHook, annotationRegionsHook } from './overlays/annotations';
import { asOfHook } from './overlays/asOf';
import { breachLanes } from './overlays/breachLanes';
import { breachLineHook, breachRegionsHook } from './overlays/breaches';
import { checkInsHook } from './overlays/checkIns';
import { exposeOverlaysHook } from './overlays/exposeOverlays';
import { forecastBandHook, forecastLineHook } from './overlays/forecast';
import { labelsHook } from './overlays/labels';
import { createOverlayContext, OverlayContext } from './overlays/overlayContext';
import { forecastsInView, seriesOverlays } from './overlays/overlayData';
import { paceHook } from './overlays/pace';
import { periodBandsHook } from './overlays/periodBands';
import { targetsHook } from './overlays/targets';
import { yRangeWithMarks } from './yRange';

interface ChartConfigInput {
  /** The series as they are when the config is built; their number and scales define its structure. */
  series: ChartSeries[];
  theme: GrafanaTheme2;
  timeZone: TimeZone;
  /** Read at draw time, so a refresh moves the x range and overlays without rebuilding the config. */
  getTimeRange: () => TimeRange;
  getSeries: () => ChartSeries[];
  getAnnotations: () => AnnotationModel[];
  /** false: time ticks and grid without labels, for a chart stacked above another on the same time axis. */
  timeLabels?: boolean;
}

const X_SCALE = 'x';
/** An unlabelled time axis keeps room for its ticks only. */
const UNLABELLED_AXIS_PX = 6;

/**
 * The chart's uPlot config, built the way Grafana's time series panel builds its own (time x scale pinned
 * to the dashboard range, one y scale per unit, series in their field colours), with the OKR overlays as
 * draw hooks: shading under the series (drawClear), lines over it (draw), then all the overlays' labels laid
 * out together (labels.ts) so that none covers another or the latest data.
 */
export function buildChartConfig({
  series,
  theme,
  timeZone,
  getTimeRange,
  getSeries,
  getAnnotations,
  timeLabels = true,
}: ChartConfigInput): UPlotConfigBuilder {
  const builder = new UPlotConfigBuilder(timeZone);
  // Room beside the value axes: uPlot sizes them to the measured labels exactly, and a label a pixel
  // wider than measured (currency signs) would otherwise be cut at the panel's edge.
  // The bottom padding is the breach lanes' room, under the time axis (breachLanes.ts).
  const overlays = createOverlayContext({ getSeries, getAnnotations, theme });
  const lanes = breachLanes(overlays);
  builder.setPadding([0, 6, lanes.padding, 6]);

  builder.addScale({
    scaleKey: X_SCALE,
    isTime: true,
    orientation: ScaleOrientation.Horizontal,
    direction: ScaleDirection.Right,
    range: () => {
      const { from, to } = getTimeRange();
      return [from.valueOf(), to.valueOf()];
    },
  });
  builder.addAxis({
    scaleKey: X_SCALE,
    isTime: true,
    placement: AxisPlacement.Bottom,
    timeZone,
    theme,
    ...(timeLabels ? {} : { values: (_u: uPlot, splits: number[]) => splits.map(() => ''), size: UNLABELLED_AXIS_PX }),
  });

  const scales = new Set<string>();
  for (const entry of series) {
    if (!scales.has(entry.scaleKey)) {
      addValueScale({
        builder,
        entry,
        theme,
        overlays,
        getTimeRange,
        placement: scales.size === 0 ? AxisPlacement.Left : AxisPlacement.Right,
      });
      scales.add(entry.scaleKey);
    }
    builder.addSeries({
      scaleKey: entry.scaleKey,
      theme,
      drawStyle: GraphDrawStyle.Line,
      lineColor: entry.color,
      lineWidth: 2,
      fillOpacity: 0,
      // A manual key result's value holds until its next check-in: steps, joined across the other lines' times.
      ...(entry.steps ? { lineInterpolation: LineInterpolation.StepAfter, spanNulls: true } : { spanNulls: false }),
    });
  }

  builder.addHook('drawClear', periodBandsHook(overlays));
  builder.addHook('drawClear', annotationRegionsHook(overlays));
  builder.addHook('drawClear', breachRegionsHook(overlays));
  builder.addHook('drawClear', forecastBandHook(overlays));
  builder.addHook('draw', paceHook(overlays));
  builder.addHook('draw', targetsHook(overlays));
  builder.addHook('draw', forecastLineHook(overlays));
  builder.addHook('draw', breachLineHook(overlays));
  builder.addHook('draw', asOfHook(overlays));
  builder.addHook('draw', annotationLinesHook(overlays));
  builder.addHook('draw', checkInsHook(overlays));
  builder.addHook('draw', lanes.hook);
  // Last: every hook above has asked for its labels.
  builder.addHook('draw', labelsHook(overlays));
  builder.addHook('draw', exposeOverlaysHook(overlays, lanes));
  return builder;
}

interface ValueScaleInput {
  builder: UPlotConfigBuilder;
  entry: ChartSeries;
  theme: GrafanaTheme2;
  overlays: OverlayContext;
  getTimeRange: () => TimeRange;
  placement: AxisPlacement;
}

/** A y scale whose range always takes in the overlays on it (targets, pace, forecast) — see yRange.ts. */
function addValueScale({ builder, entry, theme, overlays, getTimeRange, placement }: ValueScaleInput) {
  const { scaleKey, field } = entry;
  builder.addScale({
    scaleKey,
    orientation: ScaleOrientation.Vertical,
    direction: ScaleDirection.Up,
    range: (u: uPlot, dataMin: number | null, dataMax: number | null) => {
      const { marks, forecastMarks } = seriesOverlays(overlays);
      // The dashboard's range, not u.scales.x: uPlot sets that only after every scale's range is worked out.
      const inView = forecastsInView(forecastMarks.get(scaleKey) ?? [], getTimeRange().to.valueOf());
      const range = yRangeWithMarks(dataMin, dataMax, [...(marks.get(scaleKey) ?? []), ...inView]);
      overlays.offScale.set(scaleKey, range.offScale);
      return [field?.config.min ?? range.min, field?.config.max ?? range.max];
    },
  });
  builder.addAxis({
    scaleKey,
    placement,
    theme,
    // The field's decimals, as Grafana's time series passes them: with 0 (a count) only whole ticks are
    // labelled, never "2 2 2 1 1 1" for ticks 0.2 apart.
    decimals: field?.config.decimals,
    formatValue: (value, decimals) => formatFieldValue(field, value, decimals),
  });
}

function formatFieldValue(field: Field | undefined, value: number, decimals?: number | null): string {
  if (!field?.display) {
    return String(value);
  }
  return formattedValueToString(field.display(value, decimals ?? undefined));
}
