/**
 * Targets that change over time, end to end through evaluate(): stay kinds judged against the step in
 * force, increase/decrease expecting it, and a specific message for each kind of bad input. The exact
 * crossing arithmetic is owned by breachFold.test.ts, the step functions by targetSteps.test.ts.
 */
import type { DataFrame } from '@grafana/data';
import { evaluate } from './evaluate';
import { DAY, Q3_END, Q3_START, frameOf } from './testUtils';

const HOUR = 3_600_000;
const AUG_1 = Date.UTC(2026, 7 /* Aug */, 1);
const SEP_1 = Date.UTC(2026, 8 /* Sep */, 1);
/** Day 50 of Q3, Aug 20. */
const NOW = Q3_START + 50 * DAY;

/** Daily samples at 12:00 UTC from Jul 1: p95 latency 270 ms until Aug 10, 240 ms from Aug 11. */
function latency(): DataFrame {
  const times = Array.from({ length: 92 }, (_, i) => Q3_START + i * DAY + 12 * HOUR);
  return frameOf({ name: 'latency', times, values: times.map((_, i) => (i <= 40 ? 270 : 240)) });
}

/** Monthly targets as a SQL query returns them: 300 ms in July, 250 ms from August. */
function plan(
  rows: Array<[number, number | null]> = [
    [Q3_START, 300],
    [AUG_1, 250],
    [SEP_1, 250],
  ]
): DataFrame {
  return frameOf({ name: 'latency target', times: rows.map(([t]) => t), values: rows.map(([, v]) => v) });
}

function run(
  keyResult: Record<string, unknown>,
  frames: DataFrame[],
  options: { now?: number; timeZone?: string } = {}
) {
  const model = evaluate({
    options: {
      objectives: [
        {
          title: 'O',
          keyResults: [{ title: 'KR', series: 'latency', period: '2026-Q3', kind: 'stayBelow', ...keyResult }],
        },
      ],
    },
    frames,
    timeRange: { from: Q3_START - 30 * DAY, to: Q3_END + 30 * DAY },
    timeZone: options.timeZone ?? 'utc',
    now: options.now ?? NOW,
  });
  return model.objectives[0].keyResults[0];
}

