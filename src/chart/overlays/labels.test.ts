import type uPlot from 'uplot';

import { createTheme } from '@grafana/data';

import { DAY, keyResultModel, Q3_START } from '../../display/testModels';
import { ChartSeries } from '../chartModel';
import { boxesIntersect } from './labelPlacement';
import { LABEL_PRIORITY, LabelRequest, labelsHook, withoutRepeats } from './labels';
import { latestDataBoxes } from './latestData';
import { createOverlayContext } from './overlayContext';

/** x: 10 px a day from Q3_START over a plot 400 px wide at left 20; y: 300 - value. jsdom's pixel ratio is 1. */
const BBOX = { left: 20, top: 0, width: 400, height: 300 };
const x = (time: number) => BBOX.left + ((time - Q3_START) / DAY) * 10;

function fakePlot(values: Array<number | null>, texts: string[] = [], inks: string[] = []): uPlot {
  const times = values.map((_, i) => Q3_START + i * DAY);
  const ctx = {
    fillStyle: '',
    save: () => undefined,
    restore: () => undefined,
    beginPath: () => undefined,
    rect: () => undefined,
    clip: () => undefined,
    roundRect: () => undefined,
    fill: () => undefined,
    stroke: () => undefined,
    moveTo: () => undefined,
    lineTo: () => undefined,
    arc: () => undefined,
    measureText: (text: string) => ({ width: text.length * 7 }),
    fillText(text: string) {
      texts.push(text);
      inks.push(this.fillStyle);
    },
  };
  return {
    ctx,
    bbox: BBOX,
    scales: { x: { min: Q3_START, max: Q3_START + 40 * DAY }, kpi: { min: 0, max: 300 } },
    data: [times, values],
    valToPos: (value: number, scale: string) => (scale === 'x' ? x(value) : 300 - value),
    posToVal: (pos: number) => Q3_START + ((pos - BBOX.left) / 10) * DAY,
  } as unknown as uPlot;
}

function contextWith(keyResults = [keyResultModel()]) {
  const series: ChartSeries = {
    label: 'kpi',
    color: '#8ab8ff',
    scaleKey: 'kpi',
    keyResults,
    steps: false,
    checkIns: [],
  };
  return createOverlayContext({ getSeries: () => [series], getAnnotations: () => [], theme: createTheme() });
}

function target(text: string, y: number): LabelRequest {
  return { text, x: 300, y, align: 'right', baseline: 'bottom', color: '#fff', priority: LABEL_PRIORITY.target };
}

describe('labelsHook', () => {
  it('lays out the labels the hooks asked for apart, draws each once and consumes the requests', () => {
    const texts: string[] = [];
    const context = contextWith();
    context.labels.push(target('Target 300 ms', 100), target('Target 302 ms', 99), target('Target 305 ms', 97));
    labelsHook(context)(fakePlot([50, 60, 70], texts));
    expect(texts).toEqual(['Target 300 ms', 'Target 302 ms', 'Target 305 ms']);
    expect(context.labels).toEqual([]);
    const placed = context.placedLabels;
    expect(placed.map((label) => label.text)).toEqual(texts);
    placed.forEach((a, i) => placed.slice(i + 1).forEach((b) => expect(boxesIntersect(a, b)).toBe(false)));
  });

  it('keeps a label off the latest data point it asked to cover', () => {
    const context = contextWith();
    // The series' last sample (day 2, value 200) sits at x 40, y 100; a label asks for the box right on it.
    context.labels.push({ ...target('Forecast 210', 108), x: 60 });
    labelsHook(context)(fakePlot([180, 190, 200]));
    const [label] = context.placedLabels;
    expect(context.latestData).toHaveLength(1);
    expect(boxesIntersect(label, context.latestData[0])).toBe(false);
  });

  it('writes a label in its line colour where that reads, else in the text colour inside a border of it', () => {
    const light = createTheme({ colors: { mode: 'light' } });
    const context = createOverlayContext({ getSeries: () => [], getAnnotations: () => [], theme: light });
    context.labels.push(
      { ...target('Target 90%', 50), color: '#1f60c4' },
      { ...target('Target 150', 150), color: '#fade2a' }
    );
    const inks: string[] = [];
    labelsHook(context)(fakePlot([1], [], inks));
    expect(inks).toEqual(['#1f60c4', light.colors.text.primary]);
  });
});

describe('withoutRepeats', () => {
  it('drops a label repeating an earlier one (text, colour) at about the same place, and keeps the rest', () => {
    const first = target('Target 300 ms', 100);
    const requests = [
      first,
      { ...first, y: 104 },
      { ...first, y: 160 },
      { ...first, color: '#f00' },
      { ...first, text: 'Target 301 ms' },
    ];
    expect(withoutRepeats(requests, 16)).toEqual([first, requests[2], requests[3], requests[4]]);
  });
});

describe('latestDataBoxes', () => {
  it('covers the last sample in view, over gaps (nulls) at the end', () => {
    const [box] = latestDataBoxes(fakePlot([100, 120, 140, null, null]), contextWith());
    expect(box.left).toBeLessThanOrEqual(x(Q3_START + 2 * DAY));
    expect(box.left + box.width).toBeGreaterThanOrEqual(x(Q3_START + 2 * DAY));
    expect(box.top).toBeLessThanOrEqual(300 - 140);
  });

  it('reaches back over an ongoing breach, not only the last few pixels', () => {
    const values = Array.from({ length: 40 }, (_, i) => (i >= 25 ? 250 : 100));
    const ongoing = {
      start: Q3_START + 25 * DAY,
      end: Q3_START + 39 * DAY,
      ongoing: true,
      durationSeconds: 14 * 86_400,
      worst: 250,
      bound: 200,
      severity: 'critical' as const,
      source: 'target' as const,
    };
    const [plain] = latestDataBoxes(fakePlot(values), contextWith());
    const [breaching] = latestDataBoxes(fakePlot(values), contextWith([keyResultModel({ breaches: [ongoing] })]));
    expect(plain.left).toBeGreaterThan(x(Q3_START + 36 * DAY));
    // A quarter of the 400 px plot at most: from day 29 on.
    expect(breaching.left).toBeLessThanOrEqual(x(Q3_START + 29 * DAY));
  });

  it('gives nothing for a series without a value in view, or before the scales are set', () => {
    expect(latestDataBoxes(fakePlot([null, null]), contextWith())).toEqual([]);
    const unset = { ...fakePlot([1, 2]), scales: { x: { min: null, max: null } } } as unknown as uPlot;
    expect(latestDataBoxes(unset, contextWith())).toEqual([]);
  });
});
