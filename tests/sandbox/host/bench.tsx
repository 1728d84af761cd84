/*
 * The render benchmark's page (/bench.html), driven by tests/bench/render.ts. Never a test: no assertions.
 *
 * window.__okrBench.run({ points, width, height, repeats }) draws the same wide frame (time + `kpi`, one sample
 * a minute) two ways in this page, interleaved (ours, bare, ours, bare, …) so drift hits both alike:
 * - ours: the BUILT plugin's panel (dist/module.js as AMD, as main.tsx loads it) with full PanelProps
 *   (fixture.ts: options merged over the defaults, applyFieldOverrides) and options that switch every overlay on:
 *   an increase KR with baseline, target and a milestone over an explicit period that is still running (pace,
 *   forecast), a stayBelow KR the values cross several times, and breaches above the field's thresholds;
 * - bare: `new uPlot(opts, data, el)` with the plain equivalent (time x in ms, one series of width 2, legend off)
 *   at the size of the uPlot canvas inside our panel;
 * - grafana: the same series through Grafana's own chart machinery (UPlotConfigBuilder with Grafana's axes,
 *   in UPlotChart) at that size, without panel, legend or overlays: what any Grafana uPlot panel pays, so the
 *   rest of "ours" is what the OKR panel adds.
 * first = mount until drawn; redraw = new arrays of the same size until drawn (ours: the panel re-rendered with
 * new PanelData, as a dashboard refresh, so the core evaluates the new frame; bare: u.setData); resize = the
 * same data drawn 10 px narrower and lower (ours: the panel re-rendered at the new size, nothing recomputed;
 * bare: u.setSize), which is the chart's drawing cost alone. Data, frames and PanelData are built before the clock
 * starts; every timed step is preceded and followed by 100 ms idle, so the collector's background work from one
 * step does not land in another. (Forcing a GC before each step, through CDP or --expose-gc, made both sides
 * 1.5–3× slower and noisier on this 2-core machine.)
 *
 * "Drawn", identical for both: the action runs (React through flushSync); then we wait for uPlot's next draw
 * of its canvas, which starts with a full-canvas clearRect (counted by a wrapper: the one way to see a draw
 * that works for both, whatever schedules it) and runs its draw hooks (our overlays) in the same task; then one macrotask turn (every microtask
 * has run), a forced layout and a 1×1 getImageData on every canvas, which rasterises the queued canvas
 * commands. Draws after that are counted as lateDraws. No animation-frame polling: it would round every
 * time up to a 16.7 ms frame.
 */
import './bootData';
import * as grafanaData from '@grafana/data';
import { createTheme, FieldConfigSource, PanelData, PanelPlugin } from '@grafana/data';
import * as grafanaSchema from '@grafana/schema';
import { GlobalStyles, ThemeContext, UPlotChart, UPlotConfigBuilder } from '@grafana/ui';
import React from 'react';
import { flushSync } from 'react-dom';
import { createRoot, Root } from 'react-dom/client';
import uPlot, { AlignedData } from 'uplot';

import { loadAmdModule } from './amd';
import { BenchedPanel } from './BenchedPanel';
import { makeReplaceVariables, panelConfig, panelData } from './benchPanel';
import { registerStandardEditors } from './registries';
import { sharedModules } from './sharedModules';
import { idle, timeUntilDrawn } from '../../bench/page/drawn';

export interface BenchRequest {
  points: number;
  width: number;
  height: number;
  repeats: number;
}

export interface BenchSamples {
  first: number[];
  redraw: number[];
  resize: number[];
  /** uPlot draws after "drawn" (within the 100 ms idle that follows): work the timings did not include. */
  lateDraws: number;
}

export interface BenchResult {
  ours: BenchSamples;
  bare: BenchSamples;
  grafana: BenchSamples;
  /** The uPlot size inside our panel (the KR summaries take the rest), which the bare plot gets too. */
  plot: { width: number; height: number };
  /** data-* of our panel's key-result summaries after the warm-up: proof the overlays had work to do. */
  keyResults: Array<Record<string, string | undefined>>;
}

