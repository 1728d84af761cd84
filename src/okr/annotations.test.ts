import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import fc from 'fast-check';
import { readAnnotations } from './annotations';
import { evaluate } from './evaluate';
import { DAY, Q3_START } from './testUtils';

const HOUR = 3_600_000;
const AUG_3 = Q3_START + 33 * DAY + 14 * HOUR;
const AUG_5 = Q3_START + 35 * DAY + 9 * HOUR;

function annotationFrame(fields: Record<string, unknown[]>, name?: string): DataFrame {
  return createDataFrame({
    name,
    fields: Object.entries(fields).map(([fieldName, values]) => ({
      name: fieldName,
      type: fieldName === 'time' || fieldName === 'timeEnd' ? FieldType.time : FieldType.other,
      values,
    })),
  });
}

describe('readAnnotations: the dashboard annotations, as Grafana’s time series panel reads them', () => {
  test('the README example: a deploy point and an incident region, sorted by time', () => {
    const frame = annotationFrame({
      time: [AUG_5, AUG_3],
      timeEnd: [AUG_5 + 2.5 * HOUR, AUG_3],
      isRegion: [true, false],
      title: ['Incident 42', null],
      text: ['checkout errors', 'Deploy v2.4'],
      tags: [['incident'], ['deploy', 'api']],
      color: ['red', null],
    });
    expect(readAnnotations([frame])).toEqual({
      annotations: [
        { time: AUG_3, timeEnd: null, title: null, text: 'Deploy v2.4', tags: ['deploy', 'api'], color: null },
        {
          time: AUG_5,
          timeEnd: AUG_5 + 2.5 * HOUR,
          title: 'Incident 42',
          text: 'checkout errors',
          tags: ['incident'],
          color: 'red',
        },
      ],
      messages: [],
    });
  });

  test.each`
    fields                                                           | timeEnd
    ${{ time: [AUG_3], timeEnd: [AUG_3 + HOUR] }}                    | ${AUG_3 + HOUR}
    ${{ time: [AUG_3], timeEnd: [AUG_3] }}                           | ${null}
    ${{ time: [AUG_3], timeEnd: [null] }}                            | ${null}
    ${{ time: [AUG_3], timeEnd: [AUG_3 + HOUR], isRegion: [false] }} | ${null}
    ${{ time: [AUG_3] }}                                             | ${null}
    ${{ time: [String(AUG_3)], timeEnd: ['2026-08-03T15:00:00Z'] }}  | ${AUG_3 + HOUR}
  `('$fields → a region ending $timeEnd (null: a point)', ({ fields, timeEnd }) => {
    const { annotations, messages } = readAnnotations([annotationFrame(fields)]);
    expect(annotations.map((annotation) => [annotation.time, annotation.timeEnd])).toEqual([[AUG_3, timeEnd]]);
    expect(messages).toEqual([]);
  });

  test.each`
    fields                                                          | drawn | message
    ${{ time: ['soon'], text: ['x'] }}                              | ${0}  | ${"annotation row 1 of 'Deploys': time 'soon' is not a time; not drawn"}
    ${{ time: [AUG_3], timeEnd: [null], isRegion: [true] }}         | ${1}  | ${"annotation row 1 of 'Deploys': a region whose timeEnd null is not after its time; drawn as a point"}
    ${{ time: [AUG_3], timeEnd: [AUG_3 - HOUR], isRegion: [true] }} | ${1}  | ${`annotation row 1 of 'Deploys': a region whose timeEnd ${AUG_3 - HOUR} is not after its time; drawn as a point`}
    ${{ when: [AUG_3] }}                                            | ${0}  | ${"annotations 'Deploys' have no time field; not drawn"}
  `('a bad row says what is wrong: $message', ({ fields, drawn, message }) => {
    const { annotations, messages } = readAnnotations([annotationFrame(fields, 'Deploys')]);
    expect(annotations).toHaveLength(drawn);
    expect(messages).toEqual([message]);
  });

  test('exemplar and xymark frames, empty frames and things that are not frames are skipped silently', () => {
    const skipped = [
      annotationFrame({ time: [AUG_3] }, 'exemplar'),
      annotationFrame({ time: [AUG_3] }, 'xymark'),
      annotationFrame({ time: [] }),
      null,
      'frame',
    ];
    expect(readAnnotations(skipped)).toEqual({ annotations: [], messages: [] });
    expect(readAnnotations(undefined)).toEqual({ annotations: [], messages: [] });
  });

  test('text is kept as written (views render it as text) and tags may be one string', () => {
    const frame = annotationFrame({ time: [AUG_3], text: ['<b>v2</b> & <script>'], tags: ['deploy'] });
    expect(readAnnotations([frame]).annotations[0]).toEqual(
      expect.objectContaining({ text: '<b>v2</b> & <script>', tags: ['deploy'] })
    );
  });

  test('messages are capped: five, then a count', () => {
    const frame = annotationFrame({ time: Array.from({ length: 9 }, () => 'never') });
    const { messages } = readAnnotations([frame]);
    expect(messages).toHaveLength(6);
    expect(messages[5]).toBe('… and 4 more annotation problems');
  });

  test('random frames never throw, and every annotation has a finite time and an end after it or none', () => {
    const cell = fc.oneof(fc.constant(null), fc.double(), fc.integer(), fc.string(), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell, cell), { maxLength: 20 }), (rows) => {
        const frame = annotationFrame({
          time: rows.map((row) => row[0]),
          timeEnd: rows.map((row) => row[1]),
          isRegion: rows.map((row) => row[2]),
          text: rows.map((row) => row[3]),
        });
        for (const annotation of readAnnotations([frame]).annotations) {
          expect(Number.isFinite(annotation.time)).toBe(true);
          expect(annotation.timeEnd === null || annotation.timeEnd > annotation.time).toBe(true);
          expect(annotation.text === null || typeof annotation.text === 'string').toBe(true);
        }
      })
    );
  });

  test('evaluate passes the annotations to the model and their messages to the panel', () => {
    const model = evaluate({
      options: { objectives: [] },
      frames: [],
      annotations: [annotationFrame({ time: [AUG_3, 'x'] }, 'Deploys')],
      timeRange: { from: Q3_START, to: AUG_5 },
      timeZone: 'utc',
      now: AUG_5,
    });
    expect(model.annotations.map((annotation) => annotation.time)).toEqual([AUG_3]);
    expect(model.messages).toContain("annotation row 2 of 'Deploys': time 'x' is not a time; not drawn");
  });
});
