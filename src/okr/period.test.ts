import { normalizeTimeZone, parseInstant, PERIOD_FORMS_HINT, resolvePeriod, type PeriodContext } from './period';

const ANCHOR = Date.UTC(2026, 7 /* Aug */, 15, 12);
const at = (timeZone: string, fiscalYearStartMonth = 0): PeriodContext => ({
  timeZone,
  fiscalYearStartMonth,
  anchor: ANCHOR,
});

const iso = (ms: number) => new Date(ms).toISOString();

describe('quarter periods in a time zone', () => {
  test.each`
    quarter      | timeZone              | start                         | end
    ${'2026-Q1'} | ${'utc'}              | ${'2026-01-01T00:00:00.000Z'} | ${'2026-04-01T00:00:00.000Z'}
    ${'2026-Q3'} | ${'utc'}              | ${'2026-07-01T00:00:00.000Z'} | ${'2026-10-01T00:00:00.000Z'}
    ${'2026-Q4'} | ${'utc'}              | ${'2026-10-01T00:00:00.000Z'} | ${'2027-01-01T00:00:00.000Z'}
    ${'2026-Q4'} | ${'Europe/Berlin'}    | ${'2026-09-30T22:00:00.000Z'} | ${'2026-12-31T23:00:00.000Z'}
    ${'2026-Q1'} | ${'Europe/Berlin'}    | ${'2025-12-31T23:00:00.000Z'} | ${'2026-03-31T22:00:00.000Z'}
    ${'2026-Q1'} | ${'America/New_York'} | ${'2026-01-01T05:00:00.000Z'} | ${'2026-04-01T04:00:00.000Z'}
    ${'2026-Q4'} | ${'America/New_York'} | ${'2026-10-01T04:00:00.000Z'} | ${'2027-01-01T05:00:00.000Z'}
    ${'2026-Q3'} | ${'Asia/Kolkata'}     | ${'2026-06-30T18:30:00.000Z'} | ${'2026-09-30T18:30:00.000Z'}
    ${'2026-q2'} | ${'utc'}              | ${'2026-04-01T00:00:00.000Z'} | ${'2026-07-01T00:00:00.000Z'}
    ${'2024-Q1'} | ${'utc'}              | ${'2024-01-01T00:00:00.000Z'} | ${'2024-04-01T00:00:00.000Z'}
    ${'2026-Q3'} | ${'browser'}          | ${'2026-07-01T00:00:00.000Z'} | ${'2026-10-01T00:00:00.000Z'}
  `('$quarter in $timeZone is [$start, $end)', ({ quarter, timeZone, start, end }) => {
    const result = resolvePeriod(quarter, at(timeZone));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(iso(result.period.start)).toBe(start);
      expect(iso(result.period.end)).toBe(end);
    }
  });

  test('2026-Q4 in Berlin is one hour longer than in UTC (clocks go back in October)', () => {
    const berlin = resolvePeriod('2026-Q4', at('Europe/Berlin'));
    const utc = resolvePeriod('2026-Q4', at('utc'));
    if (!berlin.ok || !utc.ok) {
      throw new Error('2026-Q4 must resolve');
    }
    expect(berlin.period.end - berlin.period.start - (utc.period.end - utc.period.start)).toBe(3600_000);
    expect(berlin.period.start).toBe(1790805600000);
  });
});

describe('fiscal quarters are named by the calendar year the fiscal year starts in', () => {
  test.each`
    startMonth | quarter      | start                         | end                           | label
    ${3}       | ${'2026-Q1'} | ${'2026-04-01T00:00:00.000Z'} | ${'2026-07-01T00:00:00.000Z'} | ${'FY2026-Q1'}
    ${3}       | ${'2026-Q4'} | ${'2027-01-01T00:00:00.000Z'} | ${'2027-04-01T00:00:00.000Z'} | ${'FY2026-Q4'}
    ${9}       | ${'2025-Q1'} | ${'2025-10-01T00:00:00.000Z'} | ${'2026-01-01T00:00:00.000Z'} | ${'FY2025-Q1'}
    ${9}       | ${'2025-Q2'} | ${'2026-01-01T00:00:00.000Z'} | ${'2026-04-01T00:00:00.000Z'} | ${'FY2025-Q2'}
    ${1}       | ${'2026-Q4'} | ${'2026-11-01T00:00:00.000Z'} | ${'2027-02-01T00:00:00.000Z'} | ${'FY2026-Q4'}
    ${11}      | ${'2026-Q1'} | ${'2026-12-01T00:00:00.000Z'} | ${'2027-03-01T00:00:00.000Z'} | ${'FY2026-Q1'}
    ${0}       | ${'2026-Q3'} | ${'2026-07-01T00:00:00.000Z'} | ${'2026-10-01T00:00:00.000Z'} | ${'2026-Q3'}
  `('start month $startMonth: $quarter is [$start, $end)', ({ startMonth, quarter, start, end, label }) => {
    const result = resolvePeriod(quarter, at('utc', startMonth));
    expect(result).toEqual({ ok: true, period: { start: Date.parse(start), end: Date.parse(end), label } });
  });
});

