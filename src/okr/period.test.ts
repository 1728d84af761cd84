import { normalizeTimeZone, parseInstant, quarterBounds, resolvePeriod } from './period';

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
    const result = resolvePeriod(quarter, { timeZone, fiscalYearStartMonth: 0 });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(iso(result.period.start)).toBe(start);
      expect(iso(result.period.end)).toBe(end);
    }
  });

  test('2026-Q4 in Berlin is one hour longer than in UTC (clocks go back in October)', () => {
    const berlin = quarterBounds({ year: 2026, quarter: 4 }, { timeZone: 'Europe/Berlin', fiscalYearStartMonth: 0 });
    const utc = quarterBounds({ year: 2026, quarter: 4 }, { timeZone: 'utc', fiscalYearStartMonth: 0 });
    expect(berlin.end - berlin.start - (utc.end - utc.start)).toBe(3600_000);
    expect(berlin.start).toBe(1790805600000);
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
    const result = resolvePeriod(quarter, { timeZone: 'utc', fiscalYearStartMonth: startMonth });
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
    const result = resolvePeriod({ from, to }, { timeZone, fiscalYearStartMonth: 0 });
    expect(result.ok && [iso(result.period.start), iso(result.period.end)]).toEqual([start, end]);
  });
});

describe('invalid periods give one specific message', () => {
  test.each`
    option                                      | message
    ${'xyz'}                                    | ${"period 'xyz' is not a quarter like 2026-Q3 or {from, to}"}
    ${'2026-Q5'}                                | ${"period '2026-Q5' is not a quarter like 2026-Q3 or {from, to}"}
    ${'26-Q1'}                                  | ${"period '26-Q1' is not a quarter like 2026-Q3 or {from, to}"}
    ${''}                                       | ${"period '' is not a quarter like 2026-Q3 or {from, to}"}
    ${42}                                       | ${"period '42' is not a quarter like 2026-Q3 or {from, to}"}
    ${undefined}                                | ${"period 'undefined' is not a quarter like 2026-Q3 or {from, to}"}
    ${{ from: 'soon', to: '2026-10-01' }}       | ${`period '{"from":"soon","to":"2026-10-01"}' is not a quarter like 2026-Q3 or {from, to}: 'from' is not an ISO date`}
    ${{ from: '2026-07-01' }}                   | ${`period '{"from":"2026-07-01"}' is not a quarter like 2026-Q3 or {from, to}: 'to' is not an ISO date`}
    ${{ from: '2026-10-01', to: '2026-07-01' }} | ${"period 'to' (2026-07-01) must be after 'from' (2026-10-01)"}
    ${{ from: '2026-13-01', to: '2026-14-01' }} | ${`period '{"from":"2026-13-01","to":"2026-14-01"}' is not a quarter like 2026-Q3 or {from, to}: 'from' is not an ISO date`}
  `('$option → $message', ({ option, message }) => {
    expect(resolvePeriod(option, { timeZone: 'utc', fiscalYearStartMonth: 0 })).toEqual({ ok: false, message });
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
