import type uPlot from 'uplot';

import { colorManipulator, createTheme } from '@grafana/data';

import { Breach, BreachSeverity } from '../../okr';
import { DAY, keyResultModel, Q3_START } from '../../display/testModels';
import { ChartSeries } from '../chartModel';
import { breachLineHook, breachRegionsHook } from './breaches';
import { groupSpans } from './breachSpans';
import { createOverlayContext, OverlayContext } from './overlayContext';
import { seriesOverlays } from './overlayData';

const theme = createTheme();
const WARNING = theme.colors.warning.main;
const CRITICAL = theme.colors.error.main;
const shade = (color: string) => colorManipulator.alpha(color, 0.1);

/** x: Q3_START … Q3_START + 100 days over a plot 1000 px wide at left 20 (10 px a day); jsdom's pixel ratio is 1. */
const BBOX = { left: 20, top: 5, width: 1000, height: 300 };
const X_MIN = Q3_START;
const X_MAX = Q3_START + 100 * DAY;
const x = (time: number) => BBOX.left + ((time - X_MIN) / DAY) * 10;

function fakePlot(calls: string[]): uPlot {
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push(`${name} ${args.map((arg) => (typeof arg === 'number' ? arg.toFixed(2) : String(arg))).join(' ')}`);
  const ctx = {
    save: record('save'),
    restore: record('restore'),
    beginPath: record('begin'),
    rect: record('rect'),
    clip: record('clip'),
    fill: record('fill'),
    stroke: record('stroke'),
    moveTo: () => undefined,
    lineTo: () => undefined,
    set fillStyle(color: string) {
      calls.push(`fillStyle ${color}`);
    },
    set strokeStyle(color: string) {
      calls.push(`strokeStyle ${color}`);
    },
  };
  return {
    ctx,
    bbox: BBOX,
    scales: { x: { min: X_MIN, max: X_MAX }, kpi: { min: 0, max: 100 } },
    valToPos: (value: number, scale: string) => (scale === 'x' ? x(value) : 300 - value),
    series: [{}, { _paths: null }],
    data: [[], []],
  } as unknown as uPlot;
}

const rect = (left: number, width: number) =>
  `rect ${left.toFixed(2)} ${BBOX.top.toFixed(2)} ${width.toFixed(2)} ${BBOX.height.toFixed(2)}`;

function breach(startDay: number, endDay: number, severity: BreachSeverity = 'warning'): Breach {
  const start = Q3_START + startDay * DAY;
  const end = Q3_START + endDay * DAY;
  return {
    start,
    end,
    ongoing: false,
    durationSeconds: (end - start) / 1000,
    worst: 1,
    bound: 0,
    severity,
    source: 'target',
  };
}

function contextOf(...keyResultBreaches: Breach[][]): OverlayContext {
  const series: ChartSeries[] = [
    {
      label: 'kpi',
      color: '#8ab8ff',
      scaleKey: 'kpi',
      keyResults: keyResultBreaches.map((breaches, i) => keyResultModel({ id: `kr-${i}`, breaches })),
      steps: false,
      checkIns: [],
    },
  ];
  return createOverlayContext({ getSeries: () => series, getAnnotations: () => [], theme });
}

function drawWith(hook: (context: OverlayContext) => (u: uPlot) => void, context: OverlayContext): string[] {
  const calls: string[] = [];
  hook(context)(fakePlot(calls));
  return calls;
}

/** inPlotArea's clip of the plot area. */
const PLOT_RECT = `rect ${[BBOX.left, BBOX.top, BBOX.width, BBOX.height].map((n) => n.toFixed(2)).join(' ')}`;

/** The rectangles each colour's path holds, keyed by the colour it is filled or stroked with. */
function rectsByColor(calls: string[], style: 'fillStyle' | 'strokeStyle'): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  let rects: string[] = [];
  for (const call of calls) {
    if (call.startsWith('begin')) {
      rects = [];
    } else if (call.startsWith('rect') && call !== PLOT_RECT) {
      rects.push(call);
    } else if (call.startsWith(style)) {
      groups[call.slice(style.length + 1)] = rects;
      rects = [];
    }
  }
  return groups;
}