describe('custom periods', () => {
  test.each`
    from                      | to                             | timeZone           | start                         | end
    ${'2026-07-01'}           | ${'2026-10-01'}                | ${'utc'}           | ${'2026-07-01T00:00:00.000Z'} | ${'2026-10-01T00:00:00.000Z'}
    ${'2026-07-01'}           | ${'2026-10-01'}                | ${'Europe/Berlin'} | ${'2026-06-30T22:00:00.000Z'} | ${'2026-09-30T22:00:00.000Z'}
    ${'2026-07-01T12:00'}     | ${'2026-07-02T12:00'}          | ${'Asia/Kolkata'}  | ${'2026-07-01T06:30:00.000Z'} | ${'2026-07-02T06:30:00.000Z'}
    ${'2026-07-01T00:00:00Z'} | ${'2026-07-02T00:00:00+02:00'} | ${'Asia/Kolkata'}  | ${'2026-07-01T00:00:00.000Z'} | ${'2026-07-01T22:00:00.000Z'}
  `('{$from, $to} in $timeZone is [$start, $end)', ({ from, to, timeZone, start, end }) => {
    const result = resolvePeriod({ from, to }, at(timeZone));
    expect(result.ok && [iso(result.period.start), iso(result.period.end)]).toEqual([start, end]);
  });
});

describe('invalid periods give one specific message', () => {
  const notOneOf = (shown: string) => `period '${shown}' is not one of ${PERIOD_FORMS_HINT}`;
  test.each`
    option                                      | message
    ${'xyz'}                                    | ${notOneOf('xyz')}
    ${'2026-Q5'}                                | ${notOneOf('2026-Q5')}
    ${'2026-H3'}                                | ${notOneOf('2026-H3')}
    ${'2026-13'}                                | ${notOneOf('2026-13')}
    ${'26-Q1'}                                  | ${notOneOf('26-Q1')}
    ${'thisWeek'}                               | ${notOneOf('thisWeek')}
    ${42}                                       | ${notOneOf('42')}
    ${'x'.repeat(500)}                          | ${notOneOf(`${'x'.repeat(60)}…`)}
    ${''}                                       | ${`period is missing: write ${PERIOD_FORMS_HINT}`}
    ${undefined}                                | ${`period is missing: write ${PERIOD_FORMS_HINT}`}
    ${null}                                     | ${`period is missing: write ${PERIOD_FORMS_HINT}`}
    ${{ from: 'soon', to: '2026-10-01' }}       | ${`${notOneOf('{"from":"soon","to":"2026-10-01"}')}: 'from' is not an ISO date`}
    ${{ from: '2026-07-01' }}                   | ${`${notOneOf('{"from":"2026-07-01"}')}: 'to' is missing`}
    ${{ from: '2026-10-01', to: '2026-07-01' }} | ${"period 'to' (2026-07-01) must be after 'from' (2026-10-01)"}
    ${{ from: '2026-13-01', to: '2026-14-01' }} | ${`${notOneOf('{"from":"2026-13-01","to":"2026-14-01"}')}: 'from' is not an ISO date`}
  `('$option → $message', ({ option, message }) => {
    expect(resolvePeriod(option, at('utc'))).toEqual({ ok: false, message });
  });
});

