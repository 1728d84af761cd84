import { css } from '@emotion/css';
import React, { ReactNode, useMemo } from 'react';

import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { ErrorBoundaryAlert, useStyles2, useTheme2 } from '@grafana/ui';

import { ChartModel, buildChartModel, targetSeriesNames } from '../chart/chartModel';
import { KpiCharts, stackedKeyResultIds } from '../chart/KpiCharts';
import { trackAsKeyResult } from '../editor/model/firstKeyResult';
import { buildCatalog, evaluate, KeyResultModel, PanelModel, seriesFrames } from '../okr';
import { Scorecard, WallView } from '../scorecard';
import { testIds } from '../selectors';
import { OkrOptions } from '../types';
import { wallClock } from '../display/clock';
import { KeyResultSummary, SUMMARY_LINE_PX, summaryLines } from '../display/KeyResultSummary';
import { useInterpolatedOptions } from './interpolateOptions';
import { choosePanelLayout, layoutWithoutChart, Size } from './layout';
import { TrackSeries } from './TrackSeries';

/**
 * PanelProps → the core's model (once per data or options change) → the views the layout picks.
 * Views only draw what evaluate() returned; each sits in its own error boundary.
 */
export function OkrPanel(props: PanelProps<OkrOptions>) {
  const { data, options, timeRange, timeZone, width, height, replaceVariables, id, fieldConfig, onOptionsChange } =
    props;
  const styles = useStyles2(getStyles);
  const theme = useTheme2();

  const from = timeRange.from.valueOf();
  const to = timeRange.to.valueOf();
  const interpolated = useInterpolatedOptions(options, replaceVariables);
  const model = useMemo(
    () =>
      evaluate({
        options: interpolated,
        frames: data.series,
        annotations: data.annotations,
        timeRange: { from, to },
        timeZone,
        // As of the moment data, options, variables or the range changed; a refresh or a streamed frame moves it on.
        now: wallClock.now(),
        // Field variables in `each` titles (${__field.labels.service}); Grafana's replaceVariables is stable.
        interpolate: replaceVariables,
      }),
    [interpolated, data.series, data.annotations, from, to, timeZone, replaceVariables]
  );
  // The okrQuery's and the check-in query's tables are never KPI series: not charted, not offered to track.
  const kpiFrames = useMemo(() => seriesFrames(interpolated, data.series), [interpolated, data.series]);
  const chart = useMemo(() => buildChartModel(model, kpiFrames, theme), [model, kpiFrames, theme]);
  const keyResults = useMemo(() => model.objectives.flatMap((objective) => objective.keyResults), [model]);
  const trackable = useMemo(
    () =>
      buildCatalog(kpiFrames)
        .candidates.filter((c) => c.field.values.length > 0 && !targetSeriesNames(model).has(c.displayName))
        .map((c) => ({
          displayName: c.displayName,
          thresholds: c.field.config.thresholds,
        })),
    [kpiFrames, model]
  );

  // Nothing to judge yet but series to offer: one click makes a series the first key result. With an
  // okrQuery set, its message (no such refId, no rows) is what the panel shows instead.
  if (!hasKeyResults(model) && !model.query && trackable.length > 0) {
    return <TrackSeries series={trackable} onTrack={(series) => onOptionsChange(trackAsKeyResult(options, series))} />;
  }

  // Grafana's "No data" / "missing a time field or a number field" only when we have nothing better to
  // say: with key results configured, each says why it has no series ("series 'valu' not found;
  // available: value"), which Grafana's view would hide (numbers sent as text are no number field).
  if (!chart && !hasKeyResults(model) && !model.query) {
    return <PanelDataErrorView panelId={id} data={data} fieldConfig={fieldConfig} needsTimeField needsNumberField />;
  }

  const chosen = choosePanelLayout(options.view, { width, height });
  const layout = chart ? chosen : layoutWithoutChart(chosen, { width, height });
  const chartView = (size: Size) => (
    <ChartView {...props} model={model} keyResults={keyResults} chart={chart} size={size} />
  );
  return (
    <div className={styles.panel} data-testid={testIds.panel} data-layout={layout.kind}>
      {layout.kind === 'chart' && chartView(layout.chart)}
      {layout.kind === 'scorecard' && (
        <Guarded name="scorecard">{<Scorecard model={model} timeZone={timeZone} {...layout.card} />}</Guarded>
      )}
      {layout.kind === 'wall' && (
        <Guarded name="wall view">
          {<WallView model={model} timeZone={timeZone} pageSeconds={model.wallPageSeconds} {...layout.card} />}
        </Guarded>
      )}
      {layout.kind === 'combined' && chart && (
        <div className={styles.combined} style={{ flexDirection: layout.direction }}>
          <Guarded name="chart">
            {/* The scorecard beside carries the key results' summaries. */}
            <KpiCharts {...chartProps(props, { model, keyResults, chart }, layout.chart)} headingSummaries={false} />
          </Guarded>
          <Guarded name="scorecard">
            <Scorecard model={model} timeZone={timeZone} {...layout.card} />
          </Guarded>
        </div>
      )}
    </div>
  );
}

