import type uPlot from 'uplot';

import { createTheme } from '@grafana/data';

import { KeyResultModel } from '../../okr';
import { keyResultModel, Q3_END, Q3_START, DAY } from '../../display/testModels';
import { ChartSeries } from '../chartModel';
import { createOverlayContext } from './overlayContext';
import { drawTargetSteps } from './targetSteps';

/** A plot 920 px wide for Q3 (10 px a day) and 0…400 from bottom (y = 400) to top (y = 0): what the hook reads. */
function fakePlot(calls: string[]): uPlot {
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push(`${name} ${args.map((arg) => (typeof arg === 'number' ? Math.round(arg) : String(arg))).join(' ')}`);
  const ctx = {
    beginPath: record('begin'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    stroke: record('stroke'),
    fillRect: record('fillRect'),
    setLineDash: () => undefined,
    measureText: (text: string) => ({ width: text.length * 7 }),
    roundRect: () => undefined,
    fill: () => undefined,
    fillText: (text: string) => calls.push(`label ${text}`),
    closePath: () => undefined,
  };
  return {
    ctx,
    bbox: { left: 0, top: 0, width: 920, height: 400 },
    scales: { ms: { min: 0, max: 400 } },
    valToPos: (value: number, scale: string) => (scale === 'x' ? (value - Q3_START) / (DAY / 10) : 400 - value),
  } as unknown as uPlot;
}

const series: ChartSeries = {
  label: 'latency',
  color: '#8ab8ff',
  scaleKey: 'ms',
  keyResults: [],
  steps: false,
  checkIns: [],
};

function draw(kr: KeyResultModel, offScale: number[] = []): string[] {
  const calls: string[] = [];
  const context = createOverlayContext({ getSeries: () => [series], getAnnotations: () => [], theme: createTheme() });
  context.offScale.set('ms', offScale);
  drawTargetSteps({ ctx: fakePlot(calls).ctx, u: fakePlot(calls), kr, series, context });
  // The step labels are asked for here and laid out and drawn with every other label by labelsHook.
  return [...calls, ...context.labels.map((label) => `label ${label.text}`)];
}

const AUG_1 = Q3_START + 31 * DAY;

describe('a target that changes over time is drawn as steps', () => {
  test('each level to the next step, joined straight down at the step; labelled per step', () => {
    const kr = keyResultModel({
      kind: 'stayBelow',
      targetSteps: [
        { time: Q3_START, value: 300, max: null },
        { time: AUG_1, value: 250, max: null },
      ],
    });
    const calls = draw(kr);
    const path = calls.slice(calls.indexOf('begin '), calls.indexOf('stroke ') + 1);
    expect(path).toEqual(['begin ', 'moveTo 0 100', 'lineTo 310 100', 'lineTo 310 150', 'lineTo 920 150', 'stroke ']);
    expect(calls.filter((call) => call.startsWith('label'))).toEqual(['label Target 300', 'label Target 250']);
  });

  test('nothing is drawn where no target is in force; a band is shaded per step, with its max line', () => {
    const kr = keyResultModel({
      kind: 'stayWithin',
      period: { start: Q3_START, end: Q3_END, label: '2026-Q3' },
      targetSteps: [
        { time: Q3_START, value: null, max: null },
        { time: AUG_1, value: 200, max: 260 },
      ],
    });
    const calls = draw(kr);
    expect(calls.filter((call) => call.startsWith('fillRect'))).toEqual(['fillRect 310 140 610 60']);
    expect(calls.filter((call) => call.startsWith('moveTo'))).toEqual(['moveTo 310 200', 'moveTo 310 140']);
  });

  test('a step too narrow for its label keeps its line and drops the label', () => {
    const kr = keyResultModel({
      kind: 'stayBelow',
      targetSteps: [
        { time: Q3_START, value: 300, max: null },
        { time: Q3_START + DAY, value: 250, max: null },
      ],
    });
    expect(draw(kr).filter((call) => call.startsWith('label'))).toEqual(['label Target 250']);
  });
});
