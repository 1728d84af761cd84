import { useMemo } from 'react';

import { getFieldSeriesColor, GrafanaTheme2 } from '@grafana/data';
import { useTheme2 } from '@grafana/ui';

import { KeyResultModel, PanelModel } from '../okr';

/**
 * The colour of the line each charted key result is drawn on, so the chart's line, its legend entry, the
 * scorecard row's swatch and the wall tile's swatch are one colour wherever the key result appears.
 *
 * A line is a KPI series, shared by the key results judged on it (the first one's colour: its `color`
 * option, else the series' field colour); a cumulative key result's running total and a manual key
 * result's check-ins are lines of their own. A manual key result has no field, so (unless it sets
 * `color`) it takes the first colour of Grafana's classic palette no other line uses.
 * Example: latency (field green) and "latency p99" on the same series → both green; a manual "launches"
 * → the palette's first colour not taken, e.g. yellow.
 * Key results with no line (no series matched, no samples) have no colour.
 */
export function keyResultColors(keyResults: KeyResultModel[], theme: GrafanaTheme2): Map<string, string> {
  const lineOf = new Map<string, string>();
  const lineColors = new Map<string, string>();
  for (const kr of keyResults) {
    const line = chartLineKey(kr);
    if (line === null) {
      continue;
    }
    lineOf.set(kr.id, line);
    if (!lineColors.has(line) && !needsPaletteColor(kr)) {
      lineColors.set(line, fieldLineColor(kr, theme));
    }
  }
  const free = freePaletteColors(new Set(lineColors.values()), theme);
  for (const kr of keyResults) {
    const line = lineOf.get(kr.id);
    if (line !== undefined && !lineColors.has(line)) {
      lineColors.set(line, free.shift() ?? theme.visualization.getColorByName('green'));
    }
  }
  return new Map([...lineOf].map(([id, line]) => [id, lineColors.get(line)!]));
}

/** keyResultColors for the panel's key results, once per model and theme. */
export function useKeyResultColors(model: PanelModel): Map<string, string> {
  const theme = useTheme2();
  return useMemo(
    () =>
      keyResultColors(
        (model.objectives ?? []).flatMap((objective) => objective.keyResults ?? []),
        theme
      ),
    [model, theme]
  );
}

/**
 * The line a key result is drawn on, or null when it has none: key results on one KPI series share it; a
 * running total (cumulative) or check-ins (manual) make a line of the key result's own.
 */
export function chartLineKey(kr: KeyResultModel): string | null {
  if (kr.seriesName === null || kr.times.length === 0) {
    return null;
  }
  return kr.cumulative || kr.manual ? `own line\u0000${kr.id}` : kr.seriesName;
}

function needsPaletteColor(kr: KeyResultModel): boolean {
  return kr.manual && !kr.color;
}

function fieldLineColor(kr: KeyResultModel, theme: GrafanaTheme2): string {
  if (kr.color) {
    return theme.visualization.getColorByName(kr.color);
  }
  return kr.field ? getFieldSeriesColor(kr.field, theme).color : theme.visualization.getColorByName('green');
}

function freePaletteColors(used: Set<string>, theme: GrafanaTheme2): string[] {
  return theme.visualization.palette
    .map((name) => theme.visualization.getColorByName(name))
    .filter((color) => !used.has(color));
}
