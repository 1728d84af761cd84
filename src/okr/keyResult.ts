/**
 * One key result: definition + shared context → KeyResultModel. Orchestrates the rules written in
 * period.ts, series.ts, reduce.ts, cumulative.ts, target.ts, progress.ts, pace.ts, coverage.ts,
 * breaches.ts and forecast.ts; the only rules of its own:
 *
 * - As-of = min(period end, timeRange.to, now).
 * - Effective baseline: as configured; else 0 for a cumulative ('sum') key result; else the first
 *   non-null value in the period.
 * - stay* kinds have no pace toward a value: their pace line is flat at the target (at the lower bound
 *   for stayWithin), expected/expectedValue are null, and progress is the time within target
 *   (coverage.ts).
 * - Every number reaches a view finite: a non-finite result (values near ±1e308 overflow: baseline
 *   −1e308 → target 1e308 spans Infinity) makes the key result 'invalid' with a message, and its
 *   numbers, pace and forecast are withheld.
 * - Messages are bounded (MAX_MESSAGE characters) so hostile input cannot flood a view.
 * - A target that changes over time (targetSeries, targets) replaces the single target: keyResultSteps.ts.
 * - Check-ins (checkIns.ts) are attached to every key result, with the latest at or before its as-of
 *   (or, when it has none, the panel's anchor); a manual key result is judged on them (manual.ts).
 */
import type { Field } from '@grafana/data';
import type { KeyResultKind } from '../types';
import { latestCheckIn, type CheckInRead } from './checkIns';
import { summarizeBreaches, targetBounds } from './breaches';
import { coveredMs, timeWithinTarget } from './coverage';
import { coverageState, noDataSeconds, noSampleReason } from './noData';
import { runningTotal } from './cumulative';
import { addToSums, EMPTY_SUMS, forecast, lineFromSums } from './forecast';
import { scanBreaches, type BreachContext } from './keyResultBreaches';
import type { Breach, ForecastModel, KeyResultModel, PeriodModel, TimeValue } from './model';
import { expectedAt, paceVertices, resolveMilestones, statusOf } from './pace';
import { resolvePeriod, type PeriodContext } from './period';
import { directionMismatch, isStayKind, progressOf } from './progress';
import { addToStats, EMPTY_STATS, firstFiniteIndex, reduceWindow, sampleWindow, type SampleWindow } from './reduce';
import { foldWindow } from './scanCache';
import type { SeriesCandidate, SeriesCatalog, SeriesData } from './series';
import { effectiveTarget, noBaselineMessage, type TargetSpec } from './target';
import type { KeyResultDef } from './validate';
import { blankModel, buildModel, nonFinitePart, type ModelPart } from './keyResultModel';
import { steppedTargets, type SteppedTargets } from './keyResultSteps';
import { manualSource } from './manual';
import { matchKpiSeries, matchTargetSeries, targetSeriesNames, type TargetSeriesMatch } from './targetSources';

export interface EvaluationContext extends PeriodContext, BreachContext {
  catalog: SeriesCatalog;
  checkIns: CheckInRead;
  timeRange: { from: number; to: number };
  now: number;
}

const MAX_MESSAGE = 300;

export function evaluateKeyResult(def: KeyResultDef, context: EvaluationContext): KeyResultModel {
  const blank = blankModel(def);
  const defMessages: ModelPart = {
    messages: [...def.problems, ...def.notes, ...(context.checkIns.notes.get(def.id) ?? [])],
  };
  let judged: KeyResultModel;
  try {
    const found = buildModel(blank, [defMessages, ...describe(def, context)]);
    const withheld = nonFinitePart(found);
    judged = withheld ? buildModel(found, [withheld]) : found;
  } catch (error) {
    const message = `could not evaluate: ${error instanceof Error ? error.message : String(error)}`;
    judged = buildModel(blank, [defMessages, { status: 'invalid', messages: [message] }]);
  }
  const checkIns = context.checkIns.byKeyResult.get(def.id) ?? [];
  return {
    ...judged,
    checkIns,
    latestCheckIn: latestCheckIn(checkIns, judged.asOf ?? context.anchor),
    messages: judged.messages.map((message) =>
      message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message
    ),
  };
}

