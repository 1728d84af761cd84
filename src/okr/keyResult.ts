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
 */
import { dateTimeFormat } from '@grafana/data';
import type { KeyResultKind, StatusTolerances } from '../types';
import { summarizeBreaches } from './breaches';
import { addToCoverage, coveredMs, EMPTY_COVERAGE, timeWithinTarget } from './coverage';
import { runningTotal } from './cumulative';
import { addToSums, EMPTY_SUMS, forecast, lineFromSums } from './forecast';
import { scanBreaches, type BreachContext } from './keyResultBreaches';
import type { ForecastModel, KeyResultModel, PeriodModel, TimeValue } from './model';
import { expectedAt, paceVertices, resolveMilestones, statusOf } from './pace';
import { resolvePeriod, type PeriodContext } from './period';
import { directionMismatch, isStayKind, progressOf } from './progress';
import { addToStats, EMPTY_STATS, firstFiniteIndex, reduceWindow, sampleWindow, type SampleWindow } from './reduce';
import { foldWindow } from './scanCache';
import { matchSeries, type SeriesCandidate, type SeriesCatalog, type SeriesData } from './series';
import { effectiveTarget, noBaselineMessage } from './target';
import type { KeyResultDef } from './validate';
import { blankModel, withholdNonFinite } from './keyResultModel';

export interface EvaluationContext extends PeriodContext, BreachContext {
  catalog: SeriesCatalog;
  tolerances: StatusTolerances;
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
  model.messages = model.messages.map((message) =>
    message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message
  );
  return model;
}

function fillModel(model: KeyResultModel, def: KeyResultDef, context: EvaluationContext): void {
  model.messages.push(...def.problems, ...def.notes);
  const resolved = resolvePeriod(def.period, context);
  if (!resolved.ok) {
    model.messages.push(resolved.message);
  }
  const period = resolved.ok ? resolved.period : null;
  model.period = period;
  if (!period || def.problems.length > 0 || def.kind === null || def.target === null || def.series === null) {
    // Milestone dates are still checked, so every problem is reported at once.
    model.messages.push(...resolveMilestones(def.milestones, { period, timeZone: context.timeZone }).notes);
    return;
  }
  const asOf = Math.min(period.end, context.timeRange.to, context.now);
  model.asOf = asOf;
  const match = matchSeries(context.catalog, def.series);
  if (!match.ok) {
    model.messages.push(match.message);
    model.status = match.invalid ? 'invalid' : 'noData';
    return;
  }
  model.messages.push(...match.messages);
  judge(model, { def, kind: def.kind, period, asOf, candidate: match.candidate, context });
}

interface Judgement {
  def: KeyResultDef;
  kind: KeyResultKind;
  period: PeriodModel;
  asOf: number;
  candidate: SeriesCandidate;
  context: EvaluationContext;
}

