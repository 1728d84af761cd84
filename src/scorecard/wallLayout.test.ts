import fc from 'fast-check';

import { floorPx, MAX_FONT_PX, SMALLEST_TEXT_EM, wallPlan, WallPlanInput } from './wallLayout';

const objectives = (...counts: number[]) => counts.map((keyResults) => ({ keyResults, messages: false }));

/** Every key result of every objective, in order, as [objective, key result] pairs over all pages. */
function placed(plan: ReturnType<typeof wallPlan>): Array<[number, number]> {
  return plan.pages.flatMap((page) =>
    page.flatMap((section) => section.keyResults.map((kr): [number, number] => [section.objective, kr]))
  );
}

function expected(counts: number[]): Array<[number, number]> {
  return counts.flatMap((count, objective) =>
    Array.from({ length: count }, (_, kr): [number, number] => [objective, kr])
  );
}

describe('wallPlan', () => {
  test('the README example: 3 objectives × 5 key results at 1920×1080 → the floor size, 3 columns, 2 pages', () => {
    const plan = wallPlan({ width: 1920, height: 1080, objectives: objectives(5, 5, 5) });
    expect(plan.fontSize).toBe(34.3);
    expect(plan.fontSize * SMALLEST_TEXT_EM).toBeGreaterThanOrEqual(24 - 0.05);
    expect(plan.columns).toBe(3);
    expect(plan.pages).toEqual([
      [
        { objective: 0, keyResults: [0, 1, 2, 3, 4], continued: false },
        { objective: 1, keyResults: [0, 1, 2], continued: false },
      ],
      [
        { objective: 1, keyResults: [3, 4], continued: true },
        { objective: 2, keyResults: [0, 1, 2, 3, 4], continued: false },
      ],
    ]);
  });

  test('a few key results fit on one page at a size above the floor, capped at MAX_FONT_PX', () => {
    const plan = wallPlan({ width: 1920, height: 1080, objectives: objectives(2) });
    expect(plan.pages).toEqual([[{ objective: 0, keyResults: [0, 1], continued: false }]]);
    expect(plan.fontSize).toBeGreaterThan(floorPx(1080) / SMALLEST_TEXT_EM);
    expect(plan.fontSize).toBeLessThanOrEqual(MAX_FONT_PX);
  });

  test('16 key results at 600×400: every one on some page, one column, small type at the 12 px floor', () => {
    const plan = wallPlan({ width: 600, height: 400, objectives: objectives(4, 4, 4, 4) });
    expect(placed(plan)).toEqual(expected([4, 4, 4, 4]));
    expect(plan.fontSize * SMALLEST_TEXT_EM).toBeGreaterThanOrEqual(12 - 0.05);
    expect(plan.pages.length).toBeGreaterThan(1);
  });

  test('500 key results: all placed, none twice', () => {
    const plan = wallPlan({ width: 1920, height: 1080, objectives: objectives(500) });
    expect(placed(plan)).toEqual(expected([500]));
  });

  test('an objective with no key results still gets its header; messages take a line', () => {
    const plan = wallPlan({ width: 1920, height: 1080, objectives: [{ keyResults: 0, messages: true }] });
    expect(plan.pages).toEqual([[{ objective: 0, keyResults: [], continued: false }]]);
  });

  test.each`
    width       | height
    ${0}        | ${0}
    ${NaN}      | ${1080}
    ${-5}       | ${Infinity}
    ${1}        | ${1}
    ${Infinity} | ${Infinity}
  `('a nonsense size ($width×$height) still places every key result', ({ width, height }) => {
    const plan = wallPlan({ width, height, objectives: objectives(3, 2) });
    expect(placed(plan)).toEqual(expected([3, 2]));
    expect(Number.isFinite(plan.fontSize)).toBe(true);
  });

  test('property: every key result is placed once, in order; no page is empty; no text under the floor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 4000 }),
        fc.integer({ min: 150, max: 2200 }),
        fc.array(fc.record({ keyResults: fc.integer({ min: 0, max: 40 }), messages: fc.boolean() }), {
          minLength: 1,
          maxLength: 8,
        }),
        (width, height, list) => {
          const input: WallPlanInput = { width, height, objectives: list };
          const plan = wallPlan(input);
          expect(placed(plan)).toEqual(expected(list.map((objective) => objective.keyResults)));
          plan.pages.forEach((page) => expect(page.length).toBeGreaterThan(0));
          expect(plan.fontSize * SMALLEST_TEXT_EM).toBeGreaterThanOrEqual(floorPx(height) - 0.05);
          // A continued section follows its own objective's earlier rows.
          plan.pages.flat().forEach((section) => {
            if (section.continued) {
              expect(section.keyResults[0]).toBeGreaterThan(0);
            }
          });
        }
      )
    );
  });
});
