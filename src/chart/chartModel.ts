import { DataFrame, Field, getFieldSeriesColor, GrafanaTheme2 } from '@grafana/data';

import { KeyResultModel, NumberColumn, PanelModel } from '../okr';
import { isNumberField, prepareChartFrame } from './prepareChartFrame';

/**
 * What the chart draws, derived once per data change from the core's model: the distinct KPI series the
 * key results matched (cleaned by the core), aligned on one time axis for uPlot, each with the key
 * results whose overlays sit on it. With no matched series it falls back to the frames' number fields,
 * so the KPI data is still drawn while the key results are being set up.
 */
export interface ChartSeries {
  label: string;
  color: string;
  /** y scale: the field's unit, so series with one unit share an axis. */
  scaleKey: string;
  field?: Field;
  keyResults: KeyResultModel[];
}

export interface ChartModel {
  /** uPlot's columnar data: x (epoch ms) then one column per series; null marks a missing sample. */
  data: Array<ArrayLike<number | null>>;
  series: ChartSeries[];
}

const FIXED_SCALE = '__fixed';

export function buildChartModel(model: PanelModel, frames: DataFrame[], theme: GrafanaTheme2): ChartModel | null {
  const matched = keyResultSeries(model, theme);
  if (matched.length > 0) {
    return { data: alignColumns(matched.map((entry) => entry.kr)), series: matched.map((entry) => entry.series) };
  }
  return frameFallback(model, frames, theme);
}

/** Display names of the series key results take their targets from (targetSeries): never offered as a KPI. */
export function targetSeriesNames(model: PanelModel): Set<string> {
  return new Set(model.objectives.flatMap((objective) => objective.keyResults.flatMap((kr) => kr.targetSeriesNames)));
}

interface MatchedSeries {
  kr: KeyResultModel;
  series: ChartSeries;
}

/**
 * One entry per distinct judged series; key results on the same KPI series share it. A cumulative key
 * result is judged on its own running total (its times/values), so it gets its own line: "deals this
 * quarter" and "deals this year" are two lines, named by key result when they share a series.
 */
function keyResultSeries(model: PanelModel, theme: GrafanaTheme2): MatchedSeries[] {
  const byKey = new Map<string, MatchedSeries>();
  const keyResults = model.objectives.flatMap((objective) => objective.keyResults);
  const runningTotalsOn = (name: string) => keyResults.filter((kr) => kr.cumulative && kr.seriesName === name).length;
  for (const kr of keyResults) {
    if (kr.seriesName === null || kr.times.length === 0) {
      continue;
    }
    const key = kr.cumulative ? `running total\u0000${kr.id}` : kr.seriesName;
    const existing = byKey.get(key);
    if (existing) {
      existing.series.keyResults.push(kr);
      continue;
    }
    const named = runningTotalsOn(kr.seriesName) > 1 ? `: ${kr.title}` : '';
    byKey.set(key, {
      kr,
      series: {
        label: kr.cumulative ? `${kr.seriesName} (running total${named})` : kr.seriesName,
        color: seriesColor(kr, theme),
        scaleKey: kr.field?.config.unit || FIXED_SCALE,
        field: kr.field,
        keyResults: [kr],
      },
    });
  }
  return [...byKey.values()];
}

function seriesColor(kr: KeyResultModel, theme: GrafanaTheme2): string {
  if (kr.color) {
    return theme.visualization.getColorByName(kr.color);
  }
  return kr.field ? getFieldSeriesColor(kr.field, theme).color : theme.visualization.getColorByName('green');
}

/**
 * Columns on one time axis. Series that share their time stamps (one frame, the common case) are passed
 * through without copying the times; otherwise the times are merged and missing samples are null.
 * NaN (the core's null) becomes null, which uPlot draws as a gap.
 */
export function alignColumns(series: readonly AlignInput[]): Array<ArrayLike<number | null>> {
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

function spread(entry: AlignInput, times: NumberColumn): Array<number | null> {
  const column = new Array<number | null>(times.length).fill(null);
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
function frameFallback(model: PanelModel, frames: DataFrame[], theme: GrafanaTheme2): ChartModel | null {
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
    })),
  };
}