/** The key result's parts, in order: its period and as-of, its target series, then the judgement. */
function describe(def: KeyResultDef, context: EvaluationContext): ModelPart[] {
  if (def.malformed) {
    return [];
  }
  const resolved = resolvePeriod(def.period, context);
  const period = resolved.ok ? resolved.period : null;
  const periodPart: ModelPart = { period, messages: resolved.ok ? [] : [resolved.message] };
  const noTarget = def.target === null && !def.overTime;
  const unseries = def.series === null && !def.manual;
  if (!period || def.problems.length > 0 || def.kind === null || noTarget || unseries) {
    // Milestone dates are still checked, so every problem is reported at once.
    const milestoneNotes = resolveMilestones(def.milestones, { period, timeZone: context.timeZone }).notes;
    return [periodPart, { messages: milestoneNotes }];
  }
  const asOf = Math.min(period.end, context.timeRange.to, context.now);
  // Targets that change over time: their series are matched first, and never taken for the KPI.
  const targetSeries = matchTargetSeries(def, context.catalog);
  const targetPart: ModelPart = {
    asOf,
    messages: targetSeries.messages,
    targetSeriesNames: targetSeriesNames(targetSeries),
    ...(targetSeries.invalid ? { status: 'invalid' } : {}),
  };
  if (targetSeries.invalid) {
    return [periodPart, targetPart];
  }
  if (def.series === null) {
    const checkIns = context.checkIns.byKeyResult.get(def.id) ?? [];
    const source = manualSource({ title: def.title, checkIns, period, asOf, cumulative: def.reducer === 'sum' });
    const judgement = { def, kind: def.kind, period, asOf, candidate: source, context, targetSeries };
    return [periodPart, targetPart, { messages: source.messages }, ...judge(judgement)];
  }
  const match = matchKpiSeries(context.catalog, def.series, targetSeries);
  if (!match.ok) {
    return [periodPart, targetPart, { messages: [match.message], status: match.invalid ? 'invalid' : 'noData' }];
  }
  const judgement = { def, kind: def.kind, period, asOf, candidate: match.candidate, context, targetSeries };
  return [periodPart, targetPart, { messages: match.messages }, ...judge(judgement)];
}

interface Judgement {
  def: KeyResultDef;
  kind: KeyResultKind;
  period: PeriodModel;
  asOf: number;
  candidate: JudgedSource;
  context: EvaluationContext;
  targetSeries: TargetSeriesMatch;
}

/** What a key result is judged on: a matched KPI series, or a manual key result's check-ins. */
type JudgedSource = Pick<SeriesCandidate, 'displayName' | 'data'> & { field?: Field };

function judge(input: Judgement): ModelPart[] {
  const { def, period, asOf, candidate, context } = input;
  const raw = candidate.data();
  const window = sampleWindow(raw.times, { start: period.start, asOf, end: period.end });
  const firstIndex = firstFiniteIndex(raw.values, window);
  const hasData = firstIndex >= 0;
  const reason =
    !hasData && asOf >= period.start && !def.manual
      ? noSampleReason({ name: candidate.displayName, series: raw, window, period, timeZone: context.timeZone })
      : null;
  const cumulative = def.reducer === 'sum';
  const baseline = def.baseline ?? (cumulative ? 0 : hasData ? raw.values[firstIndex] : null);
  const judged =
    cumulative && baseline !== null ? runningTotal({ series: raw, window, start: period.start, baseline }) : raw;
  const judgedWindow = judged === raw ? window : { from: 0, to: judged.times.length };
  const current = currentValue({ def, raw, window, judged, started: asOf >= period.start });
  const { milestones, notes } = resolveMilestones(def.milestones, { period, timeZone: context.timeZone });
  const stepped = def.overTime
    ? steppedTargets({
        ...input,
        baseline,
        raw,
        window,
        timeZone: context.timeZone,
        criticalRatio: context.tolerances.offTrack,
      })
    : null;
  const targets = stepped ?? effectiveTargets({ def, baseline, started: asOf >= period.start });
  const series: ModelPart = {
    messages: [...(reason ? [reason] : []), ...current.messages, ...notes],
    seriesName: candidate.displayName,
    field: candidate.field,
    times: judged.times,
    values: judged.values,
    hasMissing: judged.hasMissing,
    cumulative,
    baseline,
    current: current.value,
    milestones,
    noDataSeconds: noDataSeconds({ series: raw, window, period, asOf }),
  };
  const targetPart: ModelPart = { ...targets.part, target: targets.target, targetMax: targets.targetMax };
  if (targets.blocked) {
    return [series, targetPart];
  }
  const extra = { raw, window, judged, judgedWindow, stepped, hasData, milestones };
  const values = { baseline, current: current.value, target: targets.target, targetMax: targets.targetMax };
  return [series, targetPart, judgeProgress({ ...input, ...extra, ...values, reducerFailed: current.failed })];
}

