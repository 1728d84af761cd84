/**
 * The y range of a scale: the data's, widened to include the overlays' values (targets, pace, milestones,
 * forecast) so a target is never hidden by auto-scaling — unless one is so far off that including it
 * would squeeze the data into less than a quarter of the axis. Such values are returned as `offScale`
 * and drawn as markers at the edge instead of flattening the series.
 * Example: data 95…160, target 200 → range 95…200 (data keeps 60% of the axis). Data 95…160, target
 * 2 000 000 → range 95…160 and 2 000 000 is off scale (above).
 */
export interface YRange {
  min: number;
  max: number;
  offScale: number[];
}

const MIN_DATA_SHARE = 0.25;

export function yRangeWithMarks(dataMin: number | null, dataMax: number | null, marks: readonly number[]): YRange {
  const finiteMarks = marks.filter(Number.isFinite);
  if (dataMin === null || dataMax === null || !Number.isFinite(dataMin) || !Number.isFinite(dataMax)) {
    return finiteMarks.length > 0
      ? { ...padded(Math.min(...finiteMarks), Math.max(...finiteMarks)), offScale: [] }
      : { min: 0, max: 1, offScale: [] };
  }
  // Halved and doubled so that data spanning −1e308 … 1e308 gives Infinity here, not a NaN later.
  const dataSpan = Math.max(2 * (dataMax / 2 - dataMin / 2), Math.abs(dataMax) * 1e-6, 1e-9);
  const allowed = dataSpan / MIN_DATA_SHARE;
  const inside: number[] = [];
  const offScale: number[] = [];
  for (const mark of finiteMarks) {
    const min = Math.min(dataMin, mark, ...inside);
    const max = Math.max(dataMax, mark, ...inside);
    (max - min <= allowed ? inside : offScale).push(mark);
  }
  return { ...padded(Math.min(dataMin, ...inside), Math.max(dataMax, ...inside)), offScale };
}

/**
 * 5% head- and footroom, so lines at the extremes are not drawn on the plot's edge. The span is worked out
 * in halves and the result kept within ±MAX_VALUE / 2, so data near ±1e308 still gives a finite scale
 * (uPlot divides by max − min) instead of blanking the whole chart; such data is clipped at the edge.
 */
function padded(min: number, max: number): { min: number; max: number } {
  const halfSpan = max / 2 - min / 2 || Math.abs(max / 2) || 0.5;
  const limit = Number.MAX_VALUE / 2;
  return {
    min: Math.max(-limit, min - halfSpan * 0.1),
    max: Math.min(limit, max + halfSpan * 0.1),
  };
}
