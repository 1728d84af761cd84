import type uPlot from 'uplot';

import { colorManipulator, createTheme, GrafanaTheme2 } from '@grafana/data';

import { Breach } from '../../okr';
import { DAY, keyResultModel, Q3_START } from '../../display/testModels';
import { ChartSeries } from '../chartModel';
import { breachLanes } from './breachLanes';
import { createOverlayContext } from './overlayContext';

const BBOX = { left: 40, top: 0, width: 500, height: 200 };

function breach(startDay: number, endDay: number, severity: Breach['severity']): Breach {
  return {
    start: Q3_START + startDay * DAY,
    end: Q3_START + endDay * DAY,
    ongoing: false,
    durationSeconds: (endDay - startDay) * 86_400,
    worst: 1,
    bound: 0,
    severity,
    source: 'target',
  };
}

function lanesFor(theme: GrafanaTheme2, breachesPerKeyResult: Breach[][]) {
  const series: ChartSeries[] = [
    {
      label: 'kpi',
      color: '#8ab8ff',
      scaleKey: 'kpi',
      keyResults: breachesPerKeyResult.map((breaches, i) =>
        keyResultModel({ id: `kr-${i}`, title: `KR ${i}`, breaches })
      ),
      steps: false,
      checkIns: [],
    },
  ];
  return breachLanes(createOverlayContext({ getSeries: () => series, getAnnotations: () => [], theme }));
}

function fakePlot(height: number, fills: string[] = []): uPlot {
  const ctx = {
    fillStyle: '',
    save: () => undefined,
    restore: () => undefined,
    beginPath: () => undefined,
    clip: () => undefined,
    rect: () => undefined,
    fillRect() {
      fills.push(this.fillStyle);
    },
    fill() {
      fills.push(this.fillStyle);
    },
    fillText: () => undefined,
  };
  return {
    ctx,
    height,
    bbox: BBOX,
    scales: { x: { min: Q3_START, max: Q3_START + 50 * DAY } },
    valToPos: (value: number) => BBOX.left + ((value - Q3_START) / DAY) * 10,
  } as unknown as uPlot;
}

describe('breach lanes', () => {
  it('reserve no room without breaches, and a lane per breaching key result up to 15% of the height', () => {
    expect(lanesFor(createTheme(), [[], []]).padding(fakePlot(600))).toBe(0);
    const three = lanesFor(createTheme(), [[breach(1, 2, 'warning')], [], [breach(3, 4, 'critical')]]);
    expect(three.padding(fakePlot(600))).toBe(5 + 2 * 9);
    const many = lanesFor(
      createTheme(),
      Array.from({ length: 12 }, () => [breach(1, 2, 'warning')])
    );
    expect(many.padding(fakePlot(1000))).toBe(5 + 8 * 9); // MAX_LANES
    expect(many.padding(fakePlot(200))).toBe(5 + 2 * 9); // 15% of 200 px
    // A small chart of the stack (15% is less than a lane) still shows that its key result breached.
    expect(three.padding(fakePlot(62))).toBe(5 + 9);
  });

  it('asks uPlot for another layout when the lanes needed change without a resize', async () => {
    const line = (breaches: Breach[]): ChartSeries[] => [
      {
        label: 'kpi',
        color: '#8ab8ff',
        scaleKey: 'kpi',
        keyResults: [keyResultModel({ id: 'kr-0', title: 'KR 0', breaches })],
        steps: false,
        checkIns: [],
      },
    ];
    let series = line([]);
    const lanes = breachLanes(
      createOverlayContext({ getSeries: () => series, getAnnotations: () => [], theme: createTheme() })
    );
    const u = fakePlot(400);
    const redraw = jest.fn();
    Object.assign(u, { redraw, root: { isConnected: true } });
    expect(lanes.padding(u)).toBe(0);
    lanes.hook(u);
    await Promise.resolve();
    expect(redraw).not.toHaveBeenCalled();

    series = line([breach(1, 2, 'critical')]); // a streamed point breached: same scales, no resize
    lanes.hook(u);
    await Promise.resolve();
    expect(redraw).toHaveBeenCalledWith(false, true);
    expect(lanes.padding(u)).toBe(5 + 9);
  });

  it('exposes what it drew, critical first, and draws warnings in a colour that reads in the light theme', () => {
    const light = createTheme({ colors: { mode: 'light' } });
    const lanes = lanesFor(light, [[breach(1, 2, 'warning')], [breach(3, 4, 'critical'), breach(6, 7, 'warning')]]);
    const fills: string[] = [];
    const u = fakePlot(400, fills);
    lanes.padding(u);
    lanes.hook(u);
    expect(lanes.drawn().map(({ keyResult, warning, critical }) => [keyResult, warning, critical])).toEqual([
      ['KR 1', 1, 1],
      ['KR 0', 1, 0],
    ]);
    expect(lanes.drawn()[1].top - lanes.drawn()[0].top).toBe(9);
    // Grafana's light warning.main (#f90) is 2.1:1 on white: the lanes take warning.text instead.
    expect(fills).toContain(light.colors.warning.text);
    expect(fills).not.toContain(light.colors.warning.main);
    expect(
      colorManipulator.getContrastRatio(light.colors.warning.text, light.colors.background.primary)
    ).toBeGreaterThanOrEqual(3);
  });
});
