/**
 * PostgreSQL sink: the `kpi` table (created if missing, so any PostgreSQL works, not only the compose one),
 * a backfill of [from, to) at one row per KPI per `step`, and a row per KPI every minute while serving; and
 * the `incidents` table, as an incident tool would record them (a row once an incident has started), for
 * the dashboards' annotations.
 * The connection comes from --postgres URL or the standard PG* / DATABASE_URL environment (node-postgres).
 */
import pg from 'pg';

import { kpiRows } from './rows.js';

export const KPI_TABLE = `CREATE TABLE IF NOT EXISTS kpi (
  time    timestamptz NOT NULL,
  name    text        NOT NULL,
  service text        NOT NULL DEFAULT '',
  value   double precision
);
CREATE INDEX IF NOT EXISTS kpi_name_time ON kpi (name, time);
CREATE TABLE IF NOT EXISTS incidents (
  service    text        NOT NULL,
  kind       text        NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at   timestamptz NOT NULL,
  summary    text        NOT NULL,
  PRIMARY KEY (service, started_at)
);`;

const SUMMARY = {
  latency: 'slow responses (p95 × 2.5–4)',
  errors: 'elevated 5xx errors',
  outage: 'outage: probes failing',
};

/** Records the incidents that started in [from, to) seconds (again: a no-op). */
export async function recordIncidents(client, model, { from, to }) {
  const started = model.incidentsBetween(from, to).filter((i) => i.from >= from && i.from < to);
  for (const incident of started) {
    await client.query(
      'INSERT INTO incidents (service, kind, started_at, ended_at, summary) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [
        incident.service,
        incident.kind,
        new Date(incident.from * 1000),
        new Date((incident.from + incident.durationSeconds) * 1000),
        `${incident.service}: ${SUMMARY[incident.kind]}`,
      ]
    );
  }
  return started.length;
}

export async function connectPostgres(url) {
  const client = new pg.Client(url ? { connectionString: url } : undefined);
  await client.connect();
  await client.query(KPI_TABLE);
  return client;
}

export async function insertRows(client, rows) {
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000);
    await client.query(
      'INSERT INTO kpi (time, name, service, value) SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::float8[])',
      [batch.map((r) => r.time), batch.map((r) => r.name), batch.map((r) => r.service), batch.map((r) => r.value)]
    );
  }
}

/** Replaces the rows of [from, to) (seconds) with the model's, one per KPI every `step` seconds. */
export async function backfillPostgres(client, model, { from, to, step }) {
  const rows = [];
  for (let t = Math.ceil(from / step) * step; t < to; t += step) {
    rows.push(...kpiRows(model, t));
  }
  await client.query('BEGIN');
  await client.query('DELETE FROM kpi WHERE time >= $1 AND time < $2', [new Date(from * 1000), new Date(to * 1000)]);
  await insertRows(client, rows);
  await recordIncidents(client, model, { from, to });
  await client.query('COMMIT');
  return rows.length;
}
