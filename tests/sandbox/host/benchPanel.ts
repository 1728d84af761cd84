import { mergeWith } from 'lodash';

import {
  applyFieldOverrides,
  DataFrame,
  FieldConfigSource,
  GrafanaTheme2,
  InterpolateFunction,
  LoadingState,
  PanelData,
  PanelPlugin,
  ScopedVars,
  TimeRange,
} from '@grafana/data';

/*
 * The render benchmark's plain host (bench.tsx): it times our panel against Grafana's time series panel
 * side by side in one page, outside any dashboard framework, so both get the same hand-built PanelProps.
 * The sandbox page itself hosts the panel in Scenes (scene.tsx).
 */

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

/** A panel's saved JSON: what Grafana's PanelModel holds before the plugin loads. */
export interface SavedPanel {
  options: Record<string, unknown>;
  fieldConfig?: FieldConfigSource;
}

/**
 * Options and field config as Grafana's PanelModel hands them to a panel: the saved panel migrated when it
 * needs it, then merged over the plugin's defaults. The migration handler returns the options and may
 * rewrite `panel.fieldConfig` (ours moves schema 1's breaches.thresholds there), so the field config is read
 * back from the panel afterwards, as Grafana does.
 *
 * Grafana migrates when the saved pluginVersion differs from the plugin's or `plugin.shouldMigrate(panel)`
 * says so. Fixtures carry no pluginVersion, and our options' schemaVersion is the marker our
 * shouldMigrate compares, so the host asks shouldMigrate only: a fixture at the current schema is left as it
 * is, an older one is migrated.
 */
export function panelConfig(
  plugin: PanelPlugin,
  saved: SavedPanel
): { options: Record<string, unknown>; fieldConfig: FieldConfigSource } {
  // The migration may write to the panel; the fixture itself stays as it was loaded.
  const panel = {
    id: 1,
    type: plugin.meta.id,
    options: structuredClone(saved.options),
    fieldConfig: structuredClone(saved.fieldConfig ?? { defaults: {}, overrides: [] }),
  };
  // Our migration handler is synchronous; Grafana also accepts a promise, which the sandbox does not need.
  const migrated =
    plugin.onPanelMigration && plugin.shouldMigrate?.(panel as never)
      ? (plugin.onPanelMigration(panel as never) as Record<string, unknown>)
      : panel.options;
  return {
    options: mergeWith({}, plugin.defaults, migrated, (_defaultValue: unknown, value: unknown) =>
      Array.isArray(value) ? value : undefined
    ),
    fieldConfig: panelFieldConfig(plugin, panel.fieldConfig),
  };
}

function panelFieldConfig(plugin: PanelPlugin, saved: FieldConfigSource): FieldConfigSource {
  const defaults = plugin.fieldConfigDefaults;
  return {
    defaults: mergeWith({}, defaults.defaults, saved.defaults ?? {}, (_d: unknown, v: unknown) =>
      Array.isArray(v) ? v : undefined
    ),
    overrides: saved.overrides ?? [],
  };
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
