import fc from 'fast-check';

import { Box, boxesIntersect, LabelToPlace, placeLabels, PlacementOptions } from './labelPlacement';

const PLOT: Box = { left: 50, top: 10, width: 400, height: 200 };
const OPTIONS: PlacementOptions = { gap: 2, maxNudge: 40, columns: 3 };

function label(left: number, top: number, priority = 1, align: LabelToPlace['align'] = 'right'): LabelToPlace {
  return { box: { left, top, width: 60, height: 16 }, priority, align };
}

function inside(box: Box, plot: Box): boolean {
  return (
    box.left >= plot.left &&
    box.top >= plot.top &&
    box.left + box.width <= plot.left + plot.width + 1e-9 &&
    box.top + box.height <= plot.top + plot.height + 1e-9
  );
}

function placedBoxes(result: Array<Box | null>): Box[] {
  return result.filter((box): box is Box => box !== null);
}

function assertNoIntersections(boxes: Box[], obstacles: Box[] = []) {
  boxes.forEach((a, i) => {
    boxes.slice(i + 1).forEach((b) => expect(boxesIntersect(a, b)).toBe(false));
    obstacles.forEach((obstacle) => expect(boxesIntersect(a, obstacle)).toBe(false));
  });
}

describe('placeLabels', () => {
  it('keeps a label that collides with nothing where it asked to be', () => {
    expect(placeLabels([label(100, 50)], PLOT, [], OPTIONS)).toEqual([
      { left: 100, top: 50, width: 60, height: 16, leader: false },
    ]);
  });

  it('nudges the second of two labels asking for one box just past the first, without a leader', () => {
    const [first, second] = placeLabels([label(100, 100), label(100, 100)], PLOT, [], OPTIONS);
    expect(first).toMatchObject({ top: 100, leader: false });
    expect(second).toMatchObject({ left: 100, leader: false });
    expect(Math.abs(second!.top - 100)).toBe(18);
  });

  it('places the higher priority first: it keeps its box and the other moves', () => {
    const [low, high] = placeLabels([label(100, 100, 1), label(100, 100, 5)], PLOT, [], OPTIONS);
    expect(high).toMatchObject({ left: 100, top: 100 });
    expect(low!.top).not.toBe(100);
  });

  it('stays off the obstacles (the latest data) and inside the plot', () => {
    const obstacle = { left: 380, top: 80, width: 70, height: 60 };
    const [box] = placeLabels([label(390, 100)], PLOT, [obstacle], OPTIONS);
    expect(boxesIntersect(box!, obstacle)).toBe(false);
    expect(inside(box!, PLOT)).toBe(true);
  });

  it('clamps a box that asks to stick out of the plot back inside it', () => {
    const [box] = placeLabels([label(430, -20)], PLOT, [], OPTIONS);
    expect(box).toMatchObject({ left: PLOT.left + PLOT.width - 60, top: PLOT.top });
  });

  it('moves to a column beside its own, with a leader, when its column is full', () => {
    const wall = { left: 380, top: PLOT.top, width: 70, height: PLOT.height };
    const [box] = placeLabels([label(390, 100)], PLOT, [wall], OPTIONS);
    expect(box).not.toBeNull();
    expect(box!.left + box!.width).toBeLessThanOrEqual(wall.left);
    expect(box!.leader).toBe(true);
  });

  it('moves a left-aligned label to the right, away from its anchor', () => {
    const wall = { left: 100, top: PLOT.top, width: 60, height: PLOT.height };
    const [box] = placeLabels([label(100, 100, 1, 'left')], PLOT, [wall], OPTIONS);
    expect(box!.left).toBeGreaterThanOrEqual(wall.left + wall.width);
  });

  it('drops the lowest priority labels, and only those, when the plot has no room left', () => {
    const tiny: Box = { left: 0, top: 0, width: 60, height: 40 };
    const result = placeLabels([label(0, 0, 1), label(0, 0, 3), label(0, 0, 2)], tiny, [], OPTIONS);
    expect(result[1]).not.toBeNull();
    expect(result[2]).not.toBeNull();
    expect(result[0]).toBeNull();
  });

  it('drops a label larger than the plot and one with a NaN size, and keeps zero-sized ones in place', () => {
    const huge = { box: { left: 0, top: 0, width: 500, height: 16 }, priority: 1, align: 'right' as const };
    const broken = { box: { left: 0, top: 0, width: NaN, height: 16 }, priority: 1, align: 'right' as const };
    const empty = { box: { left: 100, top: 50, width: 0, height: 0 }, priority: 1, align: 'right' as const };
    const [a, b, c] = placeLabels([huge, broken, empty], PLOT, [], OPTIONS);
    expect(a).toBeNull();
    expect(b).toBeNull();
    expect(c).toMatchObject({ left: 100, top: 50 });
  });

  it('is stable: the same input gives the same layout, and equal priorities go in input order', () => {
    const labels = Array.from({ length: 12 }, (_, i) => label(300, 100 + (i % 3)));
    const first = placeLabels(labels, PLOT, [], OPTIONS);
    expect(placeLabels(labels, PLOT, [], OPTIONS)).toEqual(first);
    expect(first[0]).toMatchObject({ left: 300, top: 100 });
  });

  it('lays out many labels on one row without intersections', () => {
    const labels = Array.from({ length: 40 }, () => label(380, 100));
    const result = placeLabels(labels, PLOT, [], OPTIONS);
    assertNoIntersections(placedBoxes(result));
    expect(placedBoxes(result).length).toBeGreaterThan(20);
  });

  it('never returns intersecting boxes or boxes outside the plot, for any input', () => {
    const box = fc.record({
      left: fc.double({ min: -100, max: 600, noNaN: true }),
      top: fc.double({ min: -100, max: 400, noNaN: true }),
      width: fc.double({ min: 0, max: 200, noNaN: true }),
      height: fc.double({ min: 0, max: 40, noNaN: true }),
    });
    const labelArbitrary = fc.record({
      box,
      priority: fc.integer({ min: 0, max: 5 }),
      align: fc.constantFrom<LabelToPlace['align']>('left', 'right', 'center'),
    });
    fc.assert(
      fc.property(fc.array(labelArbitrary, { maxLength: 30 }), fc.array(box, { maxLength: 4 }), (labels, obstacles) => {
        const result = placeLabels(labels, PLOT, obstacles, OPTIONS);
        expect(result).toHaveLength(labels.length);
        const boxes = placedBoxes(result);
        boxes.forEach((placed) => expect(inside(placed, PLOT)).toBe(true));
        assertNoIntersections(boxes, obstacles);
      }),
      { numRuns: 200 }
    );
  });
});
