import { ThresholdsMode, type DataFrame } from '@grafana/data';
import { evaluate } from './evaluate';
import { PERIOD_FORMS_HINT } from './period';
import type { KeyResultModel } from './model';
import { DAY, Q3_END, Q3_START, dailyFrame } from './testUtils';

const MID_Q3 = Q3_START + 46 * DAY;
const range = { from: Q3_START - 30 * DAY, to: Q3_END + 30 * DAY };

/** 92 daily samples rising linearly from 1.5M to ~2M over Q3. */
const rising = () => dailyFrame(Array.from({ length: 92 }, (_, i) => 1.5e6 + (i * 0.5e6) / 92));

function run(input: {
  keyResult: Record<string, unknown>;
  frames?: DataFrame[];
  now?: number;
  to?: number;
  options?: Record<string, unknown>;
}): KeyResultModel {
  const keyResult = {
    title: 'MRR',
    series: 'mrr',
    period: '2026-Q3',
    kind: 'increase',
    target: 2e6,
    ...input.keyResult,
  };
  const model = evaluate({
    options: { objectives: [{ title: 'Revenue', keyResults: [keyResult] }], ...input.options },
    frames: input.frames ?? [rising()],
    timeRange: { from: range.from, to: input.to ?? range.to },
    timeZone: 'utc',
    now: input.now ?? MID_Q3,
  });
  return model.objectives[0].keyResults[0];
}

describe('as-of = min(period end, timeRange.to, now)', () => {
  test.each`
    name                       | now                 | to                     | asOf
    ${'now inside the period'} | ${MID_Q3}           | ${range.to}            | ${MID_Q3}
    ${'range ends earlier'}    | ${MID_Q3}           | ${Q3_START + 10 * DAY} | ${Q3_START + 10 * DAY}
    ${'period already over'}   | ${Q3_END + 5 * DAY} | ${range.to}            | ${Q3_END}
    ${'before the period'}     | ${Q3_START - DAY}   | ${range.to}            | ${Q3_START - DAY}
  `('$name', ({ now, to, asOf }) => {
    expect(run({ keyResult: {}, now, to }).asOf).toBe(asOf);
  });
});

describe('increase / decrease end to end', () => {
  test('on pace: progress ≈ expected, onTrack, baseline from the first sample', () => {
    const kr = run({ keyResult: {} });
    expect(kr.baseline).toBe(1.5e6);
    expect(kr.current).toBeCloseTo(1.5e6 + (46 * 0.5e6) / 92, 6);
    expect(kr.progress).toBeCloseTo(0.5, 9);
    expect(kr.expected).toBeCloseTo(0.5, 9);
    expect(kr.status).toBe('onTrack');
    expect(kr.seriesName).toBe('mrr');
    expect(kr.times.length).toBe(92);
    expect(kr.forecast.ok && kr.forecast.value).toBeCloseTo(2e6, 3);
    expect(kr.pace).toEqual([
      { time: Q3_START, value: 1.5e6 },
      { time: Q3_END, value: 2e6 },
    ]);
  });

  test.each`
    name                               | keyResult                                          | now               | status          | progress
    ${'explicit baseline, lagging'}    | ${{ baseline: 1.3e6 }}                             | ${MID_Q3}         | ${'onTrack'}    | ${(1.75e6 - 1.3e6) / 0.7e6}
    ${'target far away → offTrack'}    | ${{ target: 4e6 }}                                 | ${MID_Q3}         | ${'offTrack'}   | ${0.25e6 / 2.5e6}
    ${'slightly behind → atRisk'}      | ${{ target: 2.2e6 }}                               | ${MID_Q3}         | ${'atRisk'}     | ${0.25e6 / 0.7e6}
    ${'ended below target → missed'}   | ${{}}                                              | ${Q3_END + DAY}   | ${'missed'}     | ${(91 * 0.5e6) / 92 / 0.5e6}
    ${'ended above target → achieved'} | ${{ target: 1.9e6 }}                               | ${Q3_END + DAY}   | ${'achieved'}   | ${(91 * 0.5e6) / 92 / 0.4e6}
    ${'decrease on a falling series'}  | ${{ kind: 'decrease', series: 'cost', target: 0 }} | ${MID_Q3}         | ${'onTrack'}    | ${46 / 92}
    ${'before the period'}             | ${{}}                                              | ${Q3_START - DAY} | ${'notStarted'} | ${null}
  `('$name → $status', ({ keyResult, now, status, progress }) => {
    const cost = dailyFrame(
      Array.from({ length: 92 }, (_, i) => 92 - i),
      'cost'
    );
    const kr = run({ keyResult, now, frames: [rising(), cost] });
    expect(kr.status).toBe(status);
    if (progress === null) {
      expect(kr.progress).toBeNull();
    } else {
      expect(kr.progress).toBeCloseTo(progress, 9);
    }
  });

  test('target = baseline is invalid with a message, not a division by zero', () => {
    const kr = run({ keyResult: { baseline: 2e6 } });
    expect(kr.status).toBe('invalid');
    expect(kr.progress).toBeNull();
    expect(kr.messages).toContain('target equals baseline (2000000): progress is undefined');
  });

  test('increase with target below baseline still evaluates, with a message', () => {
    const kr = run({ keyResult: { baseline: 3e6 } });
    expect(kr.status).not.toBe('invalid');
    expect(kr.messages[0]).toMatch(/kind is increase but target \(2000000\) is below baseline \(3000000\)/);
  });

  test('milestones shape the pace and the expected value', () => {
    const kr = run({ keyResult: { milestones: [{ at: '2026-08-01', value: '1900000' }] } });
    expect(kr.milestones).toEqual([{ time: Date.UTC(2026, 7, 1), value: 1.9e6 }]);
    expect(kr.pace).toHaveLength(3);
    const aug1ToOct1 = Q3_END - Date.UTC(2026, 7, 1);
    expect(kr.expectedValue).toBeCloseTo(1.9e6 + ((MID_Q3 - Date.UTC(2026, 7, 1)) / aug1ToOct1) * 0.1e6, 3);
    expect(kr.status).toBe('offTrack');
  });

  test('no sample in the period yet → noData', () => {
    const late = dailyFrame([1, 2, 3]).fields[0].values.map((t: number) => t + 60 * DAY);
    const frame = dailyFrame([1, 2, 3]);
    frame.fields[0].values = late;
    expect(run({ keyResult: {}, frames: [frame] }).status).toBe('noData');
  });
});

