/**
 * Manual key results and check-ins through evaluate(). The table reading itself is owned by
 * checkIns.test.ts; the step series by the first describe here.
 */
import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import fc from 'fast-check';
import { evaluate, seriesFrames } from './evaluate';
import { heldValueAt, manualSeries } from './manual';
import type { CheckIn, KeyResultModel, PanelModel } from './model';
import { DAY, Q3_END, Q3_START, dailyFrame } from './testUtils';

const JUN_20 = Q3_START - 11 * DAY;
const JUL_20 = Q3_START + 19 * DAY;
const AUG_10 = Q3_START + 40 * DAY;
const MID_Q3 = Date.UTC(2026, 7 /* Aug */, 15, 12);
const SEGMENTS = 'Expand into 2 new market segments';

function checkIn(time: number, value: number | null, extra: Partial<CheckIn> = {}): CheckIn {
  return { time, value, confidence: null, note: null, author: null, ...extra };
}

describe('manualSeries: check-ins as a step series', () => {
  test('the value before the period is carried to its start; value-less check-ins are left out', () => {
    const series = manualSeries({
      checkIns: [checkIn(JUN_20, 1), checkIn(JUL_20, null), checkIn(AUG_10, 2)],
      periodStart: Q3_START,
      cumulative: false,
    });
    expect(Array.from(series.times)).toEqual([JUN_20, Q3_START, AUG_10]);
    expect(Array.from(series.values)).toEqual([1, 1, 2]);
    expect([series.steps, series.gapMs, series.hasMissing]).toEqual([true, Infinity, false]);
  });

  test.each`
    what                             | checkIns                                      | cumulative | times
    ${'a check-in at the start'}     | ${[checkIn(JUN_20, 1), checkIn(Q3_START, 2)]} | ${false}   | ${[JUN_20, Q3_START]}
    ${'cumulative: nothing carried'} | ${[checkIn(JUN_20, 1), checkIn(JUL_20, 2)]}   | ${true}    | ${[JUN_20, JUL_20]}
    ${'nothing before the period'}   | ${[checkIn(JUL_20, 1)]}                       | ${false}   | ${[JUL_20]}
    ${'no check-ins'}                | ${[]}                                         | ${false}   | ${[]}
  `('$what → times $times', ({ checkIns, cumulative, times }) => {
    expect(Array.from(manualSeries({ checkIns, periodStart: Q3_START, cumulative }).times)).toEqual(times);
  });
});

describe('heldValueAt: the value a step series holds at a time', () => {
  const series = { times: [JUL_20, AUG_10, AUG_10 + DAY], values: [1, 2, NaN] };
  test.each`
    time            | held
    ${JUL_20 - 1}   | ${null}
    ${JUL_20}       | ${1}
    ${AUG_10 - 1}   | ${1}
    ${AUG_10}       | ${2}
    ${AUG_10 + DAY} | ${null}
  `('at $time: $held', ({ time, held }) => {
    expect(heldValueAt(series, time)).toBe(held);
  });
});

interface Row {
  time: number;
  key_result: string;
  value?: number | null;
  confidence?: number | null;
  note?: string | null;
  author?: string | null;
}

function checkInTable(rows: Row[], refId = 'CHECKINS'): DataFrame {
  const column = <K extends keyof Row>(name: K) => rows.map((row) => row[name] ?? null);
  return createDataFrame({
    refId,
    fields: [
      { name: 'time', type: FieldType.time, values: column('time') },
      { name: 'key_result', type: FieldType.string, values: column('key_result') },
      { name: 'value', type: FieldType.number, values: column('value') },
      { name: 'confidence', type: FieldType.number, values: column('confidence') },
      { name: 'note', type: FieldType.string, values: column('note') },
      { name: 'author', type: FieldType.string, values: column('author') },
    ],
  });
}

function panel(input: {
  keyResults: Array<Record<string, unknown>>;
  frames: DataFrame[];
  options?: Record<string, unknown>;
  now?: number;
}): PanelModel {
  return evaluate({
    options: {
      checkInQuery: { refId: 'CHECKINS' },
      objectives: [{ title: 'Grow', keyResults: input.keyResults }],
      ...input.options,
    },
    frames: input.frames,
    timeRange: { from: Q3_START - 30 * DAY, to: Q3_END + 30 * DAY },
    timeZone: 'utc',
    now: input.now ?? MID_Q3,
  });
}

const segmentsKr = { id: 'kr-segments', title: SEGMENTS, period: '2026-Q3', kind: 'increase', target: 3 };

function only(model: PanelModel): KeyResultModel {
  return model.objectives[0].keyResults[0];
}

