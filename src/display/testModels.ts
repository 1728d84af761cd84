/** Model factories for the views' tests: fixed timestamps (never Date.now()), every field filled. */
import { KeyResultModel, ObjectiveModel, PanelModel } from '../okr';

/** 2026-07-01T00:00Z, the start of Q3 2026 in UTC. */
export const Q3_START = Date.UTC(2026, 6 /* Jul */, 1);
/** 2026-10-01T00:00Z, the (exclusive) end of Q3 2026. */
export const Q3_END = Date.UTC(2026, 9 /* Oct */, 1);
export const DAY = 86_400_000;
/** 2026-08-15T12:00Z: 46.5 days before the end of Q3. */
export const MID_Q3 = Date.UTC(2026, 7 /* Aug */, 15, 12);

/** A running increase KR at 54% of the way from 100 to 200, with daily samples since the period start. */
export function keyResultModel(overrides: Partial<KeyResultModel> = {}): KeyResultModel {
  const days = 46;
  const times = Float64Array.from({ length: days }, (_, i) => Q3_START + i * DAY);
  const values = Float64Array.from({ length: days }, (_, i) => 100 + (54 * i) / (days - 1));
  return {
    id: 'kr-mrr',
    title: 'MRR to 200',
    kind: 'increase',
    status: 'onTrack',
    messages: [],
    period: { start: Q3_START, end: Q3_END, label: '2026-Q3' },
    asOf: MID_Q3,
    seriesName: 'mrr',
    times,
    values,
    hasMissing: false,
    cumulative: false,
    current: 154,
    baseline: 100,
    target: 200,
    targetMax: null,
    progress: 0.54,
    expected: 0.5,
    expectedValue: 150,
    pace: [],
    milestones: [],
    forecast: { ok: false, reason: 'not needed here' },
    breaches: [],
    breachCount: 0,
    breachCountBySource: { target: 0, threshold: 0 },
    noDataSeconds: 0,
    targetSteps: [],
    targetSeriesNames: [],
    noTargetSeconds: 0,
    breachSeconds: 0,
    longestBreachSeconds: 0,
    ongoingBreach: false,
    reducer: 'lastNotNull',
    weight: 1,
    manual: false,
    checkIns: [],
    latestCheckIn: null,
    ...overrides,
  };
}

/** A key result as the core returns it when nothing could be evaluated: every number null, arrays empty. */
export function emptyKeyResultModel(overrides: Partial<KeyResultModel> = {}): KeyResultModel {
  return keyResultModel({
    status: 'noData',
    period: null,
    asOf: null,
    seriesName: null,
    times: new Float64Array(0),
    values: new Float64Array(0),
    current: null,
    baseline: null,
    target: null,
    progress: null,
    expected: null,
    expectedValue: null,
    ...overrides,
  });
}

export function objectiveModel(keyResults: KeyResultModel[], overrides: Partial<ObjectiveModel> = {}): ObjectiveModel {
  return {
    id: 'obj-revenue',
    title: 'Grow revenue',
    progress: keyResults[0]?.progress ?? null,
    status: keyResults[0]?.status ?? 'noData',
    keyResults,
    messages: [],
    ...overrides,
  };
}

export function panelModel(objectives: ObjectiveModel[], overrides: Partial<PanelModel> = {}): PanelModel {
  return { asOf: MID_Q3, objectives, messages: [], annotations: [], ...overrides };
}
