import { DataFrame, Field, getFieldSeriesColor, GrafanaTheme2 } from '@grafana/data';

import { AnnotationModel, CheckIn, heldValueAt, KeyResultModel, NumberColumn, PanelModel } from '../okr';
import { chartLineKey, keyResultColors } from '../display/keyResultColors';
import { isNumberField, prepareChartFrame } from './prepareChartFrame';

/**
 * What the chart draws, derived once per data change from the core's model: the distinct KPI series the
 * key results matched (cleaned by the core), aligned on one time axis for uPlot, each with the key
 * results whose overlays sit on it. With no matched series it falls back to the frames' number fields,
 * so the KPI data is still drawn while the key results are being set up.
 *
 * A manual key result (no series) is a line of its own: its check-ins' values as steps on a scale of its
 * own, held to as-of. Every key result's check-ins become markers on its line, and the dashboard's
 * annotations ride along for the annotation overlay and the tooltip.
 */
export interface ChartSeries {
  label: string;
  color: string;
  /** y scale: the field's unit, so series with one unit share an axis. */
  scaleKey: string;
  field?: Field;
  keyResults: KeyResultModel[];
  /** A manual key result's check-ins: drawn as steps (each value holds until the next) across other series' times. */
  steps: boolean;
  /** Check-ins of the key results on this line, drawn as markers on it. */
  checkIns: CheckInMarker[];
}

export interface CheckInMarker {
  time: number;
  /**
   * Where the marker sits: the line's value at that time (the latest sample at or before it), so it reads
   * as "here, the team checked in"; null before the line's first sample (drawn at the plot's foot).
   */
  value: number | null;
  kr: KeyResultModel;
  checkIn: CheckIn;
}

export interface ChartModel {
  /**
   * uPlot's columnar data: x (epoch ms) then one column per series. null marks a missing sample (a gap);
   * undefined a time at which that series has no sample (uPlot joins over it).
   */
  data: Array<ArrayLike<number | null | undefined>>;
  series: ChartSeries[];
  annotations: AnnotationModel[];
}

const FIXED_SCALE = '__fixed';

export function buildChartModel(model: PanelModel, frames: DataFrame[], theme: GrafanaTheme2): ChartModel | null {
  const matched = keyResultSeries(model, theme);
  const annotations = model.annotations ?? [];
  if (matched.length > 0) {
    const series = matched.map((entry) => entry.series);
    return { data: alignColumns(matched.map(lineData)), series, annotations };
  }
  const fallback = frameFallback(model, frames, theme);
  return fallback ? { ...fallback, annotations } : null;
}

/** Display names of the series key results take their targets from (targetSeries): never offered as a KPI. */
export function targetSeriesNames(model: PanelModel): Set<string> {
  return new Set(model.objectives.flatMap((objective) => objective.keyResults.flatMap((kr) => kr.targetSeriesNames)));
}

export interface MatchedSeries {
  kr: KeyResultModel;
  series: ChartSeries;
}

/** The line's samples; a manual key result's last value is held to as-of (a step has no end of its own). */
export function lineData({ kr, series }: MatchedSeries): AlignInput {
  const last = kr.times.length - 1;
  if (!series.steps || kr.asOf === null || last < 0 || !(kr.asOf > kr.times[last])) {
    return kr;
  }
  return {
    times: Float64Array.from([...Array.from(kr.times), kr.asOf]),
    values: Float64Array.from([...Array.from(kr.values), kr.values[last]]),
    hasMissing: kr.hasMissing,
  };
}

/**
 * One entry per distinct judged series; key results on the same KPI series share it. A cumulative key
 * result is judged on its own running total (its times/values), so it gets its own line: "deals this
 * quarter" and "deals this year" are two lines, named by key result when they share a series. Lines and
 * their colours come from display/keyResultColors, which the scorecard's swatches share.
 */
