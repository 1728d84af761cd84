import { ThresholdsMode, type Field, FieldType } from '@grafana/data';
import { findBreaches, summarizeBreaches, targetBounds, thresholdBounds, type BoundSpec } from './breaches';
import type { Breach } from './model';
import { type SeriesData } from './extract';
import { SECOND, seriesOf } from './testUtils';

const S = SECOND;

function scan(input: { series: SeriesData; bounds: BoundSpec; asOf?: number; minDurationSeconds?: number }): Breach[] {
  const { series } = input;
  return findBreaches({
    series,
    window: { from: 0, to: series.times.length },
    bounds: input.bounds,
    asOf: input.asOf ?? series.times[series.times.length - 1],
    minDurationSeconds: input.minDurationSeconds ?? 0,
  });
}

const stay = (kind: 'stayAbove' | 'stayBelow' | 'stayWithin', target: number, targetMax: number | null = null) =>
  targetBounds({ kind, target, targetMax, criticalRatio: 0.15 })!;

const seconds = (list: number[]) => list.map((s) => s * S);
const short = (breaches: Breach[]) => breaches.map((b) => [b.start / S, b.end / S, b.ongoing, b.worst, b.severity]);

describe('target breaches: exact crossings, nulls, gaps, ongoing', () => {
  test.each`
    name                                         | bounds                        | times                          | values                          | asOf   | expected
    ${'stayBelow 100 crosses at 30 s and 150 s'} | ${stay('stayBelow', 100)}     | ${[0, 60, 120, 180]}           | ${[80, 120, 110, 90]}           | ${180} | ${[[30, 150, false, 120, 'critical']]}
    ${'stayAbove 50 crosses at 30 s and 90 s'}   | ${stay('stayAbove', 50)}      | ${[0, 60, 120]}                | ${[60, 40, 60]}                 | ${120} | ${[[30, 90, false, 40, 'critical']]}
    ${'stayAbove 50, shallow dip is a warning'}  | ${stay('stayAbove', 50)}      | ${[0, 60, 120]}                | ${[60, 48, 60]}                 | ${120} | ${[[50, 70, false, 48, 'warning']]}
    ${'stayWithin [10, 20] across both bounds'}  | ${stay('stayWithin', 10, 20)} | ${[0, 60, 120, 180]}           | ${[15, 25, 5, 15]}              | ${180} | ${[[30, 75, false, 25, 'critical'], [105, 150, false, 5, 'critical']]}
    ${'equal to the bound is not a breach'}      | ${stay('stayBelow', 100)}     | ${[0, 60, 120]}                | ${[100, 100, 100]}              | ${120} | ${[]}
    ${'bad first sample starts at that sample'}  | ${stay('stayBelow', 100)}     | ${[0, 60, 120]}                | ${[120, 120, 90]}               | ${120} | ${[[0, 100, false, 120, 'critical']]}
    ${'a null ends a breach at its last sample'} | ${stay('stayBelow', 100)}     | ${[0, 60, 120, 180, 240]}      | ${[80, 120, 130, null, 90]}     | ${240} | ${[[30, 120, false, 130, 'critical']]}
    ${'after a null no interpolation'}           | ${stay('stayBelow', 100)}     | ${[0, 60, 120, 180]}           | ${[80, null, 120, 90]}          | ${180} | ${[[120, 160, false, 120, 'critical']]}
    ${'a gap (> 5 × median) splits a breach'}    | ${stay('stayBelow', 100)}     | ${[0, 60, 120, 180, 780, 840]} | ${[80, 120, 120, 120, 120, 90]} | ${840} | ${[[30, 180, false, 120, 'critical'], [780, 820, false, 120, 'critical']]}
    ${'a hole of 5 × median is not a gap'}       | ${stay('stayBelow', 100)}     | ${[0, 60, 120, 180, 480, 540]} | ${[80, 120, 120, 120, 120, 90]} | ${540} | ${[[30, 520, false, 120, 'critical']]}
    ${'still bad at the last sample: ongoing'}   | ${stay('stayBelow', 100)}     | ${[0, 60, 120]}                | ${[80, 120, 130]}               | ${120} | ${[[30, 120, true, 130, 'critical']]}
    ${'ongoing needs fresh data at as-of'}       | ${stay('stayBelow', 100)}     | ${[0, 60, 120]}                | ${[80, 120, 130]}               | ${720} | ${[[30, 120, false, 130, 'critical']]}
    ${'two separate breaches'}                   | ${stay('stayBelow', 100)}     | ${[0, 60, 120, 180, 240]}      | ${[110, 90, 90, 110, 90]}       | ${240} | ${[[0, 30, false, 110, 'warning'], [150, 210, false, 110, 'warning']]}
    ${'an isolated bad sample between nulls'}    | ${stay('stayBelow', 100)}     | ${[0, 60, 120]}                | ${[null, 120, null]}            | ${120} | ${[[60, 60, false, 120, 'critical']]}
  `('$name', ({ bounds, times, values, asOf, expected }) => {
    expect(short(scan({ series: seriesOf(seconds(times), values), bounds, asOf: asOf * S }))).toEqual(expected);
  });

  test.each`
    minDurationSeconds | kept
    ${0}               | ${1}
    ${60}              | ${1}
    ${61}              | ${0}
  `('a 60 s blip is kept when minDurationSeconds = $minDurationSeconds: $kept', ({ minDurationSeconds, kept }) => {
    const series = seriesOf(seconds([0, 60, 120]), [80, 120, 80]);
    expect(scan({ series, bounds: stay('stayBelow', 100), minDurationSeconds })).toHaveLength(kept);
  });

  test('only samples inside the window count', () => {
    const series = seriesOf(seconds([0, 60, 120, 180]), [120, 120, 80, 80]);
    const breaches = findBreaches({
      series,
      window: { from: 2, to: 4 },
      bounds: stay('stayBelow', 100),
      asOf: 180 * S,
      minDurationSeconds: 0,
    });
    expect(breaches).toEqual([]);
  });

  test('duration, bound and source are reported', () => {
    const [breach] = scan({
      series: seriesOf(seconds([0, 60, 120, 180]), [80, 120, 110, 90]),
      bounds: stay('stayBelow', 100),
    });
    expect(breach).toEqual({
      start: 30 * S,
      end: 150 * S,
      ongoing: false,
      durationSeconds: 120,
      worst: 120,
      bound: 100,
      severity: 'critical',
      source: 'target',
    });
  });

  test.each`
    name                                                    | bounds                        | times                | values                | expected
    ${'stayBelow 100: from the bad sample to the good one'} | ${stay('stayBelow', 100)}     | ${[0, 60, 120, 180]} | ${[80, 120, 110, 90]} | ${[[60, 180, false, 120, 'critical']]}
    ${'stayWithin [10, 20]: the jump across the band'}      | ${stay('stayWithin', 10, 20)} | ${[0, 60, 120, 180]} | ${[15, 25, 5, 15]}    | ${[[60, 120, false, 25, 'critical'], [120, 180, false, 5, 'critical']]}
    ${'no gap rule: a value holds until the next one'}      | ${stay('stayAbove', 50)}      | ${[0, 60, 6000]}     | ${[60, 40, 40]}       | ${[[60, 6000, true, 40, 'critical']]}
  `(
    'on a step series (check-ins) a bound is crossed at a sample, not between: $name',
    ({ bounds, times, values, expected }) => {
      const stepped = { ...seriesOf(seconds(times), values), steps: true, gapMs: Infinity };
      expect(short(scan({ series: stepped, bounds }))).toEqual(expected);
    }
  );

  test('increase and decrease kinds have no target bounds', () => {
    expect(targetBounds({ kind: 'increase', target: 1, targetMax: null, criticalRatio: 0.15 })).toBeNull();
    expect(targetBounds({ kind: 'decrease', target: 1, targetMax: null, criticalRatio: 0.15 })).toBeNull();
  });
});

