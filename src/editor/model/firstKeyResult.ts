import { firstStepAboveBase } from '../../okr';
import { KeyResultOption, OkrOptions } from '../../types';
import { isJsonRecord, uniqueKeyResultId } from './edits';

/**
 * "Track as key result": the first key result a new user gets from one of the panel's series, so an empty
 * panel shows value in one click. This quarter, increase, and a target the series already states: its first
 * threshold step above the base when the thresholds were set by someone (Grafana's default base + 80 says
 * nothing), else 10% above the automatic baseline.
 *
 * Example: { displayName: 'p95 latency', thresholds: absolute [base, 250, 400] } → target 250;
 * { displayName: 'mrr' } → target '+10%'.
 */
export interface TrackedSeries {
  displayName: string;
  /** The series' field config thresholds, after Grafana applied defaults and overrides. */
  thresholds?: unknown;
}

export const DEFAULT_OBJECTIVE_TITLE = 'Objectives';

export function firstKeyResult(series: TrackedSeries): KeyResultOption {
  return {
    title: series.displayName,
    series: series.displayName,
    period: 'thisQuarter',
    kind: 'increase',
    target: firstStepAboveBase(series.thresholds) ?? '+10%',
  };
}

/**
 * The options with the key result added to the first objective (one titled "Objectives" is created when
 * there is none). Everything else in the saved options, understood or not, is carried over as it is.
 */
export function trackAsKeyResult(options: OkrOptions, series: TrackedSeries): OkrOptions {
  const objectives: unknown[] = Array.isArray(options.objectives) ? options.objectives : [];
  const keyResult = { id: uniqueKeyResultId(objectives), ...firstKeyResult(series) };
  const [first, ...rest] = objectives;
  if (isJsonRecord(first) && Array.isArray(first.keyResults)) {
    const updated = { ...first, keyResults: [...first.keyResults, keyResult] };
    return { ...options, objectives: [updated, ...rest] as OkrOptions['objectives'] };
  }
  return {
    ...options,
    objectives: [
      { title: DEFAULT_OBJECTIVE_TITLE, keyResults: [keyResult] },
      ...objectives,
    ] as OkrOptions['objectives'],
  };
}
