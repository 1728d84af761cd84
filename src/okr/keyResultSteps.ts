/**
 * A key result whose target changes over time (targetSeries, targetMaxSeries, targets): the rules of
 * targetSteps.ts applied to one key result. keyResult.ts calls these in place of a single target.
 *
 * - Where the target comes from (target series, inline steps) is targetSources.ts.
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
import type { KeyResultKind } from '../types';
import { targetSeverity, type BoundSpec } from './breaches';
import { coveredBetween } from './coverage';
import type { ModelPart } from './keyResultModel';
import type { PeriodModel } from './model';
import { quote } from './readers';
import type { SampleWindow } from './reduce';
import type { SeriesData } from './series';
import { formatTime, lowerSteps, upperSteps, type TargetSeriesMatch } from './targetSources';
import {
  inForce,
  mergeSteps,
  scanBounds,
  stepsInPeriod,
  stepsKey,
  stretchesWithoutTarget,
  valueAtAsOf,
  valueBefore,
  type BandSteps,
} from './targetSteps';
import type { KeyResultDef } from './validate';

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
  /** What the model shows of it: messages, the steps in the period, time with no target; status when blocked. */
  part: ModelPart;
}

export function steppedTargets(input: SteppedInput): SteppedTargets {
  const { kind, period, asOf } = input;
  const isBand = kind === 'stayWithin';
  const started = asOf >= period.start;
  const lower = lowerSteps(input);
  const upper = isBand ? upperSteps(input) : null;
  const failure = !lower.ok ? lower : upper && !upper.ok ? upper : null;
  if (failure || !lower.ok || (upper && !upper.ok)) {
    const status = failure?.status === 'noData' && !started ? 'notStarted' : (failure?.status ?? 'invalid');
    return blocked({ messages: [failure?.message ?? 'the target over time could not be read'], status });
  }
  const band = mergeSteps(lower.steps, upper?.steps ?? null);
  const empty = isBand ? emptyBandMessage(band, input) : null;
  if (empty) {
    return blocked({ messages: [empty], status: 'invalid' });
  }
  const until = Math.min(asOf, period.end);
  const gaps = stretchesWithoutTarget(band, { from: period.start, to: until, isBand });
  const gapMs = gaps.reduce((sum, [from, to]) => sum + (to - from), 0);
  const shown = { targetSteps: stepsInPeriod(band, { ...period, isBand }), noTargetSeconds: gapMs / 1000 };
  const known = (value: number) => (value === value ? value : null);
  // A series not found (or with no rows) has already been reported; other sources say where they start.
  const hasSteps = lower.steps.times.length > 0 && (upper === null || upper.steps.times.length > 0);
  const whereFirst = () => firstTargetText(band, { ...input, isBand });
  const messages: string[] = [];
  if (kind === 'increase' || kind === 'decrease') {
    const final = valueBefore(lower.steps, period.end);
    if (!(final === final)) {
      if (hasSteps) {
        const why = lower.steps.times[0] < period.end ? 'the last step before it holds no value' : whereFirst();
        messages.push(`no target in force at the end of ${period.label}: ${why}`);
      }
      return blocked({ ...shown, messages, status: started ? 'noData' : 'notStarted' });
    }
    const expectedValue = started ? known(valueAtAsOf(lower.steps, asOf, period.end)) : null;
    if (started && expectedValue === null) {
      messages.push(`no target in force at as-of: ${whereFirst()}; nothing is expected yet`);
    }
    if (input.def.milestones.length > 0) {
      messages.push('milestones are not used: the expected value follows the target over time');
    }
    const part = { ...shown, messages };
    return { target: final, targetMax: null, blocked: false, own: null, expectedValue, unjudgedCoveredMs: 0, part };
  }
  const target = known(valueAtAsOf(lower.steps, asOf, period.end));
  const targetMax = upper ? known(valueAtAsOf(upper.steps, asOf, period.end)) : null;
  if (started && until > period.start && gapMs >= until - period.start) {
    if (hasSteps) {
      messages.push(`no target in force in ${period.label} up to as-of: ${whereFirst()}`);
    }
    return { ...blocked({ ...shown, messages, status: 'noData' }), target, targetMax };
  }
  if (gaps.length > 0) {
    messages.push(noTargetMessage(gaps, input.timeZone));
  }
  const unjudgedCoveredMs = gaps.reduce(
    (sum, [from, to]) => sum + coveredBetween(input.raw, input.window, { from, to, asOf }),
    0
  );
  const own = ownBounds(band, input);
  return {
    target,
    targetMax,
    blocked: false,
    own,
    expectedValue: null,
    unjudgedCoveredMs,
    part: { ...shown, messages },
  };
}

function blocked(part: ModelPart): SteppedTargets {
  return { target: null, targetMax: null, blocked: true, own: null, expectedValue: null, unjudgedCoveredMs: 0, part };
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
