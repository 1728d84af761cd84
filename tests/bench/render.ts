/**
 * Render benchmark (never a timed test): our panel, with every overlay switched on, against bare uPlot drawing
 * the same points at the same size, in the same headless Chromium page (tests/sandbox/host/bench.tsx says what
 * is drawn and how "drawn" is defined). First draw (mount), redraw (a new frame) and resize (the same data drawn
 * again) at 10k, 100k and 1M points.
 *
 * Each repeat measures ours, bare and Grafana's own uPlot chart back to back; a row reports each side's median
 * time and each ratio as the median of the per-repeat ratios, so drift between repeats cancels. One warm-up
 * per side.
 * Also reports the gzipped size of dist/module.js. Builds dist/ with `npm run build` when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import type { BenchRequest, BenchResult } from '../sandbox/host/bench';
import { collectPageErrors, launchChromium } from '../sandbox/browser';
import { ROOT, startSandbox } from '../sandbox/server';

const SIZES: Array<{ points: number; label: string; repeats: number }> = [
  { points: 10_000, label: '10k', repeats: 15 },
  { points: 100_000, label: '100k', repeats: 9 },
  { points: 1_000_000, label: '1M', repeats: 9 },
];
const PANEL = { width: 900, height: 500 };

/** first: mount with a new frame; redraw: a new frame (the core evaluates it); resize: the same data redrawn. */
export const PHASES = ['first', 'redraw', 'resize'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseTiming {
  msOurs: number;
  msUplot: number;
  /** Median of the per-repeat ratios ours / bare. */
  ratio: number;
  /** Grafana's own uPlot chart (UPlotConfigBuilder + UPlotChart) on the same data, no overlays. */
  msGrafana: number;
  /** Median of the per-repeat ratios ours / Grafana's chart: what the OKR panel adds. */
  ratioVsGrafana: number;
}

export interface RenderRow {
  label: string;
  points: number;
  repeats: number;
  phases: Record<Phase, PhaseTiming>;
  /** uPlot draws that came after "drawn" (see bench.tsx): work the timings missed; should be 0. */
  lateDraws: number;
}

export interface RenderBench {
  rows: RenderRow[];
  plot: BenchResult['plot'];
  keyResults: BenchResult['keyResults'];
  moduleGzipKiB: number;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const pairedRatio = (ours: number[], bare: number[]) => median(ours.map((ms, i) => ms / bare[i]));

export async function runRenderBench(): Promise<RenderBench> {
  const modulePath = path.join(ROOT, 'dist/module.js');
  if (!existsSync(modulePath)) {
    // The build's output goes to stderr: stdout is the benchmark's table and JSON line.
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (build.status !== 0) {
      throw new Error('`npm run build` failed');
    }
  }
  const moduleGzipKiB = gzipSync(readFileSync(modulePath), { level: 9 }).length / 1024;

  const { url, server } = await startSandbox(0, { bench: true });
  const browser = await launchChromium();
  try {
    // The page holds only the panel (its chart view: legend under the plot).
    const page = await browser.newPage({ viewport: { width: 960, height: 720 } });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${url}/bench.html`);
    await page.waitForFunction(() => window.__okrBench?.state !== 'loading', undefined, { timeout: 60_000 });
    const rows: RenderRow[] = [];
    let last: BenchResult | null = null;
    for (const { points, label, repeats } of SIZES) {
      const request: BenchRequest = { points, repeats, ...PANEL };
      const result = await page.evaluate(async (input) => {
        if (!window.__okrBench.run) {
          throw new Error(`bench page: ${window.__okrBench.error ?? 'not ready'}`);
        }
        return window.__okrBench.run(input);
      }, request);
      if (pageErrors.length > 0) {
        throw new Error(`bench page errors: ${pageErrors.join(' | ')}`);
      }
      assertOverlaysHadWork(result.keyResults);
      const { ours, bare, grafana } = result;
      const timing = (phase: Phase): PhaseTiming => ({
        msOurs: median(ours[phase]),
        msUplot: median(bare[phase]),
        ratio: pairedRatio(ours[phase], bare[phase]),
        msGrafana: median(grafana[phase]),
        ratioVsGrafana: pairedRatio(ours[phase], grafana[phase]),
      });
      rows.push({
        label,
        points,
        repeats,
        phases: { first: timing('first'), redraw: timing('redraw'), resize: timing('resize') },
        lateDraws: ours.lateDraws + bare.lateDraws + grafana.lateDraws,
      });
      last = result;
    }
    return { rows, plot: last!.plot, keyResults: last!.keyResults, moduleGzipKiB };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The bench is only meaningful if both key results evaluated and the stayBelow one found several breaches. */
function assertOverlaysHadWork(keyResults: BenchResult['keyResults']): void {
  const statuses = keyResults.map((kr) => kr.status);
  const breaches = Number(keyResults.find((kr) => kr.title === 'KPI stays below 140')?.breachCount);
  if (
    keyResults.length !== 2 ||
    statuses.some((status) => status === 'invalid' || status === 'noData') ||
    !(breaches >= 2)
  ) {
    throw new Error(`bench panel did not evaluate as intended: ${JSON.stringify(keyResults)}`);
  }
}
