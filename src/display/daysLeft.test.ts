import { formatPeriodPosition, periodPosition } from './daysLeft';
import { DAY, MID_Q3, Q3_END, Q3_START } from './testModels';

const Q3 = { start: Q3_START, end: Q3_END, label: '2026-Q3' };
const HOUR = 3_600_000;

describe('days left in the period, rounded up', () => {
  test.each`
    name                                | asOf                    | text
    ${'mid period (46.5 days left)'}    | ${MID_Q3}               | ${'47 days left'}
    ${'at the start'}                   | ${Q3_START}             | ${'92 days left'}
    ${'one hour before the end'}        | ${Q3_END - HOUR}        | ${'1 day left'}
    ${'exactly one day before the end'} | ${Q3_END - DAY}         | ${'1 day left'}
    ${'at the (exclusive) end'}         | ${Q3_END}               | ${'ended'}
    ${'after the end'}                  | ${Q3_END + 5 * DAY}     | ${'ended'}
    ${'before the start'}               | ${Q3_START - 2.5 * DAY} | ${'starts in 3 days'}
    ${'one hour before the start'}      | ${Q3_START - HOUR}      | ${'starts in 1 day'}
  `('$name → "$text"', ({ asOf, text }) => {
    expect(formatPeriodPosition(periodPosition(Q3, asOf))).toBe(text);
  });

  test.each`
    name                  | period                                    | asOf
    ${'no period'}        | ${null}                                   | ${MID_Q3}
    ${'no as-of'}         | ${Q3}                                     | ${null}
    ${'NaN as-of'}        | ${Q3}                                     | ${NaN}
    ${'NaN period bound'} | ${{ start: NaN, end: Q3_END, label: '' }} | ${MID_Q3}
  `('$name → a dash', ({ period, asOf }) => {
    expect(periodPosition(period, asOf)).toBeNull();
    expect(formatPeriodPosition(periodPosition(period, asOf))).toBe('–');
  });
});
