import { GrafanaTheme2 } from '@grafana/data';

import { ChartSeries } from '../chartModel';
import { formatKeyResultValue } from '../../display/format';
import type { Box } from './labelPlacement';
import type { LabelRequest, PlacedLabel } from './labels';
import { AnnotationModel, KeyResultModel } from '../../okr';

/**
 * What every overlay hook reads when uPlot draws. The chart's config is built once per series structure;
 * the model behind it changes with every data refresh, so hooks read it through `getSeries`.
 */
export interface OverlayContext {
  getSeries: () => ChartSeries[];
  /** The dashboard's annotations, read at draw time like the series. */
  getAnnotations: () => AnnotationModel[];
  theme: GrafanaTheme2;
  /** Overlay values each y scale could not include (yRange.ts), drawn as edge markers. */
  offScale: Map<string, number[]>;
  /** The labels the hooks asked for in this draw, laid out and drawn together by labelsHook (labels.ts). */
  labels: LabelRequest[];
  /** Where labelsHook put them on the last draw, in CSS px (exposed on the chart root for tests). */
  placedLabels: PlacedLabel[];
  /** The latest data the labels kept clear of on the last draw, in CSS px. */
  latestData: Box[];
}

/** A context with nothing drawn yet: no off-scale values, no labels asked for or placed. */
export function createOverlayContext(
  sources: Pick<OverlayContext, 'getSeries' | 'getAnnotations' | 'theme'>
): OverlayContext {
  return { ...sources, offScale: new Map(), labels: [], placedLabels: [], latestData: [] };
}

/** Calls `draw` for each key result with the series it sits on and that series' y scale. */
export function forEachKeyResult(
  context: OverlayContext,
  draw: (kr: KeyResultModel, series: ChartSeries, seriesIndex: number) => void
): void {
  context.getSeries().forEach((series, index) => {
    for (const kr of series.keyResults) {
      draw(kr, series, index + 1);
    }
  });
}

export function formatValue(kr: KeyResultModel, value: number): string {
  return formatKeyResultValue(kr, value);
}
