/*
 * The demo's sample KPIs: what a company's OKR dashboard watches, per region. Each series is a pure function of
 * where in the quarter a point falls, the region, a seeded noise sequence and the region's incident schedule,
 * so the history looks the same on every start within a quarter.
 *
 * Levels move from where the quarter starts towards the goal the demo's key results name, at the region's
 * pace: pace 1 reaches the goal at the quarter's end, 0.85 is 15% short. Against a straight expected line the
 * gap is (pace − 1) × elapsed share, so two thirds into the quarter pace 0.85 is 10 points behind (at risk
 * with the default tolerances) and 0.7 is 20 behind (off track). Counts (deals, sign-ups) are events since
 * the previous point: hourly history carries an hour's worth, a live point a second's.
 * Noise is small beside each goal's range, so a live point moves a status only where it is near a boundary.
 * Incidents (latency up, errors up, availability down) come from a seeded schedule per region; a severe one
 * breaches all three stay key results, a mild one only latency.
 */

export const REGION_NAMES = ['eu', 'us', 'apac'] as const;
export type RegionName = (typeof REGION_NAMES)[number];

type PacedMetric = 'mrr' | 'deals' | 'cac' | 'signups' | 'dau' | 'activation' | 'churn' | 'nps' | 'tickets';

interface Region {
  name: RegionName;
  /** How the region's selector shows it (a custom variable's `text : value`). */
  text: string;
  mrr: number;
  cac: number;
  dau: number;
  latencyMs: number;
  errorRate: number;
  pace: Record<PacedMetric, number>;
  seed: number;
}

export const REGIONS: readonly Region[] = [
  {
    name: 'eu',
    text: 'EU',
    mrr: 1_500_000,
    cac: 420,
    dau: 48_000,
    latencyMs: 188,
    errorRate: 0.35,
    pace: {
      mrr: 0.97,
      deals: 1.1,
      cac: 0.72,
      signups: 0.88,
      dau: 1.0,
      activation: 1.05,
      churn: 0.95,
      nps: 0.8,
      tickets: 1.1,
    },
    seed: 11,
  },
  {
    name: 'us',
    text: 'US',
    mrr: 2_400_000,
    cac: 510,
    dau: 85_000,
    latencyMs: 170,
    errorRate: 0.3,
    pace: {
      mrr: 1.06,
      deals: 0.85,
      cac: 0.95,
      signups: 1.02,
      dau: 0.9,
      activation: 0.7,
      churn: 1.0,
      nps: 1.05,
      tickets: 0.9,
    },
    seed: 23,
  },
  {
    name: 'apac',
    text: 'APAC',
    mrr: 850_000,
    cac: 350,
    dau: 30_000,
    latencyMs: 210,
    errorRate: 0.45,
    pace: {
      mrr: 0.82,
      deals: 0.7,
      cac: 1.0,
      signups: 1.1,
      dau: 1.15,
      activation: 0.95,
      churn: 0.75,
      nps: 0.95,
      tickets: 0.85,
    },
    seed: 37,
  },
];

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface Quarter {
  /** "YYYY-Qn" */
  label: string;
  start: number;
  /** Exclusive. */
  end: number;
}

/** The current calendar quarter in UTC, as the demo dashboard's time range (`now/fQ`, UTC) shows it. */
export function currentQuarter(now: number): Quarter {
  const date = new Date(now);
  const quarter = Math.floor(date.getUTCMonth() / 3);
  return {
    label: `${date.getUTCFullYear()}-Q${quarter + 1}`,
    start: Date.UTC(date.getUTCFullYear(), quarter * 3, 1),
    end: Date.UTC(date.getUTCFullYear(), quarter * 3 + 3, 1),
  };
}

/** One point's circumstances: what every metric's sample reads. */
interface Sample {
  region: Region;
  /** Elapsed share of the quarter, 0 … 1. */
  share: number;
  days: number;
  hourOfDay: number;
  dayOfWeek: number;
  /** Hours since the previous point (1 for history, 1/3600 live). */
  hours: number;
  quarterHours: number;
  /** 0 outside an incident, else its severity (≈0.3 mild … 1.3 severe). */
  incident: number;
  /** Uniform noise in [−0.5, 0.5), from the region's seeded sequence. */
  noise(): number;
}

interface Metric {
  name: string;
  unit?: string;
  decimals?: number;
  value(sample: Sample): number;
}

const paced = (sample: Sample, metric: PacedMetric, from: number, to: number) =>
  from + (to - from) * sample.region.pace[metric] * sample.share;

const weekend = (sample: Sample) => sample.dayOfWeek === 0 || sample.dayOfWeek === 6;

/** Events since the previous point, for a count that should total `total × pace` over the quarter. */
function events(sample: Sample, metric: PacedMetric, total: number): number {
  const expected = (total * sample.region.pace[metric] * sample.hours) / sample.quarterHours;
  if (expected < 1) {
    return sample.noise() + 0.5 < expected ? 1 : 0;
  }
  const daily = 1 + 0.45 * Math.sin((2 * Math.PI * (sample.hourOfDay - 9)) / 24);
  return Math.max(0, Math.round(expected * daily + 3 * sample.noise()));
}