declare global {
  interface Window {
    __okrBench: {
      state: 'loading' | 'ready' | 'error';
      error?: string;
      run?: (request: BenchRequest) => Promise<BenchResult>;
    };
  }
}

window.__okrBench = { state: 'loading' };

const MINUTE = 60_000;
const TIME_ZONE = 'utc';
const theme = createTheme({ colors: { mode: 'dark' } });
const stage = document.getElementById('stage')!;

type Series = [times: number[], values: number[]];

/** Trend 100 → 150 plus 8 smooth waves of ±20: crosses 140 (stayBelow) and 150 (threshold) often. */
function makeSeries(points: number, end: number, phase: number): Series {
  const times = new Array<number>(points);
  const values = new Array<number>(points);
  for (let i = 0; i < points; i++) {
    times[i] = end - (points - 1 - i) * MINUTE;
    values[i] = 100 + (50 * i) / points + 20 * Math.sin(phase + (16 * Math.PI * i) / points);
  }
  return [times, values];
}

/** The saved options: a period from the first sample to a quarter of the span past the last, which is "now". */
function savedOptions(points: number, end: number): Record<string, unknown> {
  const start = end - (points - 1) * MINUTE;
  const period = { from: new Date(start).toISOString(), to: new Date(end + (end - start) / 4).toISOString() };
  const midpoint = new Date((start + end) / 2).toISOString();
  return {
    schemaVersion: 2,
    objectives: [
      {
        title: 'Grow the KPI',
        keyResults: [
          {
            title: 'KPI to 160',
            series: 'kpi',
            period,
            kind: 'increase',
            baseline: 100,
            target: 160,
            milestones: [{ at: midpoint, value: 130 }],
          },
          { title: 'KPI stays below 140', series: 'kpi', period, kind: 'stayBelow', target: 140 },
        ],
      },
    ],
    breaches: { minDurationSeconds: 0 },
    // The chart alone, as the issue asks ("our chart with all overlays"); auto would add the scorecard beside it.
    view: 'chart',
  };
}

const FIELD_CONFIG: FieldConfigSource = {
  defaults: {
    custom: { breachDirection: 'above' },
    thresholds: {
      mode: grafanaData.ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: 150, color: 'red' },
      ],
    },
  },
  overrides: [],
};

/** One way of drawing: prepare() runs before the clock starts; mount, update and resize are what is timed. */
interface Subject<Data> {
  prepare: (series: Series) => Data;
  mount: (data: Data) => void;
  update: (data: Data) => void;
  /** Draws the current data again, `shrink` px narrower and lower than at mount. */
  resize: (shrink: number) => void;
  destroy: () => void;
}

const RESIZE_PX = 10;

function oursSubject(plugin: PanelPlugin, { points, width, height }: BenchRequest, end: number): Subject<PanelData> {
  const { options, fieldConfig } = panelConfig(plugin, {
    options: savedOptions(points, end),
    fieldConfig: FIELD_CONFIG,
  });
  const replaceVariables = makeReplaceVariables();
  const element = (data: PanelData, shrink: number) => (
    <ThemeContext.Provider value={theme}>
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
    </ThemeContext.Provider>
  );
  const prepare = ([times, values]: Series): PanelData => {
    const { FieldType } = grafanaData;
    const frame = {
      schema: {
        fields: [
          { name: 'time', type: FieldType.time },
          { name: 'kpi', type: FieldType.number },
        ],
      },
      data: { values: [times, values] },
    };
    const from = times[0];
    const to = times[times.length - 1];
    const timeRange = {
      from: grafanaData.dateTime(from),
      to: grafanaData.dateTime(to),
      raw: { from: grafanaData.dateTime(from), to: grafanaData.dateTime(to) },
    };
    // dataFrameFromJSON mutates its argument; this one is fresh (framesFromJson's structuredClone of 1M points takes ~0.5 s).
    return panelData({
      plugin,
      frames: [grafanaData.dataFrameFromJSON(frame)],
      fieldConfig,
      theme,
      timeZone: TIME_ZONE,
      timeRange,
      replaceVariables,
    });
  };
  return reactSubject(prepare, element);
}

