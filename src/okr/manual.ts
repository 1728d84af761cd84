/**
 * Manual key results: no series, updated by hand through check-ins (checkIns.ts). Their series is their
 * check-ins that carry a value, read as steps: a value entered by hand holds until the next check-in.
 * - Current value: the latest check-in's value at or before as-of, even one from before the period
 *   (the reducer runs over the period's check-ins, with the value carried in at the start counting as one:
 *   lastNotNull, the default, is exactly "the latest check-in").
 * - Automatic baseline: the value at the period start (the latest check-in before it), else the first
 *   check-in in the period.
 * - No gap rule (a value holds however long until it is changed) and breaches cross at check-in times,
 *   not between them.
 * - Cumulative ('sum'): the period's check-in values add up; nothing is carried in (it would be counted twice).
 * Example: Q3 2026; check-ins Jun 20 = 1, Jul 20 = 1, Aug 10 = 2 segments; target 3, as-of Aug 15 →
 * series (Jun 20, 1), (Jul 1, 1 carried in), (Jul 20, 1), (Aug 10, 2): baseline 1, current 2, progress
 * (2 − 1) / (3 − 1) = 0.5.
 */
import type { CheckIn } from './checkIns';
import type { NumberColumn } from './extract';
import { upperBound } from './reduce';
import type { SeriesData } from './series';

export function manualSeries(input: {
  checkIns: readonly CheckIn[];
  periodStart: number;
  cumulative: boolean;
}): SeriesData {
  const { checkIns, periodStart, cumulative } = input;
  const valued = checkIns.filter((checkIn): checkIn is CheckIn & { value: number } => checkIn.value !== null);
  const before = valued.filter((checkIn) => checkIn.time < periodStart);
  const carried =
    !cumulative && before.length > 0 && !valued.some((checkIn) => checkIn.time === periodStart)
      ? [{ time: periodStart, value: before[before.length - 1].value }]
      : [];
  const samples = [...before, ...carried, ...valued.slice(before.length)];
  return {
    times: Float64Array.from(samples, (sample) => sample.time),
    values: Float64Array.from(samples, (sample) => sample.value),
    hasMissing: false,
    gapMs: Infinity,
    steps: true,
    lineage: {},
  };
}

/**
 * What a manual key result is judged on: its check-ins as a step series, named "<title> (check-ins)" on the
 * chart, and why it has no value yet when it has none.
 */
export function manualSource(input: {
  title: string;
  checkIns: readonly CheckIn[];
  period: { start: number };
  asOf: number;
  cumulative: boolean;
}): { displayName: string; data: () => SeriesData; messages: string[] } {
  const { title, checkIns, period, asOf, cumulative } = input;
  const reason = noCheckInReason({ title, checkIns, asOf });
  const series = manualSeries({ checkIns, periodStart: period.start, cumulative });
  return { displayName: `${title} (check-ins)`, data: () => series, messages: reason ? [reason] : [] };
}

/** Why a manual key result has no value yet ("no check-ins yet for 'X'"); null when it has one. */
export function noCheckInReason(input: { title: string; checkIns: readonly CheckIn[]; asOf: number }): string | null {
  const { title, checkIns, asOf } = input;
  if (checkIns.length === 0) {
    return `no check-ins yet for '${title}'`;
  }
  if (checkIns.some((checkIn) => checkIn.value !== null && checkIn.time <= asOf)) {
    return null;
  }
  return checkIns.some((checkIn) => checkIn.time <= asOf)
    ? `no check-in with a value yet for '${title}': its check-ins give no value`
    : `no check-ins yet for '${title}' up to as-of`;
}

/**
 * The value a step series holds at `time`: its latest sample at or before it (null before the first, or when
 * that sample is a gap). Check-ins (1 on Jul 20, 2 on Aug 10) hold 1 on Aug 5 and 2 from Aug 10 on.
 */
export function heldValueAt(series: { times: NumberColumn; values: NumberColumn }, time: number): number | null {
  const index = upperBound(series.times, time) - 1;
  const value = index >= 0 ? series.values[index] : NaN;
  return value === value ? value : null;
}
