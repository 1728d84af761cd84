import { AnnotationModel, CheckIn } from '../okr';
import { keyResultModel } from '../display/testModels';
import { ChartSeries } from './chartModel';
import { eventsAt } from './eventsAt';

const MINUTE = 60_000;
const NOON = Date.UTC(2026, 7 /* Aug */, 3, 12);

function series(times: number[]): ChartSeries {
  const kr = keyResultModel();
  const checkIn = (time: number): CheckIn => ({ time, value: null, confidence: null, note: null, author: null });
  return {
    label: 'mrr',
    color: 'green',
    scaleKey: 'x',
    keyResults: [kr],
    steps: false,
    checkIns: times.map((time) => ({ time, value: 1, kr, checkIn: checkIn(time) })),
  };
}

function annotation(time: number, timeEnd: number | null = null): AnnotationModel {
  return { time, timeEnd, title: null, text: 'deploy', tags: [], color: null };
}

describe('eventsAt: the check-ins and annotations under the cursor', () => {
  const lines = [series([NOON]), series([NOON + 25 * MINUTE])];
  const annotations = [annotation(NOON + 20 * MINUTE), annotation(NOON + 60 * MINUTE, NOON + 180 * MINUTE)];

  test.each`
    cursor | checkIns                      | annotated
    ${10}  | ${[NOON, NOON + 25 * MINUTE]} | ${[NOON + 20 * MINUTE]}
    ${-31} | ${[]}                         | ${[]}
    ${30}  | ${[NOON + 25 * MINUTE, NOON]} | ${[NOON + 20 * MINUTE, NOON + 60 * MINUTE]}
    ${120} | ${[]}                         | ${[NOON + 60 * MINUTE]}
    ${210} | ${[]}                         | ${[NOON + 60 * MINUTE]}
    ${211} | ${[]}                         | ${[]}
  `(
    'cursor at noon + $cursor min (tolerance 30 min): check-ins $checkIns, annotations $annotated',
    ({ cursor, checkIns, annotated }) => {
      const found = eventsAt({ series: lines, annotations, time: NOON + cursor * MINUTE, toleranceMs: 30 * MINUTE });
      expect(found.checkIns.map((marker) => marker.time)).toEqual(checkIns);
      expect(found.annotations.map((entry) => entry.time)).toEqual(annotated);
    }
  );

  test('nearest check-ins first, at most three', () => {
    const crowded = [series([NOON - 3 * MINUTE, NOON - 2 * MINUTE, NOON + MINUTE, NOON + 4 * MINUTE])];
    const found = eventsAt({ series: crowded, annotations: [], time: NOON, toleranceMs: 10 * MINUTE });
    expect(found.checkIns.map((marker) => (marker.time - NOON) / MINUTE)).toEqual([1, -2, -3]);
  });

  test('a time that is not a number finds nothing', () => {
    expect(eventsAt({ series: lines, annotations, time: NaN, toleranceMs: MINUTE })).toEqual({
      checkIns: [],
      annotations: [],
    });
  });
});
