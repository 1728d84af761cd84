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
 * dashboard: twelve panels of one kind streaming (dashboard.tsx, driven by tests/bench/dashboard.ts).
 */
import '../../sandbox/host/bootData';
import { PanelPlugin } from '@grafana/data';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import React from 'react';
import { createRoot } from 'react-dom/client';

import { loadAmdModule } from '../../sandbox/host/amd';
import { registerStandardEditors } from '../../sandbox/host/registries';
import { sharedModules } from '../../sandbox/host/sharedModules';
import { mountDashboard, stream, unmountDashboard } from './dashboard';
import { idle, timeUntilDrawn } from './drawn';
import { Context, makeSeries, seriesFor, subjectOf, theme } from './subjects';
import type { DashboardRequest, PeerRequest, PeerResult, SubjectName } from './types';

declare global {
  interface Window {
    __okrPeer: {
      state: 'loading' | 'ready' | 'error';
      error?: string;
      run?: (request: PeerRequest) => Promise<PeerResult>;
      hold?: (request: PeerRequest, subject: SubjectName, plot: PeerResult['plot']) => Promise<void>;
      dashboard?: {
        mount: (request: DashboardRequest) => Promise<void>;
        stream: (ticks: number, intervalMs: number) => Promise<void>;
        unmount: () => void;
      };
    };
  }
}

window.__okrPeer = { state: 'loading' };

const MINUTE = 60_000;
const RESIZE_PX = 10;
const stage = document.getElementById('stage')!;

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
    dashboard: { mount: (request) => mountDashboard(plugin, request), stream, unmount: unmountDashboard },
  };
}

main().catch((error: unknown) => {
  window.__okrPeer = { state: 'error', error: error instanceof Error ? error.message : String(error) };
});
