import { createDataFrame, DataFrame, FieldType } from '@grafana/data';

import { currentQuarter, KPI_FIELDS, kpiSampler } from './demoKpis';

/*
 * The demo's live sample KPIs (demoKpis.ts): hourly history from the start of the current quarter, then one
 * new point every second, the way a Grafana Live stream appends to a panel's frames. One stream feeds every
 * panel of the demo dashboard.
 */

const HOUR = 3600_000;

/**
 * Starts the stream: `onFrames` gets the whole history at once, then the grown frames every second. Each
 * delivery is a new frame over new arrays (as a query runner hands over), so caches keyed on the old ones
 * stay right. Returns the function that stops it.
 */
export function startDemoStream(onFrames: (frames: DataFrame[]) => void, now: () => number = Date.now): () => void {
  const quarter = currentQuarter(now());
  const sample = kpiSampler(quarter);
  const times: number[] = [];
  const columns: number[][] = KPI_FIELDS.map(() => []);
  const push = (time: number, hours: number) => {
    times.push(time);
    sample(time, hours).forEach((value, index) => columns[index].push(value));
  };
  for (let time = quarter.start; time < now(); time += HOUR) {
    push(time, 1);
  }
  let last = times[times.length - 1] ?? quarter.start;
  const emit = () => {
    const time = now();
    // A live point a second; the clock may jump (a sleeping laptop), so the count covers the real gap.
    if (time > last) {
      push(time, (time - last) / HOUR);
      last = time;
    }
    onFrames([
      createDataFrame({
        refId: 'A',
        fields: [
          { name: 'time', type: FieldType.time, values: times.slice() },
          ...KPI_FIELDS.map(({ name, unit, decimals }, index) => ({
            name,
            type: FieldType.number,
            values: columns[index].slice(),
            config: { unit, decimals },
          })),
        ],
      }),
    ]);
  };
  emit();
  const interval = window.setInterval(emit, 1000);
  return () => window.clearInterval(interval);
}