function hasKeyResults(model: PanelModel): boolean {
  return model.objectives.some((objective) => objective.keyResults.length > 0);
}

interface Charted {
  model: PanelModel;
  /** The model's key results in order, one array per model (the stack of charts is memoised on it). */
  keyResults: KeyResultModel[];
  chart: ChartModel;
}

function chartProps(props: PanelProps<OkrOptions>, { model, keyResults, chart }: Charted, size: Size) {
  return {
    chart,
    layout: model.chartLayout,
    keyResults,
    timeRange: props.timeRange,
    timeZone: props.timeZone,
    onZoom: props.onChangeTimeRange,
    eventBus: props.eventBus,
    ...size,
  };
}

interface ChartViewProps extends PanelProps<OkrOptions> {
  model: PanelModel;
  keyResults: KeyResultModel[];
  /** null: nothing to draw, so the summary lines (with their messages) take the whole panel. */
  chart: ChartModel | null;
  size: Size;
}

/** The chart alone, with one compact summary line per key result under it (their machine-readable summaries). */
function ChartView({ model, keyResults, chart, size, ...props }: ChartViewProps) {
  const styles = useStyles2(getStyles);
  const messages = [...model.messages, ...model.objectives.flatMap((objective) => objective.messages)];
  // A key result heading its own chart (the stack) has its summary line there: the lines under the chart
  // are for the others (no series, no data) and the panel's messages.
  const stacked = useMemo(
    () => (chart ? stackedKeyResultIds(model.chartLayout, chart, keyResults) : new Set<string>()),
    [model.chartLayout, chart, keyResults]
  );
  const listed = keyResults.filter((kr) => !stacked.has(kr.id));
  const summaryHeight = chart
    ? Math.min(
        size.height / 2,
        (listed.reduce((sum, kr) => sum + summaryLines(kr), 0) + messages.length) * SUMMARY_LINE_PX
      )
    : size.height;
  return (
    <>
      {chart && (
        <Guarded name="chart">
          <KpiCharts
            {...chartProps(
              props,
              { model, keyResults, chart },
              { width: size.width, height: size.height - summaryHeight }
            )}
            headingSummaries
          />
        </Guarded>
      )}
      <div className={styles.summaries} style={{ height: summaryHeight }}>
        {messages.map((message) => (
          <div key={message} className={styles.message} data-testid={testIds.message}>
            {message}
          </div>
        ))}
        {listed.map((kr) => (
          <KeyResultSummary key={kr.id} keyResult={kr} />
        ))}
      </div>
    </>
  );
}

/** One view's failure is shown in its place as Grafana's alert box; the other views keep working. */
function Guarded({ name, children }: { name: string; children: ReactNode }) {
  return (
    <ErrorBoundaryAlert title={`The ${name} could not be drawn`} boundaryName={`okr-overlay-${name}`}>
      {children}
    </ErrorBoundaryAlert>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', overflow: 'hidden', height: '100%' }),
  combined: css({ display: 'flex', overflow: 'hidden' }),
  summaries: css({ overflowY: 'auto' }),
  message: css({ color: theme.colors.warning.text, padding: theme.spacing(0.5, 1) }),
});