/** The order is the frame's field order (per region) and the order the noise is drawn in. */
const METRICS: readonly Metric[] = [
  {
    name: 'mrr',
    unit: 'currencyUSD',
    value: (s) =>
      paced(s, 'mrr', s.region.mrr, 1.3 * s.region.mrr) +
      s.region.mrr * (0.008 * Math.sin(s.days / 5) + 0.002 * s.noise()),
  },
  { name: 'deals', unit: 'none', decimals: 0, value: (s) => events(s, 'deals', 40) },
  {
    name: 'cac',
    unit: 'currencyUSD',
    value: (s) => paced(s, 'cac', s.region.cac, 0.9 * s.region.cac) * (1 + 0.003 * s.noise()),
  },
  { name: 'signups', unit: 'none', decimals: 0, value: (s) => events(s, 'signups', 20_000) },
  {
    name: 'dau',
    unit: 'none',
    decimals: 0,
    // Weekends are quieter.
    value: (s) => paced(s, 'dau', s.region.dau, 1.2 * s.region.dau) * (weekend(s) ? 0.98 : 1) * (1 + 0.003 * s.noise()),
  },
  {
    name: 'activation',
    unit: 'percent',
    decimals: 1,
    value: (s) => paced(s, 'activation', 41, 50) + 0.5 * Math.sin(s.days / 4) + 0.15 * s.noise(),
  },
  { name: 'churn', unit: 'percent', decimals: 2, value: (s) => paced(s, 'churn', 5, 3) + 0.03 * s.noise() },
  { name: 'nps', unit: 'none', decimals: 0, value: (s) => paced(s, 'nps', 32, 45) + 0.4 * s.noise() },
  {
    name: 'tickets',
    unit: 'none',
    decimals: 0,
    value: (s) => Math.round(paced(s, 'tickets', 160, 100) + 6 * Math.sin((2 * Math.PI * s.days) / 7) + 2 * s.noise()),
  },
  {
    name: 'availability',
    unit: 'percent',
    decimals: 2,
    value: (s) => Math.min(100, 99.975 + 0.008 * s.noise() - 0.16 * s.incident),
  },
  {
    name: 'p95_latency',
    unit: 'ms',
    decimals: 0,
    value: (s) => s.region.latencyMs + 18 * Math.sin(s.days / 3) + 8 * s.noise() + 110 * s.incident,
  },
  {
    name: 'error_rate',
    unit: 'percent',
    decimals: 2,
    value: (s) =>
      Math.max(
        0,
        s.region.errorRate + 0.15 * Math.sin((2 * Math.PI * s.days) / 7) + 0.08 * s.noise() + 1.1 * s.incident
      ),
  },
];

export interface KpiField {
  name: string;
  unit?: string;
  decimals?: number;
}

/** The stream's number fields, named `<metric> <region>` (`p95_latency eu`) as key results ask for them. */
export const KPI_FIELDS: readonly KpiField[] = REGIONS.flatMap((region) =>
  METRICS.map(({ name, unit, decimals }) => ({ name: `${name} ${region.name}`, unit, decimals }))
);

/**
 * A sampler for one quarter: `sample(time, hours)` returns one value per KPI field, in KPI_FIELDS order.
 * Call it with increasing times; the noise sequence is consumed in call order.
 */
export function kpiSampler(quarter: Quarter): (time: number, hours: number) => number[] {
  const regions = REGIONS.map((region) => ({
    region,
    noise: seededRandom(region.seed),
    incidents: incidentSchedule(quarter, seededRandom(region.seed * 7919)),
  }));
  const quarterHours = (quarter.end - quarter.start) / HOUR;
  return (time, hours) => {
    const elapsed = time - quarter.start;
    return regions.flatMap(({ region, noise, incidents }) => {
      const sample: Sample = {
        region,
        share: Math.min(1, Math.max(0, elapsed / (quarter.end - quarter.start))),
        days: elapsed / DAY,
        hourOfDay: new Date(time).getUTCHours(),
        dayOfWeek: new Date(time).getUTCDay(),
        hours,
        quarterHours,
        incident: incidents.find((incident) => incident.start <= time && time < incident.end)?.severity ?? 0,
        noise: () => noise() - 0.5,
      };
      return METRICS.map((metric) => metric.value(sample));
    });
  };
}

interface Incident {
  start: number;
  end: number;
  severity: number;
}

/** One incident every 3–9 days, lasting 2–10 hours. */
function incidentSchedule(quarter: Quarter, random: () => number): Incident[] {
  const incidents: Incident[] = [];
  for (let start = quarter.start + (2 + 4 * random()) * DAY; start < quarter.end; start += (3 + 6 * random()) * DAY) {
    incidents.push({ start, end: start + (2 + 8 * random()) * HOUR, severity: 0.3 + random() });
  }
  return incidents;
}

/** Deterministic noise (mulberry32, a 32-bit mixing generator), so the history is the same on every start. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
