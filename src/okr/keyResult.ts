/**
 * One key result: definition + shared context → KeyResultModel. Orchestrates the rules written in
 * period.ts, series.ts, extract.ts, reduce.ts, progress.ts, pace.ts, breaches.ts and forecast.ts; it
 * holds no rule of its own except the stay* progress:
 *
 * stay* progress = share of the elapsed period time (start … as-of) spent in compliance, i.e.
 * 1 − (target-breach time / elapsed time). Example: 10 days elapsed, one 12-hour breach → 0.95.
 * stay* kinds have no pace toward a value: their pace line is flat at the target (at the lower bound
 * for stayWithin) and expected/expectedValue are null.
 *
 * As-of = min(period end, timeRange.to, now).
 */
import type { StatusTolerances, BreachOptions, KeyResultKind } from '../types';
import { BreachFold, summarizeBreaches, targetBounds, thresholdBounds, type BoundSpec } from './breaches';
import { addToSums, EMPTY_SUMS, forecast, lineFromSums } from './forecast';
import type { Breach, ForecastModel, KeyResultModel, PeriodModel, TimeValue } from './model';
import { expectedAt, paceVertices, resolveMilestones, statusOf } from './pace';
import { resolvePeriod } from './period';
import { directionMismatch, isStayKind, progressOf } from './progress';
import { addToStats, EMPTY_STATS, firstFiniteIndex, reduceWindow, sampleWindow, type SampleWindow } from './reduce';
import { foldWindow } from './scanCache';
import { matchSeries, type SeriesCandidate, type SeriesCatalog, type SeriesData } from './series';
import type { KeyResultDef } from './validate';

export interface EvaluationContext {
  catalog: SeriesCatalog;
  timeZone: string;
  fiscalYearStartMonth: number;
  tolerances: StatusTolerances;
  breaches: BreachOptions;
  timeRange: { from: number; to: number };
  now: number;
}

const EMPTY = new Float64Array(0);

export function evaluateKeyResult(def: KeyResultDef, context: EvaluationContext): KeyResultModel {
  const model = blankModel(def);
  try {
    fillModel(model, def, context);
  } catch (error) {
    model.status = 'invalid';
    model.messages.push(`could not evaluate: ${error instanceof Error ? error.message : String(error)}`);
  }
  return model;
}

function fillModel(model: KeyResultModel, def: KeyResultDef, context: EvaluationContext): void {
  model.messages.push(...def.problems, ...def.notes);
  const resolved = resolvePeriod(def.period, context);
  if (!resolved.ok) {
    model.messages.push(resolved.message);
  }
  if (!resolved.ok || def.problems.length > 0 || def.kind === null || def.target === null || def.series === null) {
    model.period = resolved.ok ? resolved.period : null;
    return;
  }
  const period = resolved.period;
  const asOf = Math.min(period.end, context.timeRange.to, context.now);
  Object.assign(model, { period, asOf });
  const match = matchSeries(context.catalog, def.series);
  if (!match.ok) {
    model.messages.push(match.message);
    model.status = match.invalid ? 'invalid' : 'noData';
    return;
  }
  model.messages.push(...match.messages);
  attachSeries(model, match.candidate);
  judge(model, { def, kind: def.kind, target: def.target, period, asOf, series: match.candidate.data(), context });
}

interface Judgement {
  def: KeyResultDef;
  kind: KeyResultKind;
  target: number;
  period: PeriodModel;
  asOf: number;
  series: SeriesData;
  context: EvaluationContext;
}

