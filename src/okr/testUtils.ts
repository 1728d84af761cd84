/** Test factories with fixed timestamps (never Date.now()), shared by the core's unit tests. */
import { createDataFrame, FieldType, type DataFrame, type FieldConfig } from '@grafana/data';
import { extractSeries, type SeriesData } from './extract';

/** Wednesday 2026-07-01T00:00Z: the start of Q3 2026 in UTC. */
export const Q3_START = Date.UTC(2026, 6 /* Jul */, 1);
/** 2026-10-01T00:00Z: the end of Q3 2026 in UTC (92 days later). */
export const Q3_END = Date.UTC(2026, 9 /* Oct */, 1);
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const DAY = 86_400_000;

export function seriesOf(times: number[], values: Array<number | null>): SeriesData {
  return extractSeries(times, values);
}

/** A series sampled every `step` ms from `start`. */
export function evenSeries(start: number, step: number, values: Array<number | null>): SeriesData {
  return seriesOf(
    values.map((_, i) => start + i * step),
    values
  );
}

export function frameOf(input: {
  name?: string;
  times: number[];
  values: Array<number | null>;
  config?: FieldConfig;
}): DataFrame {
  return createDataFrame({
    fields: [
      { name: 'time', type: FieldType.time, values: input.times },
      { name: input.name ?? 'mrr', type: FieldType.number, values: input.values, config: input.config ?? {} },
    ],
  });
}

/** Daily samples from Q3_START. */
export function dailyFrame(values: Array<number | null>, name = 'mrr', config?: FieldConfig): DataFrame {
  return frameOf({ name, times: values.map((_, i) => Q3_START + i * DAY), values, config });
}