function keyResultSeries(model: PanelModel, theme: GrafanaTheme2): MatchedSeries[] {
  const byKey = new Map<string, MatchedSeries>();
  const keyResults = model.objectives.flatMap((objective) => objective.keyResults);
  const colors = keyResultColors(keyResults, theme);
  const runningTotalsOn = (name: string) => keyResults.filter((kr) => kr.cumulative && kr.seriesName === name).length;
  for (const kr of keyResults) {
    const key = chartLineKey(kr);
    if (key === null || kr.seriesName === null) {
      continue;
    }
    const existing = byKey.get(key);
    if (existing) {
      existing.series.keyResults.push(kr);
      existing.series.checkIns.push(...checkInMarkers(kr));
      continue;
    }
    const named = runningTotalsOn(kr.seriesName) > 1 ? `: ${kr.title}` : '';
    byKey.set(key, {
      kr,
      series: {
        label: kr.cumulative ? `${kr.seriesName} (running total${named})` : kr.seriesName,
        color: colors.get(kr.id)!,
        // A value counted by hand has no unit to share an axis by: its own scale keeps it from being flattened.
        scaleKey: kr.manual ? `${MANUAL_SCALE}${kr.id}` : kr.field?.config.unit || FIXED_SCALE,
        field: kr.field,
        keyResults: [kr],
        steps: kr.manual,
        checkIns: checkInMarkers(kr),
      },
    });
  }
  return [...byKey.values()];
}

const MANUAL_SCALE = '__manual:';

/** One marker per check-in, on the key result's line at that time. */
export function checkInMarkers(kr: KeyResultModel): CheckInMarker[] {
  return kr.checkIns.map((checkIn) => ({ time: checkIn.time, value: heldValueAt(kr, checkIn.time), kr, checkIn }));
}

/**
 * Columns on one time axis. Series that share their time stamps (one frame, the common case) are passed
 * through without copying the times; otherwise the times are merged and missing samples are null.
 * NaN (the core's null) becomes null, which uPlot draws as a gap.
 */
export function alignColumns(series: readonly AlignInput[]): Array<ArrayLike<number | null | undefined>> {
  const first = series[0].times;
  if (series.every((entry) => sameTimes(entry.times, first))) {
    return [first, ...series.map((entry) => (entry.hasMissing ? withNulls(entry.values) : entry.values))];
  }
  const times = mergedTimes(series.map((entry) => entry.times));
  return [times, ...series.map((entry) => spread(entry, times))];
}

interface AlignInput {
  times: NumberColumn;
  values: NumberColumn;
  /** false promises no NaN in values, so they are passed to uPlot as they are. */
  hasMissing: boolean;
}

function sameTimes(a: NumberColumn, b: NumberColumn): boolean {
  if (a === b) {
    return true;
  }
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

/** A copy with null for NaN: uPlot draws null as a gap. */
function withNulls(values: NumberColumn): Array<number | null> {
  const column = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    column[i] = values[i] === values[i] ? values[i] : null;
  }
  return column;
}

/** The sorted union of sorted time columns, in one k-way merge pass. */
function mergedTimes(columns: NumberColumn[]): Float64Array {
  const cursors = columns.map(() => 0);
  const merged: number[] = [];
  for (;;) {
    let next = Infinity;
    columns.forEach((column, c) => {
      if (cursors[c] < column.length && column[cursors[c]] < next) {
        next = column[cursors[c]];
      }
    });
    if (next === Infinity) {
      return Float64Array.from(merged);
    }
    merged.push(next);
    columns.forEach((column, c) => {
      if (column[cursors[c]] === next) {
        cursors[c]++;
      }
    });
  }
}

/** A column on the merged times: undefined where the series has no sample (uPlot joins over it), null for NaN. */
function spread(entry: AlignInput, times: NumberColumn): Array<number | null | undefined> {
  const column = new Array<number | null | undefined>(times.length).fill(undefined);
  let source = 0;
  for (let i = 0; i < times.length && source < entry.times.length; i++) {
    if (times[i] === entry.times[source]) {
      const value = entry.values[source++];
      column[i] = value === value ? value : null;
    }
  }
  return column;
}

/** The frames' number fields, but not a series a key result takes its target from: that one is drawn as the target. */
function frameFallback(
  model: PanelModel,
  frames: DataFrame[],
  theme: GrafanaTheme2
): Omit<ChartModel, 'annotations'> | null {
  const frame = prepareChartFrame(frames);
  if (!frame) {
    return null;
  }
  const targets = targetSeriesNames(model);
  const fields = frame.fields.filter(
    (field) => isNumberField(field) && !targets.has(field.state?.displayName ?? field.name)
  );
  if (fields.length === 0) {
    return null;
  }
  return {
    data: [frame.fields[0].values, ...fields.map((field) => field.values)],
    series: fields.map((field) => ({
      label: field.state?.displayName ?? field.name,
      color: getFieldSeriesColor(field, theme).color,
      scaleKey: field.config.unit || FIXED_SCALE,
      field,
      keyResults: [],
      steps: false,
      checkIns: [],
    })),
  };
}
