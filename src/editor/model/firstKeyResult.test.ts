import { ThresholdsMode } from '@grafana/data';

import { DEFAULT_BREACH_OPTIONS, DEFAULT_TOLERANCES, OkrOptions, OPTIONS_SCHEMA_VERSION } from '../../types';
import { firstKeyResult, trackAsKeyResult } from './firstKeyResult';

const absolute = (...values: Array<number | null>) => ({
  mode: ThresholdsMode.Absolute,
  steps: values.map((value) => ({ value, color: 'green' })),
});

function options(objectives: unknown[]): OkrOptions {
  return {
    schemaVersion: OPTIONS_SCHEMA_VERSION,
    fiscalYearStartMonth: 3,
    tolerances: DEFAULT_TOLERANCES,
    breaches: DEFAULT_BREACH_OPTIONS,
    view: 'auto',
    objectives: objectives as OkrOptions['objectives'],
  };
}

describe('firstKeyResult', () => {
  test.each([
    ['no thresholds', undefined, '+10%'],
    ["Grafana's default thresholds", absolute(null, 80), '+10%'],
    ['thresholds set on the series', absolute(null, 250, 400), 250],
    ['percentage thresholds', { mode: ThresholdsMode.Percentage, steps: [{ value: null }, { value: 90 }] }, '+10%'],
  ])('%s → target %p', (_name, thresholds, target) => {
    expect(firstKeyResult({ displayName: 'p95 latency', thresholds })).toEqual({
      title: 'p95 latency',
      series: 'p95 latency',
      period: 'thisQuarter',
      kind: 'increase',
      target,
    });
  });
});

describe('trackAsKeyResult', () => {
  const kr = (id: string, series: string) => ({
    id,
    title: series,
    series,
    period: 'thisQuarter',
    kind: 'increase',
    target: '+10%',
  });

  test.each([
    ['no objectives: one titled "Objectives"', [], [{ title: 'Objectives', keyResults: [kr('kr-1', 'mrr')] }]],
    [
      'an objective without key results keeps its title and unknown keys',
      [{ title: 'Grow', future: 1, keyResults: [] }],
      [{ title: 'Grow', future: 1, keyResults: [kr('kr-1', 'mrr')] }],
    ],
    [
      'a first objective that is not an object is kept, after a new one',
      ['oops'],
      [{ title: 'Objectives', keyResults: [kr('kr-1', 'mrr')] }, 'oops'],
    ],
    [
      'the id is unique among existing key results',
      [{ title: 'Grow', keyResults: [{ id: 'kr-1' }] }],
      [{ title: 'Grow', keyResults: [{ id: 'kr-1' }, kr('kr-2', 'mrr')] }],
    ],
  ])('%s', (_name, objectives, expected) => {
    const before = options(objectives);
    const snapshot = JSON.stringify(before);
    const after = trackAsKeyResult(before, { displayName: 'mrr' });
    expect(after).toEqual({ ...before, objectives: expected });
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  test('objectives that are not a list (untrusted saved JSON) become one objective', () => {
    const broken = { ...options([]), objectives: 'x' as unknown as OkrOptions['objectives'] };
    expect(trackAsKeyResult(broken, { displayName: 'mrr' }).objectives).toEqual([
      { title: 'Objectives', keyResults: [kr('kr-1', 'mrr')] },
    ]);
  });
});