function judge(model: KeyResultModel, input: Judgement): void {
  const { def, kind, target, period, asOf, series, context } = input;
  const window = sampleWindow(series.times, { start: period.start, asOf, end: period.end });
  const firstIndex = firstFiniteIndex(series.values, window);
  const baseline = def.baseline ?? (firstIndex >= 0 ? series.values[firstIndex] : null);
  const stats = () =>
    foldWindow(series, 'stats', window, {
      init: () => EMPTY_STATS,
      add: (state, part) => addToStats(state, series.values, part),
    });
  const reduced = reduceWindow({ values: series.values, window, reducer: def.reducer, stats });
  if (!reduced.ok) {
    model.messages.push(reduced.message);
  }
  const current = reduced.ok ? reduced.value : null;
  const { milestones, notes } = resolveMilestones(def.milestones, { period, timeZone: context.timeZone });
  model.messages.push(...notes);
  Object.assign(model, { baseline, current, milestones });

  const breaches = scanBreaches(model, { def, kind, target, series, window, asOf, context });
  const targetBreaches = breaches.filter((breach) => breach.source === 'target');
  Object.assign(model, { breaches, ...summarizeBreaches(breaches) });

  const stay = isStayKind(kind);
  const goal = stay ? null : goalOf(model, { kind, target, baseline, current });
  if (stay) {
    model.pace = flatPace(period, target);
    model.progress =
      firstIndex >= 0 && asOf > period.start ? complianceShare(targetBreaches, period.start, asOf) : null;
  } else if (baseline !== null && goal !== 'invalid') {
    model.pace = paceVertices({ period, baseline, target, milestones });
    Object.assign(model, expectedAt({ pace: model.pace, asOf, baseline, target }));
    model.progress = current === null ? null : progressOf(current, baseline, target);
  }
  model.forecast = forecastFor({ series, window, period, asOf, goal: goal === 'invalid' ? null : goal });
  model.status =
    !reduced.ok || goal === 'invalid'
      ? 'invalid'
      : statusOf({
          kind,
          period,
          asOf,
          hasData: firstIndex >= 0,
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

function scanBreaches(
  model: KeyResultModel,
  input: {
    def: KeyResultDef;
    kind: KeyResultKind;
    target: number;
    series: SeriesData;
    window: SampleWindow;
    asOf: number;
    context: EvaluationContext;
  }
): Breach[] {
  const { def, kind, target, series, window, asOf, context } = input;
  const bounds: BoundSpec[] = [];
  const own = targetBounds({ kind, target, targetMax: def.targetMax, criticalRatio: context.tolerances.offTrack });
  if (own) {
    bounds.push(own);
  }
  const direction = context.breaches.thresholds;
  if (direction !== 'none' && model.field) {
    const fromThresholds = thresholdBounds({ field: model.field, direction, series });
    if (fromThresholds.bounds) {
      bounds.push(fromThresholds.bounds);
    } else if (fromThresholds.message) {
      model.messages.push(fromThresholds.message);
    }
  }
  const minDurationSeconds = context.breaches.minDurationSeconds;
  const settings = `${minDurationSeconds}|${context.tolerances.offTrack}|${series.gapMs}`;
  const found = bounds.flatMap((spec) => {
    const fold = foldWindow(series, `breaches|${spec.source}|${spec.low}|${spec.high}|${settings}`, window, {
      init: () => new BreachFold(spec, minDurationSeconds),
      add: (state, part) => {
        state.scan(series, part.from, part.to);
        return state;
      },
    });
    // A new array per KR, so no two KRs share one a view could mutate.
    return fold.finish(asOf, series.gapMs);
  });
  return bounds.length > 1 ? found.sort((a, b) => a.start - b.start) : found;
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
  const fit = lineFromSums(sums);
  return forecast({ series, window, periodEnd: period.end, asOf, goal, fit });
}

function complianceShare(targetBreaches: readonly Breach[], start: number, asOf: number): number {
  const breachMs = targetBreaches.reduce((sum, breach) => sum + (breach.end - breach.start), 0);
  return 1 - breachMs / (asOf - start);
}

function flatPace(period: PeriodModel, level: number): TimeValue[] {
  return [
    { time: period.start, value: level },
    { time: period.end, value: level },
  ];
}

function attachSeries(model: KeyResultModel, candidate: SeriesCandidate): void {
  const data = candidate.data();
  Object.assign(model, {
    seriesName: candidate.displayName,
    field: candidate.field,
    times: data.times,
    values: data.values,
    hasMissing: data.hasMissing,
  });
}

function blankModel(def: KeyResultDef): KeyResultModel {
  return {
    id: def.id,
    title: def.title,
    // An unknown kind is reported in messages and the KR is 'invalid'; the field still needs a value.
    kind: def.kind ?? 'increase',
    status: 'invalid',
    messages: [],
    period: null,
    asOf: null,
    seriesName: null,
    times: EMPTY,
    values: EMPTY,
    hasMissing: false,
    current: null,
    baseline: def.baseline,
    target: def.target,
    targetMax: def.targetMax,
    progress: null,
    expected: null,
    expectedValue: null,
    pace: [],
    milestones: [],
    forecast: { ok: false, reason: 'not evaluated' },
    breaches: [],
    breachCount: 0,
    breachSeconds: 0,
    longestBreachSeconds: 0,
    ongoingBreach: false,
    reducer: def.reducer,
    weight: def.weight,
    color: def.color,
    owner: def.owner,
    link: def.link,
    description: def.description,
  };
}
