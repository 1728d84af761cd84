/**
 * The streaming dashboard benchmark (never a timed test), on /peer.html (tests/bench/page/dashboard.tsx says
 * what is mounted and streamed): twelve of our panels against twelve of Grafana's `TimeSeries` with thresholds,
 * 10k points each, one new point per panel per second.
 *
 * Busy time is the renderer main thread's: the DevTools protocol's Performance.getMetrics TaskDuration (every
 * task on the main thread: script, React, uPlot's canvas calls, style, layout) read before and after `TICKS`
 * ticks, per tick (= per second of streaming); ScriptDuration is printed beside it. Both kinds in the same page,
 * back to back, alternating which goes first; the ratio is the median of per-run ratios.
 */
import type { CDPSession, Page } from 'playwright-core';

import type { DashboardRequest } from './page/types';
import { collectPageErrors, launchChromium } from '../sandbox/browser';
import { startSandbox } from '../sandbox/server';

const PANELS = 12;
const COLUMNS = 3;
const TICKS = 8;
const INTERVAL_MS = 1000;
const RUNS = 3;
const KINDS = ['ours', 'timeseries'] as const;
type Kind = (typeof KINDS)[number];

export interface DashboardBench {
  /** Busy main-thread ms per second of streaming, per run, per kind. */
  taskMs: Record<Kind, number[]>;
  scriptMs: Record<Kind, number[]>;
  ratio: number;
  runs: number;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function metrics(cdp: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  const value = (name: string) => list.find((metric) => metric.name === name)?.value ?? NaN;
  return { task: value('TaskDuration'), script: value('ScriptDuration') };
}

async function busyPerTick(page: Page, cdp: CDPSession, subject: Kind): Promise<{ task: number; script: number }> {
  const request: DashboardRequest = {
    subject,
    panels: PANELS,
    columns: COLUMNS,
    points: 10_000,
    width: 440,
    height: 260,
  };
  await page.evaluate((input) => window.__okrPeer.dashboard!.mount(input), request);
  // Proof each panel drew its chart (and ours its three key results) before the clock starts.
  const count = (selector: string) => page.evaluate((css) => document.querySelectorAll(css).length, selector);
  await page
    .waitForFunction((panels) => document.querySelectorAll('#stage .uplot').length === panels, PANELS, {
      timeout: 15_000,
    })
    .catch(() => undefined);
  const drawn = {
    charts: await count('#stage .uplot'),
    keyResults: await count('#stage [data-testid="okr-kr-summary"]'),
  };
  if (drawn.charts !== PANELS || drawn.keyResults !== (subject === 'ours' ? 3 * PANELS : 0)) {
    throw new Error(`the ${subject} dashboard did not draw as intended: ${JSON.stringify(drawn)}`);
  }
  const before = await metrics(cdp);
  await page.evaluate(({ ticks, interval }) => window.__okrPeer.dashboard!.stream(ticks, interval), {
    ticks: TICKS,
    interval: INTERVAL_MS,
  });
  const after = await metrics(cdp);
  await page.evaluate(() => window.__okrPeer.dashboard!.unmount());
  return { task: ((after.task - before.task) * 1000) / TICKS, script: ((after.script - before.script) * 1000) / TICKS };
}

export async function runDashboardBench(): Promise<DashboardBench> {
  const { url, server } = await startSandbox(0, { bench: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1150 } });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${url}/peer.html`);
    await page.waitForFunction(() => window.__okrPeer?.state !== 'loading', undefined, { timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskMs: DashboardBench['taskMs'] = { ours: [], timeseries: [] };
    const scriptMs: DashboardBench['scriptMs'] = { ours: [], timeseries: [] };
    // A warm-up of each, then runs alternating which kind goes first.
    for (const kind of KINDS) {
      await busyPerTick(page, cdp, kind);
    }
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? KINDS : [...KINDS].reverse();
      for (const kind of order) {
        const busy = await busyPerTick(page, cdp, kind);
        taskMs[kind].push(busy.task);
        scriptMs[kind].push(busy.script);
      }
      if (pageErrors.length > 0) {
        throw new Error(`dashboard page errors: ${pageErrors.join(' | ')}`);
      }
    }
    const ratio = median(taskMs.ours.map((ms, i) => ms / taskMs.timeseries[i]));
    return { taskMs, scriptMs, ratio, runs: RUNS };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export function printDashboard(bench: DashboardBench): void {
  const ms = (values: number[]) => median(values).toFixed(1).padStart(6);
  console.log(
    `streaming dashboard: ${PANELS} panels × 10k points, one point per panel per second, ${TICKS} s per run, ` +
      `${bench.runs} runs; main-thread busy ms per second of streaming (DevTools TaskDuration: script, React, ` +
      `canvas calls, style, layout; ScriptDuration beside it), median; ratio = median of per-run ratios`
  );
  console.log('kind          busy  script');
  for (const kind of KINDS) {
    console.log(`${kind.padEnd(11)} ${ms(bench.taskMs[kind])}  ${ms(bench.scriptMs[kind])}`);
  }
  console.log(
    `goal, ours ≤ 1.2× TimeSeries: ${bench.ratio <= 1.2 ? 'met' : 'NOT met'} (${bench.ratio.toFixed(2)}×; ` +
      `per run ours ${bench.taskMs.ours.map((v) => v.toFixed(1)).join(', ')} vs ` +
      `${bench.taskMs.timeseries.map((v) => v.toFixed(1)).join(', ')} ms)`
  );
}

export function dashboardJson(bench: DashboardBench): Record<string, number> {
  const round = (value: number) => Number(value.toFixed(3));
  return {
    dashboardBusyRatioVsTimeSeries: round(bench.ratio),
    dashboardBusyMsPerSecondOurs: round(median(bench.taskMs.ours)),
    dashboardBusyMsPerSecondTimeSeries: round(median(bench.taskMs.timeseries)),
  };
}