describe('a manual key result (no series) is judged on its check-ins', () => {
  const checkIns = checkInTable([
    { time: JUN_20, key_result: 'kr-segments', value: 1 },
    { time: JUL_20, key_result: SEGMENTS, value: 1, confidence: 0.6, note: 'talks with two retailers', author: 'Ana' },
    { time: AUG_10, key_result: 'kr-segments', value: 2, confidence: 0.8, author: 'Ben' },
  ]);

  test('the README example: baseline from before the period, current = latest check-in, progress 0.5', () => {
    const kr = only(panel({ keyResults: [segmentsKr], frames: [checkIns] }));
    expect(kr.messages).toEqual([]);
    expect([kr.manual, kr.seriesName, kr.baseline, kr.current, kr.target, kr.progress]).toEqual([
      true,
      `${SEGMENTS} (check-ins)`,
      1,
      2,
      3,
      0.5,
    ]);
    // Q3 is 92 days; as-of Aug 15 12:00 is 45.5 days in.
    expect(kr.expected).toBeCloseTo(45.5 / 92, 12);
    expect(kr.status).toBe('onTrack');
    expect(kr.noDataSeconds).toBe(0);
    expect(kr.checkIns.map((entry) => entry.time)).toEqual([JUN_20, JUL_20, AUG_10]);
    expect(kr.latestCheckIn).toEqual(
      expect.objectContaining({ time: AUG_10, confidence: 0.8, note: 'talks with two retailers', author: 'Ana' })
    );
  });

  test('the current value is the latest check-in at or before as-of, not a later one', () => {
    const kr = only(panel({ keyResults: [segmentsKr], frames: [checkIns], now: AUG_10 - 1 }));
    expect([kr.current, kr.progress]).toEqual([1, 0]);
    expect(kr.latestCheckIn?.time).toBe(JUL_20);
  });

  test('with no check-ins it is noData and says so', () => {
    const kr = only(panel({ keyResults: [segmentsKr], frames: [checkInTable([])] }));
    expect(kr.status).toBe('noData');
    expect(kr.messages).toEqual([`no check-ins yet for '${SEGMENTS}'`]);
  });

  test('check-ins that give no value say so; check-ins only after as-of too', () => {
    const noValue = checkInTable([{ time: JUL_20, key_result: 'kr-segments', confidence: 0.5 }]);
    expect(only(panel({ keyResults: [segmentsKr], frames: [noValue] })).messages).toEqual([
      `no check-in with a value yet for '${SEGMENTS}': its check-ins give no value`,
    ]);
    const later = checkInTable([{ time: AUG_10, key_result: 'kr-segments', value: 2 }]);
    const kr = only(panel({ keyResults: [segmentsKr], frames: [later], now: JUL_20 }));
    expect([kr.status, kr.messages]).toEqual(['noData', [`no check-ins yet for '${SEGMENTS}' up to as-of`]]);
  });

  test('without a checkInQuery a key result with no series is still invalid: series is missing', () => {
    const model = panel({ keyResults: [segmentsKr], frames: [checkIns], options: { checkInQuery: undefined } });
    expect([only(model).status, only(model).messages]).toEqual([
      'invalid',
      ['series is missing: name a field or write /regex/'],
    ]);
  });

  test('a stayAbove manual key result breaches from the check-in that went below, not before it', () => {
    const nps = checkInTable([
      { time: Q3_START, key_result: 'NPS', value: 45 },
      { time: JUL_20, key_result: 'NPS', value: 35 },
      { time: AUG_10, key_result: 'NPS', value: 42 },
    ]);
    const kr = only(
      panel({ keyResults: [{ title: 'NPS', period: '2026-Q3', kind: 'stayAbove', target: 40 }], frames: [nps] })
    );
    expect(kr.breaches.map((breach) => [breach.start, breach.end])).toEqual([[JUL_20, AUG_10]]);
    // Covered from Jul 1 to as-of (a value holds): 45.5 days, 21 of them in breach.
    expect(kr.progress).toBeCloseTo(1 - 21 / 45.5, 12);
    expect(kr.status).toBe('atRisk');
  });

  test('a cumulative manual key result adds up the period’s check-ins only', () => {
    const deals = checkInTable([
      { time: JUN_20, key_result: 'Deals', value: 9 },
      { time: JUL_20, key_result: 'Deals', value: 3 },
      { time: AUG_10, key_result: 'Deals', value: 4 },
    ]);
    const kr = only(
      panel({
        keyResults: [{ title: 'Deals', period: '2026-Q3', kind: 'increase', target: 20, reducer: 'sum' }],
        frames: [deals],
      })
    );
    expect([kr.baseline, kr.current, kr.progress]).toEqual([0, 7, 0.35]);
  });

  test('property: the current value is always the latest valued check-in at or before as-of', () => {
    const rows = fc.array(
      fc.record({
        day: fc.integer({ min: -40, max: 100 }),
        value: fc.option(fc.integer({ min: -100, max: 100 }), { nil: null }),
      }),
      { maxLength: 25 }
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 91 }), (entries, asOfDay) => {
        const asOf = Q3_START + asOfDay * DAY + DAY / 2;
        const table = checkInTable(
          entries.map((entry) => ({ time: Q3_START + entry.day * DAY, key_result: 'kr-segments', value: entry.value }))
        );
        const kr = only(panel({ keyResults: [{ ...segmentsKr, target: 1000 }], frames: [table], now: asOf }));
        // The later row of two at one time wins; value-less rows give no value.
        const byTime = new Map<number, number | null>();
        entries.forEach((entry) => byTime.set(entry.day, entry.value));
        const valued = [...byTime].filter(([day, value]) => value !== null && Q3_START + day * DAY <= asOf);
        const latest = valued.sort((a, b) => a[0] - b[0]).pop();
        expect(kr.current).toBe(latest ? latest[1] : null);
        expect(['onTrack', 'atRisk', 'offTrack', 'noData', 'invalid']).toContain(kr.status);
      })
    );
  });
});

