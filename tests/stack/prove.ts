/**
 * The compose stack, proven piece by piece without Docker (`npm run stack:prove`; .ci/run calls it).
 * Needs `docker-compose` (1.29, Debian), `promtool` and `prometheus` (Debian's prometheus) and PostgreSQL's
 * server binaries; .ci/run installs them. Bounded: every step has a timeout, the whole run STACK_PROVE_TIMEOUT
 * seconds (default 280), and every process it starts is stopped by PID (PostgreSQL with pg_ctl stop on its data
 * directory), also on failure.
 *
 *  1. docker-compose config -q, promtool check config, kpi-sim's own tests.
 *  2. Dashboards: every OKR Overlay panel's options through the plugin's migration and validator (dashboards.ts);
 *     plugin.json info.links; dist/ has no broken relative links (links.ts).
 *  3. PostgreSQL (initdb in a temp dir, 127.0.0.1, a free port) with provisioning/postgres/init.sql; kpi-sim
 *     `serve` as compose runs it (--backfill-dir, --sql-backfill, --postgres) on a free port, with --start
 *     three days ago: its weekly OpenMetrics files go through promtool into a Prometheus (free port) that
 *     scrapes it with provisioning/prometheus/prometheus.yml.
 *  4. Every provisioned PromQL query, with the step and $__rate_interval Grafana gives it on first load of its
 *     dashboard's range (a quarter: a step of hours), returns series with data; every SQL query, its macros
 *     expanded for the backfilled range, returns the columns the panel reads; kpi-sim inserts rows live.
 */
import '../bench/dom';

import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import Papa from 'papaparse';

import type { DataFrame } from '@grafana/data';

import {
  annotationQueries,
  datasourceUids,
  expandPromQL,
  loadDashboards,
  okrPanels,
  panelProblems,
  PanelForProof,
  queriesOf,
  Query,
} from './dashboards';
import { evaluatePanel, promFrames, sqlFrame } from './evaluate';
import { renderPanels } from './render';
import { distLinkProblems, pluginJsonLinkProblems } from './links';
import { freePort, hasCommand, httpOk, run, start, stopAll, waitFor } from './processes';
import { expandSqlMacros } from './sqlMacros';

const ROOT = path.resolve(__dirname, '../..');
const TIMEOUT_S = Number(process.env.STACK_PROVE_TIMEOUT ?? 280);
/** The history's start: 3 days ago (on the hour), or STACK_PROVE_BACKFILL_DAYS; `quarter`: the quarter's start, as compose. */
const BACKFILL_START =
  process.env.STACK_PROVE_BACKFILL_DAYS === 'quarter'
    ? Date.UTC(new Date().getUTCFullYear(), Math.floor(new Date().getUTCMonth() / 3) * 3, 1)
    : Math.floor(Date.now() / 3600_000) * 3600_000 - Number(process.env.STACK_PROVE_BACKFILL_DAYS ?? 3) * 86400_000;
const BACKFILL_DAYS = (Date.now() - BACKFILL_START) / 86400_000;
const results: Array<{ step: string; seconds: number; detail: string }> = [];

async function step(name: string, body: () => Promise<string> | string): Promise<void> {
  const started = Date.now();
  const detail = await body();
  results.push({ step: name, seconds: (Date.now() - started) / 1000, detail });
  console.log(`ok  ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ''}`);
}

function fail(problems: string[]): void {
  if (problems.length > 0) {
    throw new Error(problems.join('\n'));
  }
}

function pgBinDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) {
    throw new Error('no PostgreSQL server in /usr/lib/postgresql: apt-get install postgresql');
  }
  return path.join(base, versions[0], 'bin');
}

