/**
 * The provisioned panels evaluated by the plugin's core on the stack's real query results: Prometheus
 * query_range results and psql rows become the frames Grafana would hand the panel (value fields named as
 * the Prometheus datasource names them: labels plus the legend as displayNameFromDS; SQL columns typed as
 * PostgreSQL types them), the panel's field config is applied (defaults, then overrides by name), and
 * src/okr/evaluate.ts runs. Every key result must come out evaluated: not invalid, not "no data", and with
 * no message; the panel neither. The arithmetic itself is the unit tests' (src/okr/*.test.ts).
 */
import { createDataFrame, DataFrame, Field, FieldType, ScopedVars } from '@grafana/data';

import { evaluate } from '../../src/okr/evaluate';
import type { PanelForProof } from './dashboards';

export interface PromSeries {
  metric: Record<string, string>;
  values?: Array<[number, string]>;
}

/** `{{service}}` → the label's value, as Grafana's legendFormat. */
const legend = (format: string, labels: Record<string, string>) =>
  format.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => labels[name] ?? '');

export function promFrames(refId: string, legendFormat: string, result: PromSeries[]): DataFrame[] {
  return result.map((series) => {
    const { __name__: _name, ...labels } = series.metric;
    const values = series.values ?? [];
    return createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: values.map(([t]) => t * 1000) },
        {
          name: 'Value',
          type: FieldType.number,
          labels,
          values: values.map(([, v]) => Number(v)),
          config: { displayNameFromDS: legend(legendFormat, labels) },
        },
      ],
    });
  });
}

const NUMBER_COLUMNS = new Set(['baseline', 'weight', 'value', 'confidence']);

/** psql --csv rows as a PostgreSQL frame: `time` is a time, KPI columns and the numeric OKR columns numbers. */
export function sqlFrame(refId: string, format: string | undefined, header: string[], rows: string[][]): DataFrame {
  return createDataFrame({
    refId,
    fields: header.map((name, i) => {
      const cells = rows.map((row) => row[i]);
      if (name === 'time') {
        return {
          name,
          type: FieldType.time,
          values: cells.map((c) => (/^\d+(\.\d+)?$/.test(c) ? Number(c) * 1000 : Date.parse(c))),
        };
      }
      const numeric = format === 'time_series' || NUMBER_COLUMNS.has(name);
      return numeric
        ? { name, type: FieldType.number, values: cells.map((c) => (c === '' ? null : Number(c))) }
        : { name, type: FieldType.string, values: cells.map((c) => (c === '' ? null : c)) };
    }),
  });
}

type Config = Record<string, unknown> & { custom?: Record<string, unknown> };

/** The panel's field config on each number field: defaults, then `byName` overrides (Grafana's order). */
function withFieldConfig(frames: DataFrame[], panel: PanelForProof): DataFrame[] {
  const defaults = (panel.fieldConfig?.defaults ?? {}) as Config;
  return frames.map((frame) => ({
    ...frame,
    fields: frame.fields.map((field): Field => {
      if (field.type !== FieldType.number) {
        return field;
      }
      const name = String(field.config.displayNameFromDS ?? field.name);
      let config: Config = { ...defaults, custom: { ...defaults.custom }, ...field.config };
      for (const override of panel.fieldConfig?.overrides ?? []) {
        if (override.matcher?.id === 'byName' && override.matcher.options === name) {
          for (const { id, value } of override.properties ?? []) {
            config = id.startsWith('custom.')
              ? { ...config, custom: { ...config.custom, [id.slice(7)]: value } }
              : { ...config, [id]: value };
          }
        }
      }
      return { ...field, config };
    }),
  }));
}

const interpolate = (text: string, scopedVars: ScopedVars) => {
  const context = scopedVars.__dataContext?.value as { field?: Field } | undefined;
  const name = (scopedVars.__series?.value as { name?: string } | undefined)?.name ?? '';
  return text
    .replace(/\$\{__field\.labels\.(\w+)\}/g, (_m, label: string) => context?.field?.labels?.[label] ?? '')
    .replace(/\$\{__series\.name\}/g, name);
};

/** Evaluates the panel; returns its key results' statuses and every problem found. */
export function evaluatePanel(panel: PanelForProof, frames: DataFrame[], range: { from: number; to: number }) {
  const model = evaluate({
    options: panel.options,
    frames: withFieldConfig(frames, panel),
    timeRange: range,
    timeZone: 'utc',
    now: Math.min(range.to, Date.now()),
    interpolate,
  });
  const keyResults = model.objectives.flatMap((o) => o.keyResults);
  const problems = [
    ...model.messages,
    ...model.objectives.flatMap((o) => o.messages ?? []),
    ...keyResults.flatMap((kr) => [
      ...(kr.status === 'invalid' || kr.status === 'noData' ? [`${kr.title}: ${kr.status}`] : []),
      ...kr.messages.map((m) => `${kr.title}: ${m}`),
    ]),
  ];
  return {
    statuses: keyResults.map((kr) => `${kr.title}=${kr.status}`),
    count: keyResults.length,
    problems,
    breaches: Object.fromEntries(keyResults.map((kr) => [kr.title, kr.breachCount])),
  };
}