describe('years, halves and months', () => {
  test.each`
    period         | fiscal | timeZone           | start                         | end                           | label
    ${'2026'}      | ${0}   | ${'utc'}           | ${'2026-01-01T00:00:00.000Z'} | ${'2027-01-01T00:00:00.000Z'} | ${'2026'}
    ${'2026'}      | ${3}   | ${'utc'}           | ${'2026-04-01T00:00:00.000Z'} | ${'2027-04-01T00:00:00.000Z'} | ${'FY2026'}
    ${'FY2026'}    | ${3}   | ${'utc'}           | ${'2026-04-01T00:00:00.000Z'} | ${'2027-04-01T00:00:00.000Z'} | ${'FY2026'}
    ${'2026-H1'}   | ${0}   | ${'utc'}           | ${'2026-01-01T00:00:00.000Z'} | ${'2026-07-01T00:00:00.000Z'} | ${'2026-H1'}
    ${'2026-H2'}   | ${3}   | ${'utc'}           | ${'2026-10-01T00:00:00.000Z'} | ${'2027-04-01T00:00:00.000Z'} | ${'FY2026-H2'}
    ${'2026-h2'}   | ${9}   | ${'utc'}           | ${'2027-04-01T00:00:00.000Z'} | ${'2027-10-01T00:00:00.000Z'} | ${'FY2026-H2'}
    ${'2026-08'}   | ${0}   | ${'utc'}           | ${'2026-08-01T00:00:00.000Z'} | ${'2026-09-01T00:00:00.000Z'} | ${'2026-08'}
    ${'2026-08'}   | ${3}   | ${'utc'}           | ${'2026-08-01T00:00:00.000Z'} | ${'2026-09-01T00:00:00.000Z'} | ${'2026-08'}
    ${'2026-12'}   | ${0}   | ${'utc'}           | ${'2026-12-01T00:00:00.000Z'} | ${'2027-01-01T00:00:00.000Z'} | ${'2026-12'}
    ${'2026-10'}   | ${0}   | ${'Europe/Berlin'} | ${'2026-09-30T22:00:00.000Z'} | ${'2026-10-31T23:00:00.000Z'} | ${'2026-10'}
    ${'FY2026-Q1'} | ${3}   | ${'utc'}           | ${'2026-04-01T00:00:00.000Z'} | ${'2026-07-01T00:00:00.000Z'} | ${'FY2026-Q1'}
  `(
    '$period (fiscal start $fiscal, $timeZone) is [$start, $end) "$label"',
    ({ period, fiscal, timeZone, start, end, label }) => {
      expect(resolvePeriod(period, at(timeZone, fiscal))).toEqual({
        ok: true,
        period: { start: Date.parse(start), end: Date.parse(end), label },
      });
    }
  );
});

