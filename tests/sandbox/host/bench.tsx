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
 *   at the size of the uPlot canvas inside our panel.
 * first = mount until drawn; redraw = new arrays of the same size until drawn (ours: the panel re-rendered with
 * new PanelData, as a dashboard refresh; bare: u.setData). Data, frames and PanelData are built before the clock
 * starts, and garbage is collected (then 100 ms idle) before each timed step when render.ts provides
 * __okrCollectGarbage.
 *
 * "Drawn", identical for both: the action runs synchronously (React through flushSync, which also runs the
 * effects), then one macrotask turn (a MessageChannel message: every microtask has run, and uPlot commits its
 * draw in one), then a forced layout and a 1×1 getImageData on every canvas, which rasterises the queued
 * canvas commands. No animation-frame wait: it would round every time up to a 16.7 ms frame.
 */
import './bootData';
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import { createTheme, FieldConfigSource, PanelData, PanelPlugin } from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import i18next from 'i18next';
import * as lodash from 'lodash';
import moment from 'moment';
import React from 'react';
import * as ReactDOM from 'react-dom';
import { flushSync } from 'react-dom';
import { createRoot, Root } from 'react-dom/client';
import * as jsxDevRuntime from 'react/jsx-dev-runtime';
import * as jsxRuntime from 'react/jsx-runtime';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';
import uPlot, { AlignedData } from 'uplot';

import { loadAmdModule, ModuleRegistry } from './amd';
import { framesFromJson, makeReplaceVariables, panelData, panelFieldConfig, panelOptions } from './fixture';
import { registerStandardEditors } from './registries';

/** The same shared packages as main.tsx's sharedModules (Grafana's externals for plugins). */
const sharedModules: ModuleRegistry = {
  react: React,
  'react-dom': ReactDOM,
  'react/jsx-runtime': jsxRuntime,
  'react/jsx-dev-runtime': jsxDevRuntime,
  '@grafana/data': grafanaData,
  '@grafana/ui': grafanaUi,
  '@grafana/runtime': grafanaRuntime,
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  lodash,
  moment,
  rxjs,
  'rxjs/operators': rxjsOperators,
  i18next,
};

export interface BenchRequest {
  points: number;
  width: number;
  height: number;
  repeats: number;
}

export interface BenchSamples {
  first: number[];
  redraw: number[];
}

export interface BenchResult {
  ours: BenchSamples;
  bare: BenchSamples;
  /** The uPlot size inside our panel (the KR summaries take the rest), which the bare plot gets too. */
  plot: { width: number; height: number };
  /** data-* of our panel's key-result summaries after the warm-up: proof the overlays had work to do. */
  keyResults: Array<Record<string, string | undefined>>;
}

declare global {
  interface Window {
    __okrBench: { state: 'loading' | 'ready' | 'error'; error?: string; run?: (request: BenchRequest) => Promise<BenchResult> };
    __okrCollectGarbage?: () => Promise<void>;
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
    schemaVersion: 1,
    objectives: [
      {
        title: 'Grow the KPI',
        keyResults: [
          { title: 'KPI to 160', series: 'kpi', period, kind: 'increase', baseline: 100, target: 160, milestones: [{ at: midpoint, value: 130 }] },
          { title: 'KPI stays below 140', series: 'kpi', period, kind: 'stayBelow', target: 140 },
        ],
      },
    ],
    breaches: { thresholds: 'above', minDurationSeconds: 0 },
  };
}

