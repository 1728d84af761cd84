import React, { useLayoutEffect, useMemo, useRef } from 'react';
import { AlignedData } from 'uplot';

import { DataFrame, TimeRange } from '@grafana/data';
import { TimeZone } from '@grafana/schema';
import { UPlotChart, useTheme2 } from '@grafana/ui';

import { testIds } from '../selectors';
import { buildChartConfig } from './buildChartConfig';

interface Props {
  frame: DataFrame;
  timeRange: TimeRange;
  timeZone: TimeZone;
  width: number;
  height: number;
}

/** The KPI series on a native Grafana uPlot chart. Config is rebuilt only when the frame's shape or theme changes. */
export function KpiChart({ frame, timeRange, timeZone, width, height }: Props) {
  const theme = useTheme2();
  const timeRangeRef = useRef(timeRange);
  useLayoutEffect(() => {
    timeRangeRef.current = timeRange;
  }, [timeRange]);

  // Rebuilt when the fields' names, types or config change, not when values do: new values only redraw,
  // so a live stream never re-creates the plot.
  const structure = fieldsSignature(frame);
  const config = useMemo(
    // uPlot calls getTimeRange when it draws, after render, so the ref is never read during render.
    // eslint-disable-next-line react-hooks/refs
    () => buildChartConfig({ frame, theme, timeZone, getTimeRange: () => timeRangeRef.current }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [structure, theme, timeZone]
  );
  const data = useMemo(() => frame.fields.map((field) => field.values) as AlignedData, [frame]);

  return (
    <div data-testid={testIds.chart}>
      <UPlotChart config={config} data={data} width={width} height={height} />
    </div>
  );
}

function fieldsSignature(frame: DataFrame): string {
  return JSON.stringify(frame.fields.map((field) => [field.name, field.type, field.state?.displayName, field.config]));
}
