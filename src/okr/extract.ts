/**
 * Field values → a clean numeric series: the field's own arrays when they are already clean, else a
 * cleaned copy in Float64Arrays.
 *
 * Cleaning, in one pass: times may be epoch ms numbers, numeric strings or ISO strings. Values may be
 * numbers or numeric strings ("12.5"). null, NaN, ±Infinity and unparsable strings become NaN
 * (= null: a missing sample; ±Infinity is excluded because no bound or mean is meaningful with it). Rows
 * with no parsable time are dropped. Unsorted rows are sorted by time; of rows with the same time the
 * LAST one wins (the latest write, as a streaming append would).
 *
 * Zero copy: number arrays (or Float64Arrays) whose times are strictly ascending and whose values are
 * numbers other than ±Infinity — what Prometheus, InfluxDB and TestData send — are used as they are. A
 * 1M-point frame then costs one checking pass instead of a copy (2 ms instead of ~25 ms here).
 *
 * Gaps: `gapMs` = 5 × the median interval between consecutive samples (median of at most 1025 evenly
 * spaced intervals, so a 1M-point series costs no sort). Samples 60 s apart → gapMs = 300 000; a
 * 6-minute hole then ends a breach. Fewer than 2 samples → gapMs = Infinity.
 *
 * Live appends: extraction is remembered per value array (WeakMap). When the same arrays come back
 * longer, with their first and previous-last entries unchanged — how Grafana streams append — only the
 * new rows are parsed, into buffers with spare capacity, and the result keeps the previous `lineage`
 * so scans resume (scanCache.ts). Frames are treated as immutable apart from appends, as Grafana does;
 * anything else (a shifted window, an out-of-order or same-time row) is a full extraction.
 */

/**
 * A numeric column: the field's own array when it was clean, or a cleaned copy. The core never writes to
 * either. A zero-copy column is the frame's array itself, so it describes the frame as it is now: when a
 * stream appends to that array in place, the series grows with it until the next evaluate, which Grafana
 * runs with that new data, replaces it (as Grafana's own panels hand field arrays to uPlot).
 */
export type NumberColumn = Float64Array | readonly number[];

export interface SeriesData {
  times: NumberColumn;
  /** NaN marks a missing sample (null in Grafana). */
  values: NumberColumn;
  /** Whether any value is NaN: views that need null for a gap (uPlot) can skip looking. */
  hasMissing: boolean;
  gapMs: number;
  /**
   * Values hold until the next sample (a manual key result's check-ins, manual.ts): a bound is crossed at
   * the sample's time, not interpolated between samples. Absent for KPI series.
   */
  steps?: boolean;
  /**
   * Identity shared by a series and its appended versions (same first samples, more at the end), so
   * scans can resume instead of restarting (scanCache.ts). A fresh object for anything else.
   */
  lineage: object;
}

const GAP_FACTOR = 5;
const MEDIAN_SAMPLE_SIZE = 1025;

export function parseTime(value: unknown): number {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
  }
  if (value instanceof Date) {
    return value.getTime();
  }
  if (typeof value === 'object' && value !== null && typeof value.valueOf === 'function') {
    const primitive = value.valueOf();
    return typeof primitive === 'number' ? primitive : NaN;
  }
  return NaN;
}

/** Finite numbers and numeric strings; everything else (null, ±Infinity, 'abc') is NaN = null. */
export function parseValue(value: unknown): number {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : NaN;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : NaN;
  }
  return NaN;
}

/**
 * One pass for the common case (numeric times already ascending); a sort only when rows are out of
 * order. Duplicate times keep the last row.
 */
export function extractSeries(timeValues: ArrayLike<unknown>, rawValues: ArrayLike<unknown>): SeriesData {
  const clean = asCleanColumns(timeValues, rawValues);
  if (clean) {
    return { ...clean, gapMs: GAP_FACTOR * medianInterval(clean.times), lineage: {} };
  }
  const n = Math.min(timeValues.length, rawValues.length);
  const times = new Float64Array(n);
  const values = new Float64Array(n);
  let count = 0;
  let previous = -Infinity;
  for (let i = 0; i < n; i++) {
    const rawTime = timeValues[i];
    const time = typeof rawTime === 'number' ? rawTime : parseTime(rawTime);
    if (!(time === time)) {
      continue; // NaN time: the row cannot be placed
    }
    if (time < previous) {
      return extractUnsorted(timeValues, rawValues);
    }
    const raw = rawValues[i];
    const value = typeof raw === 'number' ? (raw - raw === 0 ? raw : NaN) : parseValue(raw);
    if (time === previous) {
      values[count - 1] = value;
      continue;
    }
    times[count] = time;
    values[count] = value;
    count++;
    previous = time;
  }
  return finish(times, values, count);
}