describe('stay kinds: each moment judged against the target in force', () => {
  test('the breach starts where the August step moves under the line (Aug 1 00:00, between two samples) and ends at the interpolated crossing', () => {
    const kr = run({ targetSeries: 'latency target' }, [latency(), plan()]);
    expect(kr.breaches).toHaveLength(1);
    const [breach] = kr.breaches;
    expect(breach.start).toBe(AUG_1);
    // 270 on Aug 10 12:00 → 240 on Aug 11 12:00 crosses 250 two thirds of the way.
    expect(breach.end).toBeCloseTo(Q3_START + (40.5 + 2 / 3) * DAY, 0);
    expect([breach.worst, breach.bound, breach.severity, breach.ongoing]).toEqual([270, 250, 'warning', false]);
    expect([kr.status, kr.target, kr.targetSeriesNames]).toEqual(['atRisk', 250, ['latency target']]);
    // Covered: Jul 1 12:00 → as-of (49.5 days); the breach is 10 days and 4 hours of it.
    expect(kr.progress).toBeCloseTo(1 - (40.5 + 2 / 3 - 31) / 49.5, 9);
    expect(kr.breachSeconds).toBeCloseTo((breach.end - breach.start) / 1000, 6);
    expect(kr.targetSteps).toEqual([
      { time: Q3_START, value: 300, max: null },
      { time: AUG_1, value: 250, max: null },
    ]);
    expect([kr.pace, kr.noTargetSeconds, kr.messages]).toEqual([[], 0, []]);
  });

  test('the reported target is the one in force at as-of; before the step moved nothing was breached', () => {
    const kr = run({ targetSeries: 'latency target' }, [latency(), plan()], { now: AUG_1 - HOUR });
    expect([kr.target, kr.breachCount, kr.status, kr.progress]).toEqual([300, 0, 'onTrack', 1]);
  });

  test('inline targets give the same result as the query of targets', () => {
    const targets = [
      { from: '2026-07-01', value: 300 },
      { from: '2026-08-01', value: 250 },
    ];
    const inline = run({ targets }, [latency(), plan()]);
    const fromSeries = run({ targetSeries: 'latency target' }, [latency(), plan()]);
    expect({ ...inline, targetSeriesNames: [] }).toEqual({ ...fromSeries, targetSeriesNames: [] });
  });

  test('inline dates are read in the dashboard time zone: Aug 1 in Berlin is Jul 31 22:00 UTC', () => {
    const targets = [
      { from: '2026-07-01', value: 300 },
      { from: '2026-08-01', value: 250 },
    ];
    const kr = run({ targets }, [latency()], { timeZone: 'Europe/Berlin' });
    expect(kr.breaches[0].start).toBe(AUG_1 - 2 * HOUR);
  });

  test('no target before the first step: that time is not judged, said once, and left out of the time within target', () => {
    const kr = run({ targets: [{ from: '2026-07-11', value: 250 }] }, [latency()]);
    expect(kr.noTargetSeconds).toBe(10 * 86_400);
    expect(kr.messages).toEqual([
      'no target in force from 2026-07-01 00:00 to 2026-07-11 00:00: that time is not judged',
    ]);
    expect(kr.breaches[0].start).toBe(Date.UTC(2026, 6, 11));
    // Judged: Jul 11 00:00 → Aug 20 (40 days of covered time); in breach Jul 11 → Aug 11 04:00.
    expect(kr.progress).toBeCloseTo(1 - (40.5 + 2 / 3 - 10) / 40, 9);
  });

  test('no target in force at all up to as-of: noData, with where the targets start', () => {
    const kr = run({ targets: [{ from: '2026-09-01', value: 250 }] }, [latency()]);
    expect(kr.status).toBe('noData');
    expect(kr.messages).toEqual([
      'no target in force in 2026-Q3 up to as-of: the first target of targets is from 2026-09-01 00:00',
    ]);
    expect([kr.progress, kr.breaches, kr.target]).toEqual([null, [], null]);
  });

  test('a null in the target series means no target from then on', () => {
    const kr = run({ targetSeries: 'latency target' }, [
      latency(),
      plan([
        [Q3_START, 250],
        [Date.UTC(2026, 6, 10), null],
      ]),
    ]);
    expect(kr.breaches.map((b) => [b.start, b.end])).toEqual([[Q3_START + 12 * HOUR, Date.UTC(2026, 6, 10)]]);
    expect(kr.target).toBeNull();
  });

  test('stayWithin: steps for the lower bound, a constant targetMax, and the band empties from a date', () => {
    const band = run(
      {
        kind: 'stayWithin',
        targets: [
          { from: '2026-07-01', value: 200 },
          { from: '2026-08-01', value: 260 },
        ],
        targetMax: 280,
      },
      [latency()]
    );
    expect([band.target, band.targetMax, band.breaches.length]).toEqual([260, 280, 1]);
    expect(band.targetSteps[1]).toEqual({ time: AUG_1, value: 260, max: 280 });
    const empty = run(
      {
        kind: 'stayWithin',
        targets: [
          { from: '2026-07-01', value: 200 },
          { from: '2026-08-01', value: 300 },
        ],
        targetMax: 280,
      },
      [latency()]
    );
    expect(empty.status).toBe('invalid');
    expect(empty.messages).toEqual([
      'targetMax (280) is below target (300) from 2026-08-01 00:00: the band [target, targetMax] is empty',
    ]);
  });

  test('stayWithin: targetMaxSeries gives the upper bound over time; a targetMax beside it is not used', () => {
    const ceiling = frameOf({ name: 'ceiling', times: [Q3_START, AUG_1], values: [300, 260] });
    const kr = run({ kind: 'stayWithin', target: 100, targetMax: 999, targetMaxSeries: 'ceiling' }, [
      latency(),
      ceiling,
    ]);
    expect([kr.target, kr.targetMax, kr.breaches[0].start]).toEqual([100, 260, AUG_1]);
    expect(kr.messages).toEqual(['targetMax 999 is not used: the upper bound comes from targetMaxSeries']);
    expect(kr.targetSeriesNames).toEqual(['ceiling']);
  });
});

