import { css } from '@emotion/css';
import React, { useMemo } from 'react';

import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { KpiChart } from '../chart/KpiChart';
import { buildChartModel } from '../chart/chartModel';
import { evaluate } from '../okr';
import { testIds } from '../selectors';
import { OkrOptions } from '../types';
import { wallClock } from './clock';
import { interpolateOptions } from './interpolateOptions';
import { KeyResultSummary } from './KeyResultSummary';

const SUMMARY_ROW_HEIGHT = 32;

/**
 * PanelProps → the core's model (once per data or options change) → chart and key-result summaries.
 * Views only draw what evaluate() returned.
 */
export function OkrPanel(props: PanelProps<OkrOptions>) {
  const { data, options, timeRange, timeZone, width, height, replaceVariables, id, fieldConfig, onChangeTimeRange } = props;
  const styles = useStyles2(getStyles);
  const theme = useTheme2();

  const from = timeRange.from.valueOf();
  const to = timeRange.to.valueOf();
  const model = useMemo(
    () =>
      evaluate({
        options: interpolateOptions(options, replaceVariables),
        frames: data.series,
        timeRange: { from, to },
        timeZone,
        // As of the moment data or options changed; a dashboard refresh or a streamed frame moves it on.
        now: wallClock.now(),
      }),
    [options, replaceVariables, data.series, from, to, timeZone]
  );
  const chart = useMemo(() => buildChartModel(model, data.series, theme), [model, data.series, theme]);

  if (!chart) {
    return <PanelDataErrorView panelId={id} data={data} fieldConfig={fieldConfig} needsTimeField needsNumberField />;
  }

  const keyResults = model.objectives.flatMap((objective) => objective.keyResults);
  const summaryHeight = Math.min(height / 2, (keyResults.length + model.messages.length) * SUMMARY_ROW_HEIGHT);
  return (
    <div className={styles.panel} data-testid={testIds.panel}>
      <KpiChart chart={chart} timeRange={timeRange} timeZone={timeZone} width={width} height={height - summaryHeight} onZoom={onChangeTimeRange} />
      <div className={styles.summaries} style={{ height: summaryHeight }}>
        {model.messages.map((message) => (
          <div key={message} className={styles.message} data-testid={testIds.message}>
            {message}
          </div>
        ))}
        {keyResults.map((kr) => (
          <KeyResultSummary key={kr.id} keyResult={kr} />
        ))}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', overflow: 'hidden' }),
  summaries: css({ overflowY: 'auto' }),
  message: css({ color: theme.colors.warning.text, padding: theme.spacing(0.5, 1) }),
});