/**
 * The zero-copy case (see the header): the columns themselves when every time is a number after the
 * previous one and every value a number other than ±Infinity (NaN is kept: it is the core's null).
 */
function asCleanColumns(
  timeValues: ArrayLike<unknown>,
  rawValues: ArrayLike<unknown>
): { times: NumberColumn; values: NumberColumn; hasMissing: boolean } | null {
  if (!isNumberColumn(timeValues) || !isNumberColumn(rawValues) || timeValues.length !== rawValues.length) {
    return null;
  }
  let previous = -Infinity;
  let hasMissing = false;
  for (let i = 0; i < timeValues.length; i++) {
    const time: unknown = timeValues[i];
    const value: unknown = rawValues[i];
    if (typeof time !== 'number' || !(time > previous) || typeof value !== 'number') {
      return null;
    }
    if (value !== value) {
      hasMissing = true;
    } else if (value === Infinity || value === -Infinity) {
      return null;
    }
    previous = time;
  }
  // The loop checked every entry's type, so the columns hold numbers only.
  return { times: timeValues as NumberColumn, values: rawValues as NumberColumn, hasMissing };
}

function isNumberColumn(column: ArrayLike<unknown>): boolean {
  return column instanceof Float64Array || Array.isArray(column);
}

function extractUnsorted(timeValues: ArrayLike<unknown>, rawValues: ArrayLike<unknown>): SeriesData {
  const n = Math.min(timeValues.length, rawValues.length);
  const rowTimes = new Float64Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    rowTimes[i] = parseTime(timeValues[i]);
    if (!Number.isNaN(rowTimes[i])) {
      order.push(i);
    }
  }
  // Array.prototype.sort is stable, so equal times stay in row order and the last one overwrites.
  order.sort((a, b) => rowTimes[a] - rowTimes[b]);
  const times = new Float64Array(order.length);
  const values = new Float64Array(order.length);
  let count = 0;
  for (const row of order) {
    const value = parseValue(rawValues[row]);
    if (count > 0 && times[count - 1] === rowTimes[row]) {
      values[count - 1] = value;
      continue;
    }
    times[count] = rowTimes[row];
    values[count] = value;
    count++;
  }
  return finish(times, values, count);
}

function finish(times: Float64Array, values: Float64Array, count: number): SeriesData {
  const trimmedTimes = count === times.length ? times : times.slice(0, count);
  const trimmedValues = count === values.length ? values : values.slice(0, count);
  return {
    times: trimmedTimes,
    values: trimmedValues,
    hasMissing: containsNaN(trimmedValues, 0),
    gapMs: GAP_FACTOR * medianInterval(trimmedTimes),
    lineage: {},
  };
}

function containsNaN(values: NumberColumn, from: number): boolean {
  for (let i = from; i < values.length; i++) {
    if (values[i] !== values[i]) {
      return true;
    }
  }
  return false;
}

/** Median of at most MEDIAN_SAMPLE_SIZE evenly spaced intervals; Infinity for fewer than 2 samples. */
export function medianInterval(times: NumberColumn): number {
  const intervals = times.length - 1;
  if (intervals < 1) {
    return Infinity;
  }
  const sampleSize = Math.min(intervals, MEDIAN_SAMPLE_SIZE);
  const sample = new Float64Array(sampleSize);
  const stride = intervals / sampleSize;
  for (let k = 0; k < sampleSize; k++) {
    const i = Math.floor(k * stride);
    sample[k] = times[i + 1] - times[i];
  }
  sample.sort();
  const middle = sampleSize >> 1;
  return sampleSize % 2 === 1 ? sample[middle] : (sample[middle - 1] + sample[middle]) / 2;
}

