/**
 * The peers' render benchmark (never a timed test), on /peer.html (tests/bench/page/peer.tsx says what each
 * subject draws and how "drawn" is defined):
 * - live size: 10k points, our panel with three key results against bare uPlot and Grafana's `TimeSeries`
 *   (thresholds as lines and areas), same data, same size;
 * - many breaches: the panel on a KPI flapping around its bound 10,000 times over 100k points, against the same
 *   chart whose bound the data never crosses (no breach); and one first render with 50,000 breaches;
 * - heap: the JS heap the page holds with a 1M-point chart mounted (data included; the empty page's heap
 *   subtracted, after a forced GC through CDP), ours against bare uPlot.
 * Every ratio is the median of per-repeat ratios measured back to back (drift cancels); times are medians.
 */
import type { CDPSession, Page } from 'playwright-core';

import type { PeerRequest, PeerResult, PeerSamples, SubjectName } from './page/types';
import { collectPageErrors, launchChromium } from '../sandbox/browser';
import { startSandbox } from '../sandbox/server';

const PANEL = { width: 900, height: 500 };
const PHASES = ['first', 'redraw', 'resize'] as const;
type Phase = (typeof PHASES)[number];

export interface PeerBench {
  /** ours (3 KRs) vs bare uPlot and vs TimeSeries at 10k points, per phase. */
  live: Record<Phase, { msOurs: number; msUplot: number; msTimeSeries: number; vsUplot: number; vsTimeSeries: number }>;
  liveRepeats: number;
  /** flap (10k breaches) vs calm (none), 100k points, per phase. */
  breaches: Record<Phase, { msFlap: number; msCalm: number; ratio: number }>;
  breachCount: number;
  breachRepeats: number;
  /** First render (mount) with 50k breaches, 250k points: median ms, and the breach count it drew. */
  first50k: { ms: number; breachCount: number };
  /** JS heap held at 1M points, data included, MB; ratio ours / bare. */
  heap: { mbOurs: number; mbUplot: number; ratio: number };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const paired = (a: number[], b: number[]) => median(a.map((ms, i) => ms / b[i]));

async function runOn(page: Page, request: PeerRequest): Promise<PeerResult> {
  return page.evaluate(async (input) => {
    if (!window.__okrPeer.run) {
      throw new Error(`peer page: ${window.__okrPeer.error ?? 'not ready'}`);
    }
    return window.__okrPeer.run(input);
  }, request);
}

function breachCountOf(result: PeerResult, name: SubjectName, title: string): number {
  return Number(result.keyResults[name]?.find((kr) => kr.title === title)?.breachCount);
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 2 ** 20;
}

/**
 * Heap with `name` mounted on 1M points minus the heap of the same fresh page with nothing held, median of
 * `repeats`: each reading in a new page, so nothing an earlier chart left remembered (the panel keeps its last
 * evaluation for a re-render) is counted on either side.
 */
async function heldHeap(
  open: () => Promise<Page>,
  name: SubjectName,
  plot: PeerResult['plot'],
  repeats: number
): Promise<number> {
  const request: PeerRequest = { points: 1_000_000, repeats: 0, subjects: [], cycles: 0, ...PANEL };
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const page = await open();
    const cdp = await page.context().newCDPSession(page);
    const empty = await heapMb(cdp);
    await page.evaluate(async ({ input, subject, size }) => window.__okrPeer.hold!(input, subject, size), {
      input: request,
      subject: name,
      size: plot,
    });
    samples.push((await heapMb(cdp)) - empty);
    await page.close();
  }
  return median(samples);
}

