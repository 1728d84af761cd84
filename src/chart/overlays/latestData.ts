import type uPlot from 'uplot';

import { lowerBound, upperBound } from '../../okr';
import { ChartSeries } from '../chartModel';
import { hasScale, pixelRatio, xPos, yPos } from './canvas';
import { Box } from './labelPlacement';
import { OverlayContext } from './overlayContext';

/** The latest data a label keeps clear of: at least the last point and this much line before it. */
const LATEST_REACH_PX = 24;
const LATEST_MARGIN_PX = 6;
/** How many samples back a series' last value is looked for, and how many a box is measured over at most. */
const LATEST_SCAN = 512;

/**
 * Per series, the box around its latest sample in view and the line just before it — back to the start of an
 * ongoing breach, up to a quarter of the plot: what is happening now, which no label may cover. Found by binary
 * search from the x maximum and a bounded scan (strided over a long breach), so the cost does not grow with
 * the data.
 */
export function latestDataBoxes(u: uPlot, context: OverlayContext): Box[] {
  const { min, max } = u.scales.x;
  const times = u.data[0] as ArrayLike<number> | undefined;
  if (min == null || max == null || !times || times.length === 0) {
    return [];
  }
  const last = upperBound(times, max) - 1;
  const boxes: Box[] = [];
  context.getSeries().forEach((series, index) => {
    const values = u.data[index + 1] as ArrayLike<number | null | undefined> | undefined;
    if (!values || !hasScale(u, series.scaleKey)) {
      return;
    }
    let end = last;
    while (end >= 0 && last - end < LATEST_SCAN && times[end] >= min && !isValue(values[end])) {
      end--;
    }
    if (end < 0 || times[end] < min || !isValue(values[end])) {
      return;
    }
    const box = latestBox({ u, times, values, end, scaleKey: series.scaleKey, ongoingFrom: ongoingStart(series) });
    if (box) {
      boxes.push(box);
    }
  });
  return boxes;
}

/** The earliest start of a breach still going on among the series' key results, or +∞. */
function ongoingStart(series: ChartSeries): number {
  let start = Infinity;
  for (const kr of series.keyResults) {
    const latest = kr.breaches[kr.breaches.length - 1];
    if (latest?.ongoing) {
      start = Math.min(start, latest.start);
    }
  }
  return start;
}

function isValue(value: number | null | undefined): value is number {
  return typeof value === 'number' && value === value;
}

interface LatestInput {
  u: uPlot;
  times: ArrayLike<number>;
  values: ArrayLike<number | null | undefined>;
  end: number;
  scaleKey: string;
  ongoingFrom: number;
}

/** The bounding box, with a margin, of sample `end` and the samples shown just before it (see latestDataBoxes). */
function latestBox({ u, times, values, end, scaleKey, ongoingFrom }: LatestInput): Box | null {
  const ratio = pixelRatio();
  const endX = xPos(u, times[end]);
  const reach = Math.max(LATEST_REACH_PX * ratio, Math.min(endX - xPos(u, ongoingFrom), u.bbox.width / 4));
  const from = lowerBound(times, u.posToVal(endX - reach, 'x', true));
  const stride = Math.max(1, Math.ceil((end - from) / LATEST_SCAN));
  let left = endX;
  let top = yPos(u, values[end] as number, scaleKey);
  let bottom = top;
  for (let i = end - 1; i >= from; i -= stride) {
    const value = values[i];
    if (isValue(value)) {
      const y = yPos(u, value, scaleKey);
      left = Math.min(left, xPos(u, times[i]));
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  const margin = LATEST_MARGIN_PX * ratio;
  const box = {
    left: left - margin,
    top: top - margin,
    width: endX - left + 2 * margin,
    height: bottom - top + 2 * margin,
  };
  return Number.isFinite(box.left) && Number.isFinite(box.top) && Number.isFinite(box.height) ? box : null;
}
