/**
 * OKR core v2 rules end to end through evaluate(): cumulative counts, relative targets, relative and
 * fiscal periods, coverage, overflow, and the specific messages for bad input. Exact arithmetic of each
 * rule is owned by its module's test (target, coverage, period, breaches); this file checks the wiring.
 */
import { ThresholdsMode, type DataFrame, type FieldConfig } from '@grafana/data';
import { evaluate } from './evaluate';
import type { KeyResultModel, PanelModel } from './model';
import { DAY, Q3_END, Q3_START, dailyFrame, frameOf } from './testUtils';

const MID_Q3 = Q3_START + 46 * DAY;

function panel(input: {
  keyResults: Array<Record<string, unknown>>;
  frames: DataFrame[];
  now?: number;
  to?: number;
  options?: Record<string, unknown>;
}): PanelModel {
  return evaluate({
    options: { objectives: [{ title: 'O', keyResults: input.keyResults }], ...input.options },
    frames: input.frames,
    timeRange: { from: Q3_START - 30 * DAY, to: input.to ?? Q3_END + 30 * DAY },
    timeZone: 'utc',
    now: input.now ?? MID_Q3,
  });
}

function run(keyResult: Record<string, unknown>, frames: DataFrame[], now = MID_Q3): KeyResultModel {
  const base = { title: 'KR', series: 'deals', period: '2026-Q3', kind: 'increase' };
  return panel({ keyResults: [{ ...base, ...keyResult }], frames, now }).objectives[0].keyResults[0];
}

describe('counts that add up: reducer "sum" is cumulative', () => {
  // One deal a day, every other day a null: 25 deals in the first 50 days of Q3.
  const deals = () =>
    dailyFrame(
      Array.from({ length: 92 }, (_, i) => (i % 2 === 0 ? 1 : null)),
      'deals'
    );

  test('"Close 50 deals": 25 of 50 reads 50%, baseline 0, running total in the model', () => {
    const kr = run({ target: 50, reducer: 'sum' }, [deals()], Q3_START + 49 * DAY);
    expect([kr.cumulative, kr.baseline, kr.current, kr.target, kr.progress]).toEqual([true, 0, 25, 50, 0.5]);
    expect(kr.values[kr.values.length - 1]).toBe(25);
    expect(Array.from(kr.values.slice(0, 4))).toEqual([1, 2, 3, 4]);
    expect(kr.pace).toEqual([
      { time: Q3_START, value: 0 },
      { time: Q3_END, value: 50 },
    ]);
  });

  test('the forecast projects the running total, not the daily count', () => {
    const kr = run({ target: 50, reducer: 'sum' }, [deals()], Q3_START + 49 * DAY);
    // Totals 1, 2, 3… on days 0, 2, 4…: 1 + 0.5 a day → 47 at day 92, the end of the quarter.
    expect(kr.forecast.ok && kr.forecast.value).toBeCloseTo(47, 6);
    expect(kr.status).toBe('onTrack');
  });

  test('a configured baseline is added to the count; a first sample after the start is led by (start, baseline)', () => {
    const late = frameOf({ name: 'deals', times: [Q3_START + 2 * DAY, Q3_START + 3 * DAY], values: [4, 6] });
    const kr = run({ target: 60, baseline: 40, reducer: 'sum' }, [late]);
    expect(kr.current).toBe(50);
    expect(Array.from(kr.times)).toEqual([Q3_START, Q3_START + 2 * DAY, Q3_START + 3 * DAY]);
    expect(Array.from(kr.values)).toEqual([40, 44, 50]);
  });

  test('nothing counted yet: current is the baseline, status noData', () => {
    const kr = run({ target: 50, reducer: 'sum' }, [frameOf({ name: 'deals', times: [], values: [] })]);
    expect([kr.current, kr.status]).toEqual([0, 'noData']);
  });

  test('a stay key result with sum judges the running total: "fewer than 10 incidents this quarter"', () => {
    const incidents = dailyFrame([3, 3, 3, 3, 3], 'deals');
    const kr = run({ kind: 'stayBelow', target: 10, reducer: 'sum' }, [incidents], Q3_START + 4 * DAY);
    expect(kr.current).toBe(15);
    expect(kr.breachCount).toBe(1);
    expect(kr.status).toBe('offTrack');
  });
});

