import React, { useMemo, useRef } from 'react';
import { AlignedData } from 'uplot';

import { DataFrame, TimeRange, TimeZone } from '@grafana/data';
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
  timeRangeRef.current = timeRange;

  const config = useMemo(
    () => buildChartConfig({ frame, theme, timeZone, getTimeRange: () => timeRangeRef.current }),
    // The config depends on the fields' identity and config, not on their values (new values only redraw).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fieldsSignature(frame), theme, timeZone]
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