describe('increase and decrease: the expected value is the target in force', () => {
  /** MRR daily from 1.5M, +10k a day: 1.65M on Jul 16, day 15. */
  const mrr = () =>
    frameOf({
      name: 'mrr',
      times: Array.from({ length: 92 }, (_, i) => Q3_START + i * DAY),
      values: Array.from({ length: 92 }, (_, i) => 1.5e6 + i * 10_000),
    });
  const monthly = [
    { from: '2026-07-01', value: 1.6e6 },
    { from: '2026-08-01', value: 1.7e6 },
    { from: '2026-09-01', value: 1.8e6 },
  ];
  const increase = (extra: Record<string, unknown>, now: number) =>
    run({ series: 'mrr', kind: 'increase', baseline: 1.5e6, ...extra }, [mrr()], { now });

  test('as-of Jul 16 at 1.65M: expected 1.6M (July’s target), final target 1.8M, progress 0.5', () => {
    const kr = increase({ targets: monthly }, Q3_START + 15 * DAY);
    expect([kr.current, kr.target, kr.expectedValue]).toEqual([1.65e6, 1.8e6, 1.6e6]);
    expect(kr.progress).toBeCloseTo(0.5, 12);
    expect(kr.expected).toBeCloseTo(1 / 3, 12);
    expect([kr.status, kr.pace]).toEqual(['onTrack', []]);
    expect(kr.forecast.ok && kr.forecast.requiredPerDay).toBeCloseTo((1.8e6 - 1.65e6) / 77, 6);
  });

  test('as-of Aug 1 the August step is expected: 1.81M is ahead of 1.7M, behind 1.95M', () => {
    const kr = increase({ targets: monthly }, AUG_1);
    // current 1.81M, expected 1.7M → progress 1.03, expected 0.667: ahead.
    expect([kr.expectedValue, kr.status]).toEqual([1.7e6, 'onTrack']);
    const behind = increase(
      { targets: [...monthly.slice(0, 1), { from: '2026-08-01', value: 1.95e6 }, monthly[2]] },
      AUG_1
    );
    // expected 1.95M: expected progress 1.5 vs progress 1.03 → offTrack.
    expect(behind.status).toBe('offTrack');
  });

  test('the final target is the one in force before the period end; a step dated Oct 1 belongs to Q4', () => {
    const kr = increase({ targets: [...monthly, { from: '2026-10-01', value: 9e6 }] }, Q3_START + 15 * DAY);
    expect(kr.target).toBe(1.8e6);
  });

  test('no target in force at as-of: nothing is expected yet, and it says so', () => {
    const kr = increase({ targets: [{ from: '2026-08-01', value: 1.8e6 }] }, Q3_START + 15 * DAY);
    expect([kr.expectedValue, kr.expected, kr.target]).toEqual([null, null, 1.8e6]);
    expect(kr.messages).toEqual([
      'no target in force at as-of: the first target of targets is from 2026-08-01 00:00; nothing is expected yet',
    ]);
  });

  test('relative steps resolve against the baseline; milestones are not used with steps, with a note', () => {
    const kr = increase(
      {
        targets: [
          { from: '2026-07-01', value: '+5%' },
          { from: '2026-08-01', value: '+20%' },
        ],
        milestones: [{ at: '2026-08-15', value: 1.7e6 }],
      },
      Q3_START + 15 * DAY
    );
    expect([kr.target, kr.expectedValue]).toEqual([1.8e6, 1.575e6]);
    expect(kr.messages).toEqual(['milestones are not used: the expected value follows the target over time']);
  });

  test('a decrease from a target series: progress toward the target in force at the end', () => {
    const cost = frameOf({ name: 'cost plan', times: [Q3_START, SEP_1], values: [90, 60] });
    const kr = run({ kind: 'decrease', baseline: 300, targetSeries: 'cost plan' }, [latency(), cost]);
    expect([kr.target, kr.expectedValue]).toEqual([60, 90]);
    expect(kr.progress).toBeCloseTo((240 - 300) / (60 - 300), 12);
  });
});

