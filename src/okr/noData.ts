/**
 * How much of a key result's period has no data, and why a series has no sample in it.
 *
 * noDataSeconds = elapsed − covered (coverage.ts), for every key result with a series.
 * No sample in [start, as-of]: the message says how many samples the series has and where they lie, with
 * a hint for the usual causes: "series 'deals' has no sample in 2026-Q3 up to as-of: its 2 samples lie
 * from 1970-01-21 15:14 to 1970-01-21 15:15: times look like seconds, not milliseconds".
 */
import { dateTimeFormat } from '@grafana/data';
import { addToCoverage, coveredMs, EMPTY_COVERAGE } from './coverage';
import type { PeriodModel } from './model';
import type { SampleWindow } from './reduce';
import { foldWindow } from './scanCache';
import type { SeriesData } from './series';

export function coverageState(series: SeriesData, window: SampleWindow) {
  return foldWindow(series, `coverage|${series.gapMs}`, window, {
    init: () => EMPTY_COVERAGE,
    add: (state, part) => addToCoverage(state, series, part),
  });
}

export function noDataSeconds(input: {
  series: SeriesData;
  window: SampleWindow;
  period: PeriodModel;
  asOf: number;
}): number {
  const { series, window, period, asOf } = input;
  const elapsed = asOf - period.start;
  if (!(elapsed > 0)) {
    return 0;
  }
  return Math.max(0, elapsed - coveredMs(coverageState(series, window), { asOf, gapMs: series.gapMs })) / 1000;
}

/**
 * Why a series has no sample in [start, as-of]: how many samples it has and where they lie, with a hint
 * for the usual cause (times in seconds instead of milliseconds land in January 1970).
 */
export function noSampleReason(input: {
  name: string;
  series: SeriesData;
  window: SampleWindow;
  period: PeriodModel;
  timeZone: string;
}): string | null {
  const { name, series, window, period, timeZone } = input;
  const where = `in ${period.label} up to as-of`;
  if (window.to > window.from) {
    const samples = window.to - window.from;
    return `series '${name}' has only null values ${where} (${samples} ${samples === 1 ? 'sample' : 'samples'})`;
  }
  const count = series.times.length;
  if (count === 0) {
    return null; // series.ts already says the series has no rows
  }
  const format = (time: number) => dateTimeFormat(time, { timeZone, format: 'YYYY-MM-DD HH:mm' });
  const first = series.times[0];
  const last = series.times[count - 1];
  const hint =
    last < SECONDS_AS_MS_LIMIT
      ? ': times look like seconds, not milliseconds'
      : first < 0
        ? ': times are negative'
        : '';
  return `series '${name}' has no sample ${where}: its ${count} samples lie from ${format(first)} to ${format(last)}${hint}`;
}

/** Epoch seconds of any date from 1973 to 2286 read as milliseconds fall before this (1973-03-03). */
const SECONDS_AS_MS_LIMIT = 1e11;
