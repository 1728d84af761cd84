/*
 * The subjects the peers' page times (peer.tsx says what each draws): prepare() runs before the clock starts;
 * mount, update and resize are what is timed.
 */
import * as grafanaData from '@grafana/data';
import { createTheme, FieldConfigSource, PanelData, PanelPlugin } from '@grafana/data';
import { LegendDisplayMode } from '@grafana/schema';
import { ThemeContext, TimeSeries, TooltipPlugin2 } from '@grafana/ui';
import React, { ComponentProps } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, Root } from 'react-dom/client';
import uPlot, { AlignedData } from 'uplot';

import { BenchedPanel } from '../../sandbox/host/BenchedPanel';
import { makeReplaceVariables, panelConfig, panelData } from '../../sandbox/host/benchPanel';
import type { PeerRequest, PeerResult, SubjectName } from './types';

const MINUTE = 60_000;
const TIME_ZONE = 'utc';
export const theme = createTheme({ colors: { mode: 'dark' } });
const stage = () => document.getElementById('stage')!;
const eventBus = new grafanaData.EventBusSrv();
const replaceVariables = makeReplaceVariables();

type Series = [times: number[], values: number[]];
/** Trend 100 → 150 plus 8 smooth waves of ±20 (bench.tsx's shape), or ±3 around 140 `cycles` times (flapping). */
export function makeSeries(points: number, end: number, phase: number, flap: number | null): Series {
  const times = new Array<number>(points);
  const values = new Array<number>(points);
  for (let i = 0; i < points; i++) {
    times[i] = end - (points - 1 - i) * MINUTE;
    values[i] =
      flap === null
        ? 100 + (50 * i) / points + 20 * Math.sin(phase + (16 * Math.PI * i) / points)
        : 140 + 3 * Math.sin(phase + (2 * Math.PI * flap * i) / points);
  }
  return [times, values];
}

function period(points: number, end: number) {
  const start = end - (points - 1) * MINUTE;
  return { from: new Date(start).toISOString(), to: new Date(end + (end - start) / 4).toISOString() };
}

function savedOptions(name: SubjectName, points: number, end: number): Record<string, unknown> {
  const span = period(points, end);
  const midpoint = new Date((Date.parse(span.from) + end) / 2).toISOString();
  const increase = {
    title: 'KPI to 160',
    series: 'kpi',
    period: span,
    kind: 'increase',
    baseline: 100,
    target: 160,
    milestones: [{ at: midpoint, value: 130 }],
  };
  const stayBelow = (target: number) => ({
    title: `KPI stays below ${target}`,
    series: 'kpi',
    period: span,
    kind: 'stayBelow',
    target,
  });
  const keyResults =
    name === 'ours'
      ? [
          increase,
          stayBelow(140),
          { ...stayBelow(0), title: 'KPI within 90–160', kind: 'stayWithin', target: 90, targetMax: 160 },
        ]
      : [increase, stayBelow(name === 'flap' ? 140 : 144)];
  return {
    schemaVersion: 2,
    objectives: [{ title: 'Grow the KPI', keyResults }],
    breaches: { minDurationSeconds: 0 },
    view: 'chart',
  };
}

const THRESHOLDS = {
  mode: grafanaData.ThresholdsMode.Absolute,
  steps: [
    { value: -Infinity, color: 'green' },
    { value: 150, color: 'red' },
  ],
};

const FIELD_CONFIG: FieldConfigSource = {
  defaults: { custom: { breachDirection: 'above' }, thresholds: THRESHOLDS },
  overrides: [],
};

/** Grafana's time series defaults (panelcfg), with thresholds as lines and areas. */
const TIME_SERIES_CONFIG: FieldConfigSource = {
  defaults: {
    color: { mode: grafanaData.FieldColorModeId.PaletteClassic },
    thresholds: THRESHOLDS,
    custom: {
      drawStyle: 'line',
      lineInterpolation: 'linear',
      lineWidth: 2,
      fillOpacity: 0,
      gradientMode: 'none',
      showPoints: 'auto',
      pointSize: 5,
      spanNulls: false,
      axisPlacement: 'auto',
      axisBorderShow: false,
      barAlignment: 0,
      scaleDistribution: { type: 'linear' },
      stacking: { mode: 'none', group: 'A' },
      thresholdsStyle: { mode: 'line+area' },
    },
  },
  overrides: [],
};

export interface Subject<Data> {
  prepare: (series: Series) => Data;
  mount: (data: Data) => void;
  update: (data: Data) => void;
  resize: (shrink: number) => void;
  destroy: () => void;
}

function frameOf([times, values]: Series): grafanaData.DataFrame {
  const { FieldType } = grafanaData;
  return grafanaData.dataFrameFromJSON({
    schema: {
      fields: [
        { name: 'time', type: FieldType.time },
        { name: 'kpi', type: FieldType.number },
      ],
    },
    data: { values: [times, values] },
  });
}

