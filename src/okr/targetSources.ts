/**
 * Where a target that changes over time comes from (keyResultSteps.ts judges with it): the target series
 * matched in the data, or inline steps, or a plain `target` / `targetMax` beside the other bound's series,
 * each read into a step function (targetSteps.ts) with a specific message when it cannot be.
 *
 * - Target series are matched with the KPI's rules (a display name or /regex/) and are then never taken
 *   for the KPI: `series: "/^p95/"` beside `targetSeries: "p95 target"` is the KPI 'p95'.
 * - A target series not found has no steps (the match said why). A time given twice with two values is
 *   invalid: extraction keeps the last row silently, which for targets would hide a conflict.
 * - Inline dates are read in the dashboard's time zone; two steps on one instant are invalid; a relative
 *   value ("+5%") needs the baseline.
 */
import { dateTimeFormat } from '@grafana/data';
import { parseTime, parseValue } from './extract';
import type { KrStatus } from './model';
import { parseInstant } from './period';
import { quote } from './readers';
import { matchSeries, type SeriesCandidate, type SeriesCatalog, type SeriesMatch } from './series';
import { effectiveTarget, noBaselineMessage } from './target';
import { constantStep, NO_STEPS, stepsFromPairs, stepsFromSeries, type StepFunction } from './targetSteps';
import type { KeyResultDef } from './validate';

export type Built = { ok: true; steps: StepFunction } | { ok: false; message: string; status: KrStatus };

/** What the sources need to know: the key result, its baseline, the matched series and the time zone. */
export interface SourceInput {
  def: KeyResultDef;
  baseline: number | null;
  targetSeries: TargetSeriesMatch;
  timeZone: string;
}

export interface TargetSeriesMatch {
  lower: SeriesCandidate | null;
  upper: SeriesCandidate | null;
  messages: string[];
  /** A target series regex that does not compile. */
  invalid: boolean;
}

export const NO_TARGET_SERIES: TargetSeriesMatch = { lower: null, upper: null, messages: [], invalid: false };

export function matchTargetSeries(def: KeyResultDef, catalog: SeriesCatalog): TargetSeriesMatch {
  const overTime = def.overTime;
  if (!overTime) {
    return NO_TARGET_SERIES;
  }
  const messages: string[] = [];
  let invalid = false;
  const match = (spec: string | null, what: string): SeriesCandidate | null => {
    if (spec === null) {
      return null;
    }
    const found: SeriesMatch = matchSeries(catalog, spec, what);
    if (!found.ok) {
      messages.push(found.message);
      invalid ||= found.invalid;
      return null;
    }
    messages.push(...found.messages);
    return found.candidate;
  };
  const lower = match(overTime.series, 'targetSeries');
  const upper = match(overTime.maxSeries, 'targetMaxSeries');
  return { lower, upper, messages, invalid };
}

export function targetSeriesNames(match: TargetSeriesMatch): string[] {
  return [match.lower, match.upper].flatMap((candidate) => (candidate ? [candidate.displayName] : []));
}

/**
 * The KPI series, matched without the target series; a spec that names only a target series says so
 * rather than "not found".
 */
export function matchKpiSeries(catalog: SeriesCatalog, spec: string, targets: TargetSeriesMatch): SeriesMatch {
  const taken = [targets.lower, targets.upper].filter((candidate) => candidate !== null);
  if (taken.length === 0) {
    return matchSeries(catalog, spec);
  }
  const kpi = matchSeries({ ...catalog, candidates: catalog.candidates.filter((c) => !taken.includes(c)) }, spec);
  const anywhere = kpi.ok ? null : matchSeries(catalog, spec);
  if (anywhere?.ok && taken.includes(anywhere.candidate)) {
    const message = `series '${spec}' is the key result's target series: name the KPI in series and the targets in targetSeries`;
    return { ok: false, message, invalid: true };
  }
  return kpi;
}

