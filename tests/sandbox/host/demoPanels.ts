import type { KeyResultOption, ObjectiveOption, OkrOptions } from '../../../src/types';
import type { Quarter } from './demoKpis';

/*
 * The demo dashboard's panels as a dashboard's JSON would hold them: each panel's title and options, its
 * key results on the demo's series (demoKpis.ts) of the region the `region` variable picks. Periods are
 * "thisQuarter" and the dashboard shows the current quarter, so the demo never ages.
 */

export interface DemoPanel {
  key: string;
  title: string;
  description?: string;
  options: Partial<OkrOptions>;
}

const region = '${region:text}';

const keyResult = (kr: Omit<KeyResultOption, 'period'>): KeyResultOption => ({ period: 'thisQuarter', ...kr });

const panel = (key: string, title: string, options: Partial<OkrOptions>, description?: string): DemoPanel => ({
  key,
  title,
  description,
  options: { schemaVersion: 2, fiscalYearStartMonth: 0, ...options },
});

/** Ops: one live chart per reliability key result; every incident breaches latency, severe ones all three. */
export function opsPanels(): DemoPanel[] {
  const reliability = (kr: Omit<KeyResultOption, 'period'>): ObjectiveOption[] => [
    { title: `Reliable checkout — ${region}`, keyResults: [keyResult(kr)] },
  ];
  return [
    panel('ops-errors', `Checkout error rate — ${region}`, {
      view: 'chart',
      objectives: reliability({
        title: `Error rate below 1% — ${region}`,
        series: 'error_rate $region',
        kind: 'stayBelow',
        target: 1,
        color: 'blue',
      }),
    }),
    panel('ops-latency', `p95 latency — ${region}`, {
      view: 'chart',
      objectives: reliability({
        title: `p95 latency under 250 ms — ${region}`,
        series: 'p95_latency $region',
        kind: 'stayBelow',
        target: 250,
        color: 'purple',
      }),
    }),
    panel('ops-availability', `Availability — ${region}`, {
      view: 'chart',
      objectives: reliability({
        title: `Availability at least 99.9% — ${region}`,
        series: 'availability $region',
        kind: 'stayAbove',
        target: 99.9,
        color: 'green',
      }),
    }),
  ];
}

/** Executive wall: the region's whole OKR set, 4 objectives and 12 key results in currency, percent, ms and counts. */
export function wallPanel(): DemoPanel {
  return panel('wall', `Company OKRs — ${region}`, {
    view: 'wall',
    objectives: [
      {
        title: 'Grow revenue',
        keyResults: [
          keyResult({ title: 'Grow MRR by 30%', series: 'mrr $region', kind: 'increase', target: '+30%' }),
          keyResult({
            title: 'Close 40 enterprise deals',
            series: 'deals $region',
            kind: 'increase',
            target: 40,
            reducer: 'sum',
          }),
          keyResult({ title: 'Cut CAC by 10%', series: 'cac $region', kind: 'decrease', target: '-10%' }),
        ],
      },
      {
        title: 'Grow usage',
        keyResults: [
          keyResult({
            title: 'Reach 20,000 sign-ups',
            series: 'signups $region',
            kind: 'increase',
            target: 20_000,
            reducer: 'sum',
          }),
          keyResult({ title: 'Daily active users up 20%', series: 'dau $region', kind: 'increase', target: '+20%' }),
          keyResult({ title: 'Activation rate to 50%', series: 'activation $region', kind: 'increase', target: 50 }),
        ],
      },
      {
        title: 'Delight customers',
        keyResults: [
          keyResult({ title: 'Monthly churn down to 3%', series: 'churn $region', kind: 'decrease', target: 3 }),
          keyResult({ title: 'NPS to 45', series: 'nps $region', kind: 'increase', target: 45 }),
          keyResult({
            title: 'Support backlog under 100 tickets',
            series: 'tickets $region',
            kind: 'decrease',
            target: 100,
          }),
        ],
      },
      {
        title: 'Reliable platform',
        keyResults: [
          keyResult({
            title: 'Availability at least 99.9%',
            series: 'availability $region',
            kind: 'stayAbove',
            target: 99.9,
          }),
          keyResult({
            title: 'p95 latency under 250 ms',
            series: 'p95_latency $region',
            kind: 'stayBelow',
            target: 250,
          }),
          keyResult({
            title: 'Checkout error rate below 1%',
            series: 'error_rate $region',
            kind: 'stayBelow',
            target: 1,
          }),
        ],
      },
    ],
  });
}

/** Analyst: a growth panel to tune in the options pane; sign-ups follow a back-loaded plan (milestones). */
export function analystPanel(quarter: Quarter): DemoPanel {
  const monthStart = (months: number) => {
    const start = new Date(quarter.start);
    return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
  };
  return panel(
    'analyst',
    `Growth — ${region}`,
    {
      view: 'auto',
      objectives: [
        {
          title: `Grow revenue — ${region}`,
          keyResults: [
            keyResult({
              title: `Grow MRR by 30% — ${region}`,
              series: 'mrr $region',
              kind: 'increase',
              target: '+30%',
            }),
            keyResult({
              title: `Reach 20,000 sign-ups — ${region}`,
              series: 'signups $region',
              kind: 'increase',
              target: 20_000,
              reducer: 'sum',
              milestones: [
                { at: monthStart(1), value: 5_000 },
                { at: monthStart(2), value: 12_000 },
              ],
            }),
          ],
        },
      ],
    },
    'Edit the key results in the options pane beside the panel: the panel follows every change.'
  );
}