function fieldWithThresholds(
  levels: number[],
  mode = ThresholdsMode.Absolute,
  minMax: { min?: number; max?: number } = {}
): Field {
  return {
    name: 'latency',
    type: FieldType.number,
    values: [],
    config: {
      ...minMax,
      thresholds: {
        mode,
        steps: [{ value: -Infinity, color: 'green' }, ...levels.map((value) => ({ value, color: 'red' }))],
      },
    },
  };
}

describe('Grafana threshold breaches', () => {
  test.each`
    direction  | levels      | values          | expected
    ${'above'} | ${[80, 90]} | ${[70, 85, 70]} | ${[[40, 80, false, 85, 'warning']]}
    ${'above'} | ${[80, 90]} | ${[70, 95, 70]} | ${[[24, 96, false, 95, 'critical']]}
    ${'above'} | ${[80, 90]} | ${[70, 80, 70]} | ${[]}
    ${'below'} | ${[10, 20]} | ${[30, 15, 30]} | ${[[40, 80, false, 15, 'warning']]}
    ${'below'} | ${[10, 20]} | ${[30, 5, 30]}  | ${[[24, 96, false, 5, 'critical']]}
  `('$direction $levels on $values', ({ direction, levels, values, expected }) => {
    const series = seriesOf(seconds([0, 60, 120]), values);
    const { bounds } = thresholdBounds({ field: fieldWithThresholds(levels), direction, series });
    expect(short(scan({ series, bounds: bounds! }))).toEqual(expected);
  });

  test('percentage thresholds are relative to the field min/max', () => {
    const series = seriesOf(seconds([0, 60, 120]), [80, 120, 80]);
    const field = fieldWithThresholds([50], ThresholdsMode.Percentage, { min: 0, max: 200 });
    const { bounds } = thresholdBounds({ field, direction: 'above', series });
    expect(bounds?.steps.highs[0]).toBe(100);
  });

  test('percentage thresholds fall back to the data range', () => {
    const series = seriesOf(seconds([0, 60, 120]), [0, 50, 200]);
    const { bounds } = thresholdBounds({
      field: fieldWithThresholds([25], ThresholdsMode.Percentage),
      direction: 'above',
      series,
    });
    expect(bounds?.steps.highs[0]).toBe(50);
  });

  test('a field with only the base step gives a message, not bounds', () => {
    const series = seriesOf([0], [1]);
    expect(thresholdBounds({ field: fieldWithThresholds([]), direction: 'above', series })).toEqual({
      bounds: null,
      message: "breachDirection is 'above' but the field has no threshold steps",
    });
  });
});