describe('breach regions: one path per severity, the same rectangles as one fillRect per breach', () => {
  // Two key results; breaches apart from each other, a one-sample sliver, and one after the x range.
  const first = [breach(2, 5), breach(10, 10.05, 'critical'), breach(40, 44)];
  const second = [breach(20, 30, 'critical'), breach(60, 61), breach(120, 130, 'critical')];

  test('each visible breach is a full-height rectangle in its severity shade, critical over warning', () => {
    const calls = drawWith(breachRegionsHook, contextOf(first, second));
    expect(rectsByColor(calls, 'fillStyle')).toEqual({
      [shade(WARNING)]: [rect(x(first[0].start), 30), rect(x(first[2].start), 40), rect(x(second[1].start), 10)],
      // The sliver keeps its 2 px; the breach after the x range is not drawn at all.
      [shade(CRITICAL)]: [rect(x(first[1].start), 2), rect(x(second[0].start), 100)],
    });
    expect(calls.filter((call) => call.startsWith('fillStyle'))).toEqual([
      `fillStyle ${shade(WARNING)}`,
      `fillStyle ${shade(CRITICAL)}`,
    ]);
    expect(calls.filter((call) => call.startsWith('fill '))).toHaveLength(2);
  });

  test('breaches that touch or overlap on the canvas are one rectangle: their union', () => {
    const calls = drawWith(breachRegionsHook, contextOf([breach(2, 5), breach(4, 8)], [breach(8, 9), breach(20, 21)]));
    expect(rectsByColor(calls, 'fillStyle')).toEqual({
      [shade(WARNING)]: [rect(x(Q3_START + 2 * DAY), 70), rect(x(Q3_START + 20 * DAY), 10)],
    });
  });

  test('a breach that ends just left of the plot still shows its minimum width at the edge', () => {
    // Half a pixel left of the plot, a quarter of a pixel long: its 2 px sliver reaches 1.5 px into the plot.
    const edge = { ...breach(0, 0), start: X_MIN - DAY / 20, end: X_MIN - DAY / 40 };
    const calls = drawWith(breachRegionsHook, contextOf([edge, breach(-30, -20)]));
    expect(rectsByColor(calls, 'fillStyle')[shade(WARNING)]).toEqual([rect(x(edge.start), 2)]);
  });

  test('no breaches: nothing is drawn', () => {
    expect(drawWith(breachRegionsHook, contextOf([]))).toEqual([]);
  });
});

describe('breach line: per colour one clip of its breach spans, then the series stroked inside it', () => {
  test('warning then critical, each clip holding exactly that colour’s visible breaches', () => {
    const breaches = [breach(2, 5), breach(10, 12, 'critical'), breach(40, 44), breach(150, 160)];
    const calls = drawWith(breachLineHook, contextOf(breaches));
    expect(rectsByColor(calls, 'strokeStyle')).toEqual({
      [WARNING]: [rect(x(breaches[0].start), 30), rect(x(breaches[2].start), 40)],
      [CRITICAL]: [rect(x(breaches[1].start), 20)],
    });
    expect(calls.filter((call) => call.startsWith('clip'))).toHaveLength(3); // the plot's, then one per colour
  });
});

describe('breaches are grouped once per data change, in linear work', () => {
  /** Breaches whose fields count their reads: the grouping's work, without a clock. */
  function countedBreaches(count: number, reads: { n: number }): Breach[] {
    return Array.from({ length: count }, (_, i) => {
      const plain = breach(i, i + 0.5, i % 3 === 0 ? 'critical' : 'warning');
      return Object.defineProperties({} as Breach, {
        start: { get: () => (reads.n++, plain.start) },
        end: { get: () => (reads.n++, plain.end) },
        severity: { get: () => (reads.n++, plain.severity) },
      });
    });
  }

  test('ten times the breaches: ten times the field reads, one colour lookup per breach', () => {
    const work = (count: number) => {
      const reads = { n: 0 };
      const breaches = countedBreaches(count, reads);
      const keyOf = jest.fn((b: Breach) => b.severity);
      const groups = groupSpans(breaches, keyOf, [
        ['warning', WARNING],
        ['critical', CRITICAL],
      ]);
      expect(keyOf).toHaveBeenCalledTimes(count);
      expect(groups.reduce((sum, group) => sum + group.starts.length, 0)).toBe(count);
      return reads.n;
    };
    const small = work(1_000);
    const large = work(10_000);
    expect(large).toBeLessThanOrEqual(10.1 * small);
    expect(small).toBeLessThanOrEqual(5 * 1_000);
  });

  test('many draws of the same data build the groups once; new data builds them again', () => {
    const context = contextOf([breach(2, 5)]);
    const built = seriesOverlays(context);
    for (let i = 0; i < 5; i++) {
      drawWith(breachRegionsHook, context);
      drawWith(breachLineHook, context);
    }
    expect(seriesOverlays(context)).toBe(built);
    const next = [...context.getSeries()];
    const refreshed = { ...context, getSeries: () => next };
    expect(seriesOverlays(refreshed)).not.toBe(built);
  });
});

describe('breach lanes: one per key result that breached, the most urgent first', () => {
  test('a breach going on now first, then a critical one, then series order; none without breaches', () => {
    const keyResults = [
      keyResultModel({ id: 'a', title: 'warning only', breaches: [breach(1, 2)] }),
      keyResultModel({ id: 'b', title: 'never breached', breaches: [] }),
      keyResultModel({ id: 'c', title: 'critical', breaches: [breach(1, 2), breach(3, 4, 'critical')] }),
      keyResultModel({ id: 'd', title: 'going on', breaches: [{ ...breach(5, 9), ongoing: true }] }),
    ];
    const series: ChartSeries[] = [
      { label: 'kpi', color: '#8ab8ff', scaleKey: 'kpi', keyResults, steps: false, checkIns: [] },
    ];
    const { lanes } = seriesOverlays(
      createOverlayContext({ getSeries: () => series, getAnnotations: () => [], theme })
    );
    expect(
      lanes.map((lane) => [lane.title, lane.warning?.starts.length ?? 0, lane.critical?.starts.length ?? 0])
    ).toEqual([
      ['going on', 1, 0],
      ['critical', 1, 1],
      ['warning only', 1, 0],
    ]);
    expect(lanes.every((lane) => lane.color === '#8ab8ff')).toBe(true);
  });
});