describe('bad input: a specific message per key result, never a crash', () => {
  test.each`
    name                                             | keyResult                                                                                                                    | frames                                                                    | status       | message
    ${'a target series that matches nothing'}        | ${{ targetSeries: 'plan' }}                                                                                                  | ${() => [latency()]}                                                      | ${'noData'}  | ${"targetSeries 'plan' not found; available: latency"}
    ${'a target series regex that does not compile'} | ${{ targetSeries: '/(/' }}                                                                                                   | ${() => [latency()]}                                                      | ${'invalid'} | ${'targetSeries regex /(/ does not compile: Invalid regular expression: /(/: Unterminated group'}
    ${'a time given twice with two values'}          | ${{ targetSeries: 'latency target' }}                                                                                        | ${() => [latency(), plan([[Q3_START, 300], [AUG_1, 250], [AUG_1, 240]])]} | ${'invalid'} | ${"targetSeries 'latency target' has two values at 2026-08-01 00:00 (250 and 240): keep one target per time"}
    ${'targetSeries and targets together'}           | ${{ targetSeries: 'latency target', targets: [{ from: '2026-07-01', value: 1 }] }}                                           | ${() => [latency(), plan()]}                                              | ${'invalid'} | ${'targetSeries and targets are both set: keep one source for the target over time'}
    ${'the KPI names the target series'}             | ${{ series: 'latency target', targetSeries: 'latency target' }}                                                              | ${() => [latency(), plan()]}                                              | ${'invalid'} | ${"series 'latency target' is the key result's target series: name the KPI in series and the targets in targetSeries"}
    ${'a target series that is not text'}            | ${{ targetSeries: 5 }}                                                                                                       | ${() => [latency()]}                                                      | ${'invalid'} | ${'targetSeries 5 must be a series name or /regex/'}
    ${'targets that are not a list'}                 | ${{ targets: 'monthly' }}                                                                                                    | ${() => [latency()]}                                                      | ${'invalid'} | ${'targets \'monthly\' must be a list of steps such as {"from": "2026-07-01", "value": 1600000}'}
    ${'a step that is not an object'}                | ${{ targets: [7] }}                                                                                                          | ${() => [latency()]}                                                      | ${'invalid'} | ${'targets step 1 7 must be an object such as {"from": "2026-07-01", "value": 1600000}'}
    ${'a step with no date'}                         | ${{ targets: [{ value: 250 }] }}                                                                                             | ${() => [latency()]}                                                      | ${'invalid'} | ${"targets step 1 has no 'from' date"}
    ${'a step value that is not a number'}           | ${{ targets: [{ from: '2026-07-01', value: 'abc' }] }}                                                                       | ${() => [latency()]}                                                      | ${'invalid'} | ${"targets step 1 value 'abc' is not a number: write a number, +15% / -10% of the baseline, or +50 / -20 from it"}
    ${'a step date that does not parse'}             | ${{ targets: [{ from: '2026-07-01', value: 1 }, { from: '2026-13-01', value: 2 }] }}                                         | ${() => [latency()]}                                                      | ${'invalid'} | ${"targets step 2 from '2026-13-01' is not an ISO date"}
    ${'two steps on one date'}                       | ${{ targets: [{ from: '2026-08-01', value: 1 }, { from: '2026-07-01', value: 1 }, { from: '2026-08-01T00:00', value: 2 }] }} | ${() => [latency()]}                                                      | ${'invalid'} | ${"targets steps 1 and 3 are both from '2026-08-01': keep one"}
    ${'a relative step with no baseline yet'}        | ${{ targets: [{ from: '2026-07-01', value: '+5%' }] }}                                                                       | ${() => [frameOf({ name: 'latency', times: [], values: [] })]}            | ${'noData'}  | ${"targets step 1 value '+5%' is relative to the baseline, and there is none yet: no baseline is configured and the period has no data"}
  `('$name', ({ keyResult, frames, status, message }) => {
    const kr = run(keyResult, frames());
    expect(kr.status).toBe(status);
    expect(kr.messages).toContain(message);
  });

  test('a target beside targetSeries is not used, with a note; the steps judge', () => {
    const kr = run({ target: 999, targetSeries: 'latency target' }, [latency(), plan()]);
    expect(kr.messages).toEqual([
      "target 999 is not used: the target over time comes from targetSeries 'latency target'",
    ]);
    expect([kr.target, kr.breachCount]).toEqual([250, 1]);
  });

  test('a target series not found still draws the KPI, with no target', () => {
    const kr = run({ targetSeries: 'plan' }, [latency()]);
    expect([kr.seriesName, kr.times.length > 0, kr.target, kr.breaches]).toEqual(['latency', true, null, []]);
  });

  test('a /regex/ KPI never takes the target series, and lists only KPI candidates', () => {
    const kr = run({ series: '/^latency/', targetSeries: 'latency target' }, [latency(), plan()]);
    expect([kr.seriesName, kr.messages]).toEqual(['latency', []]);
  });

  test('the same value given twice at one time is not a conflict', () => {
    const kr = run({ targetSeries: 'latency target' }, [
      latency(),
      plan([
        [Q3_START, 300],
        [AUG_1, 250],
        [AUG_1, 250],
      ]),
    ]);
    expect([kr.status, kr.breachCount]).toEqual(['atRisk', 1]);
  });

  test('unsorted rows of a target series are sorted', () => {
    const kr = run({ targetSeries: 'latency target' }, [
      latency(),
      plan([
        [AUG_1, 250],
        [Q3_START, 300],
      ]),
    ]);
    expect(kr.breaches[0].start).toBe(AUG_1);
  });
});