/**
 * The current value: for a cumulative key result the running total's last value (baseline + Σ so far,
 * the baseline itself before the first sample), else the reducer over the window.
 */
function currentValue(input: {
  def: KeyResultDef;
  raw: SeriesData;
  window: SampleWindow;
  judged: SeriesData;
  started: boolean;
}): { value: number | null; failed: boolean; messages: string[] } {
  const { def, raw, window, judged, started } = input;
  if (judged !== raw) {
    return { value: started ? judged.values[judged.values.length - 1] : null, failed: false, messages: [] };
  }
  const stats = () => windowStats(raw, window);
  const reduced = reduceWindow({ values: raw.values, window, reducer: def.reducer, stats });
  return reduced.ok
    ? { value: reduced.value, failed: false, messages: [] }
    : { value: null, failed: true, messages: [reduced.message] };
}

/**
 * Target and targetMax as numbers (relative ones from the baseline). `blocked` when they cannot be judged:
 * a relative bound with no baseline yet (status notStarted/noData), or an empty band (invalid).
 */
function effectiveTargets(input: { def: KeyResultDef; baseline: number | null; started: boolean }): {
  target: number | null;
  targetMax: number | null;
  blocked: boolean;
  part: ModelPart;
} {
  const { def, baseline, started } = input;
  const target = effectiveTarget(def.target!, baseline);
  const targetMax = def.targetMax ? effectiveTarget(def.targetMax, baseline) : null;
  const missing =
    target === null
      ? noBaselineMessage(def.target!)
      : def.targetMax && targetMax === null
        ? noBaselineMessage(def.targetMax, 'targetMax')
        : null;
  if (missing) {
    return {
      target,
      targetMax,
      blocked: true,
      part: { messages: [missing], status: started ? 'noData' : 'notStarted' },
    };
  }
  if (target !== null && targetMax !== null && targetMax < target) {
    const empty = `targetMax (${targetMax}) is below target (${target}): the band [target, targetMax] is empty`;
    return { target, targetMax, blocked: true, part: { messages: [empty] } };
  }
  return { target, targetMax, blocked: false, part: {} };
}

function judgeProgress(
  input: Judgement & {
    raw: SeriesData;
    window: SampleWindow;
    judged: SeriesData;
    judgedWindow: SampleWindow;
    baseline: number | null;
    current: number | null;
    /** null only for a stay key result whose target over time has none in force at as-of. */
    target: number | null;
    targetMax: number | null;
    milestones: TimeValue[];
    stepped: SteppedTargets | null;
    hasData: boolean;
    reducerFailed: boolean;
  }
): ModelPart {
  const { kind, period, asOf, candidate, context, raw, window, judged, judgedWindow, target, stepped, hasData } = input;
  const { baseline, current, targetMax } = input;
  const criticalRatio = context.tolerances.offTrack;
  const scanMessages: string[] = [];
  const breaches = scanBreaches(
    {
      own: stepped ? stepped.own : targetBounds({ kind, target: target!, targetMax, criticalRatio }),
      judged: { series: judged, window: judgedWindow },
      raw: { series: raw, window, field: candidate.field, name: candidate.displayName },
      asOf,
      context,
    },
    scanMessages
  );
  const targetBreaches = breaches.filter((breach) => breach.source === 'target');
  const stay = isStayKind(kind);
  const goal =
    stay || target === null
      ? { goal: null, messages: [] }
      : goalOf({ kind, target, baseline, current, written: input.def.target });
  const judgedProgress = stay
    ? stayProgress({ ...input, targetBreaches })
    : baseline !== null && target !== null && goal.goal !== 'invalid'
      ? towardTarget({ ...input, baseline, target })
      : { pace: [], progress: null, expected: null, expectedValue: null };
  const fitted = { series: judged, window: judgedWindow };
  const forecast = forecastFor({ ...fitted, period, asOf, goal: goal.goal === 'invalid' ? null : goal.goal });
  const status =
    input.reducerFailed || goal.goal === 'invalid'
      ? 'invalid'
      : statusOf({
          kind,
          period,
          asOf,
          hasData,
          progress: judgedProgress.progress,
          expected: judgedProgress.expected,
          tolerances: context.tolerances,
          targetBreaches: { any: targetBreaches.length > 0, ongoing: targetBreaches.some((breach) => breach.ongoing) },
        });
  return {
    breaches,
    ...summarizeBreaches(breaches),
    ...judgedProgress,
    forecast,
    status,
    messages: [...scanMessages, ...goal.messages],
  };
}

