#!/usr/bin/env node
/**
 * kpi-sim: simulated business and ops KPIs for OKR Overlay (top-level README, "The KPI simulator").
 *
 *   kpi-sim [serve] --port 9464 --seed 1               Prometheus /metrics (and /healthz), live
 *           [--postgres URL | PG* / DATABASE_URL env]   + a row per KPI every minute into table kpi
 *           [--sql-backfill]                            + first, the rows from --start to now (--sql-step)
 *           [--backfill-dir DIR]                        + first, OpenMetrics files by week from --start to now
 *   kpi-sim backfill --out DIR [--from T] [--to T]      OpenMetrics files by week, for promtool: a sample
 *           [--step 300 --fine-step 60 --fine-hours 48]   every 300 s, every 60 s in the last 48 h
 *           [--postgres URL]                            and/or the rows into PostgreSQL
 *   kpi-sim incidents [--from T] [--to T]               the scheduled incidents, as JSON lines
 *
 * Times: ISO 8601, `now`, or `quarter` (the start of the current UTC quarter). Everything is a pure function
 * of --seed and --start (default: `quarter`), so two runs with the same pair agree sample for sample.
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import client from 'prom-client';

import { createModel } from './model.js';
import { writeBackfill } from './openmetrics.js';
import { backfillPostgres, connectPostgres, insertRows, recordIncidents } from './postgres.js';
import { kpiRows } from './rows.js';
import { createSampler } from './series.js';

const OPTIONS = {
  port: { type: 'string', default: process.env.KPI_SIM_PORT ?? '9464' },
  host: { type: 'string', default: process.env.KPI_SIM_HOST ?? '0.0.0.0' },
  seed: { type: 'string', default: process.env.KPI_SIM_SEED ?? '1' },
  start: { type: 'string', default: process.env.KPI_SIM_START ?? 'quarter' },
  from: { type: 'string' },
  to: { type: 'string', default: 'now' },
  out: { type: 'string' },
  step: { type: 'string', default: '300' },
  'fine-step': { type: 'string', default: '60' },
  'fine-hours': { type: 'string', default: '48' },
  'sql-step': { type: 'string', default: '300' },
  labels: { type: 'string', default: 'job=kpi-sim,instance=kpi-sim' },
  postgres: { type: 'string', default: process.env.KPI_SIM_POSTGRES ?? process.env.DATABASE_URL },
  'sql-backfill': { type: 'boolean', default: false },
  'backfill-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export function parseTime(text, now = Date.now()) {
  if (text === 'now') {
    return now;
  }
  if (text === 'quarter') {
    const d = new Date(now);
    return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    throw new Error(`'${text}' is not a time: use ISO 8601 (2026-10-01T00:00:00Z), 'now' or 'quarter'`);
  }
  return ms;
}

function positive(name, text) {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`--${name} ${text}: must be a positive number`);
  }
  return value;
}

const backfillSteps = (args) => ({
  step: positive('step', args.step),
  fineStep: positive('fine-step', args['fine-step']),
  fineSeconds: Number(args['fine-hours']) * 3600,
});

const parseLabels = (text) =>
  Object.fromEntries(
    text
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('='))
  );

const log = (message) => console.log(`kpi-sim: ${message}`);

/** A prom-client registry whose families read the model at scrape time. */
export function createRegistry(sampler, now = () => Date.now()) {
  const registry = new client.Registry();
  let scrape = { at: NaN, values: null };
  const valuesNow = () => {
    const t = now() / 1000;
    if (scrape.at !== t) {
      scrape = { at: t, values: sampler.valuesAt(t) };
    }
    return scrape.values;
  };
  let index = 0;
  for (const family of sampler.families) {
    const first = index;
    index += family.series.length;
    registry.registerMetric({
      name: family.type === 'counter' ? `${family.name}_total` : family.name,
      help: family.help,
      type: family.type,
      get: () => {
        const values = valuesNow();
        return {
          name: family.type === 'counter' ? `${family.name}_total` : family.name,
          help: family.help,
          type: family.type,
          values: family.series.map((s, i) => ({ metricName: s.sample, labels: s.labels, value: values[first + i] })),
        };
      },
      reset: () => {},
    });
  }
  return registry;
}