/** The lower bound (or the target): inline steps, a target series, or `target` beside a targetMaxSeries. */
export function lowerSteps(input: SourceInput): Built {
  const { def, targetSeries } = input;
  const overTime = def.overTime!;
  if (overTime.steps !== null) {
    return inlineSteps(input);
  }
  if (overTime.series !== null) {
    return seriesSteps(targetSeries.lower, 'targetSeries', input.timeZone);
  }
  return constantTarget(def.target!, 'target', input.baseline);
}

export function upperSteps(input: SourceInput): Built {
  const { def, targetSeries } = input;
  if (def.overTime!.maxSeries !== null) {
    return seriesSteps(targetSeries.upper, 'targetMaxSeries', input.timeZone);
  }
  return constantTarget(def.targetMax!, 'targetMax', input.baseline);
}

function constantTarget(spec: NonNullable<KeyResultDef['target']>, what: string, baseline: number | null): Built {
  const value = effectiveTarget(spec, baseline);
  return value === null
    ? { ok: false, message: noBaselineMessage(spec, what), status: 'noData' }
    : { ok: true, steps: constantStep(value) };
}

/** Not found: no steps at all (the match already said why). A time given twice with two values: invalid. */
function seriesSteps(candidate: SeriesCandidate | null, what: string, timeZone: string): Built {
  if (!candidate) {
    return { ok: true, steps: NO_STEPS };
  }
  const data = candidate.data();
  const rows = Math.min(candidate.timeField.values.length, candidate.field.values.length);
  // Extraction keeps the last of repeated times silently; for targets that would hide a conflict.
  const repeated = data.times.length < rows ? repeatedTime(candidate) : null;
  if (repeated) {
    const [first, second] = repeated.values.map((value) => (value === value ? String(value) : 'null'));
    const at = formatTime(repeated.time, timeZone);
    return {
      ok: false,
      message: `${what} '${candidate.displayName}' has two values at ${at} (${first} and ${second}): keep one target per time`,
      status: 'invalid',
    };
  }
  return { ok: true, steps: stepsFromSeries(data) };
}

/** The first time given twice with two different values (null and a number differ), or null. */
function repeatedTime(candidate: SeriesCandidate): { time: number; values: [number, number] } | null {
  const times = candidate.timeField.values;
  const values = candidate.field.values;
  const seen = new Map<number, number>();
  for (let row = 0; row < Math.min(times.length, values.length); row++) {
    const time = parseTime(times[row]);
    if (!(time === time)) {
      continue;
    }
    const value = parseValue(values[row]);
    const earlier = seen.get(time);
    if (earlier !== undefined && !(earlier === value || (earlier !== earlier && value !== value))) {
      return { time, values: [earlier, value] };
    }
    seen.set(time, value);
  }
  return null;
}

function inlineSteps(input: SourceInput): Built {
  const pairs: Array<{ time: number; value: number; number: number; from: unknown }> = [];
  for (const step of input.def.overTime!.steps!) {
    const what = `targets step ${step.number}`;
    const time = typeof step.from === 'string' ? parseInstant(step.from, input.timeZone) : null;
    if (time === null) {
      return { ok: false, message: `${what} from ${quote(step.from)} is not an ISO date`, status: 'invalid' };
    }
    const value = effectiveTarget(step.value, input.baseline);
    if (value === null) {
      return { ok: false, message: noBaselineMessage(step.value, `${what} value`), status: 'noData' };
    }
    pairs.push({ time, value, number: step.number, from: step.from });
  }
  const sorted = [...pairs].sort((a, b) => a.time - b.time);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].time === sorted[i - 1].time) {
      const [a, b] = [sorted[i - 1], sorted[i]].sort((x, y) => x.number - y.number);
      const message = `targets steps ${a.number} and ${b.number} are both from ${quote(a.from)}: keep one`;
      return { ok: false, message, status: 'invalid' };
    }
  }
  return { ok: true, steps: stepsFromPairs(pairs) };
}

export function formatTime(time: number, timeZone: string): string {
  return dateTimeFormat(time, { timeZone, format: 'YYYY-MM-DD HH:mm' });
}
