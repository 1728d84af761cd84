import { ThresholdsMode } from '@grafana/data';

import { firstStepAboveBase } from './thresholds';

const absolute = (...values: Array<number | null>) => ({
  mode: ThresholdsMode.Absolute,
  steps: values.map((value) => ({ value, color: 'green' })),
});

describe('firstStepAboveBase', () => {
  test.each([
    ['saved JSON, base stored as null', absolute(null, 250, 400), 250],
    ['base as -Infinity (a processed field)', absolute(-Infinity, 99.5), 99.5],
    ['a negative first step', absolute(null, -5), -5],
    ['a single extra step at 0', absolute(null, 0), 0],
    ["Grafana's default (base, 80)", absolute(null, 80), undefined],
    ['80 followed by another step is not the default', absolute(null, 80, 90), 80],
    ['only a base step', absolute(null), undefined],
    ['percentage mode', { mode: ThresholdsMode.Percentage, steps: [{ value: null }, { value: 50 }] }, undefined],
    ['no mode', { steps: [{ value: null }, { value: 50 }] }, undefined],
    ['steps not a list', { mode: 'absolute', steps: 'x' }, undefined],
    ['a step value that is text', { mode: 'absolute', steps: [{ value: null }, { value: '5' }] }, undefined],
    ['undefined', undefined, undefined],
  ])('%s → %p', (_name, thresholds, expected) => {
    expect(firstStepAboveBase(thresholds)).toBe(expected);
  });
});