interface ProgressPart {
  pace: TimeValue[];
  progress: number | null;
  expected: number | null;
  expectedValue: number | null;
}

/** stay kinds: a flat pace at the target, progress the time within target. */
function stayProgress(input: {
  period: PeriodModel;
  asOf: number;
  raw: SeriesData;
  window: SampleWindow;
  target: number | null;
  stepped: SteppedTargets | null;
  targetBreaches: Breach[];
}): ProgressPart {
  const { period, asOf, raw, window, target, stepped, targetBreaches } = input;
  const covered = coveredMs(coverageState(raw, window), { asOf, gapMs: raw.gapMs }) - (stepped?.unjudgedCoveredMs ?? 0);
  return {
    pace: stepped || target === null ? [] : flatPace(period, target),
    progress: timeWithinTarget({ coveredMs: covered, targetBreaches, asOf }),
    expected: null,
    expectedValue: null,
  };
}

/** increase/decrease: progress from the baseline toward the target, and what is expected by as-of. */
function towardTarget(input: {
  period: PeriodModel;
  asOf: number;
  baseline: number;
  target: number;
  current: number | null;
  milestones: TimeValue[];
  stepped: SteppedTargets | null;
}): ProgressPart {
  const { period, asOf, baseline, target, current, milestones, stepped } = input;
  const progress = current === null ? null : progressOf(current, baseline, target);
  if (stepped) {
    // The expected value is the target in force at as-of (keyResultSteps.ts), not a line toward the end.
    const expectedValue = stepped.expectedValue;
    const expected = expectedValue === null ? null : progressOf(expectedValue, baseline, target);
    return { pace: [], progress, expected, expectedValue };
  }
  const pace = paceVertices({ period, baseline, target, milestones });
  return { pace, progress, ...expectedAt({ pace, asOf, baseline, target }) };
}

/** The direction of an increase/decrease KR, or 'invalid' when target = baseline. */
function goalOf(input: {
  kind: KeyResultKind;
  target: number;
  baseline: number | null;
  current: number | null;
  /** The target as written, to explain a relative one. */
  written?: TargetSpec | null;
}): { goal: { baseline: number; target: number; current: number } | 'invalid' | null; messages: string[] } {
  const { kind, target, baseline, current } = input;
  if (baseline === null) {
    return { goal: null, messages: [] };
  }
  if (target === baseline) {
    // "+15%" of a baseline of 0 (the default of a 'sum' key result) is 0: say why, not only that.
    const written = input.written;
    const message =
      written?.kind === 'percent' && baseline === 0
        ? `target '${written.text}' is a percentage of a baseline of 0, which is 0: set a baseline or write the target as a number`
        : `target equals baseline (${baseline}): progress is undefined`;
    return { goal: 'invalid', messages: [message] };
  }
  const mismatch = directionMismatch(kind, baseline, target);
  return { goal: current === null ? null : { baseline, target, current }, messages: mismatch ? [mismatch] : [] };
}

function forecastFor(input: {
  series: SeriesData;
  window: SampleWindow;
  period: PeriodModel;
  asOf: number;
  goal: { baseline: number; target: number; current: number } | null;
}): ForecastModel {
  const { series, window, period, asOf, goal } = input;
  if (asOf < period.start) {
    return { ok: false, reason: 'the period has not started' };
  }
  const sums = foldWindow(series, 'fit', window, {
    init: () => EMPTY_SUMS,
    add: (state, part) => addToSums(state, series, part),
  });
  return forecast({ series, window, periodEnd: period.end, asOf, goal, fit: lineFromSums(sums) });
}

function windowStats(series: SeriesData, window: SampleWindow) {
  return foldWindow(series, 'stats', window, {
    init: () => EMPTY_STATS,
    add: (state, part) => addToStats(state, series.values, part),
  });
}

function flatPace(period: PeriodModel, level: number): TimeValue[] {
  return [
    { time: period.start, value: level },
    { time: period.end, value: level },
  ];
}