describe('check-ins beside KPI series', () => {
  const mrr = dailyFrame(
    Array.from({ length: 92 }, (_, i) => 100 + i),
    'mrr'
  );
  const mrrKr = { id: 'kr-mrr', title: 'MRR to 200', series: 'mrr', period: '2026-Q3', kind: 'increase', target: 200 };

  test('a series key result keeps its series and gets its check-ins and the latest note', () => {
    const table = checkInTable([{ time: AUG_10, key_result: 'kr-mrr', confidence: 9, note: 'on plan', author: 'Ana' }]);
    const kr = only(panel({ keyResults: [mrrKr], frames: [mrr, table] }));
    // As-of Aug 15 12:00 is day 45 of Q3: 145.
    expect([kr.manual, kr.seriesName, kr.current]).toEqual([false, 'mrr', 145]);
    expect(kr.latestCheckIn).toEqual(expect.objectContaining({ confidence: 0.9, note: 'on plan', author: 'Ana' }));
  });

  test('the check-in table is never a KPI series: its columns are not matched or listed', () => {
    const table = checkInTable([{ time: AUG_10, key_result: 'kr-mrr', value: 5 }]);
    const kr = only(panel({ keyResults: [{ ...mrrKr, series: 'value' }], frames: [mrr, table] }));
    expect(kr.messages).toEqual(["series 'value' not found; available: mrr"]);
    expect(seriesFrames({ checkInQuery: { refId: 'CHECKINS' } }, [mrr, table])).toEqual([mrr]);
    const frames = [mrr];
    expect(seriesFrames({}, frames)).toBe(frames);
  });

  test('an invalid key result still carries its check-ins', () => {
    const table = checkInTable([{ time: AUG_10, key_result: 'kr-mrr', note: 'blocked' }]);
    const kr = only(panel({ keyResults: [{ ...mrrKr, kind: 'grow' }], frames: [mrr, table] }));
    expect(kr.status).toBe('invalid');
    expect(kr.latestCheckIn?.note).toBe('blocked');
  });

  test('check-ins naming an unknown key result and row problems are reported, the rest evaluates', () => {
    const table = checkInTable([
      { time: AUG_10, key_result: 'Expand to Mars', value: 1 },
      { time: Number.NaN, key_result: 'kr-mrr', value: 1 },
    ]);
    const model = panel({ keyResults: [mrrKr], frames: [mrr, table] });
    expect(model.messages).toEqual([
      "check-ins name key result 'Expand to Mars' (row 1), which is not on this panel: use a key result's id or title",
    ]);
    expect(only(model).messages).toEqual(['check-in row 2: time NaN is not a time; row skipped']);
    expect(only(model).progress).toBeCloseTo(0.45, 12);
  });

  test.each`
    checkInQuery         | messages
    ${undefined}         | ${[]}
    ${{ refId: '' }}     | ${[]}
    ${{}}                | ${[]}
    ${'CHECKINS'}        | ${['checkInQuery \'CHECKINS\' must be an object such as {"refId": "CHECKINS"}; no check-ins are read']}
    ${{ refId: 5 }}      | ${["checkInQuery.refId 5 must be the refId of a query, such as 'CHECKINS'; no check-ins are read"]}
    ${{ refId: 'NOPE' }} | ${["checkInQuery refId 'NOPE' matches no query in the data (refIds: A, CHECKINS)"]}
  `('checkInQuery $checkInQuery → $messages', ({ checkInQuery, messages }) => {
    const mrrA = { ...mrr, refId: 'A' };
    const model = panel({ keyResults: [mrrKr], frames: [mrrA, checkInTable([])], options: { checkInQuery } });
    expect(model.messages).toEqual(messages);
    expect(only(model).status).toBe('onTrack');
  });

  test('an unusable checkInQuery still makes a key result without series manual, with no check-ins', () => {
    const model = panel({ keyResults: [segmentsKr], frames: [], options: { checkInQuery: { refId: 5 } } });
    expect([only(model).status, only(model).messages]).toEqual(['noData', [`no check-ins yet for '${SEGMENTS}'`]]);
  });
});

