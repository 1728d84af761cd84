import type uPlot from 'uplot';

import { Breach, lowerBound, upperBound } from '../../okr';
import { xPos } from './canvas';

/**
 * Breach spans of one colour, built once per data change and drawn on every redraw: sorted by start, in
 * columns, with `reach[i]` the latest end among spans 0…i (spans may overlap, so ends alone are not sorted).
 * A draw finds the visible spans by binary search — the first whose reach passes the x minimum, the last that
 * starts before the x maximum — so a redraw costs O(log n + visible), however many breaches the data holds.
 *
 * Example: spans [0, 10], [5, 30], [12, 14] give starts [0, 5, 12], reach [10, 30, 30]; for x in [20, 40] the
 * first candidate is span 1 (reach 30 ≥ 20), and span 2 (ends at 14) is drawn off-plot, clipped: harmless.
 */
export interface ColorSpans {
  color: string;
  starts: Float64Array;
  ends: Float64Array;
  reach: Float64Array;
}

/**
 * Breaches grouped by colour in one pass (colours in the order given by `order`, so a critical breach is drawn
 * over a warning one it overlaps); each group sorted by start, which is free when the breaches come sorted (one
 * key result's do).
 */
export function groupSpans<K extends string>(
  breaches: Iterable<Breach>,
  keyOf: (breach: Breach) => K,
  colors: ReadonlyArray<[key: K, color: string]>
): ColorSpans[] {
  const groups = new Map<K, Breach[]>(colors.map(([key]) => [key, []]));
  for (const breach of breaches) {
    groups.get(keyOf(breach))?.push(breach);
  }
  return colors
    .map(([key, color]) => columns(color, groups.get(key)!))
    .filter((spans): spans is ColorSpans => spans !== null);
}

function columns(color: string, breaches: Breach[]): ColorSpans | null {
  if (breaches.length === 0) {
    return null;
  }
  let sorted = true;
  for (let i = 1; i < breaches.length && sorted; i++) {
    sorted = breaches[i - 1].start <= breaches[i].start;
  }
  const ordered = sorted ? breaches : [...breaches].sort((a, b) => a.start - b.start);
  const n = ordered.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const reach = new Float64Array(n);
  let latest = -Infinity;
  for (let i = 0; i < n; i++) {
    starts[i] = ordered[i].start;
    ends[i] = ordered[i].end;
    latest = Math.max(latest, ends[i]);
    reach[i] = latest;
  }
  return { color, starts, ends, reach };
}

/**
 * Adds each visible span as a full-height rectangle (or one as tall as `band`: a breach lane), at least
 * `minWidth` canvas px wide, to the current path.
 * Rectangles that touch or overlap on the canvas are added as one: the union is the same, so a fill or a clip
 * of the path is the same, but 10,000 breaches on a 900 px plot become at most a few hundred rectangles.
 */
export function addSpanRects(
  ctx: CanvasRenderingContext2D,
  u: uPlot,
  spans: ColorSpans,
  minWidth: number,
  band: { top: number; height: number } = u.bbox
): void {
  const { min, max } = u.scales.x;
  if (min == null || max == null) {
    return;
  }
  const plotWidth = u.bbox.width;
  const { top, height } = band;
  // A span that ends just left of the plot still shows its minimum width at the edge: widen the window by it.
  const slack = plotWidth > 0 ? ((max - min) * minWidth) / plotWidth : 0;
  const from = lowerBound(spans.reach, min - slack);
  const to = upperBound(spans.starts, max);
  let runLeft = NaN;
  let runRight = NaN;
  for (let i = from; i < to; i++) {
    const left = xPos(u, spans.starts[i]);
    const right = left + Math.max(xPos(u, spans.ends[i]) - left, minWidth);
    if (left <= runRight) {
      runRight = Math.max(runRight, right);
      continue;
    }
    if (runRight === runRight) {
      ctx.rect(runLeft, top, runRight - runLeft, height);
    }
    runLeft = left;
    runRight = right;
  }
  if (runRight === runRight) {
    ctx.rect(runLeft, top, runRight - runLeft, height);
  }
}