describe('relative targets resolve against the effective baseline', () => {
  const traffic = () =>
    dailyFrame(
      Array.from({ length: 92 }, (_, i) => 40000 + i * 50),
      'deals'
    );
  test.each`
    target    | baseline     | effective
    ${'+15%'} | ${undefined} | ${46000}
    ${'+15%'} | ${20000}     | ${23000}
    ${'-10%'} | ${200}       | ${180}
    ${'+500'} | ${undefined} | ${40500}
  `('$target from baseline $baseline → $effective', ({ target, baseline, effective }) => {
    expect(run({ target, baseline }, [traffic()]).target).toBe(effective);
  });

  test('a stayWithin band may be relative too: baseline ± 5%', () => {
    const kr = run({ kind: 'stayWithin', baseline: 40000, target: '-5%', targetMax: '+5%' }, [traffic()]);
    // 40 000 + 50 a day passes 42 000 on day 40 and is still above it at as-of (day 46).
    expect([kr.target, kr.targetMax, kr.status]).toEqual([38000, 42000, 'offTrack']);
  });

  test('a relative target with no baseline and no data says so', () => {
    const kr = run({ target: '+15%' }, [frameOf({ name: 'deals', times: [], values: [] })]);
    expect(kr.status).toBe('noData');
    expect(kr.messages).toContain(
      "target '+15%' is relative to the baseline, and there is none yet: no baseline is configured and the period has no data"
    );
  });
});

describe('relative periods follow the dashboard range and the fiscal year', () => {
  const daily = () =>
    dailyFrame(
      Array.from({ length: 92 }, (_, i) => i),
      'deals'
    );
  test.each`
    period           | fiscal | to                   | start                          | label
    ${'thisQuarter'} | ${0}   | ${Q3_END + 30 * DAY} | ${Q3_START}                    | ${'2026-Q3'}
    ${'thisQuarter'} | ${3}   | ${Q3_END + 30 * DAY} | ${Q3_START}                    | ${'FY2026-Q2'}
    ${'thisQuarter'} | ${0}   | ${Q3_START}          | ${Date.UTC(2026, 3 /* Apr */)} | ${'2026-Q2'}
    ${'thisYear'}    | ${3}   | ${Q3_END + 30 * DAY} | ${Date.UTC(2026, 3 /* Apr */)} | ${'FY2026'}
  `('$period with fiscal start $fiscal and range end $to → $label', ({ period, fiscal, to, start, label }) => {
    const model = panel({
      keyResults: [{ title: 'KR', series: 'deals', period, kind: 'increase', target: 100 }],
      frames: [daily()],
      to,
      options: { fiscalYearStartMonth: fiscal },
    });
    const kr = model.objectives[0].keyResults[0];
    expect([kr.period?.start, kr.period?.label]).toEqual([start, label]);
  });
});

describe('no data: how long, and why', () => {
  test('every key result with a series carries noDataSeconds: a 10-day outage in a daily series', () => {
    const values = Array.from({ length: 46 }, (_, i) => (i >= 20 && i < 30 ? null : 5));
    const kr = run({ kind: 'stayBelow', target: 10 }, [dailyFrame(values, 'deals')]);
    // Days 19→30 are not covered (nulls from day 20 to 29): 11 days; the rest of the 46 days is.
    expect(kr.noDataSeconds).toBe(11 * 86400);
    expect(kr.progress).toBe(1);
  });

  test.each`
    name                  | times                               | message
    ${'times in seconds'} | ${[1782864000, 1782950400]}         | ${"series 'deals' has no sample in 2026-Q3 up to as-of: its 2 samples lie from 1970-01-21 15:14 to 1970-01-21 15:15: times look like seconds, not milliseconds"}
    ${'after the period'} | ${[Q3_END + DAY, Q3_END + 2 * DAY]} | ${"series 'deals' has no sample in 2026-Q3 up to as-of: its 2 samples lie from 2026-10-02 00:00 to 2026-10-03 00:00"}
  `('$name → noData with where the samples lie', ({ times, message }) => {
    const kr = run({ target: 10 }, [frameOf({ name: 'deals', times, values: [1, 2] })]);
    expect([kr.status, kr.messages]).toEqual(['noData', [message]]);
  });

  test('only nulls in the period', () => {
    const kr = run({ target: 10 }, [dailyFrame([null, null, null], 'deals')]);
    expect(kr.messages).toEqual(["series 'deals' has only null values in 2026-Q3 up to as-of (3 samples)"]);
  });
});

describe('overflow never reaches a view', () => {
  test('baseline −1e308 → target 1e308 is invalid with a message; the other key result still draws', () => {
    const huge = dailyFrame([1e308, -1e308, 1e308], 'deals');
    const model = panel({
      keyResults: [
        { title: 'huge', series: 'deals', period: '2026-Q3', kind: 'increase', baseline: -1e308, target: 1e308 },
        { title: 'fine', series: 'load', period: '2026-Q3', kind: 'stayBelow', target: 0 },
      ],
      frames: [huge, dailyFrame([1, 2, 3], 'load')],
      now: Q3_START + 2 * DAY,
    });
    const [overflowed, fine] = model.objectives[0].keyResults;
    expect(overflowed.status).toBe('invalid');
    expect(overflowed.messages.join()).toMatch(/too large to compute with \(.*progress.*\)/);
    expect([overflowed.progress, overflowed.pace, overflowed.forecast.ok]).toEqual([null, [], false]);
    expect(fine.status).not.toBe('invalid');
  });

  test('a mean of 1e308s overflows to Infinity: invalid, never "Off track"', () => {
    const kr = run({ target: 10, reducer: 'mean' }, [dailyFrame([1e308, 1e308, 1e308], 'deals')], Q3_START + 2 * DAY);
    expect([kr.status, kr.current]).toEqual(['invalid', null]);
  });
});