describe('check-ins with the other ways key results come from data', () => {
  const checkIns = checkInTable([
    { time: JUL_20, key_result: 'kr-segments', value: 1 },
    { time: AUG_10, key_result: 'kr-segments', value: 2, note: 'signed a retailer' },
  ]);
  const okrTable = (rows: Array<{ id: string; key_result: string; series: string | null }>) =>
    createDataFrame({
      refId: 'OKRS',
      fields: [
        { name: 'objective', type: FieldType.string, values: rows.map(() => 'Expand') },
        { name: 'id', type: FieldType.string, values: rows.map((row) => row.id) },
        { name: 'key_result', type: FieldType.string, values: rows.map((row) => row.key_result) },
        { name: 'series', type: FieldType.string, values: rows.map((row) => row.series) },
        { name: 'period', type: FieldType.string, values: rows.map(() => '2026-Q3') },
        { name: 'kind', type: FieldType.string, values: rows.map(() => 'increase') },
        { name: 'target', type: FieldType.number, values: rows.map(() => 3) },
      ],
    });

  test('an OKR table row with no series is a manual key result, judged on its check-ins', () => {
    const table = okrTable([{ id: 'kr-segments', key_result: SEGMENTS, series: null }]);
    const model = evaluate({
      options: { okrQuery: { refId: 'OKRS' }, checkInQuery: { refId: 'CHECKINS' }, objectives: [] },
      frames: [table, checkIns],
      timeRange: { from: Q3_START, to: Q3_END },
      timeZone: 'utc',
      now: MID_Q3,
    });
    const kr = only(model);
    expect([kr.manual, kr.current, kr.latestCheckIn?.note, kr.messages]).toEqual([true, 2, 'signed a retailer', []]);
  });

  test('without a check-in query, the same row says it needs a series', () => {
    const table = okrTable([{ id: 'kr-segments', key_result: SEGMENTS, series: null }]);
    const model = evaluate({
      options: { okrQuery: { refId: 'OKRS' }, objectives: [] },
      frames: [table],
      timeRange: { from: Q3_START, to: Q3_END },
      timeZone: 'utc',
      now: MID_Q3,
    });
    expect(only(model).manual).toBe(false);
    expect(only(model).status).toBe('invalid');
    expect(only(model).messages.join(' ')).toMatch(/row 1: .*series/);
  });

  test('neither the OKR table nor the check-in table is a KPI series for the views', () => {
    const mrr = { ...dailyFrame([1, 2, 3], 'mrr'), refId: 'A' };
    const table = okrTable([{ id: 'kr-mrr', key_result: 'MRR', series: 'mrr' }]);
    const options = { okrQuery: { refId: 'OKRS' }, checkInQuery: { refId: 'CHECKINS' } };
    expect(seriesFrames(options, [mrr, table, checkIns])).toEqual([mrr]);
  });

  test('a manual key result with stay targets over time breaches where a step moves under its held value', () => {
    const staySteps = {
      ...segmentsKr,
      kind: 'stayAbove',
      target: undefined,
      targets: [
        { from: '2026-07-01', value: 1 },
        { from: '2026-08-01', value: 1.5 },
      ],
    };
    const kr = only(panel({ keyResults: [staySteps], frames: [checkIns] }));
    expect(kr.messages).toEqual([]);
    // Held at 1 from Jul 20, the August step (1.5) puts it under at Aug 1; it holds until the Aug 10
    // check-in (2) lifts it. A line drawn between check-ins would be at 1.52 on Aug 1: no breach at all.
    expect(kr.breaches.map((breach) => [breach.start, breach.end])).toEqual([[Q3_START + 31 * DAY, AUG_10]]);
  });
});
