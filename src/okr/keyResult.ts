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
import type { ForecastModel, KeyResultModel, PeriodModel, TimeValue } from './model';
import { expectedAt, paceVertices, resolveMilestones, statusOf } from './pace';
import { resolvePeriod, type PeriodContext } from './period';
import { directionMismatch, isStayKind, progressOf } from './progress';
import { addToStats, EMPTY_STATS, firstFiniteIndex, reduceWindow, sampleWindow, type SampleWindow } from './reduce';
import { foldWindow } from './scanCache';
import type { SeriesCandidate, SeriesCatalog, SeriesData } from './series';
import { effectiveTarget, noBaselineMessage, type TargetSpec } from './target';
import type { KeyResultDef } from './validate';
import { blankModel, withholdNonFinite } from './keyResultModel';
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
  const model = blankModel(def);
  try {
    fillModel(model, def, context);
    withholdNonFinite(model);
  } catch (error) {
    model.status = 'invalid';
    model.messages.push(`could not evaluate: ${error instanceof Error ? error.message : String(error)}`);
  }
  model.checkIns = context.checkIns.byKeyResult.get(def.id) ?? [];
  model.latestCheckIn = latestCheckIn(model.checkIns, model.asOf ?? context.anchor);
  model.messages = model.messages.map((message) =>
    message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message
  );
  return model;
}

function fillModel(model: KeyResultModel, def: KeyResultDef, context: EvaluationContext): void {
  model.messages.push(...def.problems, ...def.notes, ...(context.checkIns.notes.get(def.id) ?? []));
  if (def.malformed) {
    return;
  }
  const resolved = resolvePeriod(def.period, context);
  if (!resolved.ok) {
    model.messages.push(resolved.message);
  }
  const period = resolved.ok ? resolved.period : null;
  model.period = period;
  const noTarget = def.target === null && !def.overTime;
  const unseries = def.series === null && !def.manual;
  if (!period || def.problems.length > 0 || def.kind === null || noTarget || unseries) {
    // Milestone dates are still checked, so every problem is reported at once.
    model.messages.push(...resolveMilestones(def.milestones, { period, timeZone: context.timeZone }).notes);
    return;
  }
  const asOf = Math.min(period.end, context.timeRange.to, context.now);
  model.asOf = asOf;
  // Targets that change over time: their series are matched first, and never taken for the KPI.
  const targetSeries = matchTargetSeries(def, context.catalog);
  model.messages.push(...targetSeries.messages);
  model.targetSeriesNames = targetSeriesNames(targetSeries);
  if (targetSeries.invalid) {
    model.status = 'invalid';
    return;
  }
  if (def.series === null) {
    const checkIns = context.checkIns.byKeyResult.get(def.id) ?? [];
    const source = manualSource({ title: def.title, checkIns, period, asOf, cumulative: def.reducer === 'sum' });
    model.messages.push(...source.messages);
    judge(model, { def, kind: def.kind, period, asOf, candidate: source, context, targetSeries });
    return;
  }
  const match = matchKpiSeries(context.catalog, def.series, targetSeries);
  if (!match.ok) {
    model.messages.push(match.message);
    model.status = match.invalid ? 'invalid' : 'noData';
    return;
  }
  model.messages.push(...match.messages);
  judge(model, { def, kind: def.kind, period, asOf, candidate: match.candidate, context, targetSeries });
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

function judge(model: KeyResultModel, input: Judgement): void {
  const { def, period, asOf, candidate, context } = input;
  const raw = candidate.data();
  const window = sampleWindow(raw.times, { start: period.start, asOf, end: period.end });
  const firstIndex = firstFiniteIndex(raw.values, window);
  const hasData = firstIndex >= 0;
  const reason =
    !hasData && asOf >= period.start && !def.manual
      ? noSampleReason({ name: candidate.displayName, series: raw, window, period, timeZone: context.timeZone })
      : null;
  if (reason) {
    model.messages.push(reason);
  }
  const cumulative = def.reducer === 'sum';
  const baseline = def.baseline ?? (cumulative ? 0 : hasData ? raw.values[firstIndex] : null);
  const judged =
    cumulative && baseline !== null ? runningTotal({ series: raw, window, start: period.start, baseline }) : raw;
  const judgedWindow = judged === raw ? window : { from: 0, to: judged.times.length };
  const current = currentValue({ model, def, raw, window, judged, started: asOf >= period.start });
  const { milestones, notes } = resolveMilestones(def.milestones, { period, timeZone: context.timeZone });
  model.messages.push(...notes);
  const stepped = def.overTime
    ? steppedTargets(model, {
        ...input,
        baseline,
        raw,
        window,
        timeZone: context.timeZone,
        criticalRatio: context.tolerances.offTrack,
      })
    : null;
  const targets = stepped ?? effectiveTargets(model, { def, baseline, started: asOf >= period.start });
  Object.assign(model, {
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
    target: targets.target,
    targetMax: targets.targetMax,
  });
  if (!targets.blocked) {
    const extra = { raw, window, judged, judgedWindow, target: targets.target, stepped, hasData };
    judgeProgress(model, { ...input, ...extra, reducerFailed: current.failed });
  }
}

/**
 * The current value: for a cumulative key result the running total's last value (baseline + Σ so far,
 * the baseline itself before the first sample), else the reducer over the window.
 */
function currentValue(input: {
  model: KeyResultModel;
  def: KeyResultDef;
  raw: SeriesData;
  window: SampleWindow;
  judged: SeriesData;
  started: boolean;
}): { value: number | null; failed: boolean } {
  const { model, def, raw, window, judged, started } = input;
  if (judged !== raw) {
    return { value: started ? judged.values[judged.values.length - 1] : null, failed: false };
  }
  const stats = () => windowStats(raw, window);
  const reduced = reduceWindow({ values: raw.values, window, reducer: def.reducer, stats });
  if (!reduced.ok) {
    model.messages.push(reduced.message);
  }
  return { value: reduced.ok ? reduced.value : null, failed: !reduced.ok };
}

/**
 * Target and targetMax as numbers (relative ones from the baseline). `blocked` when they cannot be judged:
 * a relative bound with no baseline yet (status notStarted/noData), or an empty band (invalid).
 */
function effectiveTargets(
  model: KeyResultModel,
  input: { def: KeyResultDef; baseline: number | null; started: boolean }
): { target: number | null; targetMax: number | null; blocked: boolean } {
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
    model.messages.push(missing);
    model.status = started ? 'noData' : 'notStarted';
    return { target, targetMax, blocked: true };
  }
  if (target !== null && targetMax !== null && targetMax < target) {
    model.messages.push(`targetMax (${targetMax}) is below target (${target}): the band [target, targetMax] is empty`);
    return { target, targetMax, blocked: true };
  }
  return { target, targetMax, blocked: false };
}