async function withRetries(what, attempt, tries = 30) {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= tries) {
        throw error;
      }
      log(`${what} failed (${error.message}); retrying in 2 s`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

async function serve(args, model, sampler) {
  const ready = { metrics: false, backfill: !args['backfill-dir'], postgres: !args.postgres && !process.env.PGHOST };
  const registry = createRegistry(sampler);
  const server = createServer(async (req, res) => {
    if (req.url === '/metrics') {
      res.writeHead(200, { 'Content-Type': registry.contentType });
      res.end(await registry.metrics());
    } else if (req.url === '/healthz') {
      const ok = Object.values(ready).every(Boolean);
      res.writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(ready));
    } else {
      res.writeHead(404).end('kpi-sim: /metrics, /healthz\n');
    }
  });
  sampler.valuesAt(Date.now() / 1000); // integrates the counters from --start once, before the first scrape
  const port = Number(args.port);
  await new Promise((resolve) => server.listen(port, args.host, resolve));
  ready.metrics = true;
  log(`serving http://${args.host}:${server.address().port}/metrics (seed ${model.seed}, start ${new Date(model.startSeconds * 1000).toISOString()})`);

  let pgClient = null;
  let timer = null;
  const stop = async () => {
    clearTimeout(timer);
    server.close();
    await pgClient?.end().catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  const nowSeconds = Math.floor(Date.now() / 1000);
  const backfillDone = args['backfill-dir'] && existsSync(path.join(args['backfill-dir'], 'DONE'));
  if (backfillDone) {
    log(`backfill: ${args['backfill-dir']}/DONE exists, not written again (remove the directory to redo it)`);
    ready.backfill = true;
  } else if (args['backfill-dir']) {
    const dir = args['backfill-dir'];
    const started = Date.now();
    const { files, samples } = await writeBackfill({
      sampler: createSampler(model),
      from: model.startSeconds,
      to: nowSeconds,
      ...backfillSteps(args),
      dir,
      labels: parseLabels(args.labels),
    });
    await writeFile(path.join(dir, 'DONE'), JSON.stringify({ from: model.startSeconds, to: nowSeconds, files: files.map((f) => path.basename(f)) }));
    log(`backfill: ${files.length} weekly OpenMetrics files, ${samples} samples, in ${Date.now() - started} ms (${dir})`);
    ready.backfill = true;
  }
  if (!ready.postgres) {
    pgClient = await withRetries('connecting to PostgreSQL', () => connectPostgres(args.postgres));
    if (args['sql-backfill']) {
      const rows = await backfillPostgres(pgClient, model, { from: model.startSeconds, to: nowSeconds, step: positive('sql-step', args['sql-step']) });
      log(`PostgreSQL backfill: ${rows} rows`);
    }
    ready.postgres = true;
    const tick = async () => {
      const minute = Math.floor(Date.now() / 60000) * 60;
      try {
        await insertRows(pgClient, kpiRows(model, minute));
        await recordIncidents(pgClient, model, { from: minute - 3600, to: minute + 60 });
      } catch (error) {
        log(`PostgreSQL insert failed: ${error.message}`);
      }
      timer = setTimeout(tick, 60000 - (Date.now() % 60000));
    };
    await tick();
    log('PostgreSQL: a row per KPI every minute into table kpi, incidents as they start into table incidents');
  }
}

async function main() {
  const { values: args, positionals } = parseArgs({ options: OPTIONS, allowPositionals: true });
  const command = positionals[0] ?? 'serve';
  if (args.help || !['serve', 'backfill', 'incidents'].includes(command)) {
    const header = (await import('node:fs')).readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0];
    console.log(
      header
        .split('\n')
        .filter((line) => line.startsWith(' *'))
        .map((line) => line.replace(/^ \* ?/, ''))
        .join('\n')
    );
    process.exit(args.help ? 0 : 2);
  }
  const now = Date.now();
  const model = createModel({ seed: Math.trunc(Number(args.seed)), start: parseTime(args.start, now) });
  const sampler = createSampler(model);
  const from = Math.max(model.startSeconds, Math.floor(parseTime(args.from ?? args.start, now) / 1000));
  const to = Math.floor(parseTime(args.to, now) / 1000);

  if (command === 'serve') {
    return serve(args, model, sampler);
  }
  if (command === 'incidents') {
    for (const incident of model.incidentsBetween(from, to)) {
      console.log(JSON.stringify({ ...incident, from: new Date(incident.from * 1000).toISOString() }));
    }
    return;
  }
  if (!args.out && !args.postgres) {
    throw new Error('backfill needs --out DIR (OpenMetrics files) and/or --postgres URL (rows)');
  }
  if (args.out) {
    const started = Date.now();
    const { files, samples } = await writeBackfill({ sampler, from, to, ...backfillSteps(args), dir: args.out, labels: parseLabels(args.labels) });
    log(`${files.length} weekly OpenMetrics files, ${samples} samples, in ${Date.now() - started} ms`);
    files.forEach((file) => console.log(file));
  }
  if (args.postgres) {
    const pgClient = await connectPostgres(args.postgres);
    const rows = await backfillPostgres(pgClient, model, { from, to, step: positive('sql-step', args['sql-step']) });
    await pgClient.end();
    log(`PostgreSQL: ${rows} rows`);
  }
}

main().catch((error) => {
  console.error(`kpi-sim: ${error.message}`);
  process.exit(1);
});