describe('the scan cache with targets over time', () => {
  test('a live append, then a new step in the target series, give what fresh arrays give', () => {
    const kpiTimes = Array.from({ length: 60 }, (_, i) => Q3_START + i * DAY + 12 * HOUR);
    const kpiValues = kpiTimes.map((_, i) => 260 + 15 * Math.sin(i / 3));
    const planRows: Array<[number, number]> = [
      [Q3_START, 300],
      [AUG_1, 250],
    ];
    const kpi = frameOf({ name: 'latency', times: kpiTimes, values: kpiValues });
    const keyResult = { targetSeries: 'latency target' };
    const fresh = () =>
      run(
        keyResult,
        [frameOf({ name: 'latency', times: [...kpiTimes], values: [...kpiValues] }), plan([...planRows])],
        {
          now: Q3_END,
        }
      );
    run(keyResult, [kpi, plan([...planRows])], { now: Q3_END });
    // A stream appends to the same arrays: the scan resumes from the stored fold.
    for (let i = 60; i < 70; i++) {
      kpiTimes.push(Q3_START + i * DAY + 12 * HOUR);
      kpiValues.push(240 + i);
    }
    const grown = frameOf({ name: 'latency', times: kpiTimes, values: kpiValues });
    expect(run(keyResult, [grown, plan([...planRows])], { now: Q3_END }).breaches).toEqual(fresh().breaches);
    // The plan gains a step inside data already scanned: the key changes, so nothing stale is reused.
    planRows.push([Q3_START + 20 * DAY, 265]);
    const replanned = run(keyResult, [grown, plan([...planRows])], { now: Q3_END });
    expect(replanned.breaches).toEqual(fresh().breaches);
    expect(replanned.targetSteps).toHaveLength(3);
  });
});