function judgeProgress(
  model: KeyResultModel,
  input: Judgement & {
    raw: SeriesData;
    window: SampleWindow;
    judged: SeriesData;
    judgedWindow: SampleWindow;
    /** null only for a stay key result whose target over time has none in force at as-of. */
    target: number | null;
    stepped: SteppedTargets | null;
    hasData: boolean;
    reducerFailed: boolean;
  }
): void {
  const { kind, period, asOf, candidate, context, raw, window, judged, judgedWindow, target, stepped, hasData } = input;
  const { baseline, current } = model;
  const criticalRatio = context.tolerances.offTrack;
  const breaches = scanBreaches(
    {
      own: stepped ? stepped.own : targetBounds({ kind, target: target!, targetMax: model.targetMax, criticalRatio }),
      judged: { series: judged, window: judgedWindow },
      raw: { series: raw, window, field: candidate.field, name: candidate.displayName },
      asOf,
      context,
    },
    model.messages
  );
  const targetBreaches = breaches.filter((breach) => breach.source === 'target');
  Object.assign(model, { breaches, ...summarizeBreaches(breaches) });

  const stay = isStayKind(kind);
  const goal =
    stay || target === null ? null : goalOf(model, { kind, target, baseline, current, written: input.def.target });
  if (stay) {
    model.pace = stepped || target === null ? [] : flatPace(period, target);
    const covered =
      coveredMs(coverageState(raw, window), { asOf, gapMs: raw.gapMs }) - (stepped?.unjudgedCoveredMs ?? 0);
    model.progress = timeWithinTarget({ coveredMs: covered, targetBreaches, asOf });
  } else if (baseline !== null && target !== null && goal !== 'invalid') {
    if (stepped) {
      // The expected value is the target in force at as-of (keyResultSteps.ts), not a line toward the end.
      const expectedValue = stepped.expectedValue;
      Object.assign(model, {
        expectedValue,
        expected: expectedValue === null ? null : progressOf(expectedValue, baseline, target),
      });
    } else {
      model.pace = paceVertices({ period, baseline, target, milestones: model.milestones });
      Object.assign(model, expectedAt({ pace: model.pace, asOf, baseline, target }));
    }
    model.progress = current === null ? null : progressOf(current, baseline, target);
  }
  const fitted = { series: judged, window: judgedWindow };
  model.forecast = forecastFor({ ...fitted, period, asOf, goal: goal === 'invalid' ? null : goal });
  model.status =
    input.reducerFailed || goal === 'invalid'
      ? 'invalid'
      : statusOf({
          kind,
          period,
          asOf,
          hasData,
          progress: model.progress,
          expected: model.expected,
          tolerances: context.tolerances,
          targetBreaches: { any: targetBreaches.length > 0, ongoing: targetBreaches.some((breach) => breach.ongoing) },
        });
}

/** The direction of an increase/decrease KR, or 'invalid' when target = baseline. */
function goalOf(
  model: KeyResultModel,
  input: {
    kind: KeyResultKind;
    target: number;
    baseline: number | null;
    current: number | null;
    /** The target as written, to explain a relative one. */
    written?: TargetSpec | null;
  }
): { baseline: number; target: number; current: number } | 'invalid' | null {
  const { kind, target, baseline, current } = input;
  if (baseline === null) {
    return null;
  }
  if (target === baseline) {
    // "+15%" of a baseline of 0 (the default of a 'sum' key result) is 0: say why, not only that.
    const written = input.written;
    model.messages.push(
      written?.kind === 'percent' && baseline === 0
        ? `target '${written.text}' is a percentage of a baseline of 0, which is 0: set a baseline or write the target as a number`
        : `target equals baseline (${baseline}): progress is undefined`
    );
    return 'invalid';
  }
  const mismatch = directionMismatch(kind, baseline, target);
  if (mismatch) {
    model.messages.push(mismatch);
  }
  return current === null ? null : { baseline, target, current };
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
