import { OkrOptions, OPTIONS_SCHEMA_VERSION } from '../types';

/**
 * Brings saved panel options up to OPTIONS_SCHEMA_VERSION, one step per version.
 *
 * Grafana calls this when a dashboard saved by another plugin version loads. Steps only add or move
 * fields; whatever they do not understand is carried over unchanged, so an analyst's JSON is never lost.
 * Options from a newer plugin are returned untouched (the panel says so instead of guessing).
 *
 * Version history:
 * - 0: no `schemaVersion` (hand-written provisioning JSON following the README). Same shape as 1.
 * - 1: adds `schemaVersion`.
 */
export function migrateOptions(saved: unknown): OkrOptions {
  const options: Record<string, unknown> = isRecord(saved) ? { ...saved } : {};
  const from = savedSchemaVersion(options);
  if (from > OPTIONS_SCHEMA_VERSION) {
    return options as unknown as OkrOptions;
  }
  return { ...options, schemaVersion: OPTIONS_SCHEMA_VERSION } as unknown as OkrOptions;
}

/** The schema version options were saved with: 0 when absent or not a number. */
export function savedSchemaVersion(options: Record<string, unknown>): number {
  const version = Number(options.schemaVersion);
  return Number.isInteger(version) && version > 0 ? version : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
