import type uPlot from 'uplot';

import { AxisWidthGroup } from './axisWidthGroup';
import { stackHeights } from './StackedKpiCharts';

/** Just what the group touches of a uPlot: its value axis' size function, destroy hooks and redraw. */
function fakePlot(labelWidth: () => number) {
  const plot = {
    axes: [{}, { size: () => labelWidth() }],
    hooks: {} as { destroy?: Array<() => void> },
    redraw: jest.fn(),
  };
  return plot;
}

const sizeOf = (plot: ReturnType<typeof fakePlot>) =>
  (plot.axes[1].size as (self: unknown, values: string[], axisIdx: number, cycleNum: number) => number)(plot, [], 1, 0);

describe('AxisWidthGroup: stacked plots take the widest value axis any of them needs', () => {
  test('each plot measures its own labels and all take the widest; a change lays them all out again', async () => {
    let moneyWidth = 52;
    const group = new AxisWidthGroup();
    const money = fakePlot(() => moneyWidth);
    const percent = fakePlot(() => 30);
    group.join(money as unknown as uPlot);
    group.join(percent as unknown as uPlot);

    expect([sizeOf(money), sizeOf(percent)]).toEqual([52, 52]);
    await Promise.resolve();
    expect(money.redraw).toHaveBeenCalledWith(false, true);
    expect(percent.redraw).toHaveBeenCalledWith(false, true);

    moneyWidth = 40;
    expect([sizeOf(money), sizeOf(percent)]).toEqual([40, 40]);
  });

  test('a destroyed plot leaves the group: its width no longer counts', () => {
    const group = new AxisWidthGroup();
    const wide = fakePlot(() => 80);
    const narrow = fakePlot(() => 30);
    group.join(wide as unknown as uPlot);
    group.join(narrow as unknown as uPlot);
    sizeOf(wide);

    wide.hooks.destroy!.forEach((hook) => hook());

    expect(sizeOf(narrow)).toBe(30);
  });
});

describe('stackHeights: each plot at least 62 px under its heading, else the stack scrolls', () => {
  const lines = (count: number, px = 28) => Array.from({ length: count }, () => px);
  test.each`
    height | headings            | plot   | scrolls
    ${400} | ${lines(4)}         | ${66}  | ${false}
    ${400} | ${lines(1)}         | ${350} | ${false}
    ${400} | ${lines(5)}         | ${62}  | ${true}
    ${400} | ${[28, 56, 28, 28]} | ${62}  | ${true}
    ${900} | ${lines(10)}        | ${62}  | ${true}
    ${922} | ${lines(10)}        | ${62}  | ${false}
    ${0}   | ${[]}               | ${62}  | ${true}
  `(
    '$headings.length charts in $height px → plots of $plot px, scrolls $scrolls',
    ({ height, headings, plot, scrolls }) => {
      expect(stackHeights(height, headings)).toEqual({ plot, scrolls });
    }
  );
});
