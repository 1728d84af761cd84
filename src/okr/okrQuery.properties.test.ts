/** Invariants of key results from data over random tables and series (fast-check). */
import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import fc from 'fast-check';
import { evaluate } from './evaluate';
import { RUNS } from './randomInputs';
import { DAY, Q3_END, Q3_START } from './testUtils';

const COLUMNS = ['objective', 'key_result', 'series', 'period', 'kind', 'baseline', 'target', 'weight', 'id', 'each'];

/** Cells as any datasource might send them: text (numeric or not), numbers, booleans, null, objects. */
const cell = fc.oneof(
  fc.constantFrom('mrr', 'churn', '/.*/', '2026-Q3', 'thisQuarter', 'increase', 'stayBelow', '+15%', '-20', '=-5', ''),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ nested: true })
);

const table = fc.tuple(fc.subarray(COLUMNS, { minLength: 1 }), fc.integer({ min: 0, max: 8 })).chain(([names, rows]) =>
  fc
    .array(fc.array(cell, { minLength: rows, maxLength: rows }), { minLength: names.length, maxLength: names.length })
    .map((columns): DataFrame =>
      createDataFrame({
        refId: 'OKRS',
        fields: names.map((name, i) => ({ name, type: FieldType.other, values: columns[i] })),
      })
    )
);

function kpis(): DataFrame {
  const days = Array.from({ length: 30 }, (_, i) => i);
  return createDataFrame({
    refId: 'A',
    fields: [
      { name: 'time', type: FieldType.time, values: days.map((i) => Q3_START + i * DAY) },
      { name: 'mrr', type: FieldType.number, values: days.map((i) => 100 + i) },
      { name: 'churn', type: FieldType.number, values: days.map((i) => 3 - i / 100) },
    ],
  });
}

const nonEmptyRows = (frame: DataFrame) =>
  Array.from({ length: frame.length }, (_, row) => row).filter((row) =>
    frame.fields.some((field) => {
      const value: unknown = field.values[row];
      return value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');
    })
  ).length;

describe('key results from a random table', () => {
  test('never throw; one key result per non-empty row (or more with each); ids unique; options untouched', () => {
    fc.assert(
      fc.property(table, fc.boolean(), (frame, withOptions) => {
        const options = {
          okrQuery: { refId: 'OKRS' },
          objectives: withOptions
            ? [
                {
                  title: 'O',
                  keyResults: [{ id: 'opt-x', series: 'mrr', period: '2026-Q3', kind: 'increase', target: 200 }],
                },
              ]
            : [],
        };
        const saved = JSON.stringify(options);
        const model = evaluate({
          options,
          frames: [kpis(), frame],
          timeRange: { from: Q3_START, to: Q3_END },
          timeZone: 'utc',
          now: Q3_START + 20 * DAY,
        });
        const keyResults = model.objectives.flatMap((objective) => objective.keyResults);
        const shadowed = model.messages.some((message) => message.includes('both in the panel options'));
        expect(model.query).toEqual({ refId: 'OKRS', keyResults: nonEmptyRows(frame) - (shadowed ? 1 : 0) });
        // `each` may make several key results of a row, never none.
        expect(keyResults.length).toBeGreaterThanOrEqual(model.query!.keyResults + (withOptions ? 1 : 0));
        expect(new Set(keyResults.map((kr) => kr.id)).size).toBe(keyResults.length);
        for (const kr of keyResults.filter((kr) => kr.status === 'invalid')) {
          expect(kr.messages.length).toBeGreaterThan(0);
        }
        expect(JSON.stringify(options)).toBe(saved);
      }),
      RUNS
    );
  });
});