describe('stay kinds', () => {
  // 0…91 daily; stayBelow 40 is breached from day 40 on.
  const ramp = () =>
    dailyFrame(
      Array.from({ length: 92 }, (_, i) => i),
      'load'
    );
  const load = { series: 'load', target: 40 };

  test.each`
    name                         | keyResult                                                    | now                    | status        | progress
    ${'never breached'}          | ${{ ...load, kind: 'stayBelow' }}                            | ${Q3_START + 30 * DAY} | ${'onTrack'}  | ${1}
    ${'in breach at as-of'}      | ${{ ...load, kind: 'stayBelow' }}                            | ${Q3_START + 50 * DAY} | ${'offTrack'} | ${0.8}
    ${'above a stayWithin band'} | ${{ ...load, kind: 'stayWithin', target: 0, targetMax: 10 }} | ${Q3_START + 20 * DAY} | ${'offTrack'} | ${0.5}
    ${'ended with breaches'}     | ${{ ...load, kind: 'stayBelow' }}                            | ${Q3_END}              | ${'missed'}   | ${1 - 52 / 92}
    ${'ended clean'}             | ${{ ...load, kind: 'stayAbove', target: -1 }}                | ${Q3_END}              | ${'achieved'} | ${1}
  `('$name → $status, compliance $progress', ({ keyResult, now, status, progress }) => {
    const kr = run({ keyResult, now, frames: [ramp()] });
    expect(kr.status).toBe(status);
    expect(kr.progress).toBeCloseTo(progress, 9);
  });

  test('a breach that ended before as-of → atRisk', () => {
    const spike = dailyFrame([10, 10, 50, 10, 10, 10], 'load');
    const kr = run({ keyResult: { ...load, kind: 'stayBelow' }, now: Q3_START + 5 * DAY, frames: [spike] });
    expect(kr.status).toBe('atRisk');
    expect(kr.breachCount).toBe(1);
    expect(kr.breaches[0]).toMatchObject({ start: Q3_START + 1.75 * DAY, end: Q3_START + 2.25 * DAY, worst: 50 });
    expect(kr.breachSeconds).toBe(0.5 * 86400);
  });
});

describe('threshold breaches from field config', () => {
  test('breachDirection = above uses the first non-base step', () => {
    const config = {
      custom: { breachDirection: 'above' },
      thresholds: {
        mode: ThresholdsMode.Absolute,
        steps: [
          { value: -Infinity, color: 'green' },
          { value: 1.8e6, color: 'red' },
        ],
      },
    };
    const frame = dailyFrame(
      Array.from({ length: 92 }, (_, i) => 1.5e6 + (i * 0.5e6) / 92),
      'mrr',
      config
    );
    const kr = run({
      keyResult: {},
      frames: [frame],
      now: Q3_END,
      options: { breaches: { minDurationSeconds: 0 } },
    });
    expect(kr.breachCount).toBe(1);
    expect(kr.breaches[0].source).toBe('threshold');
    expect(kr.breaches[0].start).toBeCloseTo(Q3_START + 55.2 * DAY, 0);
    expect(kr.ongoingBreach).toBe(true);
  });
});