interface ExtractionMemo {
  timeSource: ArrayLike<unknown>;
  /** Source rows consumed so far. */
  rows: number;
  /** Samples in `data` (a zero-copy series' arrays may have grown in place since). */
  count: number;
  firstTime: unknown;
  lastTime: unknown;
  lastValue: unknown;
  /**
   * data.times/values hold the first `count` entries of these: buffers with spare capacity after an
   * append, or the field's own arrays for a zero-copy series (copied into buffers at the first append).
   */
  timeBuffer: NumberColumn;
  valueBuffer: NumberColumn;
  data: SeriesData;
}

const memos = new WeakMap<object, ExtractionMemo>();

/** extractSeries, remembered per value array and extended in place on appends (see the header). */
export function extractSeriesCached(timeValues: ArrayLike<unknown>, rawValues: ArrayLike<unknown>): SeriesData {
  const memo = memos.get(rawValues);
  const rows = Math.min(timeValues.length, rawValues.length);
  if (memo && memo.timeSource === timeValues && rows >= memo.rows && unchangedPrefix(memo, timeValues, rawValues)) {
    if (rows === memo.rows && sameLength(memo)) {
      return memo.data;
    }
    if (appendRows(memo, timeValues, rawValues, rows)) {
      return memo.data;
    }
  }
  const data = extractSeries(timeValues, rawValues);
  memos.set(rawValues, {
    timeSource: timeValues,
    rows,
    count: data.times.length,
    firstTime: timeValues[0],
    lastTime: timeValues[rows - 1],
    lastValue: rawValues[rows - 1],
    timeBuffer: data.times,
    valueBuffer: data.values,
    data,
  });
  return data;
}

/** False when a zero-copy series' arrays grew in place by different amounts (one column pushed so far). */
function sameLength(memo: ExtractionMemo): boolean {
  return memo.data.times.length === memo.count && memo.data.values.length === memo.count;
}

function unchangedPrefix(memo: ExtractionMemo, timeValues: ArrayLike<unknown>, rawValues: ArrayLike<unknown>): boolean {
  const last = memo.rows - 1;
  return (
    Object.is(timeValues[0], memo.firstTime) &&
    Object.is(timeValues[last], memo.lastTime) &&
    Object.is(rawValues[last], memo.lastValue)
  );
}

/** Parses rows [memo.rows, rows) onto the end; false when one is not strictly after the last time. */
function appendRows(
  memo: ExtractionMemo,
  timeValues: ArrayLike<unknown>,
  rawValues: ArrayLike<unknown>,
  rows: number
): boolean {
  const previous = memo.data;
  const previousCount = memo.count;
  let count = previousCount;
  let times = memo.timeBuffer;
  let values = memo.valueBuffer;
  if (
    !(times instanceof Float64Array) ||
    !(values instanceof Float64Array) ||
    count + (rows - memo.rows) > times.length
  ) {
    const capacity = Math.max(16, Math.ceil((count + rows - memo.rows) * 1.5));
    times = grow(times, count, capacity);
    values = grow(values, count, capacity);
  }
  let lastTime = count > 0 ? times[count - 1] : -Infinity;
  for (let row = memo.rows; row < rows; row++) {
    const time = parseTime(timeValues[row]);
    if (time !== time) {
      continue;
    }
    if (time <= lastTime) {
      return false;
    }
    times[count] = time;
    values[count] = parseValue(rawValues[row]);
    lastTime = time;
    count++;
  }
  const viewTimes = times.subarray(0, count);
  const viewValues = values.subarray(0, count);
  Object.assign(memo, {
    rows,
    count,
    lastTime: timeValues[rows - 1],
    lastValue: rawValues[rows - 1],
    timeBuffer: times,
    valueBuffer: values,
    data: {
      times: viewTimes,
      values: viewValues,
      hasMissing: previous.hasMissing || containsNaN(viewValues, previousCount),
      gapMs: GAP_FACTOR * medianInterval(viewTimes),
      lineage: previous.lineage,
    },
  });
  return true;
}

function grow(buffer: NumberColumn, used: number, capacity: number): Float64Array {
  const larger = new Float64Array(capacity);
  larger.set(buffer instanceof Float64Array ? buffer.subarray(0, used) : buffer.slice(0, used));
  return larger;
}
