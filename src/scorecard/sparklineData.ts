/**
 * What a key result's sparkline draws: the samples in [from, to] (period start to as-of), at most
 * `maxPoints` of them, as an SVG path.
 *
 * Downsampling keeps each time bucket's minimum and maximum, in time order, so a spike survives at any
 * width (an average would flatten it). Example: 1,000 samples with maxPoints 200 → 100 equal time
 * buckets → ≤ 200 points; a single sample at 999 among values near 100 is still the path's highest point.
 * A bucket holding only NaN (a null in Grafana) becomes one NaN point, which the path draws as a gap.
 */
import { lowerBound, NumberColumn, upperBound } from '../okr';

export interface SparklinePoints {
  times: NumberColumn;
  /** NaN marks a gap. */
  values: NumberColumn;
}

export const SPARKLINE_MAX_POINTS = 200;

export interface DownsampleInput {
  /** Sorted ascending, as the core's KeyResultModel.times. */
  times: NumberColumn;
  values: NumberColumn;
  from: number;
  /** Inclusive. */
  to: number;
  maxPoints?: number;
}

export function downsampleMinMax({
  times,
  values,
  from,
  to,
  maxPoints = SPARKLINE_MAX_POINTS,
}: DownsampleInput): SparklinePoints {
  const begin = lowerBound(times, from);
  const end = upperBound(times, to);
  const count = Math.max(0, end - begin);
  if (count <= maxPoints) {
    return { times: times.slice(begin, begin + count), values: values.slice(begin, begin + count) };
  }
  const bucketCount = Math.max(1, Math.floor(maxPoints / 2));
  const first = times[begin];
  const span = times[end - 1] - first;
  const outTimes = new Float64Array(bucketCount * 2);
  const outValues = new Float64Array(bucketCount * 2);
  let written = 0;
  let bucket = -1;
  let minIndex = -1;
  let maxIndex = -1;
  let onlyGaps = false;

  const flush = () => {
    if (minIndex >= 0) {
      const [a, b] = minIndex <= maxIndex ? [minIndex, maxIndex] : [maxIndex, minIndex];
      outTimes[written] = times[a];
      outValues[written++] = values[a];
      if (b !== a) {
        outTimes[written] = times[b];
        outValues[written++] = values[b];
      }
    } else if (onlyGaps && written > 0 && !Number.isNaN(outValues[written - 1])) {
      outTimes[written] = NaN;
      outValues[written++] = NaN;
    }
  };

  for (let i = begin; i < end; i++) {
    const next = span > 0 ? Math.min(bucketCount - 1, Math.floor(((times[i] - first) / span) * bucketCount)) : 0;
    if (next !== bucket) {
      flush();
      bucket = next;
      minIndex = maxIndex = -1;
      onlyGaps = true;
    }
    const value = values[i];
    if (Number.isNaN(value)) {
      continue;
    }
    onlyGaps = false;
    if (minIndex < 0 || value < values[minIndex]) {
      minIndex = i;
    }
    if (maxIndex < 0 || value > values[maxIndex]) {
      maxIndex = i;
    }
  }
  flush();
  return { times: outTimes.subarray(0, written), values: outValues.subarray(0, written) };
}

/** Finite min and max of the points and any extra values (the target lines), or null when there are none. */
export function valueExtent(values: NumberColumn, extra: Array<number | null>): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  const include = (value: number | null) => {
    if (value !== null && Number.isFinite(value)) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  };
  values.forEach(include);
  extra.forEach(include);
  return min <= max ? { min, max } : null;
}

export interface SparklineFrame {
  /** Time at the left and right edge. */
  xMin: number;
  xMax: number;
  /** Value at the bottom and top edge. */
  yMin: number;
  yMax: number;
  width: number;
  height: number;
}

export function scaleX(frame: SparklineFrame, time: number): number {
  const span = frame.xMax - frame.xMin;
  return span > 0 ? ((time - frame.xMin) / span) * frame.width : 0;
}

export function scaleY(frame: SparklineFrame, value: number): number {
  const span = frame.yMax - frame.yMin;
  // A flat series sits in the middle rather than on an edge.
  return span > 0 ? frame.height - ((value - frame.yMin) / span) * frame.height : frame.height / 2;
}

/**
 * "M x y L x y …", starting a new subpath after each NaN gap. A subpath of one sample gets "l0 0", which a
 * round line cap draws as a dot, so an isolated sample stays visible. Empty when there is nothing to draw.
 */
export function sparklinePath(points: SparklinePoints, frame: SparklineFrame): string {
  const parts: string[] = [];
  let subpathLength = 0;
  const endSubpath = () => {
    if (subpathLength === 1) {
      parts.push('l0 0');
    }
    subpathLength = 0;
  };
  for (let i = 0; i < points.values.length; i++) {
    const value = points.values[i];
    if (Number.isNaN(value)) {
      endSubpath();
      continue;
    }
    const x = scaleX(frame, points.times[i]).toFixed(1);
    const y = scaleY(frame, value).toFixed(1);
    parts.push(`${subpathLength > 0 ? 'L' : 'M'}${x} ${y}`);
    subpathLength++;
  }
  endSubpath();
  return parts.join(' ');
}

/**
 * A target that changes over time as "M x y H x V y H x …": each step level to the next step's time
 * (the last to the period end), broken where no target is in force. `level` picks the value or a band's max.
 */
export function targetStepsPath(
  steps: ReadonlyArray<{ time: number; value: number | null; max: number | null }>,
  input: { periodEnd: number; frame: SparklineFrame; level: 'value' | 'max' }
): string {
  const { periodEnd, frame, level } = input;
  const parts: string[] = [];
  let drawing = false;
  steps.forEach((step, i) => {
    const value = step[level];
    if (value === null) {
      drawing = false;
      return;
    }
    const y = scaleY(frame, value).toFixed(1);
    parts.push(drawing ? `V${y}` : `M${scaleX(frame, step.time).toFixed(1)} ${y}`);
    parts.push(`H${scaleX(frame, steps[i + 1]?.time ?? periodEnd).toFixed(1)}`);
    drawing = true;
  });
  return parts.join(' ');
}

/**
 * A manual key result's points as steps: each value holds until the next check-in, and the last one until
 * `until` (as-of). (t1, 1), (t2, 2) until t3 → (t1, 1), (t2, 1), (t2, 2), (t3, 2). Manual series have no
 * gaps (NaN), and at most a sparkline's worth of check-ins, so no downsampling is needed first.
 */
export function stepPoints(points: SparklinePoints, until: number): SparklinePoints {
  const times: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < points.times.length; i++) {
    if (i > 0) {
      times.push(points.times[i]);
      values.push(points.values[i - 1]);
    }
    times.push(points.times[i]);
    values.push(points.values[i]);
  }
  const last = points.times.length - 1;
  if (last >= 0 && until > points.times[last]) {
    times.push(until);
    values.push(points.values[last]);
  }
  return { times, values };
}
