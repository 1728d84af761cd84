/*
 * The second render-benchmark page (/peer.html), driven by tests/bench/peer.ts. Never a test: no assertions.
 * It adds what tests/sandbox/host/bench.tsx does not measure, with the same definition of "drawn" (copied from
 * there, where it is explained: uPlot's full-canvas clearRect, then one macrotask, a forced layout and a 1×1
 * getImageData per canvas) and the same panel props:
 * - ours: the BUILT panel (dist/module.js), chart view, with three key results (an increase with a milestone, a
 *   stayBelow the data crosses, a stayWithin band) and breaches above the field's thresholds;
 * - flap / calm: the panel on a KPI flapping around 140 (`cycles` times over the frame), with a stayBelow 140
 *   (one breach per cycle) or a stayBelow 144 that the data never crosses (no breach): the same chart otherwise;
 * - bare: `new uPlot(opts, data, el)`, one series of width 2, legend off, at the size of our panel's plot;
 * - timeseries: Grafana's own `TimeSeries` (@grafana/ui, GraphNG: preparePlotFrame on every new frame) at our
 *   panel's size, with its legend and tooltip as Grafana's time series panel has them, and the same thresholds
 *   drawn as lines and areas (`custom.thresholdsStyle.mode: line+area`).
 * first = mount until drawn; redraw = a new frame of the same size until drawn (the panels evaluate / align it;
 * bare: u.setData); resize = the same data 10 px narrower and lower.
 * hold() keeps one subject mounted (bare uPlot at the plot size given) so tests/bench/peer.ts can read the heap it holds.
 */
import '../../sandbox/host/bootData';
import * as grafanaData from '@grafana/data';
import { createTheme, FieldConfigSource, PanelData, PanelPlugin } from '@grafana/data';
import { LegendDisplayMode } from '@grafana/schema';
import { GlobalStyles, ThemeContext, TimeSeries, TooltipPlugin2 } from '@grafana/ui';
import React, { ComponentProps } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, Root } from 'react-dom/client';
import uPlot, { AlignedData } from 'uplot';

import { loadAmdModule } from '../../sandbox/host/amd';
import { makeReplaceVariables, panelConfig, panelData } from '../../sandbox/host/benchPanel';
import { registerStandardEditors } from '../../sandbox/host/registries';
import { sharedModules } from '../../sandbox/host/sharedModules';

export const SUBJECTS = ['ours', 'flap', 'calm', 'bare', 'timeseries'] as const;
export type SubjectName = (typeof SUBJECTS)[number];

export interface PeerRequest {
  points: number;
  width: number;
  height: number;
  repeats: number;
  subjects: SubjectName[];
  /** flap / calm: how many times the KPI crosses 140 and back over the frame (one breach each for flap). */
  cycles: number;
}

export interface PeerSamples {
  first: number[];
  redraw: number[];
  resize: number[];
  lateDraws: number;
}

export interface PeerResult {
  samples: Partial<Record<SubjectName, PeerSamples>>;
  /** Our panel's uPlot size, which bare uPlot gets. */
  plot: { width: number; height: number };
  /** data-* of our panels' key-result summaries after each warm-up: proof the overlays had work to do. */
  keyResults: Partial<Record<SubjectName, Array<Record<string, string | undefined>>>>;
}

declare global {
  interface Window {
    __okrPeer: {
      state: 'loading' | 'ready' | 'error';
      error?: string;
      run?: (request: PeerRequest) => Promise<PeerResult>;
      hold?: (request: PeerRequest, subject: SubjectName, plot: PeerResult['plot']) => Promise<void>;
    };
  }
}

window.__okrPeer = { state: 'loading' };

const MINUTE = 60_000;
const TIME_ZONE = 'utc';
const RESIZE_PX = 10;
const theme = createTheme({ colors: { mode: 'dark' } });
const stage = document.getElementById('stage')!;
const eventBus = new grafanaData.EventBusSrv();
const replaceVariables = makeReplaceVariables();

type Series = [times: number[], values: number[]];

/** Trend 100 → 150 plus 8 smooth waves of ±20 (bench.tsx's shape), or ±3 around 140 `cycles` times (flapping). */
function makeSeries(points: number, end: number, phase: number, flap: number | null): Series {
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

interface Subject<Data> {
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

function panelSubject(plugin: PanelPlugin, name: SubjectName, request: PeerRequest, end: number): Subject<PanelData> {
  const Panel = plugin.panel!;
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
      <div style={{ width: width - shrink, height: height - shrink }}>
        <Panel
          id={1}
          data={data}
          timeRange={data.timeRange}
          timeZone={TIME_ZONE}
          options={options}
          fieldConfig={fieldConfig}
          transparent={false}
          width={width - shrink}
          height={height - shrink}
          renderCounter={0}
          title="OKR Overlay"
          eventBus={eventBus}
          onOptionsChange={() => {}}
          onFieldConfigChange={() => {}}
          replaceVariables={replaceVariables}
          onChangeTimeRange={() => {}}
        />
      </div>
    )
  );
}

/** TooltipHoverMode.xAll, as KpiChart uses (the enum is not exported). */
const HOVER_ALL_SERIES = 1 as ComponentProps<typeof TooltipPlugin2>['hoverMode'];

function timeSeriesSubject(plugin: PanelPlugin, { width, height }: PeerRequest): Subject<PanelData> {
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
    )
  );
}

function reactSubject<Data>(
  prepare: (series: Series) => Data,
  element: (data: Data, shrink: number) => React.ReactElement
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
      root = createRoot(stage);
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

function bareSubject(plot: PeerResult['plot']): Subject<AlignedData> {
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
      chart = new uPlot(options, data, stage);
    },
    update: (data) => chart!.setData(data),
    resize: (shrink) => chart!.setSize({ width: plot.width - shrink, height: plot.height - shrink }),
    destroy: () => {
      chart?.destroy();
      chart = null;
    },
  };
}

