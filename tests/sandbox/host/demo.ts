import { createDataFrame, DataFrame, FieldType } from '@grafana/data';

import { PanelFixture } from './fixture';

/*
 * The demo's live sample KPIs: hourly history from the start of the current quarter, then one new point
 * every second, the way a Grafana Live stream appends to a panel's frames.
 */

const HOUR = 3600_000;

export interface DemoFeed {
  frames: DataFrame[];
  timeRange: PanelFixture['timeRange'];
}

/** The current calendar quarter in UTC, as "YYYY-Qn" with its start and end. */
export function currentQuarter(now: number): { label: string; start: number; end: number } {
  const date = new Date(now);
  const quarter = Math.floor(date.getUTCMonth() / 3);
  return {
    label: `${date.getUTCFullYear()}-Q${quarter + 1}`,
    start: Date.UTC(date.getUTCFullYear(), quarter * 3, 1),
    end: Date.UTC(date.getUTCFullYear(), quarter * 3 + 3, 1),
  };
}

/** Demo options name "$quarter" for the period; it becomes the current quarter so the demo never ages. */
export function demoFixture(fixture: PanelFixture, now: number): PanelFixture {
  const { label } = currentQuarter(now);
  return JSON.parse(JSON.stringify(fixture).replaceAll('$quarter', label));
}

export function startDemoStream(onFeed: (feed: DemoFeed) => void, now: () => number = Date.now) {
  // The dashboard shows the whole quarter (like now/fQ), so pace, targets and forecast reach its end.
  const { start, end } = currentQuarter(now());
  const random = seededRandom(42);
  const times: number[] = [];
  const mrr: number[] = [];
  const errorRate: number[] = [];
  const latency: number[] = [];
  const push = (time: number) => {
    const days = (time - start) / (24 * HOUR);
    times.push(time);
    mrr.push(1_500_000 + 4_800 * days + 25_000 * Math.sin(days / 6) + 8_000 * (random() - 0.5));
    const incident = Math.sin(days * 1.7) > 0.985 ? 1.2 : 0;
    errorRate.push(Math.max(0, 0.35 + 0.15 * Math.sin(days * 3) + incident + 0.1 * (random() - 0.5)));
    latency.push(190 + 20 * Math.sin(days / 3) + 8 * random() + (incident ? 70 : 0));
  };
  for (let time = start; time < now(); time += HOUR) {
    push(time);
  }
  const emit = () => {
    push(now());
    onFeed({
      frames: [
        createDataFrame({
          refId: 'A',
          fields: [
            { name: 'time', type: FieldType.time, values: times.slice() },
            { name: 'mrr', type: FieldType.number, values: mrr.slice(), config: { unit: 'currencyUSD' } },
            { name: 'error_rate', type: FieldType.number, values: errorRate.slice(), config: { unit: 'percent' } },
            { name: 'p95_latency', type: FieldType.number, values: latency.slice(), config: { unit: 'ms' } },
          ],
        }),
      ],
      timeRange: { from: new Date(start).toISOString(), to: new Date(end).toISOString() },
    });
  };
  emit();
  return window.setInterval(emit, 1000);
}

/** Deterministic noise, so the demo's history looks the same on every start. */
function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}