describe('breach summary', () => {
  const breach = (start: number, end: number, ongoing = false, source: Breach['source'] = 'target'): Breach => ({
    start,
    end,
    ongoing,
    durationSeconds: (end - start) / S,
    worst: 0,
    bound: 0,
    severity: 'warning',
    source,
  });

  test.each`
    breaches                                                             | count | bySource                       | seconds | longest | ongoing
    ${[]}                                                                | ${0}  | ${{ target: 0, threshold: 0 }} | ${0}    | ${0}    | ${false}
    ${[breach(0, 10 * S), breach(20 * S, 50 * S, true)]}                 | ${2}  | ${{ target: 2, threshold: 0 }} | ${40}   | ${30}   | ${true}
    ${[breach(0, 30 * S), breach(20 * S, 50 * S, false, 'threshold')]}   | ${1}  | ${{ target: 1, threshold: 1 }} | ${50}   | ${30}   | ${false}
    ${[breach(0, 60 * S), breach(10 * S, 20 * S, false, 'threshold')]}   | ${1}  | ${{ target: 1, threshold: 1 }} | ${60}   | ${60}   | ${false}
    ${[breach(0, 10 * S), breach(10 * S, 20 * S, false, 'threshold')]}   | ${1}  | ${{ target: 1, threshold: 1 }} | ${20}   | ${10}   | ${false}
    ${[breach(0, 10 * S), breach(5 * S, 8 * S), breach(30 * S, 40 * S)]} | ${2}  | ${{ target: 3, threshold: 0 }} | ${20}   | ${10}   | ${false}
  `(
    'overlapping or touching breaches count once: $count disjoint, $seconds s',
    ({ breaches, count, bySource, seconds, longest, ongoing }) => {
      expect(summarizeBreaches(breaches)).toEqual({
        breachCount: count,
        breachCountBySource: bySource,
        breachSeconds: seconds,
        longestBreachSeconds: longest,
        ongoingBreach: ongoing,
      });
    }
  );
});