// --- "drawn", as bench.tsx defines it ---

const channel = new MessageChannel();
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
const idle = () => new Promise((resolve) => setTimeout(resolve, 100));

let draws = 0;
let onDraw: (() => void) | null = null;
const clearRect = CanvasRenderingContext2D.prototype.clearRect;
CanvasRenderingContext2D.prototype.clearRect = function (x: number, y: number, w: number, h: number) {
  clearRect.call(this, x, y, w, h);
  if (x === 0 && y === 0 && w === this.canvas.width && h === this.canvas.height) {
    draws++;
    onDraw?.();
  }
};

async function timeUntilDrawn(action: () => void): Promise<{ ms: number; drawsAfter: number }> {
  const before = draws;
  let timer = 0;
  const drawStarted = new Promise<void>((resolve, reject) => {
    onDraw = resolve;
    timer = window.setTimeout(() => reject(new Error('no uPlot draw within 30 s')), 30_000);
  });
  const started = performance.now();
  action();
  if (draws === before) {
    await drawStarted;
  }
  clearTimeout(timer);
  onDraw = null;
  await nextTask();
  stage.getBoundingClientRect();
  for (const canvas of stage.querySelectorAll('canvas')) {
    canvas.getContext('2d')!.getImageData(0, 0, 1, 1);
  }
  const ms = performance.now() - started;
  const drawn = draws;
  await idle();
  return { ms, drawsAfter: draws - drawn };
}

// --- runs ---

interface Context {
  plugin: PanelPlugin;
  request: PeerRequest;
  end: number;
  plot: PeerResult['plot'];
}

function subjectOf(name: SubjectName, { plugin, request, end, plot }: Context): Subject<unknown> {
  switch (name) {
    case 'bare':
      return bareSubject(plot) as Subject<unknown>;
    case 'timeseries':
      return timeSeriesSubject(plugin, request) as Subject<unknown>;
    default:
      return panelSubject(plugin, name, request, end) as Subject<unknown>;
  }
}

const seriesFor = (name: SubjectName, { points, cycles }: PeerRequest, end: number, phase: number) =>
  makeSeries(points, end, phase, name === 'flap' || name === 'calm' ? cycles : null);

async function measure(name: SubjectName, context: Context, seed: number, inspect?: () => void) {
  const subject = subjectOf(name, context);
  const first = subject.prepare(seriesFor(name, context.request, context.end, seed));
  const next = subject.prepare(seriesFor(name, context.request, context.end, seed + 0.5));
  await idle();
  const mounted = await timeUntilDrawn(() => subject.mount(first));
  const redrawn = await timeUntilDrawn(() => subject.update(next));
  inspect?.();
  const resized = await timeUntilDrawn(() => subject.resize(RESIZE_PX));
  subject.destroy();
  return {
    first: mounted.ms,
    redraw: redrawn.ms,
    resize: resized.ms,
    lateDraws: mounted.drawsAfter + redrawn.drawsAfter + resized.drawsAfter,
  };
}

const summaries = () =>
  Array.from(stage.querySelectorAll<HTMLElement>('[data-testid="okr-kr-summary"]'), (element) => ({
    ...element.dataset,
  }));

async function run(plugin: PanelPlugin, request: PeerRequest): Promise<PeerResult> {
  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  const context: Context = { plugin, request, end, plot: { width: 0, height: 0 } };
  const result: PeerResult = { samples: {}, plot: context.plot, keyResults: {} };
  // Warm-ups; the first panel's also finds the plot size bare uPlot gets.
  for (const name of request.subjects) {
    await measure(name, context, 0, () => {
      if (name !== 'bare' && name !== 'timeseries') {
        result.keyResults[name] = summaries();
        if (context.plot.width === 0) {
          const { width, height } = stage.querySelector('.uplot')!.getBoundingClientRect();
          context.plot = result.plot = { width, height };
        }
      }
    });
    result.samples[name] = { first: [], redraw: [], resize: [], lateDraws: 0 };
  }
  for (let repeat = 1; repeat <= request.repeats; repeat++) {
    for (const name of request.subjects) {
      const { first, redraw, resize, lateDraws } = await measure(name, context, repeat);
      const samples = result.samples[name]!;
      samples.first.push(first);
      samples.redraw.push(redraw);
      samples.resize.push(resize);
      samples.lateDraws += lateDraws;
    }
  }
  return result;
}

/** Mounts one subject on fresh data and keeps it, with its data, for a heap reading. */
async function hold(plugin: PanelPlugin, request: PeerRequest, name: SubjectName, plot: PeerResult['plot']) {
  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  const series = makeSeries(request.points, end, 1, null);
  const subject = subjectOf(name, { plugin, request, end, plot });
  const data = subject.prepare(series);
  await timeUntilDrawn(() => subject.mount(data));
  (window as unknown as { __held: unknown }).__held = { series, data, subject };
}

async function main() {
  registerStandardEditors();
  createRoot(document.getElementById('styles')!).render(
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
    </ThemeContext.Provider>
  );
  const loaded = await loadAmdModule('/dist/module.js', sharedModules);
  const plugin = loaded.exports.plugin;
  if (!(plugin instanceof PanelPlugin) || !plugin.panel) {
    throw new Error('dist/module.js does not export a PanelPlugin named "plugin" with a panel');
  }
  window.__okrPeer = {
    state: 'ready',
    run: (request) => run(plugin, request),
    hold: (request, name, plot) => hold(plugin, request, name, plot),
  };
}

main().catch((error: unknown) => {
  window.__okrPeer = { state: 'error', error: error instanceof Error ? error.message : String(error) };
});
