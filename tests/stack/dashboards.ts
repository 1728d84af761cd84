/**
 * The provisioned dashboards, read as Grafana reads them, and checked against the plugin's own code: each
 * OKR Overlay panel's options go through the saved-panel migration (src/migrations/migrate.ts) and the
 * validator (src/okr/validate.ts); a message, a key-result problem or note, an unknown breachDirection, a
 * refId that no query has or a datasource uid that datasources.yml lacks is a failure.
 *
 * It also lists every query with the interval Grafana gives it (rangeUtil.calculateInterval: range over
 * maxDataPoints, rounded, floored by the panel's `interval`), the range being the dashboard's, so the proof
 * runs each one with the step and $__rate_interval a first load has.
 */
import '../bench/dom';

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { dateTime, rangeUtil } from '@grafana/data';
import { parse as parseYaml } from 'yaml';

import { migrateSavedPanel } from '../../src/migrations/migrate';
import { validateOptions } from '../../src/okr/validate';

const ROOT = path.resolve(__dirname, '../..');
export const DASHBOARDS_DIR = path.join(ROOT, 'provisioning/dashboards');
const PLUGIN_ID = 'okroverlay-kpi-panel';
const BREACH_DIRECTIONS = ['off', 'above', 'below'];
/** Grafana's default maxDataPoints is the panel's width in pixels; a half-screen panel is about this. */
const DEFAULT_MAX_DATA_POINTS = 1000;
/** The Prometheus datasource's timeInterval (datasources.yml): $__rate_interval's scrape interval. */
export const SCRAPE_SECONDS = 15;

interface Target {
  refId: string;
  expr?: string;
  legendFormat?: string;
  rawSql?: string;
  format?: string;
  datasource?: { uid?: string };
}

interface Panel {
  id: number;
  type: string;
  title: string;
  interval?: string;
  maxDataPoints?: number;
  datasource?: { uid?: string };
  targets?: Target[];
  options?: Record<string, unknown>;
  fieldConfig?: {
    defaults?: Record<string, unknown>;
    overrides?: Array<{
      matcher?: { id: string; options?: unknown };
      properties?: Array<{ id: string; value: unknown }>;
    }>;
  };
}

export type PanelForProof = Panel;

export interface Dashboard {
  file: string;
  title: string;
  uid: string;
  refresh?: string;
  time: { from: string; to: string };
  panels: Panel[];
  annotations?: { list?: Array<{ name: string; datasource?: { uid?: string }; target?: { rawSql?: string } }> };
}

/** The dashboard's SQL annotation queries (Grafana reads their time, timeend, text and tags columns). */
export function annotationQueries(dashboard: Dashboard): Array<{ name: string; uid?: string; sql: string }> {
  return (dashboard.annotations?.list ?? [])
    .filter((a) => a.target?.rawSql)
    .map((a) => ({ name: a.name, uid: a.datasource?.uid, sql: a.target?.rawSql ?? '' }));
}

export interface Query {
  dashboard: string;
  panel: string;
  refId: string;
  kind: 'promql' | 'sql';
  text: string;
  format?: string;
  /** The dashboard's range length on first load, and the interval Grafana computes for it. */
  rangeMs: number;
  intervalMs: number;
  interval: string;
  /** What the panel needs: one series per service for an `each` panel. */
  each: boolean;
  legendFormat: string;
  owner: Panel;
}

export function loadDashboards(): Dashboard[] {
  return readdirSync(DASHBOARDS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...JSON.parse(readFileSync(path.join(DASHBOARDS_DIR, file), 'utf8')) }));
}

export function datasourceUids(): Set<string> {
  const yml = parseYaml(readFileSync(path.join(ROOT, 'provisioning/datasources/datasources.yml'), 'utf8'));
  return new Set((yml.datasources as Array<{ uid: string }>).map((d) => d.uid));
}

