/**
 * Where the chart's labels go so that none covers another or the latest data: pure geometry, boxes in and
 * boxes out, no canvas. Each label asks for a box (where its overlay would put it) and has a priority;
 * labels are placed one by one, highest priority first (ties in input order, so the layout is stable), each
 * against the boxes already taken and the obstacles:
 *
 * 1. nudged vertically in place, at most `maxNudge` from the box it asked for (a target label slides just
 *    above or below its neighbour's);
 * 2. otherwise the nearest free spot in its own column (any height) or in a column beside it, stepping away
 *    from its anchor by its own width — the end-of-line label column; the caller draws a leader line;
 * 3. otherwise it is dropped (null): there is no free room of its size left in the plot. Since labels are
 *    placed by priority, only the least important ones are ever dropped.
 *
 * Example: two 60×16 labels asking for the same box at top 100 in a 400×200 plot: the first keeps top 100,
 * the second gets top 118 (100 + 16 + the 2 px gap), a nudge, no leader.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface LabelToPlace {
  /** The box the label's overlay asked for. */
  box: Box;
  /** Higher goes first, and is dropped last. */
  priority: number;
  /** Which way its column steps when it must move sideways: away from the anchor's side of the text. */
  align: 'left' | 'right' | 'center';
}

export interface PlacedBox extends Box {
  /** Moved further than a nudge: the caller links it to its anchor with a leader line. */
  leader: boolean;
}

export interface PlacementOptions {
  /** Free space kept between two labels and between a label and an obstacle. */
  gap: number;
  /** How far a label may slide vertically and still read as sitting on its line. */
  maxNudge: number;
  /** How many columns beside its own a label may move to. */
  columns: number;
}

export function placeLabels(
  labels: readonly LabelToPlace[],
  plot: Box,
  obstacles: readonly Box[],
  options: PlacementOptions
): Array<PlacedBox | null> {
  const order = labels.map((_, index) => index).sort((a, b) => labels[b].priority - labels[a].priority || a - b);
  const taken: Box[] = obstacles.filter(hasArea);
  const placed: Array<PlacedBox | null> = labels.map(() => null);
  for (const index of order) {
    const box = placeOne(labels[index], plot, taken, options);
    placed[index] = box;
    if (box) {
      taken.push(box);
    }
  }
  return placed;
}

function placeOne(label: LabelToPlace, plot: Box, taken: readonly Box[], options: PlacementOptions): PlacedBox | null {
  const { width, height } = label.box;
  if (!(width >= 0 && height >= 0 && width <= plot.width && height <= plot.height)) {
    return null; // NaN, negative, or larger than the plot: nowhere to put it whole
  }
  const wanted = clampInto(label.box, plot);
  const step = label.align === 'left' ? width + options.gap : -(width + options.gap);
  let best: PlacedBox | null = null;
  let bestCost = Infinity;
  for (let column = 0; column <= options.columns; column++) {
    const left = wanted.left + column * step;
    if (left < plot.left || left + width > plot.left + plot.width) {
      break;
    }
    const top = nearestFreeTop({ left, width, height, wanted: wanted.top }, plot, taken, options.gap);
    if (top === null) {
      continue;
    }
    const shift = Math.abs(top - wanted.top);
    if (column === 0 && shift <= options.maxNudge) {
      return { left, top, width, height, leader: false };
    }
    const cost = shift + Math.abs(left - wanted.left);
    if (cost < bestCost) {
      bestCost = cost;
      best = { left, top, width, height, leader: true };
    }
  }
  return best;
}

interface Slot {
  left: number;
  width: number;
  height: number;
  wanted: number;
}

/**
 * The top nearest `wanted` at which a box of this size fits in the plot without coming within `gap` of a
 * taken box beside it, or null. The taken boxes in its column forbid open intervals of tops; the answer
 * is `wanted` itself or the edge of one of those intervals.
 */
function nearestFreeTop(slot: Slot, plot: Box, taken: readonly Box[], gap: number): number | null {
  const lowest = plot.top;
  const highest = plot.top + plot.height - slot.height;
  const blocked: Array<[number, number]> = [];
  for (const box of taken) {
    if (box.left < slot.left + slot.width + gap && box.left + box.width + gap > slot.left) {
      blocked.push([box.top - gap - slot.height, box.top + box.height + gap]);
    }
  }
  blocked.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const interval of blocked) {
    const last = merged[merged.length - 1];
    if (last && interval[0] < last[1]) {
      last[1] = Math.max(last[1], interval[1]);
    } else {
      merged.push([interval[0], interval[1]]);
    }
  }
  const isFree = (top: number) =>
    top >= lowest && top <= highest && merged.every(([from, to]) => top <= from || top >= to);
  let best: number | null = null;
  const consider = (top: number) => {
    if (isFree(top) && (best === null || Math.abs(top - slot.wanted) < Math.abs(best - slot.wanted))) {
      best = top;
    }
  };
  consider(Math.min(Math.max(slot.wanted, lowest), highest));
  for (const [from, to] of merged) {
    consider(from);
    consider(to);
  }
  return best;
}

function clampInto(box: Box, plot: Box): Box {
  return {
    left: Math.min(Math.max(box.left, plot.left), plot.left + plot.width - box.width),
    top: Math.min(Math.max(box.top, plot.top), plot.top + plot.height - box.height),
    width: box.width,
    height: box.height,
  };
}

function hasArea(box: Box): boolean {
  return box.width > 0 && box.height > 0;
}

/** Whether two boxes share area (touching edges do not). */
export function boxesIntersect(a: Box, b: Box): boolean {
  return (
    hasArea(a) &&
    hasArea(b) &&
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}