describe('bad input never throws; other key results still evaluate', () => {
  test.each`
    name                  | keyResult                | status       | message
    ${'missing target'}   | ${{ target: undefined }} | ${'invalid'} | ${'target is missing'}
    ${'unknown kind'}     | ${{ kind: 'up' }}        | ${'invalid'} | ${"kind 'up' is not one of increase, decrease, stayAbove, stayBelow, stayWithin"}
    ${'bad period'}       | ${{ period: 'xyz' }}     | ${'invalid'} | ${`period 'xyz' is not one of ${PERIOD_FORMS_HINT}`}
    ${'bad regex'}        | ${{ series: '/(/' }}     | ${'invalid'} | ${'series regex /(/ does not compile: Invalid regular expression: /(/: Unterminated group'}
    ${'unmatched series'} | ${{ series: 'arr' }}     | ${'noData'}  | ${"series 'arr' not found; available: mrr"}
    ${'unknown reducer'}  | ${{ reducer: 'bogus' }}  | ${'invalid'} | ${"reducer 'bogus' is unknown; use a Grafana reducer id such as lastNotNull, mean or max"}
  `('$name → $status with one specific message', ({ keyResult, status, message }) => {
    const model = evaluate({
      options: {
        objectives: [
          {
            title: 'O',
            keyResults: [
              { title: 'bad', series: 'mrr', period: '2026-Q3', kind: 'increase', target: 2e6, ...keyResult },
              { title: 'good', series: 'mrr', period: '2026-Q3', kind: 'increase', target: 2e6 },
            ],
          },
        ],
      },
      frames: [rising()],
      timeRange: range,
      timeZone: 'utc',
      now: MID_Q3,
    });
    const [bad, good] = model.objectives[0].keyResults;
    expect([bad.status, bad.messages]).toEqual([status, [message]]);
    expect(good.status).toBe('onTrack');
    expect(model.objectives[0].status).toBe(status === 'invalid' ? 'invalid' : 'noData');
  });

  test.each`
    name                   | options
    ${'null options'}      | ${null}
    ${'string options'}    | ${'nonsense'}
    ${'objectives object'} | ${{ objectives: { a: 1 } }}
    ${'key result null'}   | ${{ objectives: [{ keyResults: [null, 7, 'x'] }] }}
  `('$name gives messages, never an exception', ({ options }) => {
    const model = evaluate({ options, frames: [rising()], timeRange: range, timeZone: 'utc', now: MID_Q3 });
    expect(model.messages.length + model.objectives.flatMap((o) => o.keyResults).length).toBeGreaterThan(0);
  });

  test('an unknown time zone falls back to UTC with a panel message', () => {
    const model = evaluate({
      options: { objectives: [] },
      frames: [],
      timeRange: range,
      timeZone: 'Mars/Base',
      now: MID_Q3,
    });
    expect(model.messages).toEqual([
      "time zone 'Mars/Base' is unknown; using UTC",
      'no objectives configured: add an objective with at least one key result',
    ]);
    expect(model.asOf).toBe(MID_Q3);
  });
});

describe('objective roll-up in the model', () => {
  test('weighted, clamped, worst status', () => {
    const model = evaluate({
      options: {
        objectives: [
          {
            title: 'Revenue',
            keyResults: [
              { title: 'a', series: 'mrr', period: '2026-Q3', kind: 'increase', target: 2e6, weight: 1 },
              { title: 'b', series: 'mrr', period: '2026-Q3', kind: 'increase', target: 1.6e6, weight: 3 },
            ],
          },
        ],
      },
      frames: [rising()],
      timeRange: range,
      timeZone: 'utc',
      now: MID_Q3,
    });
    const objective = model.objectives[0];
    expect(objective.keyResults.map((k) => k.status)).toEqual(['onTrack', 'onTrack']);
    expect(objective.progress).toBeCloseTo((0.5 * 1 + 1 * 3) / 4, 9);
    expect(objective.status).toBe('onTrack');
  });
});

describe('chart.layout reaches the model, validated', () => {
  test.each`
    chart                         | layout            | message
    ${undefined}                  | ${'auto'}         | ${undefined}
    ${{ layout: 'perKeyResult' }} | ${'perKeyResult'} | ${undefined}
    ${{ layout: 5 }}              | ${'auto'}         | ${'chart.layout 5 is not one of auto, shared, perKeyResult; using auto'}
  `('chart $chart → model.chartLayout $layout', ({ chart, layout, message }) => {
    const model = evaluate({
      options: { chart, objectives: [] },
      frames: [],
      timeRange: range,
      timeZone: 'utc',
      now: MID_Q3,
    });
    expect(model.chartLayout).toBe(layout);
    expect(model.messages.filter((text) => text.startsWith('chart'))).toEqual(message ? [message] : []);
  });
});