describe('bad input gets one specific message', () => {
  test('two key results with one id stay distinct, and the second says so', () => {
    const model = panel({
      keyResults: [
        { id: 'kr', title: 'a', series: 'deals', period: '2026-Q3', kind: 'increase', target: 9 },
        { id: 'kr', title: 'b', series: 'deals', period: '2026-Q3', kind: 'increase', target: 9 },
      ],
      frames: [dailyFrame([1, 2, 3], 'deals')],
    });
    const [a, b] = model.objectives[0].keyResults;
    expect([a.id, b.id]).toEqual(['kr', 'kr (2)']);
    expect(b.messages).toContain("id 'kr' is already used on this panel; this one is shown as 'kr (2)'");
  });

  test('a key result that is not an object gets one message', () => {
    const model = panel({ keyResults: [5 as unknown as Record<string, unknown>], frames: [] });
    const [kr] = model.objectives[0].keyResults;
    expect([kr.status, kr.messages]).toEqual(['invalid', ['key result 1 5 is not an object']]);
  });

  test('a repeated objective id: its generated key-result ids come from the new id, with no note', () => {
    const model = evaluate({
      options: {
        objectives: [
          { id: 'o', keyResults: [{ series: 'deals', period: '2026-Q3', kind: 'increase', target: 9 }] },
          { id: 'o', keyResults: [{ series: 'deals', period: '2026-Q3', kind: 'increase', target: 9 }] },
        ],
      },
      frames: [dailyFrame([1, 2, 3], 'deals')],
      timeRange: { from: Q3_START, to: Q3_END },
      timeZone: 'utc',
      now: MID_Q3,
    });
    const [first, second] = model.objectives;
    expect([first.id, second.id, second.keyResults[0].id]).toEqual(['o', 'o (2)', 'o (2)/kr-1']);
    expect(second.messages).toEqual(["id 'o' is already used on this panel; this one is shown as 'o (2)'"]);
    expect(second.keyResults[0].messages).toEqual([]);
  });

  test('"+15%" of a sum key result\u2019s default baseline 0 says why it cannot be judged', () => {
    const kr = run({ target: '+15%', reducer: 'sum' }, [dailyFrame([1, 2, 3], 'deals')]);
    expect(kr.status).toBe('invalid');
    expect(kr.messages).toEqual([
      "target '+15%' is a percentage of a baseline of 0, which is 0: set a baseline or write the target as a number",
    ]);
  });

  test('milestone problems are reported even when the key result is invalid for another reason', () => {
    const kr = run({ target: 'abc', milestones: [{ at: 'soon', value: 1 }] }, [dailyFrame([1], 'deals')]);
    expect(kr.status).toBe('invalid');
    expect(kr.messages).toEqual([
      "target 'abc' is not a number: write a number, +15% / -10% of the baseline, or +50 / -20 from it",
      "milestone at 'soon' is not an ISO date; ignored",
    ]);
  });

  test('messages are bounded: allValues over 100k points does not write a 1 MB message', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => i);
    const frame = frameOf({ name: 'deals', times: values.map((i) => Q3_START + i * 60_000), values });
    const kr = run({ target: 10, reducer: 'allValues' }, [frame]);
    expect(kr.status).toBe('invalid');
    expect(Math.max(...kr.messages.map((message) => message.length))).toBeLessThanOrEqual(300);
  });

  test('a breach direction over Grafana\u2019s default thresholds (base + 80) is said once per panel', () => {
    const config: FieldConfig = {
      custom: { breachDirection: 'above' },
      thresholds: {
        mode: ThresholdsMode.Absolute,
        steps: [
          { value: -Infinity, color: 'green' },
          { value: 80, color: 'red' },
        ],
      },
    };
    const model = panel({
      keyResults: [
        { title: 'a', series: 'deals', period: '2026-Q3', kind: 'increase', target: 200 },
        { title: 'b', series: 'deals', period: '2026-Q3', kind: 'increase', target: 300 },
      ],
      frames: [dailyFrame([70, 90, 95], 'deals', config)],
      now: Q3_START + 2 * DAY,
    });
    expect(model.messages).toEqual([
      "breach direction is set on 'deals', whose thresholds are Grafana's default (80): set thresholds for that series (they still apply)",
    ]);
    expect(model.objectives[0].keyResults[0].breachCountBySource.threshold).toBe(1);
  });

  test('an unknown breachDirection is named and ignored', () => {
    const frame = dailyFrame([1, 2, 3], 'deals', { custom: { breachDirection: 'sideways' } });
    const kr = run({ target: 10 }, [frame]);
    expect(kr.messages).toContain("breachDirection 'sideways' on series 'deals' is not off, above or below; ignored");
  });
});
