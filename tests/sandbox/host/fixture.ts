import { mergeWith } from 'lodash';

import {
  applyFieldOverrides,
  DataFrame,
  DataFrameJSON,
  dataFrameFromJSON,
  dateTime,
  FieldConfigSource,
  GrafanaTheme2,
  InterpolateFunction,
  LoadingState,
  PanelData,
  PanelPlugin,
  ScopedVars,
  TimeRange,
} from '@grafana/data';

/** A panel fixture: the one JSON shape that tests, screenshots and bug reports share (see README). */
export interface PanelFixture {
  options: Record<string, unknown>;
  fieldConfig?: FieldConfigSource;
  frames: DataFrameJSON[];
  timeRange: { from: string; to: string };
  timeZone?: string;
  width?: number;
  height?: number;
  theme?: 'dark' | 'light';
  /** Dashboard variables for replaceVariables, e.g. { "env": "prod" }. */
  variables?: Record<string, string>;
  /** Epoch ms or ISO time the panel takes as "now" (default: the real clock). */
  now?: string | number;
}

export function fixtureTimeRange(fixture: PanelFixture): TimeRange {
  const from = dateTime(fixture.timeRange.from);
  const to = dateTime(fixture.timeRange.to);
  return { from, to, raw: { from: fixture.timeRange.from, to: fixture.timeRange.to } };
}

/** Dashboard variable interpolation for $name and ${name}, as Grafana's template service does for plain values. */
export function makeReplaceVariables(variables: Record<string, string> = {}): InterpolateFunction {
  return (text: string, scopedVars?: ScopedVars) =>
    text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced: string | undefined, bare: string | undefined) => {
      const name = (braced ?? bare)!;
      const scoped = scopedVars?.[name]?.value;
      if (scoped !== undefined) {
        return String(scoped);
      }
      return name in variables ? variables[name] : whole;
    });
}

/** Options as Grafana hands them to a panel: migrated from what was saved, then merged over the defaults. */
export function panelOptions(plugin: PanelPlugin, saved: Record<string, unknown>): Record<string, unknown> {
  // Our migration handler is synchronous; Grafana also accepts a promise, which the sandbox does not need.
  const migrated = plugin.onPanelMigration
    ? (plugin.onPanelMigration({
        id: 1,
        type: plugin.meta.id,
        options: structuredClone(saved),
        fieldConfig: { defaults: {}, overrides: [] },
      } as never) as Record<string, unknown>)
    : saved;
  return mergeWith({}, plugin.defaults, migrated, (_defaultValue: unknown, value: unknown) =>
    Array.isArray(value) ? value : undefined
  );
}

export function panelFieldConfig(plugin: PanelPlugin, saved: FieldConfigSource | undefined): FieldConfigSource {
  const defaults = plugin.fieldConfigDefaults;
  return {
    defaults: mergeWith({}, defaults.defaults, saved?.defaults ?? {}, (_d: unknown, v: unknown) =>
      Array.isArray(v) ? v : undefined
    ),
    overrides: saved?.overrides ?? [],
  };
}

export function framesFromJson(frames: DataFrameJSON[]): DataFrame[] {
  // dataFrameFromJSON mutates its argument.
  return frames.map((frame) => dataFrameFromJSON(structuredClone(frame)));
}

interface PanelDataInput {
  plugin: PanelPlugin;
  frames: DataFrame[];
  fieldConfig: FieldConfigSource;
  theme: GrafanaTheme2;
  timeZone: string;
  timeRange: TimeRange;
  replaceVariables: InterpolateFunction;
}

/** PanelData as Grafana's query runner hands it to a panel: field config applied, display processors set. */
export function panelData({
  plugin,
  frames,
  fieldConfig,
  theme,
  timeZone,
  timeRange,
  replaceVariables,
}: PanelDataInput): PanelData {
  const series = applyFieldOverrides({
    data: frames,
    fieldConfig,
    fieldConfigRegistry: plugin.fieldConfigRegistry,
    replaceVariables,
    theme,
    timeZone,
  });
  return { state: LoadingState.Done, series, timeRange };
}