const FIELD_CONFIG: FieldConfigSource = {
  defaults: {
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

/** One way of drawing: prepare() runs before the clock starts; mount/update/destroy are what is timed. */
interface Subject<Data> {
  prepare: (series: Series) => Data;
  mount: (data: Data) => void;
  update: (data: Data) => void;
  destroy: () => void;
}

function oursSubject(plugin: PanelPlugin, { points, width, height }: BenchRequest, end: number): Subject<PanelData> {
  const Panel = plugin.panel!;
  const options = panelOptions(plugin, savedOptions(points, end));
  const fieldConfig = panelFieldConfig(plugin, FIELD_CONFIG);
  const replaceVariables = makeReplaceVariables();
  let root: Root | null = null;
  const render = (data: PanelData) =>
    flushSync(() =>
      root!.render(
        <ThemeContext.Provider value={theme}>
          <div style={{ width, height }}>
            <Panel
              id={1}
              data={data}
              timeRange={data.timeRange}
              timeZone={TIME_ZONE}
              options={options}
              fieldConfig={fieldConfig}
              transparent={false}
              width={width}
              height={height}
              renderCounter={0}
              title="OKR Overlay"
              eventBus={eventBus}
              onOptionsChange={() => {}}
              onFieldConfigChange={() => {}}
              replaceVariables={replaceVariables}
              onChangeTimeRange={() => {}}
            />
          </div>
        </ThemeContext.Provider>
      )
    );
  return {
    prepare: ([times, values]) => {
      const { FieldType } = grafanaData;
      const frame = { schema: { fields: [{ name: 'time', type: FieldType.time }, { name: 'kpi', type: FieldType.number }] }, data: { values: [times, values] } };
      const from = times[0];
      const to = times[times.length - 1];
      const timeRange = { from: grafanaData.dateTime(from), to: grafanaData.dateTime(to), raw: { from: grafanaData.dateTime(from), to: grafanaData.dateTime(to) } };
      return panelData({ plugin, frames: framesFromJson([frame]), fieldConfig, theme, timeZone: TIME_ZONE, timeRange, replaceVariables });
    },
    mount: (data) => {
      root = createRoot(stage);
      render(data);
    },
    update: render,
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
    destroy: () => {
      chart?.destroy();
      chart = null;
    },
  };
}

const channel = new MessageChannel();

function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

async function timeUntilDrawn(action: () => void): Promise<number> {
  await window.__okrCollectGarbage?.();
  // Let the collector's background threads finish (2 cores): timed work right after a GC runs ~2× slower.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  action();
  await nextTask();
  stage.getBoundingClientRect();
  for (const canvas of stage.querySelectorAll('canvas')) {
    canvas.getContext('2d')!.getImageData(0, 0, 1, 1);
  }
  return performance.now() - started;
}

async function measure<Data>(subject: Subject<Data>, request: BenchRequest, end: number, seed: number, inspect?: () => void) {
  const first = subject.prepare(makeSeries(request.points, end, seed));
  const next = subject.prepare(makeSeries(request.points, end, seed + 0.5));
  const firstMs = await timeUntilDrawn(() => subject.mount(first));
  const redrawMs = await timeUntilDrawn(() => subject.update(next));
  inspect?.();
  subject.destroy();
  return { first: firstMs, redraw: redrawMs };
}

async function run(plugin: PanelPlugin, request: BenchRequest): Promise<BenchResult> {
  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  const result: BenchResult = { ours: { first: [], redraw: [] }, bare: { first: [], redraw: [] }, plot: { width: 0, height: 0 }, keyResults: [] };
  const ours = oursSubject(plugin, request, end);
  // The warm-up also finds the size of our panel's plot, and what its key results made of the data.
  await measure(ours, request, end, 0, () => {
    const { width, height } = stage.querySelector('.uplot')!.getBoundingClientRect();
    result.plot = { width, height };
    result.keyResults = Array.from(stage.querySelectorAll<HTMLElement>('[data-testid="okr-kr-summary"]'), (element) => ({ ...element.dataset }));
  });
  const bare = bareSubject(result.plot);
  await measure(bare, request, end, 0);
  const record = (samples: BenchSamples, { first, redraw }: { first: number; redraw: number }) => {
    samples.first.push(first);
    samples.redraw.push(redraw);
  };
  for (let repeat = 1; repeat <= request.repeats; repeat++) {
    record(result.ours, await measure(ours, request, end, repeat));
    record(result.bare, await measure(bare, request, end, repeat));
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
