import { formatPoints, readTolerances } from './tolerancesInput';

describe('formatPoints', () => {
  test.each([
    [0.05, '5'],
    [0.07, '7'],
    [0.29, '29'],
    [0.025, '2.5'],
    [0, '0'],
    [undefined, ''],
    ['0.1', '0.1'],
  ])('shows the saved %p as %p points', (fraction, shown) => {
    expect(formatPoints(fraction)).toBe(shown);
  });
});

describe('readTolerances', () => {
  test.each([
    ['5', '15', { atRisk: 0.05, offTrack: 0.15 }],
    ['7', '29', { atRisk: 0.07, offTrack: 0.29 }],
    [' 2.5pp ', '10 PP', { atRisk: 0.025, offTrack: 0.1 }],
    ['0', '0', { atRisk: 0, offTrack: 0 }],
    ['10', '10', { atRisk: 0.1, offTrack: 0.1 }],
  ])('saves %p / %p points as the fractions %p', (atRisk, offTrack, value) => {
    expect(readTolerances({ atRisk, offTrack })).toEqual({ ok: true, value });
  });

  test.each([
    ['20', '10', { order: 'At risk (20 pp) must not be more than off track (10 pp)' }],
    ['-1', '10', { atRisk: "'-1' is below 0: the gap behind pace is 0 pp or more" }],
    ['5%', '10', { atRisk: "'5%' is not a number of percentage points, such as 5" }],
    ['5', '', { offTrack: 'Enter the gap in percentage points, such as 5' }],
    [
      'x',
      'y',
      {
        atRisk: "'x' is not a number of percentage points, such as 5",
        offTrack: "'y' is not a number of percentage points, such as 5",
      },
    ],
  ])('rejects %p / %p with %p', (atRisk, offTrack, messages) => {
    expect(readTolerances({ atRisk, offTrack })).toEqual({ ok: false, messages });
  });
});