function judge(model: KeyResultModel, input: Judgement): void {
  const { def, kind, period, asOf, candidate, context } = input;
  const raw = candidate.data();
  const window = sampleWindow(raw.times, { start: period.start, asOf, end: period.end });
  const firstIndex = firstFiniteIndex(raw.values, window);
  const hasData = firstIndex >= 0;
  const reason =
    !hasData && asOf >= period.start
      ? noSampleReason({ name: candidate.displayName, series: raw, window, period, context })
      : null;
  if (reason) {
    model.messages.push(reason);
  }
  const cumulative = def.reducer === 'sum';
  const baseline = def.baseline ?? (cumulative ? 0 : hasData ? raw.values[firstIndex] : null);
  const reduced = reduceWindow({
    values: raw.values,
    window,
    reducer: def.reducer,
    stats: () => windowStats(raw, window),
  });
  if (!reduced.ok) {
    model.messages.push(reduced.message);
  }
  const sum = reduced.ok ? reduced.value : null;
  const current = sum === null ? null : cumulative ? baseline! + sum : sum;
  const target = def.target ? effectiveTarget(def.target, baseline) : null;
  const judged =
    cumulative && baseline !== null ? runningTotal({ series: raw, window, start: period.start, baseline }) : raw;
  const judgedWindow = judged === raw ? window : { from: 0, to: judged.times.length };
  const { milestones, notes } = resolveMilestones(def.milestones, { period, timeZone: context.timeZone });
  model.messages.push(...notes);
  Object.assign(model, {
    seriesName: candidate.displayName,
    field: candidate.field,
    times: judged.times,
    values: judged.values,
    hasMissing: judged.hasMissing,
    cumulative,
    baseline,
    current,
    target,
    milestones,
    noDataSeconds: noDataSeconds(raw, window, period, asOf),
  });
  if (target === null) {
    // Only a relative target lacks a value, and only when there is no baseline: no data yet.
    model.messages.push(noBaselineMessage(def.target!));
    model.status = asOf < period.start ? 'notStarted' : 'noData';
    return;
  }
  if (kind === 'stayWithin' && def.targetMax !== null && def.targetMax < target) {
    model.messages.push(
      `targetMax (${def.targetMax}) is below target (${target}): the band [target, targetMax] is empty`
    );
    return;
  }
  judgeProgress(model, { ...input, raw, window, judged, judgedWindow, target, hasData, reducerFailed: !reduced.ok });
}

function judgeProgress(
  model: KeyResultModel,
  input: Judgement & {
    raw: SeriesData;
    window: SampleWindow;
    judged: SeriesData;
    judgedWindow: SampleWindow;
    target: number;
    hasData: boolean;
    reducerFailed: boolean;
  }
): void {
  const { def, kind, period, asOf, candidate, context, raw, window, judged, judgedWindow, target, hasData } = input;
  const { baseline, current } = model;
  const breaches = scanBreaches(
    {
      kind,
      target,
      targetMax: def.targetMax,
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
  const goal = stay ? null : goalOf(model, { kind, target, baseline, current });
  if (stay) {
    model.pace = flatPace(period, target);
    const covered = coveredMs(coverageState(raw, window), { asOf, gapMs: raw.gapMs });
    model.progress = timeWithinTarget({ coveredMs: covered, targetBreaches, asOf });
  } else if (baseline !== null && goal !== 'invalid') {
    model.pace = paceVertices({ period, baseline, target, milestones: model.milestones });
    Object.assign(model, expectedAt({ pace: model.pace, asOf, baseline, target }));
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
  input: { kind: KeyResultKind; target: number; baseline: number | null; current: number | null }
): { baseline: number; target: number; current: number } | 'invalid' | null {
  const { kind, target, baseline, current } = input;
  if (baseline === null) {
    return null;
  }
  if (target === baseline) {
    model.messages.push(`target equals baseline (${baseline}): progress is undefined`);
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

function coverageState(series: SeriesData, window: SampleWindow) {
  return foldWindow(series, `coverage|${series.gapMs}`, window, {
    init: () => EMPTY_COVERAGE,
    add: (state, part) => addToCoverage(state, series, part),
  });
}

function noDataSeconds(series: SeriesData, window: SampleWindow, period: PeriodModel, asOf: number): number {
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
function noSampleReason(input: {
  name: string;
  series: SeriesData;
  window: SampleWindow;
  period: PeriodModel;
  context: EvaluationContext;
}): string | null {
  const { name, series, window, period, context } = input;
  const where = `in ${period.label} up to as-of`;
  if (window.to > window.from) {
    const samples = window.to - window.from;
    return `series '${name}' has only null values ${where} (${samples} ${samples === 1 ? 'sample' : 'samples'})`;
  }
  const count = series.times.length;
  if (count === 0) {
    return null; // series.ts already says the series has no rows
  }
  const format = (time: number) => dateTimeFormat(time, { timeZone: context.timeZone, format: 'YYYY-MM-DD HH:mm' });
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

function flatPace(period: PeriodModel, level: number): TimeValue[] {
  return [
    { time: period.start, value: level },
    { time: period.end, value: level },
  ];
}