export async function runPeerBench(): Promise<PeerBench> {
  const { url, server } = await startSandbox(0, { bench: true });
  const browser = await launchChromium();
  try {
    const open = async () => {
      const opened = await browser.newPage({ viewport: { width: 960, height: 720 } });
      await opened.goto(`${url}/peer.html`);
      await opened.waitForFunction(() => window.__okrPeer?.state !== 'loading', undefined, { timeout: 60_000 });
      return opened;
    };
    const page = await browser.newPage({ viewport: { width: 960, height: 720 } });
    const pageErrors = collectPageErrors(page);
    await page.goto(`${url}/peer.html`);
    await page.waitForFunction(() => window.__okrPeer?.state !== 'loading', undefined, { timeout: 60_000 });
    const check = () => {
      if (pageErrors.length > 0) {
        throw new Error(`peer page errors: ${pageErrors.join(' | ')}`);
      }
    };

    const liveRepeats = 15;
    const live = await runOn(page, {
      points: 10_000,
      repeats: liveRepeats,
      subjects: ['ours', 'bare', 'timeseries'],
      cycles: 0,
      ...PANEL,
    });
    check();
    if (live.keyResults.ours?.length !== 3 || !(breachCountOf(live, 'ours', 'KPI stays below 140') >= 2)) {
      throw new Error(`the live-size panel did not evaluate as intended: ${JSON.stringify(live.keyResults.ours)}`);
    }
    const s = live.samples as Record<'ours' | 'bare' | 'timeseries', PeerSamples>;

    const breachRepeats = 9;
    const flap = await runOn(page, {
      points: 100_000,
      repeats: breachRepeats,
      subjects: ['flap', 'calm'],
      cycles: 10_000,
      ...PANEL,
    });
    check();
    const breachCount = breachCountOf(flap, 'flap', 'KPI stays below 140');
    const calmCount = breachCountOf(flap, 'calm', 'KPI stays below 144');
    if (!(breachCount >= 9_000) || calmCount !== 0) {
      throw new Error(`the breach rows did not evaluate as intended: ${breachCount} and ${calmCount} breaches`);
    }
    const f = flap.samples as Record<'flap' | 'calm', PeerSamples>;

    const many = await runOn(page, { points: 250_000, repeats: 3, subjects: ['flap'], cycles: 50_000, ...PANEL });
    check();

    const mbUplot = await heldHeap(open, 'bare', live.plot, 3);
    const mbOurs = await heldHeap(open, 'ours', live.plot, 3);

    return {
      live: Object.fromEntries(
        PHASES.map((phase) => [
          phase,
          {
            msOurs: median(s.ours[phase]),
            msUplot: median(s.bare[phase]),
            msTimeSeries: median(s.timeseries[phase]),
            vsUplot: paired(s.ours[phase], s.bare[phase]),
            vsTimeSeries: paired(s.ours[phase], s.timeseries[phase]),
          },
        ])
      ) as PeerBench['live'],
      liveRepeats,
      breaches: Object.fromEntries(
        PHASES.map((phase) => [
          phase,
          { msFlap: median(f.flap[phase]), msCalm: median(f.calm[phase]), ratio: paired(f.flap[phase], f.calm[phase]) },
        ])
      ) as PeerBench['breaches'],
      breachCount,
      breachRepeats,
      first50k: {
        ms: median(many.samples.flap!.first),
        breachCount: breachCountOf(many, 'flap', 'KPI stays below 140'),
      },
      heap: { mbOurs, mbUplot, ratio: mbOurs / mbUplot },
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export function printPeer(peer: PeerBench): void {
  const ms = (value: number) => value.toFixed(1).padStart(6);
  console.log(
    `live size, 10k points: our panel (chart view, 3 KRs, all overlays, legend) vs bare uPlot (plot only) and ` +
      `Grafana's TimeSeries (legend, tooltip, thresholds as lines and areas), ${PANEL.width}×${PANEL.height} px, ` +
      `${peer.liveRepeats} runs, median ms; ratio = median of per-run ratios`
  );
  console.log('phase     ours   uPlot  TimeSeries  vs uPlot  vs TimeSeries');
  for (const phase of PHASES) {
    const row = peer.live[phase];
    console.log(
      `${phase.padEnd(7)} ${ms(row.msOurs)} ${ms(row.msUplot)}  ${ms(row.msTimeSeries).padStart(10)}  ` +
        `${row.vsUplot.toFixed(2).padStart(8)}  ${row.vsTimeSeries.toFixed(2).padStart(13)}`
    );
  }
  const redraw = peer.live.redraw;
  console.log(
    `goal, new frame at 10k: ≤ 1.3× uPlot ${redraw.vsUplot <= 1.3 ? 'met' : 'NOT met'} (${redraw.vsUplot.toFixed(2)}×), ` +
      `≤ 1.0× TimeSeries ${redraw.vsTimeSeries <= 1 ? 'met' : 'NOT met'} (${redraw.vsTimeSeries.toFixed(2)}×)`
  );
  console.log(
    `many breaches: the panel on 100k points flapping around its bound (${peer.breachCount} breaches) vs the same ` +
      `chart with none, ${peer.breachRepeats} runs, median ms`
  );
  console.log('phase   breaches    none  ratio');
  for (const phase of PHASES) {
    const row = peer.breaches[phase];
    console.log(
      `${phase.padEnd(7)} ${ms(row.msFlap).padStart(8)}  ${ms(row.msCalm)}  ${row.ratio.toFixed(2).padStart(5)}`
    );
  }
  const ratio = peer.breaches.redraw.ratio;
  console.log(`goal, redraw with 10k breaches ≤ 1.2× none: ${ratio <= 1.2 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×)`);
  console.log(
    `first render with ${peer.first50k.breachCount} breaches (250k points): ${peer.first50k.ms.toFixed(0)} ms ` +
      `(goal ≤ 1000 ms: ${peer.first50k.ms <= 1000 ? 'met' : 'NOT met'})`
  );
  console.log(
    `JS heap held with a 1M-point chart mounted (data included, empty page subtracted): ours ` +
      `${peer.heap.mbOurs.toFixed(1)} MB, bare uPlot ${peer.heap.mbUplot.toFixed(1)} MB, ${peer.heap.ratio.toFixed(2)}×`
  );
}

export function peerJson(peer: PeerBench): Record<string, number> {
  const round = (value: number) => Number(value.toFixed(3));
  return {
    redrawRatioVsTimeSeries10k: round(peer.live.redraw.vsTimeSeries),
    redrawRatioVsUplot10k: round(peer.live.redraw.vsUplot),
    renderRatioVsTimeSeries10k: round(peer.live.first.vsTimeSeries),
    resizeRatioVsTimeSeries10k: round(peer.live.resize.vsTimeSeries),
    redrawMsTimeSeries10k: round(peer.live.redraw.msTimeSeries),
    redrawRatio10kBreaches: round(peer.breaches.redraw.ratio),
    resizeRatio10kBreaches: round(peer.breaches.resize.ratio),
    firstRenderMs50kBreaches: round(peer.first50k.ms),
    heapRatioVsUplot1M: round(peer.heap.ratio),
    heapMbOurs1M: round(peer.heap.mbOurs),
    heapMbUplot1M: round(peer.heap.mbUplot),
  };
}
