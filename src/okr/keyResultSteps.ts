/**
 * A key result whose target changes over time (targetSeries, targetMaxSeries, targets): the rules of
 * targetSteps.ts applied to one key result. keyResult.ts calls these in place of a single target.
 *
 * - The target series are matched first, with the KPI's rules (a display name or /regex/), and are never
 *   taken for the KPI: `series: "/mrr.*\/"` beside `targetSeries: "mrr target"` is the KPI 'mrr'.
 * - stay kinds: each moment is judged against the bound in force (breaches.ts); the reported `target`
 *   is the one in force at as-of; time with no target in force is neither within target nor a breach.
 * - increase/decrease: the expected value at t is the target in force at t (no pace line, no
 *   milestones); progress is measured toward the target in force at the period's end (the final one),
 *   which is the reported `target`. Example, baseline 1.5M, steps Jul 1.6M / Aug 1.7M / Sep 1.8M, as-of
 *   Aug 15 with 1.65M: expected 1.7M → expected progress 0.2 / 0.3 ≈ 0.667, progress 0.15 / 0.3 = 0.5,
 *   gap −0.167 → offTrack (defaults).
 * - Problems are specific and per key result: a target series not found (noData, as a KPI series), a
 *   repeated time with two values, an inline date that does not parse, two steps on one date, a band
 *   whose upper bound drops below its lower one (invalid).
 */
import { dateTimeFormat } from '@grafana/data';
import type { KeyResultKind } from '../types';
import { targetSeverity, type BoundSpec } from './breaches';
import { coveredBetween } from './coverage';
import { parseTime, parseValue } from './extract';
import type { KeyResultModel, KrStatus, PeriodModel } from './model';
import { parseInstant } from './period';
import { quote } from './readers';
import type { SampleWindow } from './reduce';
import { matchSeries, type SeriesCandidate, type SeriesCatalog, type SeriesData, type SeriesMatch } from './series';
import { effectiveTarget, noBaselineMessage } from './target';
import {
  constantStep,
  inForce,
  mergeSteps,
  NO_STEPS,
  scanBounds,
  stepsFromPairs,
  stepsFromSeries,
  stepsInPeriod,
  stepsKey,
  stretchesWithoutTarget,
  valueAtAsOf,
  valueBefore,
  type BandSteps,
  type StepFunction,
} from './targetSteps';
import type { KeyResultDef } from './validate';

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

export interface SteppedInput {
  def: KeyResultDef;
  kind: KeyResultKind;
  period: PeriodModel;
  asOf: number;
  baseline: number | null;
  targetSeries: TargetSeriesMatch;
  /** The KPI as sampled, and its window: time with no target is taken out of its covered time. */
  raw: SeriesData;
  window: SampleWindow;
  timeZone: string;
  criticalRatio: number;
}

export interface SteppedTargets {
  /** In force at as-of (stay kinds) or before the period's end (increase/decrease). */
  target: number | null;
  targetMax: number | null;
  /** Nothing to judge: the model's status and messages say why. */
  blocked: boolean;
  /** The bounds a stay kind's own breaches are judged against. */
  own: BoundSpec | null;
  /** increase/decrease: the target in force at as-of, null when none is. */
  expectedValue: number | null;
  /** Covered time (coverage.ts) with no target in force: taken out of the time within target. */
  unjudgedCoveredMs: number;
}

type Built = { ok: true; steps: StepFunction } | { ok: false; message: string; status: KrStatus };

