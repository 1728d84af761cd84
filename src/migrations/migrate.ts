import { FieldConfigSource, PanelMigrationHandler } from '@grafana/data';

import { OkrOptions, OPTIONS_SCHEMA_VERSION } from '../types';
import { isRecord, SavedPanel } from './savedPanel';
import { toVersion2 } from './v2';

/**
 * Brings a saved panel up to OPTIONS_SCHEMA_VERSION, one step per version.
 *
 * Steps only add or move fields; whatever they do not understand is carried over unchanged, so an
 * analyst's JSON is never lost. Options from a newer plugin are returned untouched (the panel says so
 * instead of guessing).
 *
 * Version history:
 * - 0: no `schemaVersion` (hand-written provisioning JSON following the README). Same shape as 1.
 * - 1: adds `schemaVersion`.
 * - 2: `breaches.thresholds` moves to the per-series field config `breachDirection` (see v2.ts).
 * - 3: OKRs from data (`okrQuery`, `checkInQuery`; per key result `each`, `targetSeries`, `targetMaxSeries`,
 *   `targets`, and no `series` for a manual key result), and `wall.pageSeconds`. Only new, optional fields:
 *   the step rewrites nothing. The version tells an older plugin (which would ignore them and judge the panel
 *   without them) that these options are newer than it understands.
 * - 4: `chart.layout` (auto, shared or perKeyResult). A new, optional field (absent = auto): the step rewrites
 *   nothing, and tells an older plugin, which would always draw one shared chart, that it is newer.
 */
const STEPS: ReadonlyArray<{ to: number; step: (panel: SavedPanel) => SavedPanel }> = [
  { to: 2, step: toVersion2 },
  { to: 3, step: (panel) => panel },
  { to: 4, step: (panel) => panel },
];

/** The panel Grafana hands its migration handler (@grafana/data does not export the type by name). */
type MigrationPanel = Parameters<PanelMigrationHandler<OkrOptions>>[0];

/**
 * Grafana's migration handler. Grafana reads `panel.fieldConfig` back after calling it (its own panels move
 * options into the field config the same way), so assigning the migrated field config is the one write.
 */
export function migratePanel(panel: MigrationPanel): OkrOptions {
  const migrated = migrateSavedPanel({ options: panel.options, fieldConfig: panel.fieldConfig });
  if (migrated.fieldConfig !== panel.fieldConfig) {
    panel.fieldConfig = migrated.fieldConfig;
  }
  return migrated.options;
}

/** The pure migration: returns new objects and leaves its arguments as they were. */
export function migrateSavedPanel(saved: { options: unknown; fieldConfig?: FieldConfigSource }): {
  options: OkrOptions;
  fieldConfig: FieldConfigSource;
} {
  const panel: SavedPanel = {
    options: isRecord(saved.options) ? { ...saved.options } : {},
    fieldConfig: saved.fieldConfig ?? { defaults: {}, overrides: [] },
  };
  const from = savedSchemaVersion(panel.options);
  if (from > OPTIONS_SCHEMA_VERSION) {
    return { options: panel.options as unknown as OkrOptions, fieldConfig: panel.fieldConfig };
  }
  const migrated = STEPS.filter(({ to }) => to > from).reduce((current, { step }) => step(current), panel);
  return {
    options: { ...migrated.options, schemaVersion: OPTIONS_SCHEMA_VERSION } as unknown as OkrOptions,
    fieldConfig: migrated.fieldConfig,
  };
}

/** Whether saved options need the migration: their schema version is not the plugin's. */
export function needsMigration(options: unknown): boolean {
  return savedSchemaVersion(isRecord(options) ? options : {}) !== OPTIONS_SCHEMA_VERSION;
}

/** The schema version options were saved with: 0 when absent or not a number. */
function savedSchemaVersion(options: Record<string, unknown>): number {
  const version = Number(options.schemaVersion);
  return Number.isInteger(version) && version > 0 ? version : 0;
}
