/*
 * The streaming dashboard on the peers' page (driven by tests/bench/dashboard.ts): `panels` panels of one kind
 * side by side, each on its own 10k-point series, then one new point per panel per tick, as a live query
 * streaming one point a second hands every panel a new frame. Both kinds go the same way: a new frame over the
 * grown arrays, Grafana's applyFieldOverrides (panelData), then the panel's props; ours is the BUILT panel
 * (chart view, three key results, breaches above the thresholds), the peer Grafana's `TimeSeries` with the same
 * thresholds drawn as lines and areas (subjects.tsx). The driver reads the main thread's busy time around
 * stream() through the DevTools protocol.
 */
import { PanelPlugin } from '@grafana/data';

import { idle } from './drawn';
import { makeSeries, subjectOf, type Subject } from './subjects';
import type { DashboardRequest } from './types';

const MINUTE = 60_000;

interface Streamed {
  subject: Subject<unknown>;
  times: number[];
  values: number[];
}

let mounted: Streamed[] = [];

export async function mountDashboard(plugin: PanelPlugin, request: DashboardRequest): Promise<void> {
  unmountDashboard();
  const stage = document.getElementById('stage')!;
  stage.style.display = 'grid';
  stage.style.gridTemplateColumns = `repeat(${request.columns}, ${request.width}px)`;
  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  const peer = { points: request.points, width: request.width, height: request.height, repeats: 0, cycles: 0 };
  for (let i = 0; i < request.panels; i++) {
    const container = document.createElement('div');
    stage.appendChild(container);
    const context = { plugin, request: { ...peer, subjects: [request.subject] }, end, plot: request, container };
    const subject = subjectOf(request.subject, context);
    // Each panel its own series (a phase apart), as a dashboard's panels show different KPIs.
    const [times, values] = makeSeries(request.points, end, i, null);
    subject.mount(subject.prepare([times.slice(), values.slice()]));
    mounted.push({ subject, times, values });
  }
  await idle();
}

/** `ticks` ticks `intervalMs` apart, each appending one point to every panel's series; resolves once idle after. */
export async function stream(ticks: number, intervalMs: number): Promise<void> {
  for (let tick = 0; tick < ticks; tick++) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    mounted.forEach(({ subject, times, values }, panel) => {
      const i = times.length;
      times.push(times[i - 1] + MINUTE);
      values.push(100 + 50 * (i / (i + 1)) + 20 * Math.sin(panel + i / 200));
      subject.update(subject.prepare([times.slice(), values.slice()]));
    });
  }
  await idle();
}

export function unmountDashboard(): void {
  mounted.forEach(({ subject }) => subject.destroy());
  mounted = [];
  const stage = document.getElementById('stage')!;
  stage.replaceChildren();
  stage.removeAttribute('style');
}