function timeRangeOf([times]: Series): grafanaData.TimeRange {
  const from = grafanaData.dateTime(times[0]);
  const to = grafanaData.dateTime(times[times.length - 1]);
  return { from, to, raw: { from, to } };
}

function panelSubject(
  plugin: PanelPlugin,
  name: SubjectName,
  request: PeerRequest,
  end: number,
  container: HTMLElement
): Subject<PanelData> {
  const { width, height, points } = request;
  const { options, fieldConfig } = panelConfig(plugin, {
    options: savedOptions(name, points, end),
    fieldConfig: FIELD_CONFIG,
  });
  return reactSubject(
    (series) =>
      panelData({
        plugin,
        frames: [frameOf(series)],
        fieldConfig,
        theme,
        timeZone: TIME_ZONE,
        timeRange: timeRangeOf(series),
        replaceVariables,
      }),
    (data, shrink) => (
      <BenchedPanel
        plugin={plugin}
        data={data}
        options={options}
        fieldConfig={fieldConfig}
        timeZone={TIME_ZONE}
        width={width - shrink}
        height={height - shrink}
        eventBus={eventBus}
        replaceVariables={replaceVariables}
      />
    ),
    container
  );
}

/** TooltipHoverMode.xAll, as KpiChart uses (the enum is not exported). */
const HOVER_ALL_SERIES = 1 as ComponentProps<typeof TooltipPlugin2>['hoverMode'];

function timeSeriesSubject(
  plugin: PanelPlugin,
  { width, height }: PeerRequest,
  container: HTMLElement
): Subject<PanelData> {
  return reactSubject(
    (series) =>
      panelData({
        plugin,
        frames: [frameOf(series)],
        fieldConfig: TIME_SERIES_CONFIG,
        theme,
        timeZone: TIME_ZONE,
        timeRange: timeRangeOf(series),
        replaceVariables,
      }),
    (data, shrink) => (
      <div style={{ width: width - shrink, height: height - shrink }}>
        <TimeSeries
          frames={data.series}
          width={width - shrink}
          height={height - shrink}
          timeRange={data.timeRange}
          timeZone={TIME_ZONE}
          legend={{ showLegend: true, displayMode: LegendDisplayMode.List, placement: 'bottom', calcs: [] }}
        >
          {(builder) => <TooltipPlugin2 config={builder} hoverMode={HOVER_ALL_SERIES} render={() => null} />}
        </TimeSeries>
      </div>
    ),
    container
  );
}

function reactSubject<Data>(
  prepare: (series: Series) => Data,
  element: (data: Data, shrink: number) => React.ReactElement,
  container: HTMLElement
): Subject<Data> {
  let root: Root | null = null;
  let current: Data | null = null;
  const render = (data: Data, shrink = 0) =>
    flushSync(() => {
      current = data;
      root!.render(<ThemeContext.Provider value={theme}>{element(data, shrink)}</ThemeContext.Provider>);
    });
  return {
    prepare,
    mount: (data) => {
      root = createRoot(container);
      render(data);
    },
    update: render,
    resize: (shrink) => render(current!, shrink),
    destroy: () => {
      root?.unmount();
      root = null;
    },
  };
}

function bareSubject(plot: PeerResult['plot'], container: HTMLElement): Subject<AlignedData> {
  const options: uPlot.Options = {
    ...plot,
    ms: 1,
    legend: { show: false },
    scales: { x: { time: true } },
    series: [{}, { stroke: theme.visualization.getColorByName(theme.visualization.palette[0]), width: 2 }],
  };
  let chart: uPlot | null = null;
  return {
    prepare: (series) => series,
    mount: (data) => {
      chart = new uPlot(options, data, container);
    },
    update: (data) => chart!.setData(data),
    resize: (shrink) => chart!.setSize({ width: plot.width - shrink, height: plot.height - shrink }),
    destroy: () => {
      chart?.destroy();
      chart = null;
    },
  };
}

export interface Context {
  plugin: PanelPlugin;
  request: PeerRequest;
  end: number;
  plot: PeerResult['plot'];
  /** Where the subject mounts: the stage unless given (the dashboard mounts twelve side by side). */
  container?: HTMLElement;
}

export function subjectOf(name: SubjectName, { plugin, request, end, plot, container }: Context): Subject<unknown> {
  const into = container ?? stage();
  switch (name) {
    case 'bare':
      return bareSubject(plot, into) as Subject<unknown>;
    case 'timeseries':
      return timeSeriesSubject(plugin, request, into) as Subject<unknown>;
    default:
      return panelSubject(plugin, name, request, end, into) as Subject<unknown>;
  }
}

export const seriesFor = (name: SubjectName, { points, cycles }: PeerRequest, end: number, phase: number) =>
  makeSeries(points, end, phase, name === 'flap' || name === 'calm' ? cycles : null);
