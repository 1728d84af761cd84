/**
 * The KPIs as PostgreSQL rows of the `kpi` table (time, name, service, value): the same instant of the
 * same model as /metrics, in the units a SQL panel shows. Business KPIs have service '' (empty), ops KPIs
 * one row per service.
 */
import { SERVICES } from './model.js';
import { stateAt } from './series.js';

export const BUSINESS_KPIS = {
  mrr: (b) => b.mrr,
  signups_per_day: (b) => b.signupsPerDay,
  conversion_rate_pct: (b) => b.conversionPct,
  churn_pct: (b) => b.churnPct,
  nps: (b) => b.nps,
  support_reply_minutes: (b) => b.replyMinutes,
  deals_closed_per_day: (b) => b.dealsPerDay,
};

export function kpiRows(model, t) {
  const state = stateAt(model, t);
  const time = new Date(t * 1000);
  const rows = Object.entries(BUSINESS_KPIS).map(([name, read]) => ({ time, name, service: '', value: read(state.business) }));
  for (const { name: service } of SERVICES) {
    const ops = state.services[service];
    rows.push(
      { time, name: 'p95_latency_ms', service, value: ops.p95Ms },
      { time, name: 'error_rate_pct', service, value: 100 * ops.errorRatio },
      { time, name: 'availability_pct', service, value: model.availabilityPct(service, t) },
      { time, name: 'requests_per_second', service, value: ops.rps }
    );
  }
  return rows;
}
