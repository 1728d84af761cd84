/**
 * The key result model's starting state, how the evaluation's parts build it, and the last check before
 * it reaches a view: every number is
 * finite. Values near ±1e308 overflow (a baseline of −1e308 and a target of 1e308 span Infinity; a mean
 * of 1e308s sums to Infinity), and one NaN in a pace or forecast would blank the whole chart, other key
 * results' lines included. Such a key result is 'invalid' with a message naming what overflowed, and
 * its numbers, pace and forecast are withheld (null / empty).
 */
import { summarizeBreaches } from './breaches';
import type { Breach, ForecastModel, KeyResultModel } from './model';
import type { KeyResultDef } from './validate';

const EMPTY = new Float64Array(0);

const CHECKED = ['current', 'baseline', 'target', 'targetMax', 'progress', 'expected', 'expectedValue'] as const;

/**
 * What one step of a key result's evaluation found: some of the model's fields, and messages to add.
 * The model is built once from the blank one and the parts in order (a later part's field wins; messages
 * are appended), so no step writes into a shared model.
 */
export type ModelPart = Partial<Omit<KeyResultModel, 'messages'>> & { messages?: readonly string[] };

export function buildModel(base: KeyResultModel, parts: readonly ModelPart[]): KeyResultModel {
  const messages = [...base.messages, ...parts.flatMap((part) => part.messages ?? [])];
  return Object.assign({}, base, ...parts, { messages }) as KeyResultModel;
}

/** The part that withholds a key result's numbers when one of them is not finite; null when all are. */
export function nonFinitePart(model: KeyResultModel): ModelPart | null {
  const overflowed: string[] = CHECKED.filter((name) => {
    const value = model[name];
    return value !== null && !Number.isFinite(value);
  });
  if (model.pace.some((vertex) => !Number.isFinite(vertex.value))) {
    overflowed.push('pace');
  }
  if (model.targetSteps.some((step) => !isFiniteOrNull(step.value) || !isFiniteOrNull(step.max))) {
    overflowed.push('target steps');
  }
  if (!forecastIsFinite(model.forecast)) {
    overflowed.push('forecast');
  }
  // O(1) for the usual case: a NaN or infinite breach time makes the union's length non-finite too.
  if (!Number.isFinite(model.breachSeconds) || (model.cumulative && !model.breaches.every(breachIsFinite))) {
    overflowed.push('breaches');
  }
  if (overflowed.length === 0) {
    return null;
  }
  return {
    ...Object.fromEntries(CHECKED.map((name) => [name, null])),
    status: 'invalid',
    // A running total that overflowed is not drawn either; a KPI series is the datasource's own.
    ...(model.cumulative ? { times: EMPTY, values: EMPTY } : {}),
    ...breachesAndSummary(model.breaches.filter(breachIsFinite)),
    pace: [],
    targetSteps: [],
    forecast: { ok: false, reason: 'the numbers are too large to compute with' },
    messages: [
      `the numbers are too large to compute with (${overflowed.join(', ')} overflowed): check the values and the target's scale`,
    ],
  };
}

function isFiniteOrNull(value: number | null): boolean {
  return value === null || Number.isFinite(value);
}

function breachesAndSummary(breaches: Breach[]) {
  return { breaches, ...summarizeBreaches(breaches) };
}

function breachIsFinite(breach: Breach): boolean {
  return [breach.start, breach.end, breach.durationSeconds, breach.worst, breach.bound].every(Number.isFinite);
}

function forecastIsFinite(forecast: ForecastModel): boolean {
  if (!forecast.ok) {
    return true;
  }
  const { value, slopePerMs, intercept, residualStd, progress, requiredPerDay } = forecast;
  return [value, slopePerMs, intercept, residualStd, progress ?? 0, requiredPerDay ?? 0].every(Number.isFinite);
}

export function blankModel(def: KeyResultDef): KeyResultModel {
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
    cumulative: def.reducer === 'sum',
    current: null,
    baseline: def.baseline,
    target: def.target?.kind === 'absolute' ? def.target.value : null,
    targetMax: def.targetMax?.kind === 'absolute' ? def.targetMax.value : null,
    progress: null,
    expected: null,
    expectedValue: null,
    pace: [],
    milestones: [],
    forecast: { ok: false, reason: 'not evaluated' },
    breaches: [],
    breachCount: 0,
    breachCountBySource: { target: 0, threshold: 0 },
    breachSeconds: 0,
    longestBreachSeconds: 0,
    ongoingBreach: false,
    noDataSeconds: 0,
    targetSteps: [],
    targetSeriesNames: [],
    noTargetSeconds: 0,
    reducer: def.reducer,
    weight: def.weight,
    color: def.color,
    owner: def.owner,
    link: def.link,
    description: def.description,
    manual: def.manual,
    checkIns: [],
    latestCheckIn: null,
  };
}
