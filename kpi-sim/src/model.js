/**
 * The simulated company: business KPIs and per-service ops KPIs as pure functions of time (seconds since
 * the Unix epoch), the --seed and the --start time (the trend anchor, day 0 of every trend).
 *
 * - Cycles: traffic, signups, deals and load-driven latency follow the day (peak about 15:00 UTC, trough at
 *   03:00) and the week (weekends at about 60 %); every KPI has smooth noise (hours) and slow drift (days).
 * - Trends, in days since --start: MRR grows $2.25–2.75k/day by seed (a "+15 % this quarter" key result is
 *   about on pace), sign-ups from 440 a day by 1.6 a day, deals from 12 a day by 0.05, conversion from 3.1 %
 *   toward 4 %, churn from 4.2 % toward 3 % (a little behind), NPS from 32 too slowly for 40; support reply
 *   time and the search service's latency drift away from their targets.
 * - Incidents are scheduled, not random at run time: for each service and UTC day, unit(seed, day) decides (40 %)
 *   whether an incident starts that day, when, for how long and what kind — latency (p95 × 2.5–4), errors
 *   (4–12 % 5xx) or outage (70 % of probes fail, 30 % errors). Each one breaches the ops targets of the
 *   provisioned dashboards (p95 under 400 ms — a latency incident's p95 is at least 450 ms —, error rate
 *   under 1 %, availability ≥ 99.5 %). A support backlog (reply time +40 min for one to
 *   two days) is scheduled per ISO week the same way.
 *
 * Example: with seed 1 the same instant always has the same MRR, the same p95 per service and the same
 * incident, whether served live at /metrics, backfilled into Prometheus or written to PostgreSQL.
 */
import { normalCdf, smooth, unit } from './random.js';

export const SERVICES = [
  { name: 'api', rps: 120, p95Ms: 180, driftMsPerDay: 0 },
  { name: 'checkout', rps: 15, p95Ms: 260, driftMsPerDay: 0.2 },
  { name: 'search', rps: 60, p95Ms: 230, driftMsPerDay: 0.6 },
  { name: 'auth', rps: 40, p95Ms: 90, driftMsPerDay: 0 },
];

/** Latency histogram buckets (seconds) of http_request_duration_seconds. */
export const BUCKETS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 1, 2.5];

/** Log-normal shape of request latency: p95 = median × e^(1.645 σ). */
const SIGMA = 0.5;
const P95_FACTOR = Math.exp(1.6449 * SIGMA);

const DAY = 86400;
/** The weekly mean of traffic(): the daily wave averages 1, weekends are at 60 % and 65 %. */
const WEEKLY_TRAFFIC = (5 + 0.6 + 0.65) / 7;
const INCIDENT_KINDS = ['latency', 'errors', 'outage'];

/** Traffic multiplier: the day's wave times the weekend dip (≈ 0.33–1.45). */
export function traffic(t) {
  const hour = (t % DAY) / 3600;
  const weekday = new Date(t * 1000).getUTCDay();
  const weekend = weekday === 0 ? 0.6 : weekday === 6 ? 0.65 : 1;
  return (1 + 0.45 * Math.sin((2 * Math.PI * (hour - 9)) / 24)) * weekend;
}

/** Business-hours share for sales (weekdays, 08:00–18:00 UTC mostly); its weekly mean is 1. */
function salesHours(t) {
  const hour = (t % DAY) / 3600;
  const weekday = new Date(t * 1000).getUTCDay();
  if (weekday === 0 || weekday === 6) {
    return 0.07;
  }
  return hour >= 8 && hour < 18 ? 3 : 0.2;
}

