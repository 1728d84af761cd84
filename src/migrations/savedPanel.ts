import { FieldConfigSource } from '@grafana/data';

/** What a migration step reads and returns: a saved panel's options and field config, never mutated. */
export interface SavedPanel {
  options: Record<string, unknown>;
  fieldConfig: FieldConfigSource;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
