import {
  DataFrame,
  Field,
  formattedValueToString,
  getFieldSeriesColor,
  GrafanaTheme2,
  TimeRange,
} from '@grafana/data';
import { AxisPlacement, GraphDrawStyle, ScaleDirection, ScaleOrientation, TimeZone } from '@grafana/schema';
import { UPlotConfigBuilder } from '@grafana/ui';

import { isNumberField } from './prepareChartFrame';

interface ChartConfigInput {
  frame: DataFrame;
  theme: GrafanaTheme2;
  timeZone: TimeZone;
  /** Read at draw time, so a dashboard refresh moves the x range without rebuilding the config. */
  getTimeRange: () => TimeRange;
}

const X_SCALE = 'x';

/**
 * The uPlot config for the KPI chart, built the way Grafana's time series panel builds its own: a time
 * x scale pinned to the dashboard range, one y scale per unit, each series in its field colour.
 */
export function buildChartConfig({ frame, theme, timeZone, getTimeRange }: ChartConfigInput): UPlotConfigBuilder {
  const builder = new UPlotConfigBuilder(timeZone);
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
  builder.addAxis({ scaleKey: X_SCALE, isTime: true, placement: AxisPlacement.Bottom, timeZone, theme });

  const unitScales = new Set<string>();
  for (const field of frame.fields) {
    if (!isNumberField(field)) {
      continue;
    }
    const scaleKey = field.config.unit || '__fixed';
    if (!unitScales.has(scaleKey)) {
      addValueScale({ builder, scaleKey, field, theme, placement: unitScales.size === 0 ? AxisPlacement.Left : AxisPlacement.Right });
      unitScales.add(scaleKey);
    }
    builder.addSeries({
      scaleKey,
      theme,
      drawStyle: GraphDrawStyle.Line,
      lineColor: getFieldSeriesColor(field, theme).color,
      lineWidth: 2,
      fillOpacity: 0,
      spanNulls: false,
      show: !field.config.custom?.hideFrom?.viz,
    });
  }
  return builder;
}

interface ValueScaleInput {
  builder: UPlotConfigBuilder;
  scaleKey: string;
  field: Field;
  theme: GrafanaTheme2;
  placement: AxisPlacement;
}

function addValueScale({ builder, scaleKey, field, theme, placement }: ValueScaleInput) {
  builder.addScale({
    scaleKey,
    orientation: ScaleOrientation.Vertical,
    direction: ScaleDirection.Up,
    min: field.config.min,
    max: field.config.max,
  });
  builder.addAxis({
    scaleKey,
    placement,
    theme,
    formatValue: (value, decimals) => formatFieldValue(field, value, decimals),
  });
}

function formatFieldValue(field: Field, value: number, decimals?: number | null): string {
  if (!field.display) {
    return String(value);
  }
  return formattedValueToString(field.display(value, decimals ?? undefined));
}
