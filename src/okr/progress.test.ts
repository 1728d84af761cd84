import { clamp01, directionMismatch, progressOf, rollUp, worstStatus } from './progress';
import type { KrStatus } from './model';

describe('progress = (current − baseline) / (target − baseline), unclamped', () => {
  test.each`
    name                            | current  | baseline | target | progress
    ${'increase, 40 % of the way'}  | ${1.7e6} | ${1.5e6} | ${2e6} | ${0.4}
    ${'increase, at baseline'}      | ${1.5e6} | ${1.5e6} | ${2e6} | ${0}
    ${'increase, reached'}          | ${2e6}   | ${1.5e6} | ${2e6} | ${1}
    ${'increase, overshoot'}        | ${2.1e6} | ${1.5e6} | ${2e6} | ${1.2}
    ${'increase, below baseline'}   | ${1.4e6} | ${1.5e6} | ${2e6} | ${-0.2}
    ${'decrease, 75 % of the way'}  | ${70}    | ${100}   | ${60}  | ${0.75}
    ${'decrease, worse than start'} | ${110}   | ${100}   | ${60}  | ${-0.25}
    ${'negative numbers'}           | ${-5}    | ${-10}   | ${0}   | ${0.5}
    ${'target = baseline → null'}   | ${5}     | ${5}     | ${5}   | ${null}
  `('$name: $progress', ({ current, baseline, target, progress }) => {
    const result = progressOf(current, baseline, target);
    if (progress === null) {
      expect(result).toBeNull();
    } else {
      expect(result).toBeCloseTo(progress, 12);
    }
  });

  test.each`
    kind           | baseline | target | mismatch
    ${'increase'}  | ${10}    | ${20}  | ${false}
    ${'increase'}  | ${20}    | ${10}  | ${true}
    ${'decrease'}  | ${20}    | ${10}  | ${false}
    ${'decrease'}  | ${10}    | ${20}  | ${true}
    ${'stayAbove'} | ${10}    | ${20}  | ${false}
  `('$kind from $baseline to $target: mismatch message = $mismatch', ({ kind, baseline, target, mismatch }) => {
    expect(directionMismatch(kind, baseline, target) !== null).toBe(mismatch);
  });

  test.each`
    value   | clamped
    ${-0.5} | ${0}
    ${0.3}  | ${0.3}
    ${1.7}  | ${1}
  `('clamp01($value) = $clamped', ({ value, clamped }) => {
    expect(clamp01(value)).toBe(clamped);
  });
});

describe('objective roll-up: weighted mean of clamped progress', () => {
  test.each`
    name                               | keyResults                                                       | progress
    ${'the worked example'}            | ${[{ progress: 1.2, weight: 1 }, { progress: 0.4, weight: 3 }]}  | ${0.55}
    ${'equal weights'}                 | ${[{ progress: 0.2, weight: 1 }, { progress: 0.6, weight: 1 }]}  | ${0.4}
    ${'negative progress counts as 0'} | ${[{ progress: -1, weight: 1 }, { progress: 1, weight: 1 }]}     | ${0.5}
    ${'null progress is left out'}     | ${[{ progress: null, weight: 5 }, { progress: 0.8, weight: 1 }]} | ${0.8}
    ${'all null → null'}               | ${[{ progress: null, weight: 1 }]}                               | ${null}
    ${'no key results → null'}         | ${[]}                                                            | ${null}
    ${'all weights 0 → null'}          | ${[{ progress: 0.5, weight: 0 }]}                                | ${null}
    ${'weight 0 is left out'}          | ${[{ progress: 0.5, weight: 0 }, { progress: 1, weight: 2 }]}    | ${1}
  `('$name → $progress', ({ keyResults, progress }) => {
    const result = rollUp(keyResults);
    if (progress === null) {
      expect(result).toBeNull();
    } else {
      expect(result).toBeCloseTo(progress, 12);
    }
  });
});

describe('objective status is the worst key result status', () => {
  test.each`
    statuses                     | worst
    ${['onTrack', 'atRisk']}     | ${'atRisk'}
    ${['achieved', 'missed']}    | ${'missed'}
    ${['missed', 'offTrack']}    | ${'offTrack'}
    ${['atRisk', 'invalid']}     | ${'atRisk'}
    ${['invalid', 'noData']}     | ${'invalid'}
    ${['noData', 'notStarted']}  | ${'noData'}
    ${['notStarted', 'onTrack']} | ${'notStarted'}
    ${['onTrack', 'achieved']}   | ${'onTrack'}
    ${['achieved']}              | ${'achieved'}
    ${[]}                        | ${'noData'}
  `('$statuses → $worst', ({ statuses, worst }: { statuses: KrStatus[]; worst: KrStatus }) => {
    expect(worstStatus(statuses)).toBe(worst);
  });
});