describe('relative periods are resolved at the anchor min(range end, now)', () => {
  test.each`
    period           | fiscal | anchor                        | start                         | end                           | label
    ${'thisQuarter'} | ${0}   | ${'2026-08-15T12:00:00.000Z'} | ${'2026-07-01T00:00:00.000Z'} | ${'2026-10-01T00:00:00.000Z'} | ${'2026-Q3'}
    ${'thisQuarter'} | ${3}   | ${'2026-08-15T12:00:00.000Z'} | ${'2026-07-01T00:00:00.000Z'} | ${'2026-10-01T00:00:00.000Z'} | ${'FY2026-Q2'}
    ${'thisQuarter'} | ${1}   | ${'2026-08-15T12:00:00.000Z'} | ${'2026-08-01T00:00:00.000Z'} | ${'2026-11-01T00:00:00.000Z'} | ${'FY2026-Q3'}
    ${'thisQuarter'} | ${0}   | ${'2026-07-01T00:00:00.000Z'} | ${'2026-04-01T00:00:00.000Z'} | ${'2026-07-01T00:00:00.000Z'} | ${'2026-Q2'}
    ${'thisQuarter'} | ${0}   | ${'2026-07-01T00:00:00.001Z'} | ${'2026-07-01T00:00:00.000Z'} | ${'2026-10-01T00:00:00.000Z'} | ${'2026-Q3'}
    ${'lastQuarter'} | ${0}   | ${'2026-08-15T12:00:00.000Z'} | ${'2026-04-01T00:00:00.000Z'} | ${'2026-07-01T00:00:00.000Z'} | ${'2026-Q2'}
    ${'nextQuarter'} | ${0}   | ${'2026-11-15T12:00:00.000Z'} | ${'2027-01-01T00:00:00.000Z'} | ${'2027-04-01T00:00:00.000Z'} | ${'2027-Q1'}
    ${'lastQuarter'} | ${0}   | ${'2026-02-01T00:00:00.000Z'} | ${'2025-10-01T00:00:00.000Z'} | ${'2026-01-01T00:00:00.000Z'} | ${'2025-Q4'}
    ${'thisHalf'}    | ${0}   | ${'2026-08-15T12:00:00.000Z'} | ${'2026-07-01T00:00:00.000Z'} | ${'2027-01-01T00:00:00.000Z'} | ${'2026-H2'}
    ${'thisHalf'}    | ${3}   | ${'2026-08-15T12:00:00.000Z'} | ${'2026-04-01T00:00:00.000Z'} | ${'2026-10-01T00:00:00.000Z'} | ${'FY2026-H1'}
    ${'thisYear'}    | ${0}   | ${'2026-08-15T12:00:00.000Z'} | ${'2026-01-01T00:00:00.000Z'} | ${'2027-01-01T00:00:00.000Z'} | ${'2026'}
    ${'thisYear'}    | ${3}   | ${'2026-02-15T12:00:00.000Z'} | ${'2025-04-01T00:00:00.000Z'} | ${'2026-04-01T00:00:00.000Z'} | ${'FY2025'}
    ${'lastYear'}    | ${3}   | ${'2026-08-15T12:00:00.000Z'} | ${'2025-04-01T00:00:00.000Z'} | ${'2026-04-01T00:00:00.000Z'} | ${'FY2025'}
    ${'thisYear'}    | ${0}   | ${'2027-01-01T00:00:00.000Z'} | ${'2026-01-01T00:00:00.000Z'} | ${'2027-01-01T00:00:00.000Z'} | ${'2026'}
    ${'thisMonth'}   | ${3}   | ${'2026-08-15T12:00:00.000Z'} | ${'2026-08-01T00:00:00.000Z'} | ${'2026-09-01T00:00:00.000Z'} | ${'2026-08'}
    ${'lastMonth'}   | ${0}   | ${'2026-01-10T00:00:00.000Z'} | ${'2025-12-01T00:00:00.000Z'} | ${'2026-01-01T00:00:00.000Z'} | ${'2025-12'}
    ${'ThisQuarter'} | ${0}   | ${'2026-08-15T12:00:00.000Z'} | ${'2026-07-01T00:00:00.000Z'} | ${'2026-10-01T00:00:00.000Z'} | ${'2026-Q3'}
  `('$period at $anchor (fiscal start $fiscal) is $label', ({ period, fiscal, anchor, start, end, label }) => {
    const context = { timeZone: 'utc', fiscalYearStartMonth: fiscal, anchor: Date.parse(anchor) };
    expect(resolvePeriod(period, context)).toEqual({
      ok: true,
      period: { start: Date.parse(start), end: Date.parse(end), label },
    });
  });

  test.each`
    period           | fiscal | anchor
    ${'9999-Q4'}     | ${11}  | ${ANCHOR}
    ${'thisQuarter'} | ${0}   | ${3e14}
    ${'thisQuarter'} | ${0}   | ${-1e20}
  `('$period (fiscal $fiscal) at $anchor is outside 0000–9999: a message, never NaN', ({ period, fiscal, anchor }) => {
    expect(resolvePeriod(period, { timeZone: 'utc', fiscalYearStartMonth: fiscal, anchor })).toEqual({
      ok: false,
      message: `period '${period}' falls outside the years 0000–9999`,
    });
  });

  test('the anchor is read on the dashboard wall clock: Jul 1 01:00 in Berlin is still June 30 in UTC', () => {
    // 2026-06-30T23:30Z is 2026-07-01T01:30 in Berlin (+02:00): Q3 there, Q2 in UTC.
    const anchor = Date.UTC(2026, 5 /* Jun */, 30, 23, 30);
    const berlin = resolvePeriod('thisQuarter', { timeZone: 'Europe/Berlin', fiscalYearStartMonth: 0, anchor });
    const utc = resolvePeriod('thisQuarter', { timeZone: 'utc', fiscalYearStartMonth: 0, anchor });
    expect(berlin.ok && berlin.period.label).toBe('2026-Q3');
    expect(utc.ok && utc.period.label).toBe('2026-Q2');
  });
});

describe('time zones', () => {
  test.each`
    input                 | timeZone              | message
    ${'utc'}              | ${'utc'}              | ${undefined}
    ${'UTC'}              | ${'utc'}              | ${undefined}
    ${''}                 | ${'browser'}          | ${undefined}
    ${undefined}          | ${'browser'}          | ${undefined}
    ${'America/New_York'} | ${'America/New_York'} | ${undefined}
    ${'Mars/Olympus'}     | ${'utc'}              | ${"time zone 'Mars/Olympus' is unknown; using UTC"}
  `('$input → $timeZone', ({ input, timeZone, message }) => {
    expect(normalizeTimeZone(input)).toEqual(message ? { timeZone, message } : { timeZone });
  });

  test('parseInstant rejects partial dates and garbage', () => {
    expect(parseInstant('2026', 'utc')).toBeNull();
    expect(parseInstant('2026-07', 'utc')).toBeNull();
    expect(parseInstant('tomorrow', 'utc')).toBeNull();
    expect(parseInstant('2026-07-01', 'utc')).toBe(Date.UTC(2026, 6 /* Jul */, 1));
  });
});