export function createModel({ seed, start }) {
  const startSeconds = Math.floor(start / 1000);
  const incidentCache = new Map();

  /** The incident scheduled for `service` on UTC day `day`, or null. */
  function scheduledIncident(service, day) {
    const key = `${service}:${day}`;
    if (!incidentCache.has(key)) {
      const u = (i) => unit(seed, `incident:${service}`, day * 8 + i);
      const incident =
        u(0) < 0.4
          ? {
              service,
              kind: INCIDENT_KINDS[Math.floor(u(1) * INCIDENT_KINDS.length)],
              from: day * DAY + Math.floor((u(2) * DAY) / 60) * 60,
              durationSeconds: (20 + Math.floor(u(3) * 80)) * 60,
              factor: 2.5 + 1.5 * u(4),
              errorRatio: 0.04 + 0.08 * u(5),
            }
          : null;
      incidentCache.set(key, incident);
    }
    return incidentCache.get(key);
  }

  /** The incident in progress on `service` at t, or null (one may spill over from the day before). */
  function incidentAt(service, t) {
    const day = Math.floor(t / DAY);
    for (const d of [day, day - 1]) {
      const incident = scheduledIncident(service, d);
      if (incident && t >= incident.from && t < incident.from + incident.durationSeconds) {
        return incident;
      }
    }
    return null;
  }

  /** Every incident that overlaps [from, to) seconds, sorted by start: for annotations and reports. */
  function incidentsBetween(from, to) {
    const found = [];
    for (let day = Math.floor(from / DAY) - 1; day <= Math.floor(to / DAY); day++) {
      for (const { name } of SERVICES) {
        const incident = scheduledIncident(name, day);
        if (incident && incident.from < to && incident.from + incident.durationSeconds > from) {
          found.push(incident);
        }
      }
    }
    return found.sort((a, b) => a.from - b.from || a.service.localeCompare(b.service));
  }

  /** Support backlog: one to two days of slow replies, in about half the weeks. */
  function backlogAt(t) {
    const week = Math.floor((t - 4 * DAY) / (7 * DAY)); // weeks from Monday 00:00 UTC
    const u = (i) => unit(seed, 'backlog', week * 4 + i);
    if (u(0) >= 0.5) {
      return 0;
    }
    const from = (week * 7 + 4) * DAY + Math.floor(u(1) * 5) * DAY + 9 * 3600;
    const to = from + (1 + Math.round(u(2))) * DAY;
    return t >= from && t < to ? 40 : 0;
  }

  const days = (t) => (t - startSeconds) / DAY;
  const noise = (key, t, period) => smooth(seed, key, t, period);
  const mrrSlope = 2500 * (0.9 + 0.2 * unit(seed, 'mrr-slope', 0));

  function business(t) {
    const d = days(t);
    const load = traffic(t);
    return {
      mrr: 1_500_000 + mrrSlope * d + 6000 * noise('mrr', t, 6 * 3600) + 15000 * noise('mrr-slow', t, 5 * DAY),
      signupsPerDay: Math.max(0, ((440 + 1.6 * d) * load * (1 + 0.15 * noise('signups', t, 3 * 3600))) / WEEKLY_TRAFFIC),
      conversionPct: 3.1 + 0.01 * d + 0.15 * noise('conversion', t, 8 * 3600) + 0.05 * (load - 1),
      churnPct: Math.max(0.5, 4.2 - 0.012 * d + 0.12 * noise('churn', t, 12 * 3600) + 0.1 * noise('churn-slow', t, 7 * DAY)),
      nps: 32 + 0.06 * d + 2.5 * noise('nps', t, DAY),
      replyMinutes: Math.max(3, 26 + 0.12 * d + 18 * (load - 1) + 6 * noise('reply', t, 2 * 3600) + backlogAt(t)),
      dealsPerDay: Math.max(0, (12 + 0.05 * d) * salesHours(t) * (1 + 0.3 * noise('deals', t, 2 * 3600))),
    };
  }

  function service(spec, t) {
    const d = days(t);
    const load = traffic(t);
    const incident = incidentAt(spec.name, t);
    const baseP95 = (spec.p95Ms + spec.driftMsPerDay * d) * (0.8 + 0.25 * load) * (1 + 0.08 * noise(`p95:${spec.name}`, t, 1800));
    const latencyFactor = !incident ? 1 : incident.kind === 'latency' ? incident.factor : incident.kind === 'outage' ? 2 : 1.3;
    const floorMs = incident?.kind === 'latency' ? 450 + 150 * (incident.factor - 2.5) : 0;
    const baseErrors = Math.max(0, 0.002 + 0.0015 * noise(`errors:${spec.name}`, t, 3600));
    const errorRatio = !incident ? baseErrors : incident.kind === 'errors' ? incident.errorRatio : incident.kind === 'outage' ? 0.3 : baseErrors * 2;
    return {
      rps: spec.rps * load * (1 + 0.1 * noise(`rps:${spec.name}`, t, 900)),
      p95Ms: Math.max(baseP95 * latencyFactor, floorMs),
      errorRatio,
      outage: incident?.kind === 'outage',
      incident,
    };
  }

  /** The probe of `name` at the 15 s slot holding t: 1 up, 0 down (70 % down during an outage). */
  function probeUp(name, t) {
    const slot = Math.floor(t / 15);
    const incident = incidentAt(name, slot * 15);
    return incident?.kind === 'outage' && unit(seed, `probe:${name}`, slot) < 0.7 ? 0 : 1;
  }

  /** Share of the probes up in the minute holding t, in percent. */
  function availabilityPct(name, t) {
    const minute = Math.floor(t / 60) * 60;
    let up = 0;
    for (let i = 0; i < 4; i++) {
      up += probeUp(name, minute + 15 * i);
    }
    return (100 * up) / 4;
  }

  /** Latency CDF at `le` seconds for a p95 of `p95Ms`. */
  function latencyShare(p95Ms, le) {
    const median = p95Ms / 1000 / P95_FACTOR;
    return normalCdf(Math.log(le / median) / SIGMA);
  }

  /** Mean latency (seconds) of the log-normal with that p95. */
  function meanLatency(p95Ms) {
    return (p95Ms / 1000 / P95_FACTOR) * Math.exp((SIGMA * SIGMA) / 2);
  }

  return {
    seed,
    startSeconds,
    business,
    service,
    probeUp,
    availabilityPct,
    latencyShare,
    meanLatency,
    incidentAt,
    incidentsBetween,
  };
}
