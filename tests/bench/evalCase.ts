/**
 * The bench's main evaluation case, shared by run.ts and profileEval.ts: ten key results (all five kinds,
 * milestones, several reducers, threshold breaches) on one series `mrr` across Q3 2026.
 */
import type * as grafanaData from '@grafana/data';
import type { DataFrame } from '@grafana/data';
import type { evaluate as evaluateCore } from '../../src/okr';

type Evaluate = typeof evaluateCore;
type Grafana = typeof grafanaData;

export const Q3_START = Date.UTC(2026, 6 /* Jul */, 1);
export const Q3_END = Date.UTC(2026, 9 /* Oct */, 1);
export const NOW = Q3_START + 60 * 86_400_000;

export const KEY_RESULTS = [
  { title: 'MRR', kind: 'increase', target: 2_000_000 },
  { title: 'MRR mean', kind: 'increase', target: 2_000_000, reducer: 'mean' },
  { title: 'MRR max', kind: 'increase', target: 2_100_000, reducer: 'max' },
  {
    title: 'MRR with milestones',
    kind: 'increase',
    target: 2_000_000,
    milestones: [
      { at: '2026-08-01', value: 1_700_000 },
      { at: '2026-09-01', value: 1_850_000 },
    ],
  },
  { title: 'Cost', kind: 'decrease', baseline: 2_500_000, target: 1_000_000 },
  { title: 'Floor', kind: 'stayAbove', target: 1_550_000 },
  { title: 'Ceiling', kind: 'stayBelow', target: 1_900_000 },
  { title: 'Band', kind: 'stayWithin', target: 1_600_000, targetMax: 1_800_000 },
  { title: 'Explicit baseline', kind: 'increase', baseline: 1_400_000, target: 2_200_000 },
  { title: 'Floor, 1 h minimum', kind: 'stayAbove', target: 1_700_000 },
].map((kr) => ({ series: 'mrr', period: '2026-Q3', ...kr }));

const OPTIONS = {
  objectives: [{ title: 'Grow revenue', keyResults: KEY_RESULTS }],
  breaches: { minDurationSeconds: 60 },
};

/** A noisy upward trend across Q3 with periodic dips, so breaches open and close. */
export function makeSeries(points: number): { times: Float64Array; values: Float64Array } {
  const times = new Float64Array(points);
  const values = new Float64Array(points);
  const step = (Q3_END - Q3_START) / points;
  for (let i = 0; i < points; i++) {
    times[i] = Q3_START + Math.floor(i * step);
    values[i] = 1_500_000 + (500_000 * i) / points + 60_000 * Math.sin(i / 5000) + ((i * 7919) % 1000) * 10;
  }
  return { times, values };
}

export function makeFrame(
  grafana: Grafana,
  series: { times: ArrayLike<number>; values: ArrayLike<number> }
): DataFrame {
  const { createDataFrame, FieldType, ThresholdsMode } = grafana;
  return createDataFrame({
    fields: [
      // Grafana reads field values by index and length only, so typed arrays work as the backing store.
      { name: 'time', type: FieldType.time, values: series.times as unknown as number[] },
      {
        name: 'mrr',
        type: FieldType.number,
        values: series.values as unknown as number[],
        config: {
          custom: { breachDirection: 'above' },
          thresholds: {
            mode: ThresholdsMode.Absolute,
            steps: [
              { value: -Infinity, color: 'green' },
              { value: 1_950_000, color: 'orange' },
              { value: 2_000_000, color: 'red' },
            ],
          },
        },
      },
    ],
  });
}

export function run(evaluate: Evaluate, frames: DataFrame[]) {
  return evaluate({
    options: OPTIONS,
    frames,
    timeRange: { from: Q3_START, to: Q3_END },
    timeZone: 'Europe/Berlin',
    now: NOW,
  });
}