/** Problems with one panel's options and field config, as text (empty: the plugin takes it as written). */
export function panelProblems(panel: Panel, uids: Set<string>): string[] {
  const problems: string[] = [];
  const { options, fieldConfig } = migrateSavedPanel({
    options: panel.options,
    fieldConfig: panel.fieldConfig as never,
  });
  if (
    JSON.stringify(options) !== JSON.stringify({ ...panel.options, schemaVersion: options.schemaVersion }) ||
    !(Number(panel.options?.schemaVersion) >= 3)
  ) {
    // Schema 3 dashboards stay as provisioned: the step to 4 only stamps the version (chart.layout is optional).
    problems.push('options are older than schema 3: the migration changes them');
  }
  const defs = validateOptions(options);
  problems.push(...defs.messages);
  for (const objective of defs.objectives) {
    problems.push(...objective.messages.map((m) => `${objective.title}: ${m}`));
    for (const kr of objective.keyResults) {
      problems.push(...[...kr.problems, ...kr.notes].map((m) => `${kr.title}: ${m}`));
    }
  }
  const refIds = new Set((panel.targets ?? []).map((t) => t.refId));
  for (const key of ['okrQuery', 'checkInQuery'] as const) {
    const refId = (options[key] as { refId?: string } | undefined)?.refId;
    if (refId && !refIds.has(refId)) {
      problems.push(`${key}.refId ${refId} is not a query of the panel`);
    }
  }
  const directions = [
    (fieldConfig.defaults.custom as { breachDirection?: unknown } | undefined)?.breachDirection,
    ...(fieldConfig.overrides ?? []).flatMap((o) =>
      o.properties.filter((p) => p.id === 'custom.breachDirection').map((p) => p.value)
    ),
  ].filter((d) => d !== undefined);
  problems.push(
    ...directions
      .filter((d) => !BREACH_DIRECTIONS.includes(String(d)))
      .map((d) => `breachDirection '${d}' is not off/above/below`)
  );
  for (const uid of [panel.datasource?.uid, ...(panel.targets ?? []).map((t) => t.datasource?.uid)]) {
    if (uid && !uids.has(uid)) {
      problems.push(`datasource uid ${uid} is not in datasources.yml`);
    }
  }
  const hasEach = objectivesOf(panel).some((o) => o.keyResults?.some((kr) => kr.each));
  if (objectivesOf(panel).length === 0 && !options.okrQuery) {
    problems.push('no key results: neither objectives nor okrQuery');
  }
  return problems.concat(
    hasEach && (panel.targets ?? []).length !== 1 ? ['an `each` panel should have exactly one query'] : []
  );
}

function objectivesOf(panel: Panel): Array<{ keyResults?: Array<{ each?: boolean }> }> {
  return (panel.options?.objectives as Array<{ keyResults?: Array<{ each?: boolean }> }> | undefined) ?? [];
}

export function okrPanels(dashboard: Dashboard): Panel[] {
  return dashboard.panels.filter((p) => p.type === PLUGIN_ID);
}

/** The dashboard's range length on first load: `now/fQ` to `now/fQ` is a whole quarter. */
function rangeMs(dashboard: Dashboard): number {
  const { from, to } = dashboard.time;
  if (from === 'now/fQ' && to === 'now/fQ') {
    return 92 * 86400_000;
  }
  const match = /^now-(\d+)([hd])$/.exec(from);
  if (!match || to !== 'now') {
    throw new Error(`${dashboard.file}: time range ${from}..${to} is not one the proof knows`);
  }
  return Number(match[1]) * (match[2] === 'h' ? 3600_000 : 86400_000);
}

export function queriesOf(dashboard: Dashboard): Query[] {
  const length = rangeMs(dashboard);
  const to = dateTime();
  const from = dateTime(to.valueOf() - length);
  return okrPanels(dashboard).flatMap((panel) => {
    const { interval, intervalMs } = rangeUtil.calculateInterval(
      { from, to, raw: { from, to } },
      panel.maxDataPoints ?? DEFAULT_MAX_DATA_POINTS,
      panel.interval
    );
    const each = objectivesOf(panel).some((o) => o.keyResults?.some((kr) => kr.each));
    return (panel.targets ?? []).map((target) => ({
      dashboard: dashboard.title,
      panel: panel.title,
      refId: target.refId,
      kind: target.expr ? ('promql' as const) : ('sql' as const),
      text: target.expr ?? target.rawSql ?? '',
      format: target.format,
      rangeMs: length,
      intervalMs,
      interval,
      each,
      legendFormat: target.legendFormat ?? '',
      owner: panel,
    }));
  });
}

/** $__rate_interval as Grafana's Prometheus datasource computes it: max($__interval + scrape, 4 × scrape). */
export function rateIntervalSeconds(intervalMs: number): number {
  return Math.max(intervalMs / 1000 + SCRAPE_SECONDS, 4 * SCRAPE_SECONDS);
}

export function expandPromQL(query: Query): string {
  const interval = Math.round(query.intervalMs / 1000);
  return query.text
    .replace(/\$__rate_interval\b/g, `${rateIntervalSeconds(query.intervalMs)}s`)
    .replace(/\$__interval\b/g, `${interval}s`);
}
