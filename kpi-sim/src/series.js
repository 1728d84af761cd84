/**
 * The model as Prometheus metric families: one flat list of series and, for an instant t, one value per
 * series. Gauges are read from the model at t; counters (requests, histogram buckets, signups, deals) are
 * the model's rates integrated minute by minute from --start, so a counter is a pure function of t too:
 * value(t) = Σ rate(minute k)·60 over the whole minutes since --start + rate(current minute)·(seconds into it).
 * rate() over any window of the backfill or of live scrapes therefore gives back the model's rates.
 *
 * The integration walks forward with a cursor: the backfill and a live server ask for increasing times;
 * asking for an earlier time restarts from --start (a quarter is about 131 000 minutes: well under a second).
 */
import { BUCKETS, SERVICES } from './model.js';

const formatLe = (le) => (Number.isInteger(le) ? `${le}.0` : String(le));

/** Metric families: name, help, type, and their series (sample name, labels, how the value is made). */
export function describeFamilies() {
  const business = [
    ['okr_mrr_dollars', 'Monthly recurring revenue in US dollars.', 'gauge', (s) => s.business.mrr],
    ['okr_conversion_rate_percent', 'Trial-to-paid conversion rate, percent.', 'gauge', (s) => s.business.conversionPct],
    ['okr_churn_rate_percent', 'Monthly customer churn, percent.', 'gauge', (s) => s.business.churnPct],
    ['okr_nps_score', 'Net promoter score (-100 to 100).', 'gauge', (s) => s.business.nps],
    ['okr_support_first_reply_minutes', 'Median first reply time of support tickets, minutes.', 'gauge', (s) => s.business.replyMinutes],
  ].map(([name, help, type, gauge]) => ({ name, help, type, series: [{ sample: name, labels: {}, gauge }] }));
  const counters = [
    ['okr_signups', 'New sign-ups.', (s) => s.business.signupsPerDay / 86400],
    ['okr_deals_closed', 'Sales deals closed.', (s) => s.business.dealsPerDay / 86400],
  ].map(([name, help, rate]) => ({ name, help, type: 'counter', series: [{ sample: `${name}_total`, labels: {}, rate }] }));

  const requests = { name: 'http_requests', help: 'HTTP requests served, by service and status code.', type: 'counter', series: [] };
  const latency = { name: 'http_request_duration_seconds', help: 'HTTP request latency, by service.', type: 'histogram', series: [] };
  const probes = { name: 'probe_success', help: 'Synthetic probe of the service: 1 up, 0 down (every 15 s).', type: 'gauge', series: [] };
  for (const { name: service } of SERVICES) {
    const ops = (s) => s.services[service];
    requests.series.push(
      { sample: 'http_requests_total', labels: { service, code: '200' }, rate: (s) => ops(s).rps * (1 - ops(s).errorRatio) },
      { sample: 'http_requests_total', labels: { service, code: '500' }, rate: (s) => ops(s).rps * ops(s).errorRatio }
    );
    for (const le of BUCKETS) {
      latency.series.push({
        sample: 'http_request_duration_seconds_bucket',
        labels: { service, le: formatLe(le) },
        rate: (s, model) => ops(s).rps * model.latencyShare(ops(s).p95Ms, le),
      });
    }
    latency.series.push(
      { sample: 'http_request_duration_seconds_bucket', labels: { service, le: '+Inf' }, rate: (s) => ops(s).rps },
      { sample: 'http_request_duration_seconds_sum', labels: { service }, rate: (s, model) => ops(s).rps * model.meanLatency(ops(s).p95Ms) },
      { sample: 'http_request_duration_seconds_count', labels: { service }, rate: (s) => ops(s).rps }
    );
    probes.series.push({ sample: 'probe_success', labels: { service }, probe: service });
  }
  return [...business, ...counters, requests, latency, probes];
}

/** The model's state at t (seconds): what every series reads. */
export function stateAt(model, t) {
  const services = {};
  for (const { name, ...spec } of SERVICES) {
    services[name] = model.service({ name, ...spec }, t);
  }
  return { business: model.business(t), services };
}

export function createSampler(model) {
  const families = describeFamilies();
  const series = families.flatMap((family) => family.series);
  const counters = series.filter((s) => s.rate);
  const origin = model.startSeconds - (model.startSeconds % 60);
  const cursor = { minute: 0, cumulative: new Float64Array(counters.length), rates: null };

  const ratesAt = (minute) => {
    const state = stateAt(model, origin + minute * 60);
    return Float64Array.from(counters, (c) => c.rate(state, model));
  };

  function seek(minute) {
    if (minute < cursor.minute) {
      cursor.minute = 0;
      cursor.cumulative.fill(0);
      cursor.rates = null;
    }
    cursor.rates ??= ratesAt(cursor.minute);
    while (cursor.minute < minute) {
      for (let i = 0; i < counters.length; i++) {
        cursor.cumulative[i] += cursor.rates[i] * 60;
      }
      cursor.minute++;
      cursor.rates = ratesAt(cursor.minute);
    }
  }

  /** One value per series at t (seconds, not before --start), in `series` order. */
  function valuesAt(t) {
    const elapsed = Math.max(0, t - origin);
    const minute = Math.floor(elapsed / 60);
    seek(minute);
    const into = elapsed - minute * 60;
    const state = stateAt(model, t);
    const values = new Float64Array(series.length);
    let c = 0;
    series.forEach((s, i) => {
      if (s.rate) {
        values[i] = cursor.cumulative[c] + cursor.rates[c] * into;
        c++;
      } else if (s.probe) {
        values[i] = model.probeUp(s.probe, t);
      } else {
        values[i] = s.gauge(state);
      }
    });
    return values;
  }

  return { families, series, valuesAt };
}
