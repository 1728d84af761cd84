/**
 * PostgreSQL sink: the `kpi` table (created if missing, so any PostgreSQL works, not only the compose one),
 * a backfill of [from, to) at one row per KPI per `step`, and a row per KPI every minute while serving.
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
CREATE INDEX IF NOT EXISTS kpi_name_time ON kpi (name, time);`;

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
  await client.query('COMMIT');
  return rows.length;
}
