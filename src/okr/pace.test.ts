import { DEFAULT_TOLERANCES } from '../types';
import type { PeriodModel } from './model';
import { expectedAt, paceVertices, resolveMilestones, statusOf, type StatusInput } from './pace';
import { DAY, Q3_END, Q3_START } from './testUtils';

const Q3: PeriodModel = { start: Q3_START, end: Q3_END, label: '2026-Q3' };
const AUG_1 = Date.UTC(2026, 7 /* Aug */, 1);
const AUG_16 = Date.UTC(2026, 7 /* Aug */, 16);

describe('expected progress and value', () => {
  test.each`
    name                                   | asOf                     | milestones                                                                       | expectedValue                | expected
    ${'straight line at the start'}        | ${Q3_START}              | ${[]}                                                                            | ${1.5e6}                     | ${0}
    ${'straight line half way (46 of 92)'} | ${Q3_START + 46 * DAY}   | ${[]}                                                                            | ${1.75e6}                    | ${0.5}
    ${'straight line at the end'}          | ${Q3_END}                | ${[]}                                                                            | ${2e6}                       | ${1}
    ${'on a milestone'}                    | ${AUG_1}                 | ${[{ time: AUG_1, value: 1.7e6 }]}                                               | ${1.7e6}                     | ${0.4}
    ${'between milestone and end'}         | ${AUG_16}                | ${[{ time: AUG_1, value: 1.7e6 }]}                                               | ${1.7e6 + (15 / 61) * 0.3e6} | ${(0.2e6 + (15 / 61) * 0.3e6) / 0.5e6}
    ${'before the milestone'}              | ${Q3_START + 15.5 * DAY} | ${[{ time: AUG_1, value: 1.7e6 }]}                                               | ${1.6e6}                     | ${0.2}
    ${'two milestones, second segment'}    | ${AUG_16}                | ${[{ time: AUG_1, value: 1.7e6 }, { time: Date.UTC(2026, 8, 1), value: 1.8e6 }]} | ${1.7e6 + (15 / 31) * 0.1e6} | ${(0.2e6 + (15 / 31) * 0.1e6) / 0.5e6}
    ${'before the period → clamped'}       | ${Q3_START - DAY}        | ${[]}                                                                            | ${1.5e6}                     | ${0}
  `('$name', ({ asOf, milestones, expectedValue, expected }) => {
    const pace = paceVertices({ period: Q3, baseline: 1.5e6, target: 2e6, milestones });
    const result = expectedAt({ pace, asOf, baseline: 1.5e6, target: 2e6 });
    expect(result.expectedValue).toBeCloseTo(expectedValue, 6);
    expect(result.expected).toBeCloseTo(expected, 12);
  });

  test('pace vertices run (start, baseline), milestones…, (end, target)', () => {
    expect(paceVertices({ period: Q3, baseline: 1, target: 3, milestones: [{ time: AUG_1, value: 2 }] })).toEqual([
      { time: Q3_START, value: 1 },
      { time: AUG_1, value: 2 },
      { time: Q3_END, value: 3 },
    ]);
  });

  test('milestones are sorted; outside or unparsable ones are dropped with a note', () => {
    const result = resolveMilestones(
      [
        { at: '2026-09-01', value: 3 },
        { at: '2026-08-01', value: 2 },
        { at: '2026-12-01', value: 9 },
        { at: 'soon', value: 9 },
        { at: '2026-07-01', value: 9 },
      ],
      { period: Q3, timeZone: 'utc' }
    );
    expect(result.milestones).toEqual([
      { time: AUG_1, value: 2 },
      { time: Date.UTC(2026, 8, 1), value: 3 },
    ]);
    expect(result.notes).toEqual([
      "milestone at '2026-12-01' is outside the period 2026-Q3; ignored",
      "milestone at 'soon' is not an ISO date; ignored",
      "milestone at '2026-07-01' is outside the period 2026-Q3; ignored",
    ]);
  });

  test('milestone dates are read in the dashboard time zone', () => {
    const result = resolveMilestones([{ at: '2026-08-01', value: 2 }], { period: Q3, timeZone: 'America/New_York' });
    expect(result.milestones[0].time).toBe(Date.UTC(2026, 7, 1, 4));
  });
});

const base: StatusInput = {
  kind: 'increase',
  period: Q3,
  asOf: Q3_START + 46 * DAY,
  hasData: true,
  progress: 0.5,
  expected: 0.5,
  tolerances: DEFAULT_TOLERANCES,
  targetBreaches: { any: false, ongoing: false },
};

describe('status', () => {
  test.each`
    name                                 | change                                                                                | status
    ${'before the period'}               | ${{ asOf: Q3_START - 1 }}                                                             | ${'notStarted'}
    ${'no sample yet'}                   | ${{ hasData: false }}                                                                 | ${'noData'}
    ${'on pace'}                         | ${{}}                                                                                 | ${'onTrack'}
    ${'ahead of pace'}                   | ${{ progress: 0.9 }}                                                                  | ${'onTrack'}
    ${'gap −0.05 exactly → onTrack'}     | ${{ progress: 0.45 }}                                                                 | ${'onTrack'}
    ${'gap −0.06 → atRisk'}              | ${{ progress: 0.44 }}                                                                 | ${'atRisk'}
    ${'gap −0.10 → atRisk'}              | ${{ progress: 0.4 }}                                                                  | ${'atRisk'}
    ${'gap −0.15 exactly → atRisk'}      | ${{ progress: 0.35 }}                                                                 | ${'atRisk'}
    ${'gap −0.16 → offTrack'}            | ${{ progress: 0.34 }}                                                                 | ${'offTrack'}
    ${'custom tolerances'}               | ${{ progress: 0.4, tolerances: { atRisk: 0.1, offTrack: 0.2 } }}                      | ${'onTrack'}
    ${'decrease uses the same gap rule'} | ${{ kind: 'decrease', progress: 0.2 }}                                                | ${'offTrack'}
    ${'ended, reached'}                  | ${{ asOf: Q3_END, progress: 1 }}                                                      | ${'achieved'}
    ${'ended, overshoot'}                | ${{ asOf: Q3_END, progress: 1.3 }}                                                    | ${'achieved'}
    ${'ended, short'}                    | ${{ asOf: Q3_END, progress: 0.99 }}                                                   | ${'missed'}
    ${'ended but no data'}               | ${{ asOf: Q3_END, hasData: false }}                                                   | ${'noData'}
    ${'undefined progress'}              | ${{ progress: null }}                                                                 | ${'invalid'}
    ${'stay, never breached'}            | ${{ kind: 'stayBelow' }}                                                              | ${'onTrack'}
    ${'stay, breached earlier'}          | ${{ kind: 'stayAbove', targetBreaches: { any: true, ongoing: false } }}               | ${'atRisk'}
    ${'stay, in breach at as-of'}        | ${{ kind: 'stayWithin', targetBreaches: { any: true, ongoing: true } }}               | ${'offTrack'}
    ${'stay, ended clean'}               | ${{ kind: 'stayBelow', asOf: Q3_END }}                                                | ${'achieved'}
    ${'stay, ended with a breach'}       | ${{ kind: 'stayBelow', asOf: Q3_END, targetBreaches: { any: true, ongoing: false } }} | ${'missed'}
    ${'stay, not started'}               | ${{ kind: 'stayBelow', asOf: Q3_START - 1 }}                                          | ${'notStarted'}
  `('$name → $status', ({ change, status }) => {
    expect(statusOf({ ...base, ...change })).toBe(status);
  });
});