/** A subject drawn by React into the stage: each action renders `element` synchronously (flushSync). */
function reactSubject<Data>(
  prepare: (series: Series) => Data,
  element: (data: Data, shrink: number) => React.ReactElement
): Subject<Data> {
  let root: Root | null = null;
  let current: Data | null = null;
  const render = (data: Data, shrink = 0) =>
    flushSync(() => {
      current = data;
      root!.render(element(data, shrink));
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

const eventBus = new grafanaData.EventBusSrv();

function bareSubject(plot: BenchResult['plot']): Subject<AlignedData> {
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

function grafanaSubject(plot: BenchResult['plot']): Subject<AlignedData> {
  const { AxisPlacement, GraphDrawStyle, ScaleDirection, ScaleOrientation } = grafanaSchema;
  const builder = new UPlotConfigBuilder(TIME_ZONE);
  builder.addScale({
    scaleKey: 'x',
    isTime: true,
    orientation: ScaleOrientation.Horizontal,
    direction: ScaleDirection.Right,
  });
  builder.addAxis({ scaleKey: 'x', isTime: true, placement: AxisPlacement.Bottom, timeZone: TIME_ZONE, theme });
  builder.addScale({ scaleKey: 'y', orientation: ScaleOrientation.Vertical, direction: ScaleDirection.Up });
  builder.addAxis({ scaleKey: 'y', placement: AxisPlacement.Left, theme });
  builder.addSeries({
    scaleKey: 'y',
    theme,
    drawStyle: GraphDrawStyle.Line,
    lineColor: theme.visualization.getColorByName(theme.visualization.palette[0]),
    lineWidth: 2,
    fillOpacity: 0,
    spanNulls: false,
  });
  return reactSubject<AlignedData>(
    (series) => series,
    (data, shrink) => (
      <UPlotChart config={builder} data={data} width={plot.width - shrink} height={plot.height - shrink} />
    )
  );
}

async function measure<Data>(
  subject: Subject<Data>,
  request: BenchRequest,
  end: number,
  seed: number,
  inspect?: () => void
): Promise<{ first: number; redraw: number; resize: number; lateDraws: number }> {
  const first = subject.prepare(makeSeries(request.points, end, seed));
  const next = subject.prepare(makeSeries(request.points, end, seed + 0.5));
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

async function run(plugin: PanelPlugin, request: BenchRequest): Promise<BenchResult> {
  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  const result: BenchResult = {
    ours: { first: [], redraw: [], resize: [], lateDraws: 0 },
    bare: { first: [], redraw: [], resize: [], lateDraws: 0 },
    grafana: { first: [], redraw: [], resize: [], lateDraws: 0 },
    plot: { width: 0, height: 0 },
    keyResults: [],
  };
  const ours = oursSubject(plugin, request, end);
  // The warm-up also finds the size of our panel's plot, and what its key results made of the data.
  await measure(ours, request, end, 0, () => {
    const { width, height } = stage.querySelector('.uplot')!.getBoundingClientRect();
    result.plot = { width, height };
    result.keyResults = Array.from(
      stage.querySelectorAll<HTMLElement>('[data-testid="okr-kr-summary"]'),
      (element) => ({ ...element.dataset })
    );
  });
  const bare = bareSubject(result.plot);
  await measure(bare, request, end, 0);
  const grafana = grafanaSubject(result.plot);
  await measure(grafana, request, end, 0);
  const record = (samples: BenchSamples, { first, redraw, resize, lateDraws }: Awaited<ReturnType<typeof measure>>) => {
    samples.first.push(first);
    samples.redraw.push(redraw);
    samples.resize.push(resize);
    samples.lateDraws += lateDraws;
  };
  for (let repeat = 1; repeat <= request.repeats; repeat++) {
    record(result.ours, await measure(ours, request, end, repeat));
    record(result.bare, await measure(bare, request, end, repeat));
    record(result.grafana, await measure(grafana, request, end, repeat));
  }
  return result;
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
  window.__okrBench = { state: 'ready', run: (request) => run(plugin, request) };
}

main().catch((error: unknown) => {
  window.__okrBench = { state: 'error', error: error instanceof Error ? error.message : String(error) };
});