export function steppedTargets(model: KeyResultModel, input: SteppedInput): SteppedTargets {
  const { kind, period, asOf } = input;
  const isBand = kind === 'stayWithin';
  const started = asOf >= period.start;
  const lower = lowerSteps(input);
  const upper = isBand ? upperSteps(input) : null;
  const failure = !lower.ok ? lower : upper && !upper.ok ? upper : null;
  if (failure || !lower.ok || (upper && !upper.ok)) {
    model.messages.push(failure?.message ?? 'the target over time could not be read');
    model.status = failure?.status === 'noData' && !started ? 'notStarted' : (failure?.status ?? 'invalid');
    return blocked();
  }
  const band = mergeSteps(lower.steps, upper?.steps ?? null);
  const empty = isBand ? emptyBandMessage(band, input) : null;
  if (empty) {
    model.messages.push(empty);
    model.status = 'invalid';
    return blocked();
  }
  const until = Math.min(asOf, period.end);
  const gaps = stretchesWithoutTarget(band, { from: period.start, to: until, isBand });
  const gapMs = gaps.reduce((sum, [from, to]) => sum + (to - from), 0);
  model.targetSteps = stepsInPeriod(band, { ...period, isBand });
  model.noTargetSeconds = gapMs / 1000;
  const known = (value: number) => (value === value ? value : null);
  // A series not found (or with no rows) has already been reported; other sources say where they start.
  const hasSteps = lower.steps.times.length > 0 && (upper === null || upper.steps.times.length > 0);
  const whereFirst = () => firstTargetText(band, { ...input, isBand });
  if (kind === 'increase' || kind === 'decrease') {
    const final = valueBefore(lower.steps, period.end);
    if (!(final === final)) {
      if (hasSteps) {
        const why = lower.steps.times[0] < period.end ? 'the last step before it holds no value' : whereFirst();
        model.messages.push(`no target in force at the end of ${period.label}: ${why}`);
      }
      model.status = started ? 'noData' : 'notStarted';
      return blocked();
    }
    const expectedValue = started ? known(valueAtAsOf(lower.steps, asOf, period.end)) : null;
    if (started && expectedValue === null) {
      model.messages.push(`no target in force at as-of: ${whereFirst()}; nothing is expected yet`);
    }
    if (input.def.milestones.length > 0) {
      model.messages.push('milestones are not used: the expected value follows the target over time');
    }
    return { target: final, targetMax: null, blocked: false, own: null, expectedValue, unjudgedCoveredMs: 0 };
  }
  const target = known(valueAtAsOf(lower.steps, asOf, period.end));
  const targetMax = upper ? known(valueAtAsOf(upper.steps, asOf, period.end)) : null;
  if (started && until > period.start && gapMs >= until - period.start) {
    if (hasSteps) {
      model.messages.push(`no target in force in ${period.label} up to as-of: ${whereFirst()}`);
    }
    model.status = 'noData';
    return { ...blocked(), target, targetMax };
  }
  if (gaps.length > 0) {
    model.messages.push(noTargetMessage(gaps, input.timeZone));
  }
  const unjudgedCoveredMs = gaps.reduce(
    (sum, [from, to]) => sum + coveredBetween(input.raw, input.window, { from, to, asOf }),
    0
  );
  return { target, targetMax, blocked: false, own: ownBounds(band, input), expectedValue: null, unjudgedCoveredMs };
}

function blocked(): SteppedTargets {
  return { target: null, targetMax: null, blocked: true, own: null, expectedValue: null, unjudgedCoveredMs: 0 };
}

function ownBounds(band: BandSteps, input: SteppedInput): BoundSpec {
  const kind = input.kind as 'stayAbove' | 'stayBelow' | 'stayWithin';
  const steps = scanBounds(band, kind);
  return {
    steps,
    key: `target|steps|${kind}|${stepsKey(steps)}|${input.criticalRatio}`,
    source: 'target',
    severity: targetSeverity(kind, input.criticalRatio),
  };
}

/** The lower bound (or the target): inline steps, a target series, or `target` beside a targetMaxSeries. */
function lowerSteps(input: SteppedInput): Built {
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

function upperSteps(input: SteppedInput): Built {
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

function inlineSteps(input: SteppedInput): Built {
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

/** The first step inside the period whose upper bound is below its lower one, as a message. */
function emptyBandMessage(band: BandSteps, input: SteppedInput): string | null {
  const { period, timeZone } = input;
  for (let i = 0; i < band.times.length; i++) {
    const from = Math.max(band.times[i], period.start);
    const to = i + 1 < band.times.length ? band.times[i + 1] : Infinity;
    const [low, high] = [band.lows[i], band.highs[i]];
    if (to > period.start && from < period.end && low > high) {
      return `targetMax (${high}) is below target (${low}) from ${formatTime(from, timeZone)}: the band [target, targetMax] is empty`;
    }
  }
  return null;
}

function noTargetMessage(gaps: Array<[number, number]>, timeZone: string): string {
  const [from, to] = gaps[0];
  const more = gaps.length > 1 ? ` and ${gaps.length - 1} more ${gaps.length === 2 ? 'stretch' : 'stretches'}` : '';
  return `no target in force from ${formatTime(from, timeZone)} to ${formatTime(to, timeZone)}${more}: that time is not judged`;
}

/** Where the target over time starts: "the first target of targetSeries 'plan' is from 2026-08-01 00:00". */
function firstTargetText(band: BandSteps, input: SteppedInput & { isBand: boolean }): string {
  const overTime = input.def.overTime!;
  const sources = [
    overTime.steps !== null ? 'targets' : null,
    overTime.series !== null ? `targetSeries ${quote(input.targetSeries.lower?.displayName ?? overTime.series)}` : null,
    overTime.maxSeries !== null
      ? `targetMaxSeries ${quote(input.targetSeries.upper?.displayName ?? overTime.maxSeries)}`
      : null,
  ].filter((source) => source !== null);
  const of = sources.join(' and ');
  for (let i = 0; i < band.times.length; i++) {
    if (inForce(band, i, input.isBand)) {
      return `the first target of ${of} is from ${formatTime(band.times[i], input.timeZone)}`;
    }
  }
  return `${of} ${sources.length > 1 ? 'hold' : 'holds'} no target`;
}

function formatTime(time: number, timeZone: string): string {
  return dateTimeFormat(time, { timeZone, format: 'YYYY-MM-DD HH:mm' });
}