async function main(): Promise<void> {
  for (const command of ['docker-compose', 'promtool', 'prometheus']) {
    if (!hasCommand(command)) {
      throw new Error(`${command} is missing: apt-get install -y docker-compose prometheus (.ci/run does)`);
    }
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'okr-stack-'));
  chmodSync(tmp, 0o755);
  try {
    await prove(tmp);
  } finally {
    await stopAll();
    runExitHooks();
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function prove(tmp: string): Promise<void> {
  await step('docker-compose config -q', () =>
    run('docker-compose', ['-f', path.join(ROOT, 'docker-compose.yml'), 'config', '-q']).trim()
  );
  await step('promtool check config', () => {
    run('promtool', ['check', 'config', path.join(ROOT, 'provisioning/prometheus/prometheus.yml')]);
    return '';
  });
  await step(
    'kpi-sim tests',
    () => run(process.execPath, ['--test', path.join(ROOT, 'kpi-sim/test/')]).match(/# pass \d+/)?.[0] ?? ''
  );

  const dashboards = loadDashboards();
  await step('dashboards: options through the plugin migration and validator', () => {
    const uids = datasourceUids();
    const problems = dashboards.flatMap((d) =>
      okrPanels(d).flatMap((p) => panelProblems(p, uids).map((m) => `${d.file} "${p.title}": ${m}`))
    );
    fail(problems);
    return `${dashboards.length} dashboards, ${dashboards.reduce((n, d) => n + okrPanels(d).length, 0)} panels`;
  });
  await step('plugin.json info.links, dist/ relative links', () => {
    fail([...pluginJsonLinkProblems(path.join(ROOT, 'plugin.json')), ...distLinkProblems(path.join(ROOT, 'dist'))]);
    return '';
  });

  const [pgPort, simPort, promPort] = [await freePort(), await freePort(), await freePort()];
  const pg = await startPostgres(tmp, pgPort);
  const startIso = new Date(BACKFILL_START).toISOString();
  let incidents: Incident[] = [];
  let seed = 0;
  await step('a seed with an incident on the Ops dashboard (its last 24 h)', () => {
    ({ seed, incidents } = seedWithIncident(startIso));
    return `seed ${seed}: ${incidents.map((i) => `${i.service} ${i.kind} at ${i.from}`).join(', ')}`;
  });
  const omDir = path.join(tmp, 'backfill');
  await step(
    `kpi-sim serve: ${BACKFILL_DAYS.toFixed(1)} days of backfill (OpenMetrics by week, PostgreSQL rows)`,
    async () => {
      start(
        'kpi-sim',
        process.execPath,
        [
          path.join(ROOT, 'kpi-sim/src/cli.js'),
          'serve',
          '--host',
          '127.0.0.1',
          '--port',
          String(simPort),
          '--seed',
          String(seed),
          '--start',
          startIso,
          '--backfill-dir',
          omDir,
          '--sql-backfill',
          '--postgres',
          pg.url,
        ],
        path.join(tmp, 'kpi-sim.log')
      );
      await waitFor('kpi-sim /healthz', httpOk(`http://127.0.0.1:${simPort}/healthz`), 90_000);
      return readdirSync(omDir)
        .filter((f) => f.endsWith('.om'))
        .join(', ');
    }
  );
  await step('promtool tsdb create-blocks-from openmetrics, per weekly file', () => {
    for (const file of readdirSync(omDir).filter((f) => f.endsWith('.om'))) {
      run('promtool', [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        '--max-block-duration=24h',
        path.join(omDir, file),
        path.join(tmp, 'prometheus'),
      ]);
    }
    return '';
  });
  await step('Prometheus on the backfill, scraping kpi-sim', async () => {
    const config = readFileSync(path.join(ROOT, 'provisioning/prometheus/prometheus.yml'), 'utf8')
      .replace('kpi-sim:9464', `127.0.0.1:${simPort}`)
      .replace('localhost:9090', `127.0.0.1:${promPort}`);
    writeFileSync(path.join(tmp, 'prometheus.yml'), config);
    start(
      'prometheus',
      'prometheus',
      [
        `--config.file=${path.join(tmp, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(tmp, 'prometheus')}`,
        `--web.listen-address=127.0.0.1:${promPort}`,
        '--storage.tsdb.retention.time=200d',
      ],
      path.join(tmp, 'prometheus.log')
    );
    await waitFor('Prometheus /-/ready', httpOk(`http://127.0.0.1:${promPort}/-/ready`), 60_000);
    await waitFor(
      'a live scrape of kpi-sim',
      async () => (await promQuery(promPort, 'up{job="kpi-sim"} == 1')).length === 1,
      45_000
    );
    return 'up{job="kpi-sim"} == 1';
  });

  const queries = dashboards.flatMap(queriesOf);
  const promQueries = queries.filter((q) => q.kind === 'promql');
  const frames = new Map<PanelForProof, DataFrame[]>();
  const addFrames = (query: Query, more: DataFrame[]) =>
    frames.set(query.owner, [...(frames.get(query.owner) ?? []), ...more]);
  await step(`PromQL of the dashboards (${promQueries.length} queries)`, async () => {
    const lines = [];
    for (const query of promQueries) {
      const { line, result } = await checkPromQL(promPort, query);
      lines.push(line);
      addFrames(query, promFrames(query.refId, query.legendFormat, result));
    }
    return `\n    ${lines.join('\n    ')}`;
  });
  await step('SQL of the dashboards, macros expanded', () => {
    const from = new Date(startIso);
    const lines = queries
      .filter((q) => q.kind === 'sql')
      .map((q) => {
        const { line, header, rows } = checkSql(pg, q, from);
        addFrames(q, [sqlFrame(q.refId, q.format, header, rows)]);
        return line;
      });
    return `\n    ${lines.join('\n    ')}`;
  });
  await step('annotation SQL of the dashboards: the incidents kpi-sim recorded', () => {
    const lines = dashboards.flatMap((dashboard) =>
      annotationQueries(dashboard).map((annotation) => {
        const where = `${dashboard.title} / annotation ${annotation.name}`;
        const range = panelRange(dashboard.time.from);
        const sql = expandSqlMacros(annotation.sql, {
          from: new Date(range.from),
          to: new Date(range.to),
          interval: '1m',
          intervalMs: 60_000,
        });
        const [header, ...rows] = Papa.parse<string[]>(pg.psql(sql, true).trim(), { skipEmptyLines: true }).data;
        const inRange = incidents.filter((i) => Date.parse(i.from) >= range.from).length;
        fail([
          ...(annotation.uid && datasourceUids().has(annotation.uid)
            ? []
            : [`${where}: datasource uid ${annotation.uid}`]),
          ...(JSON.stringify(header) === JSON.stringify(ANNOTATION_COLUMNS)
            ? []
            : [`${where}: columns ${header?.join(', ')}`]),
          ...(rows.length >= inRange ? [] : [`${where}: ${rows.length} rows, but ${inRange} incidents in the range`]),
        ]);
        return `${where}: ${rows.length} incidents`;
      })
    );
    return `\n    ${lines.join('\n    ')}`;
  });
  const breaches = new Map<string, Record<string, number>>();
  await step('every panel evaluated by the plugin core on those results', () => {
    const lines = dashboards.flatMap((dashboard) =>
      okrPanels(dashboard).map((panel) => {
        const evaluated = evaluatePanel(panel, frames.get(panel) ?? [], panelRange(dashboard.time.from));
        fail(evaluated.problems.map((m) => `${dashboard.title} / ${panel.title}: ${m}`));
        breaches.set(panel.title, evaluated.breaches);
        return `${dashboard.title} / ${panel.title}: ${evaluated.count} key results (${evaluated.statuses.join(', ')})`;
      })
    );
    return `\n    ${lines.join('\n    ')}`;
  });
  await step('every panel rendered in the Scenes host with those frames (the built dist/module.js)', async () => {
    const panels = dashboards.flatMap((dashboard) =>
      okrPanels(dashboard).map((panel) => {
        const range = panelRange(dashboard.time.from);
        const panelFrames = frames.get(panel) ?? [];
        return {
          dashboard: dashboard.title,
          panel,
          frames: panelFrames,
          range,
          keyResults: evaluatePanel(panel, panelFrames, range).count,
        };
      })
    );
    const lines = await renderPanels(panels, process.env.STACK_SHOTS);
    return `\n    ${lines.join('\n    ')}`;
  });
  await step("kpi-sim's scheduled incidents breach the Ops key results", () => {
    const lines = incidents.map((incident) => {
      const panel = OPS_PANEL_BY_INCIDENT[incident.kind];
      const entry = Object.entries(breaches.get(panel) ?? {}).find(([title]) =>
        title.endsWith(`: ${incident.service}`)
      );
      if (!entry || entry[1] < 1) {
        throw new Error(
          `${incident.service} ${incident.kind} incident at ${incident.from}: no breach on "${panel}" (${JSON.stringify(breaches.get(panel))})`
        );
      }
      return `${incident.service} ${incident.kind} at ${incident.from}: "${entry[0]}" has ${entry[1]} breach(es)`;
    });
    return `\n    ${lines.join('\n    ')}`;
  });
  await step('kpi-sim writes a row per KPI every minute', async () => {
    const count = async () =>
      Number(
        pg.psql("SELECT count(*) FROM kpi WHERE time >= date_trunc('minute', now()) - interval '1 minute'").trim()
      );
    await waitFor('rows of the current minute', async () => (await count()) >= 23, 70_000);
    return `${await count()} rows in the last minute`;
  });
}

interface Pg {
  url: string;
  psql: (sql: string, csv?: boolean) => string;
}

async function startPostgres(tmp: string, port: number): Promise<Pg> {
  const bin = pgBinDir();
  const dataDir = path.join(tmp, 'pg');
  mkdirSync(dataDir);
  const asRoot = process.getuid?.() === 0;
  const asPostgres = (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args])
      : run(path.join(bin, command), args);
  if (asRoot) {
    const ids = run('id', ['postgres']).match(/uid=(\d+).*gid=(\d+)/);
    chownSync(dataDir, Number(ids?.[1]), Number(ids?.[2]));
  }
  const url = `postgres://grafana@127.0.0.1:${port}/kpis`;
  const psql = (sql: string, csv = false) =>
    run(path.join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', csv ? '--csv' : '-At', '-d', url, '-c', sql]);
  await step('PostgreSQL: initdb, pg_ctl start on 127.0.0.1, init.sql', () => {
    asPostgres('initdb', ['-D', dataDir, '-U', 'grafana', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    asPostgres('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      path.join(dataDir, 'log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${dataDir} -c fsync=off`,
      'start',
    ]);
    stopAtExit(() => asPostgres('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']));
    run(path.join(bin, 'psql'), [
      '-X',
      '-q',
      '-d',
      `postgres://grafana@127.0.0.1:${port}/postgres`,
      '-c',
      'CREATE DATABASE kpis',
    ]);
    run(path.join(bin, 'psql'), [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-d',
      url,
      '-f',
      path.join(ROOT, 'provisioning/postgres/init.sql'),
    ]);
    return `postmaster PID ${readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]}`;
  });
  return { url, psql };
}

const exitHooks: Array<() => void> = [];
function stopAtExit(hook: () => void): void {
  exitHooks.push(hook);
}

/** Runs each hook once (PostgreSQL's pg_ctl stop), even when one fails. */
function runExitHooks(): void {
  for (const hook of exitHooks.splice(0)) {
    try {
      hook();
    } catch (error) {
      console.error(`stack proof: ${(error as Error).message}`);
    }
  }
}

async function promQuery(port: number, expr: string, range?: { start: number; end: number; step: number }) {
  const params = new URLSearchParams({
    query: expr,
    ...(range ? { start: String(range.start), end: String(range.end), step: String(range.step) } : {}),
  });
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/${range ? 'query_range' : 'query'}?${params}`);
  const body = (await response.json()) as {
    status: string;
    error?: string;
    data: { result: Array<{ metric: Record<string, string>; values?: Array<[number, string]> }> };
  };
  if (body.status !== 'success') {
    throw new Error(`${expr}: ${body.error}`);
  }
  return body.data.result;
}

interface Incident {
  service: string;
  kind: 'latency' | 'errors' | 'outage';
  from: string;
  durationSeconds: number;
}

const OPS_PANEL_BY_INCIDENT: Record<Incident['kind'], string> = {
  latency: 'p95 latency per service',
  errors: 'Error rate per service',
  outage: 'Availability per service (synthetic probes)',
};

/**
 * The first seed from 1 whose schedule has an incident well inside the Ops range (the last 24 h, over by 15 min
 * before now): which seed varies with the day, so the check below is never vacuous.
 */
function seedWithIncident(startIso: string): { seed: number; incidents: Incident[] } {
  const now = Date.now();
  const from = new Date(now - 23.5 * 3600_000).toISOString();
  const to = new Date(now - 15 * 60_000).toISOString();
  for (let seed = 1; seed <= 30; seed++) {
    const out = run(process.execPath, [
      path.join(ROOT, 'kpi-sim/src/cli.js'),
      'incidents',
      '--seed',
      String(seed),
      '--start',
      startIso,
      '--from',
      from,
      '--to',
      to,
    ]);
    const incidents = out
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Incident)
      .filter((i) => i.from >= from && Date.parse(i.from) + i.durationSeconds * 1000 <= Date.parse(to));
    if (incidents.length > 0) {
      return { seed, incidents };
    }
  }
  throw new Error('no seed from 1 to 30 schedules an incident in the last 24 h');
}

/** The dashboard's range on first load: the current quarter (UTC) for `now/fQ`, else the last N hours. */
function panelRange(from: string): { from: number; to: number } {
  const now = new Date();
  if (from === 'now/fQ') {
    const start = Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1);
    const end = Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 + 3, 1) - 1;
    return { from: start, to: end };
  }
  const hours = Number(/^now-(\d+)h$/.exec(from)?.[1] ?? 24);
  return { from: now.getTime() - hours * 3600_000, to: now.getTime() };
}

async function checkPromQL(port: number, query: Query) {
  const step = query.intervalMs / 1000;
  const end = Math.floor(Date.now() / 1000 / step) * step;
  const start = Math.max(end - query.rangeMs / 1000, BACKFILL_START / 1000 + step);
  const result = await promQuery(port, expandPromQL(query), { start: Math.ceil(start / step) * step, end, step });
  const points = result.map((s) => (s.values ?? []).filter(([, v]) => Number.isFinite(Number(v))).length);
  const expected = Math.floor((end - start) / step) - 2;
  const where = `${query.dashboard} / ${query.panel} / ${query.refId}`;
  if (result.length < (query.each ? 4 : 1) || points.some((n) => n < expected)) {
    throw new Error(
      `${where}: ${result.length} series with ${points.join(', ')} points (expected ${query.each ? 4 : 1}+ series, ${expected}+ points each)\n${expandPromQL(query)}`
    );
  }
  return { line: `${where}: step ${query.interval}, ${result.length} series × ${Math.min(...points)}+ points`, result };
}

const OKR_COLUMNS = [
  'objective',
  'key_result',
  'series',
  'period',
  'kind',
  'baseline',
  'target',
  'target_max',
  'reducer',
  'weight',
  'owner',
  'link',
  'description',
  'id',
];
const ANNOTATION_COLUMNS = ['time', 'timeend', 'text', 'tags'];
const CHECK_IN_COLUMNS = ['time', 'key_result', 'value', 'confidence', 'note', 'author'];

function checkSql(pg: Pg, query: Query, from: Date) {
  const sql = expandSqlMacros(query.text, {
    from,
    to: new Date(),
    interval: query.interval,
    intervalMs: query.intervalMs,
  });
  const parsed = Papa.parse<string[]>(pg.psql(sql, true).trim(), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const where = `${query.dashboard} / ${query.panel} / ${query.refId}`;
  const missing = (wanted: string[]) => wanted.filter((c) => !header.includes(c));
  if (query.format === 'time_series') {
    const empty = header.slice(1).filter((_c, i) => !rows.some((r) => Number.isFinite(Number.parseFloat(r[i + 1]))));
    fail([
      ...(header[0] === 'time' ? [] : [`${where}: first column ${header[0]}, not time`]),
      ...(rows.length >= 3 ? [] : [`${where}: ${rows.length} rows`]),
      ...empty.map((c) => `${where}: column ${c} has no number`),
    ]);
  } else if (query.refId === 'OKRS') {
    fail([
      ...missing(OKR_COLUMNS).map((c) => `${where}: no column ${c}`),
      ...(rows.length >= 9 ? [] : [`${where}: ${rows.length} key results`]),
    ]);
  } else {
    fail(JSON.stringify(header) === JSON.stringify(CHECK_IN_COLUMNS) ? [] : [`${where}: columns ${header.join(', ')}`]);
  }
  return {
    line: `${where}: ${header.length} columns (${header.slice(0, 4).join(', ')}…), ${rows.length} rows`,
    header,
    rows,
  };
}

const started = Date.now();
const deadline = setTimeout(() => {
  console.error(`stack proof: over ${TIMEOUT_S} s; stopping`);
  void stopAll().finally(() => {
    runExitHooks();
    process.exit(1);
  });
}, TIMEOUT_S * 1000);

main()
  .then(() => {
    console.log(`stack proof: ${results.length} steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  })
  .catch((error: Error) => {
    console.error(`stack proof FAILED: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(() => {
    clearTimeout(deadline);
  });
